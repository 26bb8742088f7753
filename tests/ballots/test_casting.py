"""Casting: one counted ballot per household, clear refusals, nothing half-saved."""

import datetime

import pytest

from audit.models import AuditEvent
from core.clock import now
from grants.ballots import services
from grants.ballots.casting import RECEIPT_ALPHABET, VoteRefused, ballot_cast, ballot_cast_assisted, new_receipt_code
from grants.ballots.models import Ballot, Vote
from places.models import HouseholdMember
from tests.factories import BuildingFactory, ResidentFactory

from .conftest import expire, option, voters_of

pytestmark = pytest.mark.django_db


def refusal(code, **kwargs):
    with pytest.raises(VoteRefused) as info:
        ballot_cast(**kwargs)
    assert info.value.code == code, info.value.message
    return info.value


def test_receipt_codes_are_random_and_readable():
    codes = {new_receipt_code() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert len(code) == 14 and code[4] == code[9] == "-"
    assert set(code.replace("-", "")) <= set(RECEIPT_ALPHABET)


def test_designated_voter_casts_and_gets_a_receipt(make_ballot, make_households):
    household = make_households(1)[0]
    ballot = make_ballot()
    outcome = ballot_cast(user=voters_of(household)[0], ballot_id=ballot.pk, option_id=option(ballot).pk)
    vote = Vote.objects.get()
    assert not outcome.changed and vote.household == household and vote.receipt_code == outcome.vote.receipt_code
    assert vote.area_m2 == household.area_m2 and vote.channel == "online"
    event = AuditEvent.objects.get(action="ballot.vote_cast")
    assert event.changes["household"] == household.pk and "option" not in event.changes


def test_second_attempt_by_another_member_is_refused(make_ballot, make_households):
    household = make_households(1, members=2)[0]
    ballot = make_ballot(who_votes="any_member")
    first, second = voters_of(household)
    ballot_cast(user=first, ballot_id=ballot.pk, option_id=option(ballot, "yes").pk)
    error = refusal("already_voted", user=second, ballot_id=ballot.pk, option_id=option(ballot, "no").pk)
    assert Vote.objects.get().receipt_code in error.message
    assert Vote.objects.get().option.meaning == "yes"
    assert AuditEvent.objects.filter(action__startswith="ballot.vote").count() == 1


def test_changing_a_vote_updates_the_one_row(make_ballot, make_households):
    household = make_households(1, members=2)[0]
    ballot = make_ballot(who_votes="any_member", allow_change=True)
    first, second = voters_of(household)
    receipt = ballot_cast(user=first, ballot_id=ballot.pk, option_id=option(ballot, "yes").pk).vote.receipt_code
    outcome = ballot_cast(user=second, ballot_id=ballot.pk, option_id=option(ballot, "no").pk)
    vote = Vote.objects.get()
    assert outcome.changed and vote.option.meaning == "no" and vote.receipt_code == receipt
    assert vote.cast_by == second and vote.changed_at
    assert AuditEvent.objects.filter(action="ballot.vote_changed").count() == 1


def test_only_the_designated_voter_by_default(make_ballot, make_households):
    household = make_households(1, members=2)[0]
    ballot = make_ballot()
    refusal("not_designated", user=voters_of(household)[1], ballot_id=ballot.pk, option_id=option(ballot).pk)
    assert not Vote.objects.exists()


def test_non_member_is_refused(make_ballot, make_households):
    make_households(1)
    ballot = make_ballot()
    refusal("not_member", user=ResidentFactory(), ballot_id=ballot.pk, option_id=option(ballot).pk)


def test_household_outside_the_electorate_is_refused(make_ballot, make_households, community):
    make_households(1)
    ballot = make_ballot()
    outsider = make_households(1, in_building=BuildingFactory())[0]  # another community
    unverified = make_households(1, verified=False)[0]
    for household in (outsider, unverified):
        refusal("not_on_roll", user=voters_of(household)[0], ballot_id=ballot.pk, option_id=option(ballot).pk)
    assert not Vote.objects.exists()


def test_after_close_and_past_closing_time_are_refused(make_ballot, make_households):
    household = make_households(1)[0]
    ballot = expire(make_ballot())
    user = voters_of(household)[0]
    refusal("closed", user=user, ballot_id=ballot.pk, option_id=option(ballot).pk)  # still "open", but past time
    services.ballot_close(actor=None, ballot=ballot)
    refusal("closed", user=user, ballot_id=ballot.pk, option_id=option(ballot).pk)
    assert not Vote.objects.exists()


def test_before_opening_time_draft_and_cancelled(make_ballot, make_households):
    household = make_households(1)[0]
    user = voters_of(household)[0]
    early = make_ballot(opens_at=now() + datetime.timedelta(hours=1))
    refusal("not_yet_open", user=user, ballot_id=early.pk, option_id=option(early).pk)
    draft = make_ballot(open=False)
    refusal("not_found", user=user, ballot_id=draft.pk, option_id=option(draft).pk)
    cancelled = services.ballot_cancel(actor=draft.created_by, ballot=make_ballot(), reason="重做")
    refusal("cancelled", user=user, ballot_id=cancelled.pk, option_id=option(cancelled).pk)
    refusal("not_found", user=user, ballot_id=999999, option_id=1)


def test_an_option_of_another_ballot_or_garbage_is_refused(make_ballot, make_households):
    household = make_households(1)[0]
    ballot, other = make_ballot(), make_ballot()
    user = voters_of(household)[0]
    for bad in (option(other).pk, "abc", None, ""):
        refusal("bad_option", user=user, ballot_id=ballot.pk, option_id=bad)
    assert not Vote.objects.exists()


def test_assisted_paper_ballot_is_recorded_once_and_audited(make_ballot, make_households, worker):
    household = make_households(1)[0]
    ballot = make_ballot()
    outcome = ballot_cast_assisted(
        actor=worker,
        ballot_id=ballot.pk,
        household_id=household.pk,
        option_id=option(ballot).pk,
        channel="paper",
        paper_reference="纸质-017",
        assisted_name="王奶奶",
    )
    vote = outcome.vote
    assert vote.channel == "paper" and vote.recorded_by == worker and vote.cast_by is None
    event = AuditEvent.objects.get(action="ballot.vote_cast")
    assert event.actor == worker and event.changes["paper_reference"] == "纸质-017"
    refusal("already_voted", user=voters_of(household)[0], ballot_id=ballot.pk, option_id=option(ballot).pk)
    with pytest.raises(VoteRefused):
        ballot_cast_assisted(
            actor=worker, ballot_id=ballot.pk, household_id=household.pk, option_id=option(ballot).pk, channel="spoken"
        )
    assert Vote.objects.count() == 1


def test_assisted_needs_a_reference_for_paper_and_a_worker(make_ballot, make_households, make_user):
    household = make_households(1)[0]
    ballot = make_ballot()
    with pytest.raises(VoteRefused):
        ballot_cast_assisted(
            actor=ballot.created_by,
            ballot_id=ballot.pk,
            household_id=household.pk,
            option_id=option(ballot).pk,
            channel="paper",
            paper_reference=" ",
        )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        ballot_cast_assisted(
            actor=make_user("resident"),
            ballot_id=ballot.pk,
            household_id=household.pk,
            option_id=option(ballot).pk,
            channel="spoken",
        )
    assert not Vote.objects.exists()


def test_member_without_account_link_cannot_vote_for_others(make_ballot, make_households):
    """A member's account is tied to one household; it can never vote for another one."""
    first, second = make_households(2)
    ballot = make_ballot(who_votes="any_member")
    user = voters_of(first)[0]
    ballot_cast(user=user, ballot_id=ballot.pk, option_id=option(ballot).pk)
    assert HouseholdMember.objects.filter(user=user).count() == 1
    assert not Vote.objects.filter(household=second).exists()
    assert Ballot.objects.get(pk=ballot.pk).votes.count() == 1
