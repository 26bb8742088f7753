"""Applicants and trainees: apply, answer offers, check in, hand in work, get the certificate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_signed_in
from core.clock import today

from .. import selectors, services
from ..access import (
    access_application_owner,
    access_certificate_holder,
    access_checkin_owner,
    access_cohort_member,
    access_cohort_trainee,
    access_session_participant,
)
from ..forms import ApplicationForm, CapstoneForm, FeedbackForm, MaterialForm, NoteForm, OutcomeForm, SubmissionForm
from ..models import ApplicationStatus, Capstone, SocialWorkerProfile, Submission
from ..services.learning import deadline_for
from ..services.selection import applications_open, offer_is_open
from ..tokens import token_is_valid
from ._helpers import (
    application_obj,
    assignment_obj,
    certificate_by_code,
    checkin_obj,
    cohort_by_kw,
    report,
    session_obj,
)


@access(access_signed_in, obj=cohort_by_kw)
def apply(request, pk):
    """The application form: typed questions of the cohort; save as draft or submit."""
    cohort = cohort_by_kw(request, pk)
    existing = cohort.applications.filter(applicant=request.user).first()
    if existing and existing.status != ApplicationStatus.DRAFT:
        return redirect("cohorts:application", pk=existing.pk)
    if not applications_open(cohort):
        messages.error(request, _("Applications to this cohort are closed."))
        return redirect("cohorts:cohort", pk=cohort.pk)
    initial = ApplicationForm.initial_from(existing) if existing else {}
    form = ApplicationForm(request.POST or None, cohort=cohort, initial=initial)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            application = services.application_save(
                actor=request.user,
                cohort=cohort,
                background=form.cleaned_data["background"],
                birth_date=form.cleaned_data["birth_date"],
                organization=form.cleaned_data["organization"],
                answers=form.answers(),
                submit=submit,
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Your application is submitted.") if submit else _("Your draft is saved."))
            return redirect(
                "cohorts:application" if submit else "cohorts:apply", pk=application.pk if submit else cohort.pk
            )
    return render(
        request,
        "cohorts/apply.html",
        {"cohort": cohort, "form": form, "application": existing},
        status=400 if request.method == "POST" else 200,
    )


@access(access_signed_in)
def mine(request):
    return render(request, "cohorts/mine.html", selectors.trainee_overview(request.user))


@access(access_application_owner, obj=application_obj)
def application(request, pk):
    application = application_obj(request, pk)
    answers = []
    for question in application.cohort.questions.all():
        answers.append((question.prompt, application.answers.get(str(question.pk), "")))
    context = {
        "application": application,
        "cohort": application.cohort,
        "answers": answers,
        "offer_open": offer_is_open(application),
    }
    return render(request, "cohorts/application.html", context)


@access(access_application_owner, obj=application_obj)
@require_POST
def offer_respond(request, pk):
    application = application_obj(request, pk)
    accept = request.POST.get("answer") == "accept"
    try:
        application = services.offer_respond(actor=request.user, application=application, accept=accept)
    except ValidationError as error:
        report(request, error)
        return redirect("cohorts:application", pk=pk)
    if application.status == ApplicationStatus.EXPIRED:
        messages.error(request, _("This offer has expired; the place went to the waiting list."))
    elif application.status == ApplicationStatus.ENROLLED:
        messages.success(request, _("Welcome! You are enrolled."))
        return redirect("cohorts:cohort", pk=application.cohort_id)
    else:
        messages.success(request, _("You have declined the offer."))
    return redirect("cohorts:application", pk=pk)


@access(access_signed_in)
@require_POST
def session_enrol(request, pk):
    session = session_obj(request, pk)
    try:
        services.session_enrol(actor=request.user, session=session)
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("You are enrolled in this session."))
    return redirect("cohorts:session", pk=pk)


@access(access_session_participant, obj=session_obj)
@require_POST
def session_note_add(request, pk):
    session = session_obj(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.session_note_add(actor=request.user, session=session, body=form.cleaned_data["body"])
        messages.success(request, _("Your note is shared."))
    else:
        messages.error(request, _("Write the note first."))
    return redirect("cohorts:session", pk=pk)


@access(access_session_participant, obj=session_obj)
def session_material_add(request, pk):
    session = session_obj(request, pk)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_material_add(
                actor=request.user,
                session=session,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                url=form.cleaned_data["url"],
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The material is shared."))
            return redirect("cohorts:session", pk=pk)
    return render(
        request,
        "cohorts/material_form.html",
        {"session": session, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@access(access_signed_in)
def checkin(request, session_pk, token):
    """Where the session's QR code points: confirm, then check in with the same (still fresh) token."""
    session = session_obj(request, session_pk=session_pk)
    if request.method == "POST":
        try:
            services.attendance_check_in(user=request.user, session=session, token=token)
        except ValidationError as error:
            report(request, error)
            return render(request, "cohorts/checkin.html", {"session": session, "refused": True}, status=400)
        messages.success(request, _("You are checked in for %(session)s.") % {"session": session})
        return redirect("cohorts:cohort", pk=session.cohort_id)
    from ..services.attendance import checkin_problem

    problem = checkin_problem(session, user=request.user, token=token)
    return render(
        request,
        "cohorts/checkin.html",
        {"session": session, "problem": problem, "token": token},
        status=400 if problem and not token_is_valid(session.pk, token) else 200,
    )


