"""Casting a household's ballot, online or assisted. The hot path: a handful of queries.

One counted ballot per household is the database's job (`vote_one_per_household`): the
insert runs in a savepoint and an IntegrityError means the household has already voted,
however many members press the button at the same moment. Nothing counts then checks.
"""

import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from places.models import HouseholdMember

from .access import access_ballot_worker
from .models import Ballot, BallotOption, BallotStatus, Elector, Vote, VoteChannel, WhoVotes

# 32 symbols without 0/O and 1/I, so a code read off a notice board is not misread.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 12  # 60 bits: unguessable, and a collision inside one ballot is negligible


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class VoteRefused(ValidationError):
    """A cast that must not count; `message` says why and what the resident can do."""


@dataclass(frozen=True)
class CastOutcome:
    vote: Vote
    changed: bool


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _ballot_for_cast(ballot_id: int) -> Ballot | None:
    """Load the ballot inside the cast's transaction, holding FOR KEY SHARE on PostgreSQL.

    Casts share this lock with each other; `ballot_close` takes FOR UPDATE, so it waits
    for casts in flight, and a cast that waited re-reads the row and sees it closed.
    """
    if connection.vendor == "postgresql":
        table = Ballot._meta.db_table
        sql = (
            f'SELECT "id", "title", "status", "opens_at", "closes_at", "allow_change", "who_votes", "community_id" '  # noqa: S608
            f'FROM "{table}" WHERE "id" = %s FOR KEY SHARE'
        )
        return next(iter(Ballot.objects.raw(sql, [ballot_id])), None)
    return (
        Ballot.objects.only(
            "id", "title", "status", "opens_at", "closes_at", "allow_change", "who_votes", "community_id"
        )
        .filter(pk=ballot_id)
        .first()
    )


def _check_open(ballot: Ballot | None) -> Ballot:
    if ballot is None or ballot.status in (BallotStatus.DRAFT,):
        raise VoteRefused(_("There is no such ballot."), code="not_found")
    moment = now()
    if ballot.status == BallotStatus.CANCELLED:
        raise VoteRefused(_("This ballot was cancelled; no votes are taken."), code="cancelled")
    if ballot.status == BallotStatus.CLOSED or moment >= ballot.closes_at:
        raise VoteRefused(
            _("Voting closed at %(time)s; your vote was not recorded.") % {"time": _local(ballot.closes_at)},
            code="closed",
        )
    if moment < ballot.opens_at:
        raise VoteRefused(
            _("Voting opens at %(time)s; please come back then.") % {"time": _local(ballot.opens_at)},
            code="not_yet_open",
        )
    return ballot


def _record(
    ballot: Ballot,
    *,
    household_id: int,
    option_id,
    actor,
    channel: str,
    cast_by=None,
    recorded_by=None,
    assisted_name: str = "",
    paper_reference: str = "",
) -> CastOutcome:
    try:
        option_id = int(option_id)
    except (TypeError, ValueError):
        option_id = 0
    # One query answers both: is the household on the roll, and is the option this ballot's?
    row = (
        Elector.objects.filter(ballot_id=ballot.pk, household_id=household_id)
        .annotate(option_ok=Exists(BallotOption.objects.filter(pk=option_id, ballot_id=ballot.pk)))
        .values_list("area_m2", "option_ok")
        .first()
    )
    if row is None:
        raise VoteRefused(
            _(
                "This household is not on the ballot's roll (the verified households of its area when voting "
                "opened). Ask your community worker if you think that is wrong."
            ),
            code="not_on_roll",
        )
    area, option_ok = row
    if not option_ok:
        raise VoteRefused(_("Choose one of the ballot's options."), code="bad_option")
    moment = now()
    # No full_clean(): its checks would each query (and race); the inputs are checked
    # above and the database holds the foreign keys, the uniqueness and the checks.
    vote = Vote(
        ballot_id=ballot.pk,
        household_id=household_id,
        option_id=option_id,
        area_m2=area,
        channel=channel,
        cast_by=cast_by,
        recorded_by=recorded_by,
        assisted_name=assisted_name,
        paper_reference=paper_reference,
        receipt_code=new_receipt_code(),
        cast_at=moment,
    )
    try:
        with transaction.atomic():
            vote.save(force_insert=True)
    except IntegrityError as clash:
        return _existing_vote(
            ballot,
            clash,
            household_id=household_id,
            option_id=option_id,
            actor=actor,
            cast_by=cast_by,
            recorded_by=recorded_by,
            channel=channel,
            moment=moment,
        )
    audit_record(
        actor=actor,
        action="ballot.vote_cast",
        obj=ballot,
        changes={
            "household": household_id,
            "channel": channel,
            "receipt": vote.receipt_code,
            **({"paper_reference": paper_reference} if paper_reference else {}),
        },
    )
    return CastOutcome(vote=vote, changed=False)


