"""Reconciliation of the ledger against Stripe's balance transactions.

Per charge, Stripe's gross movements (the charge, minus its refunds) must equal the ledger's
gift and refund rows for the donation paid by that charge. Matches are not Stripe money
(sponsors pay them outside Stripe) and are left out. Fees are shown but not compared.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum

from . import gateway
from .models import Donation, LedgerEntry, LedgerKind


@dataclass
class ReconLine:
    charge_id: str
    stripe_fen: int = 0
    ledger_fen: int = 0
    fee_fen: int = 0
    donation: Donation | None = None

    @property
    def ok(self) -> bool:
        return self.stripe_fen == self.ledger_fen


@dataclass
class Reconciliation:
    lines: list[ReconLine] = field(default_factory=list)

    @property
    def mismatches(self) -> list[ReconLine]:
        return [line for line in self.lines if not line.ok]

    @property
    def stripe_total_fen(self) -> int:
        return sum(line.stripe_fen for line in self.lines)

    @property
    def ledger_total_fen(self) -> int:
        return sum(line.ledger_fen for line in self.lines)


def _charge_of(txn) -> str:
    source = txn.get("source")
    if isinstance(source, str):
        return source if source.startswith(("ch_", "py_")) else ""
    if source is None:
        return ""
    if source.get("object") == "refund":
        charge = source.get("charge")
        return charge if isinstance(charge, str) else (charge or {}).get("id", "")
    return source.get("id", "")


def reconcile() -> Reconciliation:
    """Raises gateway.GatewayError when Stripe cannot be asked."""
    stripe_side: dict[str, ReconLine] = {}
    for txn in gateway.balance_transactions():
        if txn.get("type") not in ("charge", "payment", "refund", "payment_refund"):
            continue
        charge_id = _charge_of(txn)
        if not charge_id:
            continue
        line = stripe_side.setdefault(charge_id, ReconLine(charge_id=charge_id))
        line.stripe_fen += int(txn.get("amount") or 0)
        line.fee_fen += int(txn.get("fee") or 0)
    ledger: dict[str, int] = defaultdict(int)
    rows = (
        LedgerEntry.objects.filter(kind__in=[LedgerKind.GIFT, LedgerKind.REFUND])
        .exclude(donation__charge_id="")
        .values("donation__charge_id")
        .annotate(total=Sum("amount_fen"))
    )
    for row in rows:
        ledger[row["donation__charge_id"]] = row["total"]
    for charge_id, total in ledger.items():
        stripe_side.setdefault(charge_id, ReconLine(charge_id=charge_id)).ledger_fen = total
    donations = Donation.objects.filter(charge_id__in=list(stripe_side)).select_related("project", "fund")
    for donation in donations:
        stripe_side[donation.charge_id].donation = donation
    lines = sorted(stripe_side.values(), key=lambda line: (line.ok, line.charge_id))
    return Reconciliation(lines=lines)
