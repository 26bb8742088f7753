"""Sponsor matching. A pool's row is locked while its remaining room is read and spent, so
concurrent gifts queue on it and the last match stops exactly at the cap.

Rules (docs/donations.md): one pool per gift — pools scoped to the gift's project or fund
first, then district-wide pools, oldest first; the gift must be made inside the pool's
window; the match is floor(amount × ratio), cut to the room left. The cap counts the net
matched amount, so a reversed match (after a refund) frees room again.
"""

from django.db.models import Q, Sum

from .models import Donation, LedgerEntry, LedgerKind, MatchingPool


def pool_matched_fen(pool_id: int) -> int:
    total = LedgerEntry.objects.filter(pool_id=pool_id).aggregate(total=Sum("amount_fen"))["total"]
    return total or 0


def _candidate_pool_ids(donation: Donation) -> list[int]:
    scope = Q(project__isnull=True, fund__isnull=True)
    if donation.project_id:
        scope |= Q(project_id=donation.project_id)
    else:
        scope |= Q(fund_id=donation.fund_id)
    pools = (
        MatchingPool.objects.filter(scope, is_active=True, starts_at__lte=donation.created_at)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=donation.created_at))
        .values_list("id", "project_id", "fund_id")
    )
    scoped_first = sorted(pools, key=lambda row: (row[1] is None and row[2] is None, row[0]))
    return [row[0] for row in scoped_first]


def match_gift(donation: Donation) -> LedgerEntry | None:
    """Record the match for a gift that has just succeeded. Call inside the success transaction."""
    for pool_id in _candidate_pool_ids(donation):
        pool = MatchingPool.objects.select_for_update().get(pk=pool_id)
        room = pool.cap_fen - pool_matched_fen(pool.pk)
        if room <= 0:
            continue
        amount = min(int(donation.amount_fen * pool.ratio), room)
        if amount <= 0:
            continue
        return LedgerEntry.objects.create(
            kind=LedgerKind.MATCH,
            amount_fen=amount,
            donation=donation,
            pool=pool,
            project_id=donation.project_id,
            fund_id=donation.fund_id,
        )
    return None


def reverse_match(donation: Donation, *, refunded_total_fen: int) -> LedgerEntry | None:
    """Reverse the share of the match that follows the refunded share of the gift (all of it on a full refund)."""
    entries = list(
        LedgerEntry.objects.filter(donation=donation, kind__in=[LedgerKind.MATCH, LedgerKind.MATCH_REVERSAL])
    )
    match = next((e for e in entries if e.kind == LedgerKind.MATCH), None)
    if match is None:
        return None
    already = -sum(e.amount_fen for e in entries if e.kind == LedgerKind.MATCH_REVERSAL)
    target = match.amount_fen * refunded_total_fen // donation.amount_fen
    delta = target - already
    if delta <= 0:
        return None
    MatchingPool.objects.select_for_update().filter(pk=match.pool_id).first()
    return LedgerEntry.objects.create(
        kind=LedgerKind.MATCH_REVERSAL,
        amount_fen=-delta,
        donation=donation,
        pool_id=match.pool_id,
        project_id=donation.project_id,
        fund_id=donation.fund_id,
    )