def _existing_vote(
    ballot, clash: IntegrityError, *, household_id, option_id, actor, cast_by, recorded_by, channel, moment
) -> CastOutcome:
    existing = Vote.objects.select_for_update().filter(ballot_id=ballot.pk, household_id=household_id).first()
    if existing is None:  # not the one-per-household rule (e.g. a receipt clash): let it surface
        raise clash
    if not ballot.allow_change:
        raise VoteRefused(
            _(
                "Your household has already voted on this question (at %(time)s, receipt %(receipt)s). "
                "Each household has one vote, and this ballot does not allow changing it."
            )
            % {"time": _local(existing.cast_at), "receipt": existing.receipt_code},
            code="already_voted",
        )
    previous = existing.option_id
    existing.option_id = option_id
    existing.changed_at = moment
    existing.channel = channel
    existing.cast_by = cast_by
    existing.recorded_by = recorded_by
    existing.save(update_fields=["option", "changed_at", "channel", "cast_by", "recorded_by"])
    audit_record(
        actor=actor,
        action="ballot.vote_changed",
        obj=ballot,
        changes={
            "household": household_id,
            "receipt": existing.receipt_code,
            "changed": previous != option_id,
        },
    )
    return CastOutcome(vote=existing, changed=True)


def ballot_cast(*, user, ballot_id: int, option_id) -> CastOutcome:
    """A household member casts the household's vote (or changes it, where allowed)."""
    membership = HouseholdMember.objects.filter(user=user).values_list("household_id", "is_voter").first()
    if membership is None:
        raise VoteRefused(
            _(
                "Your account is not registered as a member of a household, so it cannot vote. "
                "Ask your community worker to add you to your household."
            ),
            code="not_member",
        )
    household_id, is_voter = membership
    with transaction.atomic():
        ballot = _check_open(_ballot_for_cast(ballot_id))
        if ballot.who_votes == WhoVotes.DESIGNATED and not is_voter:
            raise VoteRefused(
                _(
                    "On this ballot your household's designated voter casts the vote. Ask them, or ask your "
                    "community worker to change who is designated."
                ),
                code="not_designated",
            )
        return _record(
            ballot, household_id=household_id, option_id=option_id, actor=user, channel=VoteChannel.ONLINE, cast_by=user
        )


def ballot_cast_assisted(
    *,
    actor,
    ballot_id: int,
    household_id: int,
    option_id,
    channel: str,
    paper_reference: str = "",
    assisted_name: str = "",
) -> CastOutcome:
    """A community worker records a paper or spoken ballot for a resident who needs help."""
    if channel not in (VoteChannel.PAPER, VoteChannel.SPOKEN):
        raise VoteRefused(_("Say whether the ballot was given on paper or spoken."), code="bad_channel")
    paper_reference = paper_reference.strip()
    if channel == VoteChannel.PAPER and not paper_reference:
        raise VoteRefused(_("Enter the paper form's reference number so the form can be found."), code="no_reference")
    with transaction.atomic():
        ballot = _check_open(_ballot_for_cast(ballot_id))
        if not access_ballot_worker(actor, ballot):
            raise PermissionDenied
        return _record(
            ballot,
            household_id=household_id,
            option_id=option_id,
            actor=actor,
            channel=channel,
            recorded_by=actor,
            assisted_name=assisted_name.strip()[:64],
            paper_reference=paper_reference[:64],
        )
