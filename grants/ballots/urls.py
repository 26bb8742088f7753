from django.urls import path

from . import manage_views, views

app_name = "ballots"
urlpatterns = [
    path("", views.ballot_list, name="list"),
    path("<int:pk>/", views.ballot_detail, name="detail"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/receipts/", views.receipts, name="receipts"),
    path("<int:pk>/notice.pdf", views.notice_pdf, name="notice_pdf"),
    path("<int:pk>/tally.<str:fmt>", views.tally_export, name="tally_export"),
    path("manage/", manage_views.manage_list, name="manage_list"),
    path("manage/new/", manage_views.ballot_create, name="create"),
    path("manage/<int:pk>/", manage_views.manage_detail, name="manage_detail"),
    path("manage/<int:pk>/open/", manage_views.ballot_open, name="open"),
    path("manage/<int:pk>/close/", manage_views.ballot_close, name="close"),
    path("manage/<int:pk>/cancel/", manage_views.ballot_cancel, name="cancel"),
    path("manage/<int:pk>/assist/", manage_views.assist, name="assist"),
]
