"""Lifecycle services: create, open (roll snapshot), close (frozen result), cancel, periodic close."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from core.clock import now
from grants.ballots import services
from grants.ballots.casting import ballot_cast
from grants.ballots.models import Ballot, BallotStatus, Elector, Vote
from grants.ideas.models import Idea
from notifications.models import Notification
from tests.factories import BuildingFactory, CommunityFactory, CompoundFactory

from .conftest import expire, option, voters_of

pytestmark = pytest.mark.django_db


def test_create_yes_no_ballot_has_three_options_and_is_audited(make_ballot):
    ballot = make_ballot(open=False)
    assert ballot.status == BallotStatus.DRAFT
    assert [o.meaning for o in ballot.options.order_by("position")] == ["yes", "no", "abstain"]
    assert AuditEvent.objects.filter(action="ballot.created", object_id=str(ballot.pk)).exists()


def test_create_choice_among_ideas_and_free_options(make_ballot, community):
    ideas = [Idea.objects.create(title=f"想法{i}", community=community, status="triaged") for i in range(2)]
    ballot = make_ballot(open=False, kind="choice", ideas=ideas, free_options=["加装充电桩"])
    labels = list(ballot.options.order_by("position").values_list("label", "meaning"))
    assert labels == [("想法0", "choice"), ("想法1", "choice"), ("加装充电桩", "choice"), ("Abstain", "abstain")]


def test_choice_needs_two_options_and_own_community_ideas(make_ballot):
    with pytest.raises(ValidationError):
        make_ballot(open=False, kind="choice", free_options=["only one"])
    foreign = Idea.objects.create(title="别处的想法", community=CommunityFactory(), status="triaged")
    with pytest.raises(ValidationError):
        make_ballot(open=False, kind="choice", ideas=[foreign], free_options=["a", "b"])
    assert not Ballot.objects.exists()


def test_create_refuses_a_compound_of_another_community(make_ballot):
    with pytest.raises(ValidationError):
        make_ballot(open=False, compound=CompoundFactory())


def test_create_refuses_a_closing_time_before_opening(make_ballot):
    with pytest.raises(ValidationError):
        make_ballot(open=False, closes_at=now() - datetime.timedelta(days=1))
    assert not Ballot.objects.exists()


def test_only_workers_of_the_community_create(make_user, community):
    other_worker = make_user("resident")
    with pytest.raises(PermissionDenied):
        services.ballot_create(
            actor=other_worker,
            title="t",
            question="q",
            community=community,
            opens_at=now(),
            closes_at=now() + datetime.timedelta(days=1),
        )


def test_open_snapshots_only_verified_households_of_the_scope(make_ballot, make_households, community):
    verified = make_households(3, area=Decimal("80.50"))
    make_households(2, verified=False)
    other_building = BuildingFactory(compound__community=community)
    make_households(1, in_building=other_building)
    ballot = make_ballot()
    assert ballot.status == BallotStatus.OPEN and ballot.opened_at
    assert Elector.objects.filter(ballot=ballot).count() == 4
    building_ballot = make_ballot(building=verified[0].building)
    roll = set(Elector.objects.filter(ballot=building_ballot).values_list("household_id", flat=True))
    assert roll == {h.pk for h in verified}
    assert Elector.objects.get(ballot=building_ballot, household=verified[0]).area_m2 == Decimal("80.50")


def test_the_roll_does_not_shift_after_opening(make_ballot, make_households):
    households = make_households(2)
    ballot = make_ballot()
    late = make_households(1)[0]  # verified after the ballot opened
    households[0].area_m2 = Decimal("500.00")
    households[0].save()
    assert not Elector.objects.filter(ballot=ballot, household=late).exists()
    assert Elector.objects.get(ballot=ballot, household=households[0]).area_m2 == Decimal("100.00")


def test_open_refuses_an_empty_roll_and_keeps_the_draft(make_ballot):
    ballot = make_ballot(open=False)
    with pytest.raises(ValidationError):
        services.ballot_open(actor=ballot.created_by, ballot=ballot)
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.DRAFT and not Elector.objects.exists()


def test_cannot_open_twice(make_ballot, make_households):
    make_households(1)
    ballot = make_ballot()
    with pytest.raises(ValidationError):
        services.ballot_open(actor=ballot.created_by, ballot=ballot)


def test_close_before_the_announced_time_is_refused(make_ballot, make_households):
    make_households(1)
    ballot = make_ballot()
    with pytest.raises(ValidationError):
        services.ballot_close(actor=ballot.created_by, ballot=ballot)


def test_close_freezes_the_result_and_notifies_the_organiser(make_ballot, make_households):
    households = make_households(4)
    ballot = make_ballot()
    for household, meaning in zip(households[:3], ["yes", "yes", "no"], strict=True):
        ballot_cast(user=voters_of(household)[0], ballot_id=ballot.pk, option_id=option(ballot, meaning).pk)
    ballot = services.ballot_close(actor=None, ballot=expire(ballot))
    assert ballot.status == BallotStatus.CLOSED and ballot.closed_at
    assert ballot.passed is True  # 3 of 4 voted (>= 50%), 2 of 3 in favour (> 50%)
    assert ballot.result["voted_households"] == 3 and ballot.result["eligible_households"] == 4
    assert ballot.result["turnout_pct"] == "75.0" and ballot.result["favour_pct"] == "66.7"
    assert Notification.objects.filter(recipient=ballot.created_by, kind="ballot.closed").count() == 1
    assert AuditEvent.objects.filter(action="ballot.closed", object_id=str(ballot.pk)).exists()


def test_art278_ordinary_ballot_counts_area(make_ballot, make_households):
    big = make_households(2, area=Decimal("150.00"))
    small = make_households(4, area=Decimal("50.00"))
    ballot = make_ballot(rule="art278_ordinary")
    # 5 of 6 take part (area 450 of 500); 3 small flats yes (150 m²), 2 big no (300 m²):
    # 3 of 5 households in favour, but only 150 of 450 m² -> fails on area.
    for household in small[:3]:
        ballot_cast(user=voters_of(household)[0], ballot_id=ballot.pk, option_id=option(ballot, "yes").pk)
    for household in big:
        ballot_cast(user=voters_of(household)[0], ballot_id=ballot.pk, option_id=option(ballot, "no").pk)
    ballot = services.ballot_close(actor=None, ballot=expire(ballot))
    assert ballot.passed is False
    assert ballot.result["quorum_met"] and ballot.result["reasons"] == ["majority_area"]


def test_choice_ballot_verdict_follows_the_leading_option(make_ballot, make_households):
    households = make_households(3)
    ballot = make_ballot(kind="choice", free_options=["方案甲", "方案乙"])
    a, b = ballot.options.filter(meaning="choice").order_by("position")
    for household, choice in zip(households, [a, a, b], strict=True):
        ballot_cast(user=voters_of(household)[0], ballot_id=ballot.pk, option_id=choice.pk)
    ballot = services.ballot_close(actor=None, ballot=expire(ballot))
    assert ballot.passed and ballot.result["favour_option"] == a.pk


def test_cancel_needs_a_reason(make_ballot, make_households):
    make_households(1)
    ballot = make_ballot()
    with pytest.raises(ValidationError):
        services.ballot_cancel(actor=ballot.created_by, ballot=ballot, reason="  ")
    ballot = services.ballot_cancel(actor=ballot.created_by, ballot=ballot, reason="方案需要修改")
    assert ballot.status == BallotStatus.CANCELLED and ballot.cancelled_at
    with pytest.raises(ValidationError):
        services.ballot_close(actor=None, ballot=expire(ballot))


def test_periodic_close_is_idempotent(make_ballot, make_households):
    make_households(2)
    due = expire(make_ballot())
    running = make_ballot()
    assert services.ballots_close_due() == 1
    assert services.ballots_close_due() == 0
    due.refresh_from_db()
    running.refresh_from_db()
    assert due.status == BallotStatus.CLOSED and running.status == BallotStatus.OPEN


def test_close_due_task_calls_the_service(make_ballot, make_households):
    from grants.ballots.tasks import close_due_ballots

    make_households(1)
    expire(make_ballot())
    assert close_due_ballots.delay().get() == 1
    assert Vote.objects.count() == 0
