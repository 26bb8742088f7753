"""Open data: signed purchase contracts whose public summary is published (/api/v1/contracts).

Public fields only: no signatories, no personal data.
"""

import datetime

from django.db.models import Q, Sum
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Contract, TrancheStatus

router = Router(tags=["contracts"])


class TrancheOut(Schema):
    seq: int
    share_bp: int
    amount_fen: int
    condition: str
    status: str
    paid_on: datetime.date | None


class ContractOut(Schema):
    id: int
    number: str
    project_name: str
    purchaser_name: str
    provider_name: str
    provider_credit_code: str
    amount_fen: int
    paid_fen: int
    status: str
    term_start: datetime.date | None
    term_end: datetime.date | None
    signed_on: datetime.date | None
    round_id: int
    project_id: int | None


class ContractDetailOut(ContractOut):
    service_content: str
    tranches: list[TrancheOut]


def _published():
    return (
        Contract.objects.filter(summary_published_on__isnull=False)
        .annotate(paid_fen=Sum("tranches__amount_fen", filter=Q(tranches__status=TrancheStatus.PAID)))
        .select_related("award__application")
    )


def _contract(c: Contract) -> dict:
    return {
        **{name: getattr(c, name) for name in ContractOut.model_fields if hasattr(c, name)},
        "paid_fen": c.paid_fen or 0,
        "signed_on": c.signed_at.date() if c.signed_at else None,
        "round_id": c.award.application.round_id,
    }


@router.get("", response=list[ContractOut], summary="Published purchase contracts")
def list_contracts(request):
    return [_contract(c) for c in _published().order_by("-id")[:200]]


@router.get("/{contract_id}", response=ContractDetailOut, summary="A published contract with its tranches")
def contract_detail(request, contract_id: int):
    contract = get_object_or_404(_published().prefetch_related("tranches"), pk=contract_id)
    return {
        **_contract(contract),
        "service_content": contract.service_content,
        "tranches": [{name: getattr(t, name) for name in TrancheOut.model_fields} for t in contract.tranches.all()],
    }
