"""Reads for contracts: queues, contract pages, the ledger and the public project panels."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404

from accounts.access import organization_ids_of
from grants.rounds.models import Award, AwardStatus, Round

from .models import (
    ApprovalStatus,
    Contract,
    ContractVersion,
    Report,
    ReportStatus,
    Tranche,
    TrancheStatus,
)
from .services.payments import condition_met


def awaiting_approval():
    """Confirmed awards not yet approved (pending, returned, or never looked at)."""
    return (
        Award.objects.filter(status=AwardStatus.CONFIRMED)
        .exclude(approval__status=ApprovalStatus.APPROVED)
        .select_related("application__organization", "application__round", "approval", "application__ranking")
        .annotate(objection_count=Count("objections"))
        .order_by("application__round_id", "rank", "id")
    )


def approved_without_contract():
    return (
        Award.objects.filter(
            status=AwardStatus.CONFIRMED, approval__status=ApprovalStatus.APPROVED, contract__isnull=True
        )
        .select_related("application__organization", "application__round", "approval")
        .order_by("id")
    )


def contracts_for(user, *, staff: bool):
    qs = Contract.objects.select_related("award__application__organization", "award__application__round").annotate(
        paid_fen=Sum("tranches__amount_fen", filter=Q(tranches__status=TrancheStatus.PAID))
    )
    if not staff:
        qs = qs.filter(award__application__organization_id__in=organization_ids_of(user))
    return qs.order_by("-id")


def contract_detail(pk: int) -> Contract:
    return get_object_or_404(
        Contract.objects.select_related(
            "award__application__organization", "award__application__round", "award__approval", "template", "project"
        ).prefetch_related(
            "tranches",
            "evaluations",
            Prefetch(
                "versions", queryset=ContractVersion.objects.select_related("provider_signed_by", "purchaser_signed_by")
            ),
            Prefetch("reports", queryset=Report.objects.order_by("due_on")),
        ),
        pk=pk,
    )


def tranche_rows(contract: Contract) -> list[dict]:
    evaluations = {e.stage: e for e in contract.evaluations.all()}
    rows = []
    for tranche in contract.tranches.all():
        tranche.contract = contract
        rows.append({"tranche": tranche, "condition_met": condition_met(tranche, evaluations)})
    return rows


def report_detail(pk: int) -> Report:
    return get_object_or_404(
        Report.objects.select_related("contract__award__application__organization", "reviewed_by").prefetch_related(
            "milestones__milestone", "indicators__indicator", "spending__budget_line", "files__budget_line"
        ),
        pk=pk,
    )


LEDGER_PAGE = 60


def _sums(prefix: str = "") -> dict:
    field = f"{prefix}amount_fen"
    status = f"{prefix}status"
    return {
        "planned_fen": Sum(field),
        "approved_fen": Sum(field, filter=Q(**{f"{status}__in": [TrancheStatus.APPROVED, TrancheStatus.PAID]})),
        "paid_fen": Sum(field, filter=Q(**{status: TrancheStatus.PAID})),
        "blocked_fen": Sum(field, filter=Q(**{status: TrancheStatus.BLOCKED})),
    }


def ledger(*, round_id: int | None = None, page: int = 1) -> dict:
    """Planned, approved and paid per round (all) and per contract (60 a page); fixed query count."""
    tranches = Tranche.objects.all()
    contracts = Contract.objects.all()
    if round_id:
        tranches = tranches.filter(contract__award__application__round_id=round_id)
        contracts = contracts.filter(award__application__round_id=round_id)
    rounds = list(
        tranches.values("contract__award__application__round_id", "contract__award__application__round__title")
        .annotate(count=Count("contract_id", distinct=True), **_sums())
        .order_by("-contract__award__application__round_id")
    )
    for row in rounds:
        row["title"] = row["contract__award__application__round__title"]
    totals = tranches.aggregate(**_sums())
    total_count = contracts.count()
    pages = max(1, -(-total_count // LEDGER_PAGE))
    page = min(max(page, 1), pages)
    rows = list(
        contracts.annotate(**_sums("tranches__")).order_by("-id")[(page - 1) * LEDGER_PAGE : page * LEDGER_PAGE]
    )
    return {
        "rows": rows,
        "rounds": rounds,
        "totals": {k: v or 0 for k, v in totals.items()},
        "page": page,
        "pages": pages,
        "count": total_count,
    }


def rounds_with_contracts():
    return Round.objects.filter(applications__award__contract__isnull=False).distinct().order_by("-id")


def public_contracts():
    return (
        Contract.objects.filter(summary_published_on__isnull=False)
        .select_related("award__application__round", "project")
        .order_by("-signed_at")
    )


# ---- the public project page -----------------------------------------------------------


_CACHE = "_contracts_panel_cache"


def _contract_of(project):
    """The project's published contract, loaded once per project object (four panels share it)."""
    cache = project.__dict__.setdefault(_CACHE, {})
    if "contract" not in cache:
        cache["contract"] = (
            Contract.objects.select_related("award__application")
            .prefetch_related("tranches", "evaluations")
            .filter(project=project, summary_published_on__isnull=False)
            .first()
        )
    return cache["contract"]


