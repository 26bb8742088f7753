"""Ballot fixtures: a compound of verified households whose members have accounts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from core.clock import now
from grants.ballots import services
from grants.ballots.models import Ballot
from places.models import HouseholdMember
from tests.factories import BuildingFactory, HouseholdFactory, ResidentFactory


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def worker(make_user):
    """A community worker of the `community` fixture."""
    return make_user("community_worker")


@pytest.fixture
def building(community):
    return BuildingFactory(compound__community=community)


@pytest.fixture
def make_households(building, worker):
    """make_households(n, members=1, verified=True, area=...) -> list of households.

    Each member has a resident account; the first member is the designated voter.
    """

    def _make(n: int, *, members: int = 1, verified: bool = True, area=Decimal("100.00"), in_building=None):
        households = []
        for _ in range(n):
            household = HouseholdFactory(building=in_building or building, area_m2=area)
            for m in range(members):
                HouseholdMember.objects.create(
                    household=household, name=f"成员{m}", user=ResidentFactory(), is_voter=(m == 0)
                )
            if verified:
                household.verified_by = worker
                household.verified_at = now()
                household.save()
            households.append(household)
        return households

    return _make


def voters_of(household) -> list:
    return [member.user for member in household.members.order_by("id")]


@pytest.fixture
def make_ballot(community, worker):
    """make_ballot(open=True, **fields) -> a ballot of `community` by `worker`."""

    def _make(*, open: bool = True, **fields):
        values = {
            "title": "停车方案表决",
            "question": "是否同意小区停车方案：70个车位，每车每年220元？",
            "community": community,
            "opens_at": now() - datetime.timedelta(hours=1),
            "closes_at": now() + datetime.timedelta(days=3),
        }
        values.update(fields)
        ballot = services.ballot_create(actor=worker, **values)
        if open:
            ballot = services.ballot_open(actor=worker, ballot=ballot)
        return ballot

    return _make


def expire(ballot: Ballot) -> Ballot:
    """Move a ballot's voting period into the past, as if its closing time had come."""
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=now() - datetime.timedelta(days=2), closes_at=now() - datetime.timedelta(minutes=1)
    )
    ballot.refresh_from_db()
    return ballot


def option(ballot: Ballot, meaning: str = "yes"):
    return ballot.options.get(meaning=meaning)
