"""Ballot lifecycle: create, open (snapshot the roll), close (freeze the result), cancel.

Casting lives in `casting.py`. Every transition locks the ballot row, goes through
`BALLOT_MACHINE`, stamps its time and is audited in the same transaction.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from notifications.services import notify
from places.models import Household

from . import tally
from .access import access_ballot_worker
from .models import BALLOT_MACHINE, Ballot, BallotKind, BallotOption, BallotStatus, Elector, OptionMeaning

logger = logging.getLogger(__name__)

YES_NO_OPTIONS = [(OptionMeaning.YES, "Yes"), (OptionMeaning.NO, "No"), (OptionMeaning.ABSTAIN, "Abstain")]


def _locked(ballot: Ballot) -> Ballot:
    return Ballot.objects.select_for_update().select_related("community").get(pk=ballot.pk)


@transaction.atomic
def ballot_create(
    *,
    actor,
    title: str,
    question: str,
    community,
    opens_at: datetime,
    closes_at: datetime,
    compound=None,
    building=None,
    kind: str = BallotKind.YES_NO,
    allow_change: bool = False,
    hide_results: bool = True,
    who_votes: str = "designated",
    rule: str = "heads",
    min_turnout_pct: int = 50,
    min_favour_pct: int = 50,
    favour_strict: bool = True,
    ideas: Iterable = (),
    free_options: Iterable[str] = (),
) -> Ballot:
    """A draft ballot with its options; it takes votes only once opened."""
    if not access_ballot_worker(actor, community.pk):
        raise PermissionDenied
    if building is not None and compound is None:
        compound = building.compound
    if compound is not None and compound.community_id != community.pk:
        raise ValidationError({"compound": _("That compound is not in the chosen community.")})
    if building is not None and building.compound_id != compound.pk:
        raise ValidationError({"building": _("That building is not in the chosen compound.")})
    ballot = Ballot(
        title=title,
        question=question,
        community=community,
        compound=compound,
        building=building,
        kind=kind,
        opens_at=opens_at,
        closes_at=closes_at,
        allow_change=allow_change,
        hide_results=hide_results,
        who_votes=who_votes,
        rule=rule,
        min_turnout_pct=min_turnout_pct,
        min_favour_pct=min_favour_pct,
        favour_strict=favour_strict,
        created_by=actor,
    )
    ballot.full_clean()
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("Voting must close after it opens.")})
    ballot.save()
    options = _options_for(ballot, ideas=list(ideas), free_options=[o.strip() for o in free_options if o.strip()])
    BallotOption.objects.bulk_create(options)
    audit_record(
        actor=actor,
        action="ballot.created",
        obj=ballot,
        changes={"kind": kind, "rule": rule, "options": [o.label for o in options]},
    )
    return ballot


def _options_for(ballot: Ballot, *, ideas: list, free_options: list[str]) -> list[BallotOption]:
    if ballot.kind == BallotKind.YES_NO:
        return [
            BallotOption(ballot=ballot, position=i, label=label, meaning=meaning)
            for i, (meaning, label) in enumerate(YES_NO_OPTIONS)
        ]
    if any(idea.community_id != ballot.community_id for idea in ideas):
        raise ValidationError({"ideas": _("Only ideas from the ballot's own community can be put to its vote.")})
    labels = [(idea.title, idea) for idea in ideas] + [(label, None) for label in free_options]
    if len(labels) < 2:
        raise ValidationError({"ideas": _("A choice needs at least two options: pick ideas or write options.")})
    if len({label for label, _idea in labels}) != len(labels):
        raise ValidationError({"free_options": _("Each option must be different.")})
    options = [
        BallotOption(ballot=ballot, position=i, label=label[:200], idea=idea) for i, (label, idea) in enumerate(labels)
    ]
    options.append(BallotOption(ballot=ballot, position=len(options), label="Abstain", meaning=OptionMeaning.ABSTAIN))
    return options


def electorate_of(ballot: Ballot):
    """The verified households in the ballot's scope, as they stand now."""
    households = Household.objects.filter(community_id=ballot.community_id, verified_at__isnull=False)
    if ballot.building_id:
        households = households.filter(building_id=ballot.building_id)
    elif ballot.compound_id:
        households = households.filter(compound_id=ballot.compound_id)
    return households


