"""Trainers and mentors: roll call on a phone, the rotating QR code, mentoring notes, grading."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import access
from accounts.models import User

from .. import selectors, services, tokens
from ..access import access_assignment_grader, access_mentor_of, access_session_trainer, access_training_mentor
from ..forms import ExtensionForm, GradeForm, MentoringNoteForm
from ..models import Attendance, AttendanceStatus
from ..services.attendance import expected_trainee_ids
from ..services.certificates import qr_data_uri
from ..services.learning import effective_rubric
from ._helpers import assignment_obj, mentor_assignment_obj, report, session_obj, submission_assignment, submission_obj


@access(access_session_trainer, obj=session_obj)
def attendance(request, pk):
    """Roll call, made for a phone: one row per trainee, four big choices."""
    session = session_obj(request, pk)
    trainee_ids = expected_trainee_ids(session)
    trainees = list(User.objects.filter(pk__in=trainee_ids).order_by("full_name", "id"))
    if request.method == "POST":
        marks = {}
        for trainee in trainees:
            value = request.POST.get(f"t_{trainee.pk}")
            if value:
                marks[trainee.pk] = value
        try:
            changed = services.attendance_mark(actor=request.user, session=session, marks=marks)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Attendance saved (%(n)s changed).") % {"n": changed})
            return redirect("cohorts:attendance", pk=pk)
    current = {a.trainee_id: a for a in Attendance.objects.filter(session=session)}
    rows = [(t, current.get(t.pk)) for t in trainees]
    return render(
        request,
        "cohorts/attendance.html",
        {"session": session, "cohort": session.cohort, "rows": rows, "statuses": AttendanceStatus.choices},
    )


@access(access_session_trainer, obj=session_obj)
def session_qr(request, pk):
    """The check-in code to show on the screen; the page reloads itself as the token rotates."""
    session = session_obj(request, pk)
    token = tokens.current_token(session.pk)
    url = request.build_absolute_uri(reverse("cohorts:checkin", kwargs={"session_pk": session.pk, "token": token}))
    checked_in = Attendance.objects.filter(session=session).count()
    response = render(
        request,
        "cohorts/session_qr.html",
        {
            "session": session,
            "cohort": session.cohort,
            "qr": qr_data_uri(url),
            "checkin_url": url,
            "refresh": min(tokens.seconds_left(), 30),
            "checked_in": checked_in,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@access(access_training_mentor)
def mentoring(request):
    return render(request, "cohorts/mentoring.html", {"assignments": selectors.mentor_assignments_of(request.user)})


@access(access_mentor_of, obj=mentor_assignment_obj)
def mentoring_notes(request, pk):
    assignment = mentor_assignment_obj(request, pk)
    form = MentoringNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.mentoring_note_add(
            actor=request.user,
            assignment=assignment,
            body=form.cleaned_data["body"],
            shared_with_trainee=form.cleaned_data["shared_with_trainee"],
        )
        messages.success(request, _("The note is saved."))
        return redirect("cohorts:mentoring_notes", pk=pk)
    return render(
        request,
        "cohorts/mentoring_notes.html",
        {
            "assignment": assignment,
            "notes": assignment.notes.select_related("author"),
            "form": form,
        },
    )


@access(access_assignment_grader, obj=submission_assignment)
def grade(request, pk):
    submission = submission_obj(request, pk)
    rubric = effective_rubric(submission.assignment)
    initial = {f"s_{i}": v for i, v in enumerate(submission.scores or [])} | {"feedback": submission.feedback}
    form = GradeForm(request.POST or None, rubric=rubric, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_grade(
                actor=request.user, submission=submission, scores=form.scores(), feedback=form.cleaned_data["feedback"]
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The grade is saved."))
            return redirect("cohorts:assignment", pk=submission.assignment_id)
    return render(
        request, "cohorts/grade.html", {"submission": submission, "assignment": submission.assignment, "form": form}
    )


@access(access_assignment_grader, obj=assignment_obj)
def extension(request, pk):
    assignment = assignment_obj(request, pk)
    trainees = User.objects.filter(pk__in=expected_trainee_ids_for_cohort(assignment.cohort)).order_by("full_name")
    form = ExtensionForm(request.POST or None, trainees=trainees)
    if request.method == "POST" and form.is_valid():
        try:
            services.extension_grant(actor=request.user, assignment=assignment, **form.cleaned_data)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The extension is granted."))
            return redirect("cohorts:assignment", pk=pk)
    return render(request, "cohorts/extension.html", {"assignment": assignment, "form": form})


def expected_trainee_ids_for_cohort(cohort) -> list[int]:
    return list(cohort.applications.filter(status="enrolled").values_list("applicant_id", flat=True))