def _accepted_report(contract):
    if not hasattr(contract, "_accepted_report"):
        contract._accepted_report = (
            Report.objects.filter(contract=contract, status=ReportStatus.ACCEPTED)
            .prefetch_related("milestones__milestone", "indicators__indicator", "spending__budget_line")
            .order_by("-due_on", "-id")
            .first()
        )
    return contract._accepted_report


def _panel(data: dict) -> dict:
    """Panel context usable both ways: spread as the template context, or passed as `panel`."""
    return {**data, "panel": data}


def panel_contract(project) -> dict | None:
    contract = _contract_of(project)
    if contract is None:
        return None
    return _panel(
        {"contract": contract, "final": next((e for e in contract.evaluations.all() if e.stage == "final"), None)}
    )


def panel_tranches(project) -> dict | None:
    contract = _contract_of(project)
    if contract is None:
        return None
    tranches = list(contract.tranches.all())
    paid = sum(t.amount_fen for t in tranches if t.status == TrancheStatus.PAID)
    return _panel({"contract": contract, "tranches": tranches, "paid_fen": paid})


def panel_progress(project) -> dict | None:
    contract = _contract_of(project)
    if contract is None:
        return None
    report = _accepted_report(contract)
    indicators = []
    if report:
        for row in report.indicators.all():
            target = row.indicator.target or Decimal(0)
            indicators.append(
                {
                    "name": row.indicator.name,
                    "unit": row.indicator.unit,
                    "target": target,
                    "actual": row.actual,
                    "pct": round(100 * row.actual / target) if target else 0,
                }
            )
    milestones = list(report.milestones.all()) if report else []
    return _panel(
        {
            "contract": contract,
            "report": report,
            "indicators": indicators,
            "milestones": milestones,
            "project": project,
        }
    )


def panel_spending(project) -> dict | None:
    """Planned versus actual spending per budget line, from the latest accepted report."""
    contract = _contract_of(project)
    if contract is None:
        return None
    report = _accepted_report(contract)
    if report is None:
        lines = list(contract.award.application.budget_lines.all())
        rows = [{"line": line, "planned_fen": line.subtotal_fen, "spent_fen": 0} for line in lines]
    else:
        rows = [
            {"line": row.budget_line, "planned_fen": row.budget_line.subtotal_fen, "spent_fen": row.spent_fen}
            for row in report.spending.all()
        ]
    return _panel(
        {
            "rows": rows,
            "planned_fen": sum(r["planned_fen"] for r in rows),
            "spent_fen": sum(r["spent_fen"] for r in rows),
            "report": report,
        }
    )


def figures(filters) -> dict:
    qs = Contract.objects.filter(signed_at__isnull=False)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.theme:
        qs = qs.filter(award__application__round__theme=filters.theme)
    if filters.community_id:
        qs = qs.filter(award__application__community_id=filters.community_id)
    elif filters.street_id:
        qs = qs.filter(award__application__community__street_id=filters.street_id)
    contracted = qs.aggregate(n=Count("id"), fen=Sum("amount_fen"))
    paid = Tranche.objects.filter(contract__in=qs, status=TrancheStatus.PAID).aggregate(fen=Sum("amount_fen"))
    spent = _reported_spent(qs)
    return {
        "count": contracted["n"],
        "contracted_fen": contracted["fen"] or 0,
        "paid_fen": paid["fen"] or 0,
        "spent_fen": spent,
    }


def _reported_spent(contracts) -> int:
    """Spending in each contract's latest accepted report (cumulative), summed."""
    reports = Report.objects.filter(contract__in=contracts, status=ReportStatus.ACCEPTED).values(
        "contract_id", "id", "due_on"
    )
    latest: dict[int, tuple] = {}
    for row in reports:
        key = (row["due_on"], row["id"])
        if row["contract_id"] not in latest or key > latest[row["contract_id"]]:
            latest[row["contract_id"]] = key
    ids = [key[1] for key in latest.values()]
    totals = defaultdict(int)
    from .models import ReportSpending

    for row in ReportSpending.objects.filter(report_id__in=ids).values("report_id").annotate(s=Sum("spent_fen")):
        totals[row["report_id"]] = row["s"] or 0
    return sum(totals.values())
