"""Reads for the public pages and the operator's ledger. Totals come from the ledger only."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from core.masking import mask_name

from .models import CommunityFund, Donation, DonationStatus, LedgerEntry, LedgerKind


@dataclass(frozen=True)
class Totals:
    given_fen: int
    matched_fen: int
    donors: int

    @property
    def total_fen(self) -> int:
        return self.given_fen + self.matched_fen


def _target_filter(*, project=None, fund=None) -> Q:
    return Q(project=project) if project is not None else Q(fund=fund)


def totals_for(*, project=None, fund=None) -> Totals:
    """Two queries whatever the number of gifts: one ledger aggregate, one distinct-donor count."""
    sums = LedgerEntry.objects.filter(_target_filter(project=project, fund=fund)).aggregate(
        given=Sum("amount_fen", filter=Q(kind__in=[LedgerKind.GIFT, LedgerKind.REFUND])),
        matched=Sum("amount_fen", filter=Q(kind__in=[LedgerKind.MATCH, LedgerKind.MATCH_REVERSAL])),
    )
    donors = Donation.objects.filter(
        _target_filter(project=project, fund=fund), status=DonationStatus.SUCCEEDED
    ).aggregate(n=Count("receipt_email", distinct=True))["n"]
    return Totals(given_fen=sums["given"] or 0, matched_fen=sums["matched"] or 0, donors=donors or 0)


@dataclass(frozen=True)
class WallEntry:
    name: str
    amount_fen: int
    message: str
    when: object


def donor_wall(*, project=None, fund=None, limit: int = 30) -> list[WallEntry]:
    """Recent received gifts; anonymous donors stay anonymous and every name is masked."""
    rows = (
        Donation.objects.filter(_target_filter(project=project, fund=fund), status=DonationStatus.SUCCEEDED)
        .order_by("-succeeded_at", "-id")
        .values("donor_name", "is_anonymous", "amount_fen", "message", "succeeded_at")[:limit]
    )
    anonymous = _("Anonymous donor")
    return [
        WallEntry(
            name=anonymous if row["is_anonymous"] or not row["donor_name"] else mask_name(row["donor_name"]),
            amount_fen=row["amount_fen"],
            message=row["message"],
            when=row["succeeded_at"],
        )
        for row in rows
    ]


def open_funds() -> QuerySet[CommunityFund]:
    return CommunityFund.objects.filter(is_open=True).select_related("community__street").order_by("id")


def ledger_entries(
    *, kind: str = "", project_id: int | None = None, fund_id: int | None = None
) -> QuerySet[LedgerEntry]:
    entries = LedgerEntry.objects.select_related("donation", "pool", "project", "fund").order_by("-created_at", "-id")
    if kind:
        entries = entries.filter(kind=kind)
    if project_id:
        entries = entries.filter(project_id=project_id)
    if fund_id:
        entries = entries.filter(fund_id=fund_id)
    return entries


def ledger_summary() -> dict:
    sums = LedgerEntry.objects.aggregate(**{kind.value: Sum("amount_fen", filter=Q(kind=kind)) for kind in LedgerKind})
    return {kind: sums[kind] or 0 for kind in sums}