@transaction.atomic
def ballot_open(*, actor, ballot: Ballot) -> Ballot:
    """Open voting and snapshot the roll (households and their areas) as of this moment."""
    ballot = _locked(ballot)
    if not access_ballot_worker(actor, ballot):
        raise PermissionDenied
    if ballot.closes_at <= now():
        raise ValidationError(_("The closing time has already passed; set a later one before opening."))
    BALLOT_MACHINE.apply(ballot, BallotStatus.OPEN)
    roll = list(electorate_of(ballot).values_list("id", "area_m2"))
    if not roll:
        raise ValidationError(_("No verified household is in this ballot's scope; verify households first."))
    Elector.objects.bulk_create(
        [Elector(ballot=ballot, household_id=pk, area_m2=area) for pk, area in roll], batch_size=1000
    )
    ballot.opened_at = now()
    ballot.save(update_fields=["status", "opened_at"])
    audit_record(
        actor=actor,
        action="ballot.opened",
        obj=ballot,
        changes={"electors": len(roll), "area_m2": sum(area for _pk, area in roll)},
    )
    return ballot


@transaction.atomic
def ballot_close(*, actor, ballot: Ballot) -> Ballot:
    """Close a ballot whose voting period has ended and freeze its result.

    FOR UPDATE waits for casts in flight (they hold FOR KEY SHARE on the row, see
    casting.py) and makes later casts see the closed status, so the frozen tally is final.
    """
    ballot = _locked(ballot)
    if actor is not None and not access_ballot_worker(actor, ballot):
        raise PermissionDenied
    if ballot.closes_at > now():
        raise ValidationError(
            _("Voting runs until %(time)s; a ballot cannot be closed before the time announced to households.")
            % {"time": ballot.closes_at.strftime("%Y-%m-%d %H:%M")}
        )
    BALLOT_MACHINE.apply(ballot, BallotStatus.CLOSED)
    ballot.result = tally.count(ballot)
    ballot.passed = ballot.result["passed"]
    ballot.closed_at = now()
    ballot.save(update_fields=["status", "closed_at", "result", "passed"])
    audit_record(
        actor=actor,
        action="ballot.closed",
        obj=ballot,
        changes={
            "passed": ballot.passed,
            "voted": ballot.result["voted_households"],
            "eligible": ballot.result["eligible_households"],
        },
    )
    outcome = _("passed") if ballot.passed else _("did not pass")
    notify(
        recipient=ballot.created_by,
        kind="ballot.closed",
        subject=_("Ballot closed: %(title)s %(outcome)s") % {"title": ballot.title, "outcome": outcome},
        body=_("Turnout %(turnout)s%%. The public notice can now be printed.")
        % {"turnout": ballot.result["turnout_pct"]},
        url=reverse("ballots:detail", args=[ballot.pk]),
        dedupe_key=f"ballot-closed-{ballot.pk}",
    )
    return ballot


@transaction.atomic
def ballot_cancel(*, actor, ballot: Ballot, reason: str) -> Ballot:
    ballot = _locked(ballot)
    if not access_ballot_worker(actor, ballot):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the ballot is cancelled; households will read it.")})
    BALLOT_MACHINE.apply(ballot, BallotStatus.CANCELLED)
    ballot.cancelled_at = now()
    ballot.cancel_reason = reason.strip()
    ballot.save(update_fields=["status", "cancelled_at", "cancel_reason"])
    audit_record(actor=actor, action="ballot.cancelled", obj=ballot, reason=ballot.cancel_reason)
    return ballot


def ballots_close_due() -> int:
    """Close every open ballot past its closing time; safe to run at any moment, repeatedly."""
    closed = 0
    due = Ballot.objects.filter(status=BallotStatus.OPEN, closes_at__lte=now()).values_list("pk", flat=True)
    for pk in list(due):
        try:
            ballot_close(actor=None, ballot=Ballot(pk=pk))
            closed += 1
        except ValidationError:  # closed by someone else meanwhile
            logger.info("ballot %s was no longer due", pk)
    return closed
