"""Tranches: released when their condition is met, approved and paid by a bureau officer; the ledger."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now, today

from ..models import ContractStatus, Evaluation, EvaluationStage, Tranche, TrancheCondition, TrancheStatus
from .common import TRANCHES, contract_url, notify_org


def condition_met(tranche: Tranche, evaluations: dict[str, Evaluation] | None = None) -> bool:
    contract = tranche.contract
    if tranche.condition == TrancheCondition.SIGNING:
        return contract.signed_at is not None
    if evaluations is None:
        evaluations = {e.stage: e for e in contract.evaluations.all()}
    stage = EvaluationStage.MIDTERM if tranche.condition == TrancheCondition.MIDTERM else EvaluationStage.FINAL
    evaluation = evaluations.get(stage)
    return bool(evaluation and evaluation.passed)


def _lock(tranche: Tranche) -> Tranche:
    return (
        Tranche.objects.select_for_update()
        .select_related("contract__award__application__organization")
        .get(pk=tranche.pk)
    )


@transaction.atomic
def tranche_approve(*, actor, tranche: Tranche) -> Tranche:
    tranche = _lock(tranche)
    contract = tranche.contract
    if (
        contract.status not in (ContractStatus.SIGNED, ContractStatus.CLOSED, ContractStatus.DRAFT)
        or not contract.signed_at
    ):
        raise ValidationError(_("Payments start after both parties have signed."))
    if tranche.status == TrancheStatus.BLOCKED:
        raise ValidationError(_("This tranche is blocked by a failed evaluation."))
    if not condition_met(tranche):
        raise ValidationError(
            _("Tranche %(seq)s is released only when: %(condition)s.")
            % {"seq": tranche.seq, "condition": tranche.get_condition_display()},
            code="condition_unmet",
        )
    if contract.tranches.filter(seq__lt=tranche.seq).exclude(status=TrancheStatus.PAID).exists():
        raise ValidationError(_("Pay the earlier tranches first."))
    TRANCHES.apply(tranche, TrancheStatus.APPROVED)
    tranche.approved_by, tranche.approved_at = actor, now()
    tranche.full_clean(exclude=["contract"])
    tranche.save()
    audit_record(
        actor=actor, action="contracts.tranche_approved", obj=tranche, changes={"amount_fen": tranche.amount_fen}
    )
    return tranche


@transaction.atomic
def tranche_pay(*, actor, tranche: Tranche, paid_on: datetime.date) -> Tranche:
    tranche = _lock(tranche)
    if paid_on is None or paid_on > today():
        raise ValidationError(_("Give the date the money was paid (not in the future)."))
    if tranche.contract.signed_at and paid_on < tranche.contract.signed_at.date():
        raise ValidationError(_("The payment date cannot be before the contract was signed."))
    TRANCHES.apply(tranche, TrancheStatus.PAID)
    tranche.paid_on, tranche.paid_recorded_by = paid_on, actor
    tranche.full_clean(exclude=["contract"])
    tranche.save()
    audit_record(actor=actor, action="contracts.tranche_paid", obj=tranche, changes={"paid_on": paid_on})
    notify_org(
        tranche.contract.award.application.organization,
        kind="contracts.tranche_paid",
        subject=_("Tranche %(seq)s of contract %(number)s is paid")
        % {"seq": tranche.seq, "number": tranche.contract.number},
        url=contract_url(tranche.contract),
    )
    return tranche