@access(access_cohort_member, obj=lambda request, pk: assignment_obj(request, pk).cohort)
def assignment(request, pk):
    assignment = assignment_obj(request, pk)
    submission = Submission.objects.filter(assignment=assignment, trainee=request.user).first()
    form = SubmissionForm(request.POST or None, initial={"body": submission.body if submission else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_save(actor=request.user, assignment=assignment, body=form.cleaned_data["body"])
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Your work is handed in."))
            return redirect("cohorts:assignment", pk=pk)
    context = {
        "assignment": assignment,
        "cohort": assignment.cohort,
        "submission": submission,
        "form": form,
        "deadline": deadline_for(assignment, request.user),
    }
    from ..access import access_assignment_grader

    if access_assignment_grader(request.user, assignment):
        context["submissions"] = assignment.submissions.select_related("trainee").order_by("trainee__full_name")
        context["can_grade"] = True
    return render(request, "cohorts/assignment.html", context)


@access(access_cohort_trainee, obj=cohort_by_kw)
def capstone(request, cohort_pk):
    cohort = cohort_by_kw(request, cohort_pk=cohort_pk)
    capstone = Capstone.objects.filter(cohort=cohort, trainee=request.user).select_related("application").first()
    initial = {}
    if capstone:
        initial = {
            "title": capstone.title,
            "problem": capstone.problem,
            "plan": capstone.plan,
            "beneficiaries": capstone.beneficiaries,
            "budget_yuan": capstone.budget_fen // 100,
            "organization": capstone.organization_id,
        }
    form = CapstoneForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            capstone = services.capstone_save(
                actor=request.user,
                cohort=cohort,
                title=data["title"],
                problem=data["problem"],
                plan=data["plan"],
                beneficiaries=data["beneficiaries"],
                budget_fen=data["budget_yuan"] * 100,
                organization=data["organization"],
                submit="submit" in request.POST,
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(
                request, _("Your capstone is submitted.") if "submit" in request.POST else _("Your draft is saved.")
            )
            return redirect("cohorts:capstone", cohort_pk=cohort.pk)
    editable = capstone is None or capstone.status in ("draft", "revision_requested")
    return render(
        request, "cohorts/capstone.html", {"cohort": cohort, "capstone": capstone, "form": form, "editable": editable}
    )


@access(access_certificate_holder, obj=certificate_by_code)
def certificate_pdf(request, code):
    certificate = certificate_by_code(request, code)
    pdf = services.certificate_pdf(certificate, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.serial}.pdf"'
    return response


@access(access_signed_in)
def hours(request):
    profile = SocialWorkerProfile.objects.filter(user=request.user).first()
    period = selectors.hours_period(profile, today=today()) if profile else None
    return render(request, "cohorts/hours.html", {"profile": profile, "period": period})


@access(access_cohort_trainee, obj=cohort_by_kw)
def feedback(request, pk):
    cohort = cohort_by_kw(request, pk)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("cohorts:cohort", pk=pk)
    answered = cohort.feedback.filter(trainee=request.user).exists()
    return render(request, "cohorts/feedback.html", {"cohort": cohort, "form": form, "answered": answered})


@access(access_checkin_owner, obj=checkin_obj)
def outcome(request, pk):
    checkin = checkin_obj(request, pk)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.outcome_checkin_answer(
                actor=request.user,
                checkin=checkin,
                still_active=data["still_active"],
                projects_led=data["projects_led"],
                funding_won_fen=data["funding_won_yuan"] * 100,
                notes=data["notes"],
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Thank you! Your answers help the centre improve the camps."))
            return redirect("cohorts:mine")
    return render(request, "cohorts/outcome.html", {"checkin": checkin, "form": form, "due": checkin.due_on <= today()})
