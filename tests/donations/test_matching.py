"""Matching rules, and the cap under 20 concurrent gifts on PostgreSQL."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.utils import timezone

from projects.donations import services
from projects.donations.matching import pool_matched_fen
from projects.donations.models import LedgerEntry, LedgerKind

from .factories import CommunityFundFactory, DonationFactory, MatchingPoolFactory, ProjectFactory


def _succeed(donation, charge="ch_x"):
    return services.donation_mark_succeeded(payment_intent_id=donation.payment_intent_id, charge_id=charge)


@pytest.mark.django_db
def test_match_is_floor_of_ratio_and_stops_at_the_cap():
    project = ProjectFactory()
    pool = MatchingPoolFactory(project=project, ratio=Decimal("1.50"), cap_fen=10_000)
    first, second = (
        DonationFactory(project=project, amount_fen=3_333),
        DonationFactory(project=project, amount_fen=9_000),
    )
    _succeed(first)
    _succeed(second)
    matches = list(
        LedgerEntry.objects.filter(kind=LedgerKind.MATCH).order_by("id").values_list("amount_fen", flat=True)
    )
    assert matches == [4_999, 5_001]
    assert pool_matched_fen(pool.pk) == 10_000
    _succeed(DonationFactory(project=project))
    assert LedgerEntry.objects.filter(kind=LedgerKind.MATCH).count() == 2


@pytest.mark.django_db
def test_scoped_pool_is_used_before_a_general_one_and_out_of_scope_gifts_are_not_matched():
    project, other = ProjectFactory(), ProjectFactory()
    general = MatchingPoolFactory(cap_fen=1_000_000)
    scoped = MatchingPoolFactory(project=project, cap_fen=1_000_000)
    fund_pool = MatchingPoolFactory(fund=CommunityFundFactory(), cap_fen=1_000_000)
    _succeed(DonationFactory(project=project))
    _succeed(DonationFactory(project=other))
    pools = list(LedgerEntry.objects.filter(kind=LedgerKind.MATCH).order_by("id").values_list("pool_id", flat=True))
    assert pools == [scoped.pk, general.pk]
    assert pool_matched_fen(fund_pool.pk) == 0


@pytest.mark.django_db
def test_gifts_outside_the_window_or_to_an_inactive_pool_are_not_matched():
    now = timezone.now()
    MatchingPoolFactory(starts_at=now + datetime.timedelta(days=1))
    MatchingPoolFactory(starts_at=now - datetime.timedelta(days=9), ends_at=now - datetime.timedelta(days=2))
    MatchingPoolFactory(is_active=False)
    _succeed(DonationFactory())
    assert not LedgerEntry.objects.filter(kind=LedgerKind.MATCH).exists()


@pytest.mark.django_db
def test_fund_gift_matched_by_fund_pool():
    fund = CommunityFundFactory()
    MatchingPoolFactory(fund=fund, ratio=Decimal("2.00"), cap_fen=50_000)
    donation = DonationFactory(project=None, fund=fund, amount_fen=1_000)
    _succeed(donation)
    assert LedgerEntry.objects.get(kind=LedgerKind.MATCH).amount_fen == 2_000


@pytest.mark.django_db
def test_a_reversed_match_frees_room_in_the_pool():
    project = ProjectFactory()
    pool = MatchingPoolFactory(project=project, cap_fen=10_000)
    donation = DonationFactory(project=project, amount_fen=10_000)
    _succeed(donation, "ch_a")
    services.donation_record_refund(
        payment_intent_id=donation.payment_intent_id, charge_id="ch_a", refunded_total_fen=10_000
    )
    assert pool_matched_fen(pool.pk) == 0
    _succeed(DonationFactory(project=project, amount_fen=4_000))
    assert pool_matched_fen(pool.pk) == 4_000


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_matching_stops_exactly_at_the_cap_under_20_concurrent_gifts(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    monkeypatch.setattr("projects.donations.receipts._enqueue", lambda receipt_id: None)
    project = ProjectFactory()
    pool = MatchingPoolFactory(project=project, ratio=Decimal("1.00"), cap_fen=25_000)
    donations = [DonationFactory(project=project, amount_fen=3_000) for _ in range(20)]
    barrier = threading.Barrier(20)
    errors = []

    def give(donation):
        try:
            barrier.wait(10)
            _succeed(donation, f"ch_{donation.pk}")
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=give, args=(d,)) for d in donations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert LedgerEntry.objects.filter(kind=LedgerKind.GIFT).count() == 20
    assert pool_matched_fen(pool.pk) == 25_000
    amounts = sorted(LedgerEntry.objects.filter(kind=LedgerKind.MATCH).values_list("amount_fen", flat=True))
    assert amounts == [1_000] + [3_000] * 8
