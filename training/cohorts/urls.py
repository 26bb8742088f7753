from django.urls import path

from .views import public, staff, teaching, trainee

app_name = "cohorts"
urlpatterns = [
    # Public
    path("", public.index, name="index"),
    path("c/<int:pk>/", public.cohort, name="cohort"),
    path("c/<int:pk>/calendar.ics", public.calendar, name="calendar"),
    path("s/<int:pk>/", public.session, name="session"),
    path("verify/<str:code>/", public.verify, name="verify"),
    # Applicants and trainees
    path("mine/", trainee.mine, name="mine"),
    path("c/<int:pk>/apply/", trainee.apply, name="apply"),
    path("applications/<int:pk>/", trainee.application, name="application"),
    path("applications/<int:pk>/respond/", trainee.offer_respond, name="offer_respond"),
    path("s/<int:pk>/enrol/", trainee.session_enrol, name="session_enrol"),
    path("s/<int:pk>/notes/", trainee.session_note_add, name="session_note_add"),
    path("s/<int:pk>/materials/", trainee.session_material_add, name="session_material_add"),
    path("checkin/<int:session_pk>/<str:token>/", trainee.checkin, name="checkin"),
    path("assignments/<int:pk>/", trainee.assignment, name="assignment"),
    path("c/<int:cohort_pk>/capstone/", trainee.capstone, name="capstone"),
    path("certificates/<str:code>/pdf/", trainee.certificate_pdf, name="certificate_pdf"),
    path("hours/", trainee.hours, name="hours"),
    path("c/<int:pk>/feedback/", trainee.feedback, name="feedback"),
    path("outcomes/<int:pk>/", trainee.outcome, name="outcome"),
    # Trainers and mentors
    path("s/<int:pk>/attendance/", teaching.attendance, name="attendance"),
    path("s/<int:pk>/qr/", teaching.session_qr, name="session_qr"),
    path("mentoring/", teaching.mentoring, name="mentoring"),
    path("mentoring/<int:pk>/", teaching.mentoring_notes, name="mentoring_notes"),
    path("submissions/<int:pk>/grade/", teaching.grade, name="grade"),
    path("assignments/<int:pk>/extend/", teaching.extension, name="extension"),
    # Reviewers and operators
    path("review/", staff.review_queue, name="review_queue"),
    path("applications/<int:pk>/review/", staff.review, name="review"),
    path("manage/", staff.manage_index, name="manage_index"),
    path("c/<int:pk>/manage/", staff.manage, name="manage"),
    path("c/<int:pk>/transition/", staff.transition, name="transition"),
    path("c/<int:pk>/rank/", staff.rank, name="rank"),
    path("c/<int:pk>/decide/", staff.decide, name="decide"),
    path("c/<int:pk>/mentors/", staff.mentor_assign, name="mentor_assign"),
    path("c/<int:pk>/roll/", staff.roll, name="roll"),
    path("s/<int:pk>/correct/<int:trainee_pk>/", staff.attendance_correct, name="attendance_correct"),
    path("c/<int:pk>/certificates/issue/", staff.issue_certificates, name="issue_certificates"),
    path("certificates/<int:pk>/revoke/", staff.certificate_revoke, name="certificate_revoke"),
    path("capstones/<int:pk>/", staff.capstone_review, name="capstone_review"),
    path("capstones/<int:pk>/to-grant/", staff.capstone_to_application, name="capstone_to_application"),
    path("c/<int:pk>/rules/", staff.rules, name="rules"),
    path("c/<int:pk>/feedback/results/", staff.feedback_results, name="feedback_results"),
    path("alumni/", staff.alumni, name="alumni"),
]
