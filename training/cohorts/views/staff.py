"""Operators and reviewers: selection, the roll, corrections, certificates, capstones, rules, alumni."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access
from accounts.models import User

from .. import selectors, services
from ..access import (
    access_capstone_reader,
    access_cohort_staff,
    access_training_operator,
    access_training_reviewer,
    access_training_staff_or_mentor,
)
from ..forms import (
    CapstoneDecisionForm,
    CorrectionForm,
    DecisionForm,
    GrantApplicationForm,
    MentorAssignForm,
    ReviewForm,
    RevokeForm,
    RulesForm,
)
from ..models import (
    ApplicationReview,
    ApplicationStatus,
    Attendance,
    Cohort,
    CohortStatus,
    ProgramKind,
)
from ..services.cohorts import COHORT_MACHINE
from ._helpers import application_obj, capstone_obj, certificate_obj, cohort_by_kw, report, session_obj

# ---- reviewers ---------------------------------------------------------------------------------------


@access(access_training_reviewer)
def review_queue(request):
    return render(request, "cohorts/review_queue.html", {"applications": selectors.reviewer_queue(request.user)})


@access(access_training_reviewer, obj=application_obj)
def review(request, pk):
    application = application_obj(request, pk)
    if application.applicant_id == request.user.pk or application.status == ApplicationStatus.DRAFT:
        from django.http import Http404

        raise Http404
    existing = ApplicationReview.objects.filter(application=application, reviewer=request.user).first()
    criteria = list(application.cohort.criteria.all())
    initial = {}
    if existing:
        initial = {f"c_{k}": v for k, v in existing.scores.items()} | {
            "comment": existing.comment,
            "conflict": existing.conflict,
            "conflict_reason": existing.conflict_reason,
        }
    form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_review_save(
                reviewer=request.user,
                application=application,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                conflict=form.cleaned_data["conflict"],
                conflict_reason=form.cleaned_data["conflict_reason"],
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("Your review is saved."))
            return redirect("cohorts:review_queue")
    conflicted = existing is not None and existing.conflict
    answers = [(q.prompt, application.answers.get(str(q.pk), "")) for q in application.cohort.questions.all()]
    return render(
        request,
        "cohorts/review.html",
        {
            "application": application,
            "form": form,
            "answers": answers,
            "conflicted": conflicted,
        },
    )


# ---- operators -----------------------------------------------------------------------------------------


@access(access_training_operator)
def manage_index(request):
    cohorts = Cohort.objects.annotate(
        submitted=Count("applications", filter=~Q(applications__status=ApplicationStatus.DRAFT)),
        enrolled=Count("applications", filter=Q(applications__status=ApplicationStatus.ENROLLED)),
    ).order_by("-starts_on", "-id")
    return render(request, "cohorts/manage_index.html", {"cohorts": cohorts})


@access(access_training_operator, obj=cohort_by_kw)
def manage(request, pk):
    cohort = cohort_by_kw(request, pk)
    context = {
        "cohort": cohort,
        "applications": selectors.ranked_applications(cohort),
        "waitlist": selectors.waitlist(cohort),
        "seats_taken": selectors.seats_taken(cohort),
        "targets": [(t, CohortStatus(t).label) for t in COHORT_MACHINE.allowed(cohort.status)],
        "decision_form": DecisionForm(),
        "mentor_form": MentorAssignForm(cohort=cohort),
        "mentor_assignments": cohort.mentor_assignments.select_related("mentor", "trainee", "team"),
        "capstones": cohort.capstones.select_related("trainee", "application"),
        "certificates": cohort.certificates.select_related("trainee"),
    }
    return render(request, "cohorts/manage.html", context)


@access(access_training_operator, obj=cohort_by_kw)
@require_POST
def transition(request, pk):
    cohort = cohort_by_kw(request, pk)
    try:
        services.cohort_transition(actor=request.user, cohort=cohort, target=request.POST.get("target", ""))
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("The cohort's status has changed."))
    return redirect("cohorts:manage", pk=pk)


@access(access_training_operator, obj=cohort_by_kw)
@require_POST
def rank(request, pk):
    cohort = cohort_by_kw(request, pk)
    order = None
    if request.POST.get("mode") == "manual":
        positions = []
        for key, value in request.POST.items():
            if key.startswith("rank_") and value.strip().isdigit():
                positions.append((int(value), int(key[5:])))
        order = [pk for _, pk in sorted(positions)]
    services.applications_rank(actor=request.user, cohort=cohort, order=order)
    messages.success(request, _("The ranking is saved."))
    return redirect("cohorts:manage", pk=pk)


@access(access_training_operator, obj=cohort_by_kw)
@require_POST
def decide(request, pk):
    cohort = cohort_by_kw(request, pk)
    form = DecisionForm(request.POST)
    ids = [int(v) for v in request.POST.getlist("applications") if v.isdigit()]
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose applications and a decision."))
        return redirect("cohorts:manage", pk=pk)
    try:
        count = services.applications_decide(
            actor=request.user,
            cohort=cohort,
            application_ids=ids,
            decision=form.cleaned_data["decision"],
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("%(n)s applicants were told the decision.") % {"n": count})
    return redirect("cohorts:manage", pk=pk)


@access(access_training_operator, obj=cohort_by_kw)
@require_POST
def mentor_assign(request, pk):
    cohort = cohort_by_kw(request, pk)
    form = MentorAssignForm(request.POST, cohort=cohort)
    if form.is_valid():
        try:
            services.mentor_assign(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The mentor is assigned."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("cohorts:manage", pk=pk)


@access(access_cohort_staff, obj=cohort_by_kw)
def roll(request, pk):
    """Attendance per session and completion per trainee; those at risk are flagged."""
    cohort = cohort_by_kw(request, pk)
    sessions, rows = selectors.cohort_roll(cohort)
    return render(
        request,
        "cohorts/roll.html",
        {"cohort": cohort, "sessions": sessions, "rows": rows, "is_operator": access_training_operator(request.user)},
    )


@access(access_training_operator, obj=lambda request, pk, trainee_pk: session_obj(request, pk))
def attendance_correct(request, pk, trainee_pk):
    session = session_obj(request, pk)
    trainee = get_object_or_404(User, pk=trainee_pk)
    current = Attendance.objects.filter(session=session, trainee=trainee).first()
    form = CorrectionForm(request.POST or None, initial={"status": current.status if current else "present"})
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_correct(actor=request.user, session=session, trainee=trainee, **form.cleaned_data)
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The correction is saved and recorded."))
            return redirect("cohorts:roll", pk=session.cohort_id)
    return render(
        request,
        "cohorts/correct.html",
        {"session": session, "trainee": trainee, "current": current, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@access(access_training_operator, obj=cohort_by_kw)
@require_POST
def issue_certificates(request, pk):
    cohort = cohort_by_kw(request, pk)
    issued, skipped = services.certificates_issue_for_cohort(actor=request.user, cohort=cohort)
    messages.success(request, _("%(n)s certificates issued.") % {"n": len(issued)})
    for reason in skipped:
        messages.warning(request, reason)
    return redirect("cohorts:manage", pk=pk)


@access(access_training_operator, obj=certificate_obj)
def certificate_revoke(request, pk):
    certificate = certificate_obj(request, pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The certificate is revoked."))
            return redirect("cohorts:manage", pk=certificate.cohort_id)
    return render(request, "cohorts/revoke.html", {"certificate": certificate, "form": form})


@access(access_capstone_reader, obj=capstone_obj)
def capstone_review(request, pk):
    capstone = capstone_obj(request, pk)
    can_decide = access_training_operator(request.user)
    form = CapstoneDecisionForm(request.POST or None)
    if request.method == "POST" and can_decide and form.is_valid():
        try:
            services.capstone_decide(
                actor=request.user,
                capstone=capstone,
                accept=request.POST.get("decision") == "accept",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("cohorts:capstone_review", pk=pk)
    return render(
        request,
        "cohorts/capstone_review.html",
        {
            "capstone": capstone,
            "form": form,
            "can_decide": can_decide,
            "grant_form": GrantApplicationForm() if can_decide else None,
        },
    )


@access(access_training_operator, obj=capstone_obj)
@require_POST
def capstone_to_application(request, pk):
    capstone = capstone_obj(request, pk)
    form = GrantApplicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an open funding round."))
        return redirect("cohorts:capstone_review", pk=pk)
    try:
        services.capstone_to_application(actor=request.user, capstone=capstone, round=form.cleaned_data["round"])
    except ValidationError as error:
        report(request, error)
    else:
        messages.success(request, _("A draft grant application was created from the capstone."))
    return redirect("cohorts:capstone_review", pk=pk)


@access(access_training_operator, obj=cohort_by_kw)
def rules(request, pk):
    cohort = cohort_by_kw(request, pk)
    form = RulesForm(request.POST or None, instance=Cohort.objects.get(pk=cohort.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_rules_update(
                actor=request.user, cohort=cohort, **{name: form.cleaned_data[name] for name in RulesForm.Meta.fields}
            )
        except ValidationError as error:
            report(request, error)
        else:
            messages.success(request, _("The completion rules are saved."))
            return redirect("cohorts:manage", pk=pk)
    elif request.method == "POST":
        # The model's own check refuses locked rules too; say so plainly.
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return render(
        request, "cohorts/rules.html", {"cohort": cohort, "form": form}, status=400 if request.method == "POST" else 200
    )


@access(access_training_operator, obj=cohort_by_kw)
def feedback_results(request, pk):
    cohort = cohort_by_kw(request, pk)
    responses = cohort.feedback.select_related("trainee").order_by("-created_at")
    summary = responses.aggregate(
        overall=Avg("overall"),
        usefulness=Avg("usefulness"),
        count=Count("id"),
        recommend=Count("id", filter=Q(would_recommend=True)),
    )
    return render(
        request, "cohorts/feedback_results.html", {"cohort": cohort, "responses": responses, "summary": summary}
    )


@access(access_training_staff_or_mentor)
def alumni(request):
    program = request.GET.get("program") or None
    if program not in ProgramKind.values:
        program = None
    year = request.GET.get("year")
    year = int(year) if year and year.isdigit() else None
    certificates = selectors.alumni(program=program, year=year).prefetch_related("checkins")
    return render(
        request,
        "cohorts/alumni.html",
        {"certificates": certificates[:500], "program": program, "year": year, "programs": ProgramKind.choices},
    )
