from django.urls import path

from .views import applicant, exports, public, review, staff

app_name = "rounds"
urlpatterns = [
    path("", public.index, name="index"),
    path("<int:pk>/", public.detail, name="detail"),
    path("<int:pk>/notice/", public.notice, name="notice"),
    path("<int:pk>/notice.pdf", public.notice_pdf, name="notice_pdf"),
    path("<int:pk>/notice/object/", public.objection, name="objection"),
    # applicants
    path("mine/", applicant.dashboard, name="dashboard"),
    path("<int:pk>/apply/", applicant.apply, name="apply"),
    path("applications/<int:pk>/", applicant.application, name="application"),
    path("applications/<int:pk>/edit/", applicant.application_edit, name="application_edit"),
    path("applications/<int:pk>/submit/", applicant.application_submit, name="application_submit"),
    path("applications/<int:pk>/withdraw/", applicant.application_withdraw, name="application_withdraw"),
    path("applications/<int:pk>/attach/", applicant.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/remove/", applicant.attachment_remove, name="attachment_remove"),
    path("applications/<int:pk>.pdf", applicant.application_pdf, name="application_pdf"),
    path("<int:pk>/peer/", review.peer, name="peer"),
    # reviewers and roadshow scorers
    path("reviews/", review.review_queue, name="review_queue"),
    path("reviews/<int:pk>/", review.review, name="review"),
    path("reviews/<int:pk>/conflict/", review.review_conflict, name="review_conflict"),
    path("<int:pk>/roadshow/", review.roadshow, name="roadshow"),
    path("<int:pk>/roadshow/<int:application_pk>/score/", review.roadshow_score, name="roadshow_score"),
    # operators
    path("<int:pk>/manage/", staff.manage, name="manage"),
    path("<int:pk>/move/", staff.round_move, name="round_move"),
    path("<int:pk>/extend/", staff.round_extend, name="round_extend"),
    path("applications/<int:pk>/screen/", staff.screen, name="screen"),
    path("applications/<int:pk>/shortlist/", staff.shortlist, name="shortlist"),
    path("applications/<int:pk>/assign/", staff.assign, name="assign"),
    path("<int:pk>/progress/", staff.progress, name="progress"),
    path("<int:pk>/ranking/", staff.ranking, name="ranking"),
    path("<int:pk>/rank/", staff.rank, name="rank"),
    path("<int:pk>/override/", staff.override, name="override"),
    path("<int:pk>/notice/publish/", staff.notice_publish, name="notice_publish"),
    path("objections/<int:pk>/answer/", staff.objection_answer, name="objection_answer"),
    path("<int:pk>/notice/confirm/", staff.notice_confirm, name="notice_confirm"),
    path("<int:pk>/roadshow/live/", staff.roadshow_live, name="roadshow_live"),
    path("<int:pk>/roadshow/toggle/", staff.roadshow_toggle, name="roadshow_toggle"),
    path("<int:pk>/roadshow/scorers/", staff.scorer_add, name="scorer_add"),
    path("<int:pk>/export/<str:kind>.<str:fmt>", exports.export, name="export"),
]
