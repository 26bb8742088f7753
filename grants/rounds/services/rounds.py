"""Round lifecycle: open, close, extend (audited with a reason), archive."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from core.statemachine import StateMachine

from ..models import ApplicationStatus, Round, RoundStatus

ROUND = StateMachine(
    {
        RoundStatus.DRAFT: [RoundStatus.OPEN, RoundStatus.ARCHIVED],
        RoundStatus.OPEN: [RoundStatus.CLOSED],
        RoundStatus.CLOSED: [RoundStatus.ARCHIVED, RoundStatus.OPEN],
        RoundStatus.ARCHIVED: [],
    }
)
STAMPS = {RoundStatus.OPEN: "opened_at", RoundStatus.CLOSED: "closed_at", RoundStatus.ARCHIVED: "archived_at"}


def _locked(round: Round) -> Round:
    return Round.objects.select_for_update().get(pk=round.pk)


@transaction.atomic
def round_move(*, actor, round: Round, target: str) -> Round:
    round = _locked(round)
    if target == RoundStatus.OPEN and round.status == RoundStatus.CLOSED:
        raise ValidationError(_("A closed round is reopened by extending its deadline, with a reason."))
    if target == RoundStatus.OPEN:
        round.full_clean()
        if not round.closes_at or round.closes_at <= now():
            raise ValidationError(_("Set a closing time in the future before opening the round."))
        if not round.criteria.exists():
            raise ValidationError(_("Add the review rubric before opening the round."))
    previous = ROUND.apply(round, target)
    setattr(round, STAMPS[target], now())
    round.save()
    audit_record(actor=actor, action=f"round.{target}", obj=round, changes={"status": [previous, target]})
    return round


@transaction.atomic
def round_extend(*, actor, round: Round, closes_at, reason: str) -> Round:
    """Move the deadline later; a closed round with nothing screened yet reopens."""
    round = _locked(round)
    if not reason.strip():
        raise ValidationError(_("Give the reason for extending the deadline; it is recorded."))
    if round.closes_at and closes_at <= round.closes_at:
        raise ValidationError(_("The new closing time must be later than the current one."))
    if closes_at <= now():
        raise ValidationError(_("The new closing time must be in the future."))
    previous_status = round.status
    if round.status == RoundStatus.CLOSED:
        screened = round.applications.exclude(
            status__in=[ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN]
        )
        if screened.exists():
            raise ValidationError(_("Screening has started; the deadline can no longer be extended."))
        ROUND.apply(round, RoundStatus.OPEN)
    elif round.status != RoundStatus.OPEN:
        raise ValidationError(_("Only an open or just-closed round can be extended."))
    before = round.closes_at
    round.closes_at = closes_at
    round.full_clean()
    round.save()
    audit_record(
        actor=actor,
        action="round.extended",
        obj=round,
        reason=reason,
        changes={"closes_at": [before, closes_at], "status": [previous_status, round.status]},
    )
    return round


def rubric_is_frozen(round: Round) -> bool:
    from ..models import ReviewScore

    return ReviewScore.objects.filter(criterion__round=round).exists()
