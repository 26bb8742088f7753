from django.urls import path

from . import staff_views, views

app_name = "ideas"
urlpatterns = [
    path("", views.board, name="board"),
    path("call/<int:call_pk>/", views.board, name="call_board"),
    path("new/", views.idea_new, name="new"),
    path("mine/", views.my_ideas, name="mine"),
    path("<int:pk>/", views.idea_detail, name="detail"),
    path("<int:pk>/edit/", views.idea_edit, name="edit"),
    path("<int:pk>/submit/", views.idea_submit_view, name="submit"),
    path("<int:pk>/support/", views.support, name="support"),
    path("<int:pk>/unsupport/", views.unsupport, name="unsupport"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("queue/", staff_views.queue, name="queue"),
    path("enter/", staff_views.enter, name="enter"),
    path("events/new/", staff_views.event_new, name="event_new"),
    path("<int:pk>/triage/", staff_views.triage, name="triage"),
    path("<int:pk>/close/", staff_views.close, name="close"),
    path("<int:pk>/adopt/", staff_views.adopt, name="adopt"),
    path("referrals/<int:pk>/answer/", staff_views.answer, name="answer"),
]
