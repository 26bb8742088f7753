"""Applications to a cohort, rubric reviews, ranking, bulk decisions, offers and the waiting list."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.access import has_role
from accounts.models import RoleKind
from audit.services import audit_record
from core.clock import now, today
from core.statemachine import StateMachine

from ..models import (
    ApplicantBackground,
    ApplicationReview,
    ApplicationStatus,
    Cohort,
    CohortStatus,
    ProgramKind,
    QuestionKind,
    TraineeApplication,
)
from ..models.programs import DEFAULT_ACCEPT_MESSAGE, DEFAULT_REJECT_MESSAGE, DEFAULT_WAITLIST_MESSAGE
from ..selectors import SEAT_STATUSES
from ._common import local_minute, render_message, tell
from .cohorts import lock

A = ApplicationStatus
APPLICATION_MACHINE = StateMachine(
    {
        A.DRAFT: [A.SUBMITTED, A.WITHDRAWN],
        A.SUBMITTED: [A.OFFERED, A.WAITLISTED, A.REJECTED, A.WITHDRAWN],
        A.WAITLISTED: [A.OFFERED, A.REJECTED, A.WITHDRAWN],
        A.OFFERED: [A.ENROLLED, A.DECLINED, A.EXPIRED],
        A.ENROLLED: [A.WITHDRAWN],
    }
)
DECISION_STATES = {CohortStatus.SELECTION, CohortStatus.RUNNING}


# ---- applying ---------------------------------------------------------------------------------


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def eligibility_problem(cohort: Cohort, *, user, background: str, birth_date) -> str | None:
    """Why this applicant cannot join this program's cohort, or None."""
    if cohort.program == ProgramKind.SOCIAL_INNOVATION:
        if background != ApplicantBackground.COMMUNITY_WORKER and not has_role(user, RoleKind.COMMUNITY_WORKER):
            return _("The Social Innovation Camp is for community workers (社区工作者).")
    elif cohort.program == ProgramKind.YOUTH_INNOVATION:
        if background in (ApplicantBackground.SOCIAL_WORK_GRADUATE, ApplicantBackground.TEAM_LEADER):
            return None
        if cohort.max_age and birth_date and age_on(birth_date, today()) <= cohort.max_age:
            return None
        if cohort.max_age:
            return _(
                "The Youth Innovation Camp is for social-work graduates, leaders of public-benefit teams "
                "and people aged %(age)s or under (give your date of birth)."
            ) % {"age": cohort.max_age}
        return _("The Youth Innovation Camp is for social-work graduates and leaders of public-benefit teams.")
    return None


