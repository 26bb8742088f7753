"""Expert review: assignment, conflicts of interest, weighted rubric scores."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import has_role, organization_ids_of
from accounts.models import RoleKind
from audit.services import audit_record
from core.clock import now
from notifications.services import notify

from ..models import Application, ApplicationStatus, ReviewAssignment, ReviewScore, ReviewStatus
from ..ranking import review_total

REVIEWABLE = [ApplicationStatus.ACCEPTED, ApplicationStatus.SHORTLISTED, ApplicationStatus.NOT_SHORTLISTED]


def reviewer_conflicted(reviewer, application: Application) -> bool:
    """Automatic conflict: the reviewer belongs to the applicant organization."""
    return application.organization_id in organization_ids_of(reviewer)


@transaction.atomic
def review_assign(*, actor, application: Application, reviewer) -> ReviewAssignment:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not has_role(reviewer, RoleKind.REVIEWER):
        raise ValidationError(_("%(name)s does not hold the reviewer role.") % {"name": reviewer})
    if application.status not in REVIEWABLE:
        raise ValidationError(_("Only applications that passed screening are reviewed."))
    if ReviewAssignment.objects.filter(application=application, reviewer=reviewer).exists():
        raise ValidationError(_("%(name)s is already assigned to this application.") % {"name": reviewer})
    conflicted = reviewer_conflicted(reviewer, application)
    assignment = ReviewAssignment.objects.create(
        application=application,
        reviewer=reviewer,
        assigned_by=actor,
        status=ReviewStatus.CONFLICT if conflicted else ReviewStatus.ASSIGNED,
        conflict_reason=_("Member of the applicant organization") if conflicted else "",
    )
    audit_record(
        actor=actor,
        action="review.assigned",
        obj=application,
        changes={"reviewer": reviewer.pk, "conflict": conflicted},
    )
    if not conflicted:
        notify(
            recipient=reviewer,
            kind="rounds.review_assigned",
            subject=_("A new application to review"),
            url=reverse("rounds:review_queue"),
            dedupe_key=f"rounds.review_assigned:{assignment.pk}",
        )
    return assignment


@transaction.atomic
def review_declare_conflict(*, actor, assignment: ReviewAssignment, reason: str) -> ReviewAssignment:
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.reviewer_id != actor.pk:
        raise ValidationError(_("Only the assigned reviewer can declare a conflict."))
    if assignment.status != ReviewStatus.ASSIGNED:
        raise ValidationError(_("This review is already scored or excluded."))
    if not reason.strip():
        raise ValidationError(_("Describe the conflict of interest."))
    assignment.status = ReviewStatus.CONFLICT
    assignment.conflict_reason = reason
    assignment.save()
    audit_record(actor=actor, action="review.conflict", obj=assignment.application, reason=reason)
    return assignment


@transaction.atomic
def review_submit(
    *, actor, assignment: ReviewAssignment, scores: dict[int, tuple[int, str]], comment: str = ""
) -> ReviewAssignment:
    """`scores` maps criterion id → (score, comment); every criterion must be scored."""
    assignment = ReviewAssignment.objects.select_for_update().select_related("application__round").get(pk=assignment.pk)
    application = assignment.application
    if assignment.reviewer_id != actor.pk:
        raise ValidationError(_("Only the assigned reviewer can score."))
    if assignment.status == ReviewStatus.CONFLICT or reviewer_conflicted(actor, application):
        raise ValidationError(_("You declared a conflict of interest and cannot score this application."))
    if assignment.status == ReviewStatus.SUBMITTED:
        raise ValidationError(_("You have already scored this application."))
    if application.status not in REVIEWABLE:
        raise ValidationError(_("This application is no longer under review."))
    criteria = list(application.round.criteria.all())
    rows, parts = [], []
    for criterion in criteria:
        if criterion.pk not in scores:
            raise ValidationError(_("Score “%(name)s”.") % {"name": criterion.name})
        value, note = scores[criterion.pk]
        if not 0 <= int(value) <= criterion.max_score:
            raise ValidationError(
                _("“%(name)s” is scored from 0 to %(max)d.") % {"name": criterion.name, "max": criterion.max_score}
            )
        rows.append(ReviewScore(assignment=assignment, criterion=criterion, score=int(value), comment=note or ""))
        parts.append((int(value), criterion.max_score, criterion.weight))
    ReviewScore.objects.bulk_create(rows)
    assignment.total = review_total(parts)
    assignment.comment = comment
    assignment.status = ReviewStatus.SUBMITTED
    assignment.submitted_at = now()
    assignment.save()
    audit_record(actor=actor, action="review.submitted", obj=application, changes={"total": assignment.total})
    return assignment