def clean_answers(cohort: Cohort, answers: dict, *, final: bool) -> dict:
    """Check each answer against its question's type; on submission every required one must be there."""
    cleaned, errors = {}, []
    for question in cohort.questions.all():
        key = str(question.pk)
        value = answers.get(key)
        value = value.strip() if isinstance(value, str) else value
        if value in (None, ""):
            if final and question.required:
                errors.append(_("Answer “%(q)s”.") % {"q": question.prompt})
            continue
        if question.kind == QuestionKind.NUMBER:
            try:
                value = str(Decimal(str(value)))
            except ArithmeticError:
                errors.append(_("“%(q)s” needs a number.") % {"q": question.prompt})
                continue
        elif question.kind == QuestionKind.CHOICE and value not in question.choice_list:
            errors.append(_("Choose one of the listed answers for “%(q)s”.") % {"q": question.prompt})
            continue
        elif question.kind == QuestionKind.YES_NO and value not in ("yes", "no"):
            errors.append(_("Answer “%(q)s” with yes or no.") % {"q": question.prompt})
            continue
        elif question.kind == QuestionKind.DATE:
            try:
                datetime.date.fromisoformat(str(value))
            except ValueError:
                errors.append(_("“%(q)s” needs a date like 2026-05-01.") % {"q": question.prompt})
                continue
        cleaned[key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def applications_open(cohort: Cohort) -> bool:
    if cohort.status != CohortStatus.APPLICATIONS_OPEN or cohort.is_study_club:
        return False
    return cohort.applications_close_at is None or now() < cohort.applications_close_at


@transaction.atomic
def application_save(
    *,
    actor,
    cohort: Cohort,
    background: str,
    birth_date: datetime.date | None = None,
    organization=None,
    answers: dict,
    submit: bool,
) -> TraineeApplication:
    """Save the applicant's draft, or submit it (then it can no longer change)."""
    if not applications_open(cohort):
        raise ValidationError(_("Applications to this cohort are closed."), code="closed")
    application, _created = TraineeApplication.objects.select_for_update().get_or_create(
        cohort=cohort, applicant=actor, defaults={"background": background}
    )
    if application.status != A.DRAFT:
        raise ValidationError(_("This application has been submitted and can no longer be changed."), code="submitted")
    application.background = background
    application.birth_date = birth_date
    application.organization = organization
    application.answers = clean_answers(cohort, answers, final=submit)
    if submit:
        problem = eligibility_problem(cohort, user=actor, background=background, birth_date=birth_date)
        if problem:
            raise ValidationError(problem, code="ineligible")
        APPLICATION_MACHINE.apply(application, A.SUBMITTED)
        application.submitted_at = now()
    application.full_clean()
    application.save()
    audit_record(
        actor=actor,
        action="training_application.submitted" if submit else "training_application.saved",
        obj=application,
    )
    if submit:
        tell(
            actor,
            "application_received",
            _("Your application to %(cohort)s has been received.") % {"cohort": cohort},
            url_name="cohorts:application",
            url_kwargs={"pk": application.pk},
        )
    return application


# ---- review and ranking -----------------------------------------------------------------------


def weighted_total(criteria, scores: dict) -> Decimal:
    top = sum(c.max_score * c.weight for c in criteria)
    got = sum(int(scores[str(c.pk)]) * c.weight for c in criteria)
    return (Decimal(100) * got / top).quantize(Decimal("0.01")) if top else Decimal(0)


@transaction.atomic
def application_review_save(
    *,
    reviewer,
    application: TraineeApplication,
    scores: dict,
    comment: str = "",
    conflict: bool = False,
    conflict_reason: str = "",
) -> ApplicationReview:
    """A reviewer's rubric scores, or a declared conflict of interest (then they score nothing)."""
    application = (
        TraineeApplication.objects.select_for_update(of=("self",)).select_related("cohort").get(pk=application.pk)
    )
    if application.cohort.status not in (CohortStatus.APPLICATIONS_OPEN, CohortStatus.SELECTION):
        raise ValidationError(_("Reviews are closed for this cohort."), code="closed")
    if application.status not in (A.SUBMITTED, A.WAITLISTED):
        raise ValidationError(_("Only submitted applications are reviewed."), code="not_submitted")
    if application.applicant_id == reviewer.pk:
        conflict, conflict_reason = True, conflict_reason or _("own application")
    review = ApplicationReview.objects.filter(application=application, reviewer=reviewer).first() or ApplicationReview(
        application=application, reviewer=reviewer
    )
    if review.pk and review.conflict and not conflict:
        raise ValidationError(
            _("You declared a conflict of interest for this application and cannot score it."), code="conflict"
        )
    review.comment = comment
    review.conflict = conflict
    review.conflict_reason = conflict_reason if conflict else ""
    if conflict:
        review.scores, review.total = {}, None
    else:
        criteria = list(application.cohort.criteria.all())
        if not criteria:
            raise ValidationError(_("This cohort has no rubric yet."), code="no_rubric")
        cleaned = {}
        for criterion in criteria:
            raw = scores.get(str(criterion.pk))
            try:
                value = int(raw)
            except (TypeError, ValueError):
                raise ValidationError(_("Score “%(name)s”.") % {"name": criterion.name}, code="missing_score")
            if not 0 <= value <= criterion.max_score:
                raise ValidationError(
                    _("“%(name)s” is scored from 0 to %(max)s.") % {"name": criterion.name, "max": criterion.max_score},
                    code="score_range",
                )
            cleaned[str(criterion.pk)] = value
        review.scores = cleaned
        review.total = weighted_total(criteria, cleaned)
    review.full_clean()
    review.save()
    audit_record(
        actor=reviewer,
        action="training_application.conflict_declared" if conflict else "training_application.reviewed",
        obj=application,
        changes={"total": review.total},
        reason=review.conflict_reason,
    )
    return review


@transaction.atomic
def applications_rank(*, actor, cohort: Cohort, order: list[int] | None = None) -> list[int]:
    """Number the submitted applications 1..n: by the given order, else by reviewers' average score."""
    from ..selectors import ranked_applications

    cohort = lock(cohort)
    candidates = list(ranked_applications(cohort).filter(status__in=[A.SUBMITTED, A.WAITLISTED]))
    if order is None:
        # Unreviewed applications go last; ties keep the order they were submitted in.
        ordered = sorted(candidates, key=lambda a: (a.avg_score is None, -(a.avg_score or 0), a.submitted_at, a.pk))
    else:
        by_id = {a.pk: a for a in candidates}
        ordered = [by_id[pk] for pk in order if pk in by_id]
        ordered += [a for a in candidates if a.pk not in set(order)]
    for position, application in enumerate(ordered, start=1):
        TraineeApplication.objects.filter(pk=application.pk).update(rank=position)
    audit_record(actor=actor, action="cohort.ranked", obj=cohort, changes={"order": [a.pk for a in ordered]})
    return [a.pk for a in ordered]


def _message(cohort: Cohort, kind: str, override: str) -> str:
    if override.strip():
        return override
    stored = {"offer": cohort.accept_message, "reject": cohort.reject_message, "waitlist": cohort.waitlist_message}[
        kind
    ]
    defaults = {"offer": DEFAULT_ACCEPT_MESSAGE, "reject": DEFAULT_REJECT_MESSAGE, "waitlist": DEFAULT_WAITLIST_MESSAGE}
    return stored or str(defaults[kind])


def _offer(application: TraineeApplication, *, actor, template: str) -> None:
    moment = now()
    APPLICATION_MACHINE.apply(application, A.OFFERED)
    application.waitlist_position = None
    application.offered_at = application.decided_at = moment
    application.offer_expires_at = moment + datetime.timedelta(days=application.cohort.offer_days)
    application.decision_message = render_message(
        template,
        name=application.applicant.display_name,
        cohort=application.cohort.title,
        deadline=local_minute(application.offer_expires_at),
    )
    application.full_clean()
    application.save()
    audit_record(
        actor=actor,
        action="training_application.offered",
        obj=application,
        changes={"offer_expires_at": application.offer_expires_at},
    )
    tell(
        application.applicant,
        "offer",
        _("You are offered a place in %(cohort)s") % {"cohort": application.cohort},
        application.decision_message,
        url_name="cohorts:application",
        url_kwargs={"pk": application.pk},
    )


@transaction.atomic
def applications_decide(*, actor, cohort: Cohort, application_ids: list[int], decision: str, message: str = "") -> int:
    """Offer places to, reject or waitlist the chosen applications, in rank order, with one message each."""
    if decision not in ("offer", "reject", "waitlist"):
        raise ValueError(decision)
    cohort = lock(cohort)
    if cohort.status not in DECISION_STATES:
        raise ValidationError(_("Decisions are made once the cohort is in selection."), code="not_selection")
    allowed = [A.SUBMITTED] if decision == "waitlist" else [A.SUBMITTED, A.WAITLISTED]
    chosen = list(
        TraineeApplication.objects.select_for_update()
        .filter(cohort=cohort, pk__in=application_ids, status__in=allowed)
        .select_related("applicant", "cohort")
        .order_by("rank", "waitlist_position", "submitted_at", "id")
    )
    if not chosen:
        raise ValidationError(_("None of the chosen applications can take this decision."), code="nothing")
    template = _message(cohort, decision, message)
    if decision == "offer":
        free = cohort.capacity - cohort.applications.filter(status__in=SEAT_STATUSES).count()
        if len(chosen) > free:
            raise ValidationError(
                _("Only %(free)s places are left in this cohort; waitlist the others.") % {"free": max(free, 0)},
                code="capacity",
            )
        for application in chosen:
            application.cohort = cohort
            _offer(application, actor=actor, template=template)
        return len(chosen)
    next_position = (cohort.applications.aggregate(m=Max("waitlist_position"))["m"] or 0) + 1
    for application in chosen:
        target = A.WAITLISTED if decision == "waitlist" else A.REJECTED
        APPLICATION_MACHINE.apply(application, target)
        application.decided_at = now()
        if target == A.WAITLISTED:
            application.waitlist_position = next_position
            next_position += 1
        else:
            application.waitlist_position = None
        application.decision_message = render_message(
            template,
            name=application.applicant.display_name,
            cohort=cohort.title,
            position=application.waitlist_position or "",
        )
        application.full_clean()
        application.save()
        audit_record(actor=actor, action=f"training_application.{target}", obj=application)
        subject = (
            _("You are on the waiting list for %(cohort)s")
            if target == A.WAITLISTED
            else _("Your application to %(cohort)s")
        ) % {"cohort": cohort}
        tell(
            application.applicant,
            decision,
            subject,
            application.decision_message,
            url_name="cohorts:application",
            url_kwargs={"pk": application.pk},
        )
    return len(chosen)


# ---- offers and the waiting list --------------------------------------------------------------


def waitlist_promote(*, cohort: Cohort, actor=None) -> list[TraineeApplication]:
    """Offer freed places to the next people on the waiting list, in order. Call inside a transaction.

    The cohort row is locked first, so two offers lapsing at the same moment promote two
    different people rather than the same one twice.
    """
    cohort = lock(cohort)
    if cohort.status not in DECISION_STATES:
        return []
    promoted = []
    free = cohort.capacity - cohort.applications.filter(status__in=SEAT_STATUSES).count()
    while free > 0:
        application = (
            TraineeApplication.objects.select_for_update()
            .filter(cohort=cohort, status=A.WAITLISTED)
            .select_related("applicant", "cohort")
            .order_by("waitlist_position", "id")
            .first()
        )
        if application is None:
            break
        _offer(application, actor=actor, template=_message(cohort, "offer", ""))
        promoted.append(application)
        free -= 1
    return promoted


def _lapse(application: TraineeApplication, *, actor, target: str) -> None:
    APPLICATION_MACHINE.apply(application, target)
    application.responded_at = now()
    application.full_clean()
    application.save()
    audit_record(actor=actor, action=f"training_application.{target}", obj=application)
    waitlist_promote(cohort=application.cohort, actor=actor)


def offer_is_open(application: TraineeApplication, *, at=None) -> bool:
    """An offer can be answered strictly before its deadline; at the deadline it has expired."""
    return application.status == A.OFFERED and (at or now()) < application.offer_expires_at


@transaction.atomic
def offer_respond(*, actor, application: TraineeApplication, accept: bool) -> TraineeApplication:
    """Accept or decline an offer. An offer already past its deadline is expired instead (check `.status`)."""
    application = (
        TraineeApplication.objects.select_for_update(of=("self",))
        .select_related("cohort", "applicant")
        .get(pk=application.pk)
    )
    if application.applicant_id != actor.pk:
        raise ValidationError(_("Only the applicant can answer this offer."), code="not_yours")
    if application.status != A.OFFERED:
        raise ValidationError(_("There is no open offer to answer."), code="no_offer")
    if not offer_is_open(application):
        _lapse(application, actor=None, target=A.EXPIRED)
        tell(
            application.applicant,
            "offer_expired",
            _("Your offer for %(cohort)s has expired") % {"cohort": application.cohort},
            url_name="cohorts:application",
            url_kwargs={"pk": application.pk},
        )
        return application
    if accept:
        APPLICATION_MACHINE.apply(application, A.ENROLLED)
        application.responded_at = now()
        application.full_clean()
        application.save()
        audit_record(actor=actor, action="training_application.enrolled", obj=application)
        from accounts.services import role_grant

        if not has_role(actor, RoleKind.TRAINEE) or actor.is_superuser:
            role_grant(actor=actor, user=actor, kind=RoleKind.TRAINEE)
        tell(
            actor,
            "enrolled",
            _("Welcome to %(cohort)s") % {"cohort": application.cohort},
            url_name="cohorts:cohort",
            url_kwargs={"pk": application.cohort_id},
        )
        return application
    _lapse(application, actor=actor, target=A.DECLINED)
    return application


def offers_expire_due(*, at: datetime.datetime | None = None) -> int:
    """Expire every offer whose deadline has passed and promote from the waiting list (periodic; idempotent)."""
    moment = at or now()
    due = list(
        TraineeApplication.objects.filter(status=A.OFFERED, offer_expires_at__lte=moment)
        .order_by("offer_expires_at", "id")
        .values_list("pk", flat=True)
    )
    expired = 0
    for pk in due:
        with transaction.atomic():
            application = (
                TraineeApplication.objects.select_for_update(of=("self",))
                .select_related("cohort", "applicant")
                .get(pk=pk)
            )
            # Answered (or expired) since the list was read: nothing to do.
            if application.status != A.OFFERED or offer_is_open(application, at=moment):
                continue
            _lapse(application, actor=None, target=A.EXPIRED)
            tell(
                application.applicant,
                "offer_expired",
                _("Your offer for %(cohort)s has expired") % {"cohort": application.cohort},
                url_name="cohorts:application",
                url_kwargs={"pk": application.pk},
            )
            expired += 1
    return expired
