"""The prior performance assessment and the bureau's approval (singly or in a batch), or return."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from grants.rounds.models import Award, AwardStatus
from grants.rounds.services.common import application_url

from ..models import Approval, ApprovalStatus
from .common import APPROVALS, notify_org


def _approval_for(award: Award) -> Approval:
    if award.status != AwardStatus.CONFIRMED:
        raise ValidationError(_("Only confirmed awards can be approved for purchase."))
    approval, _created = Approval.objects.get_or_create(award=award)
    return Approval.objects.select_for_update().get(pk=approval.pk)


@transaction.atomic
def assessment_record(
    *, actor, award: Award, necessity: str, feasibility: str, conclusion: str, score: int
) -> Approval:
    approval = _approval_for(award)
    if approval.status == ApprovalStatus.APPROVED:
        raise ValidationError(_("The purchase is already approved; the assessment cannot change."))
    if not conclusion.strip():
        raise ValidationError(_("Write the assessment's conclusion."))
    if approval.status == ApprovalStatus.RETURNED:
        APPROVALS.apply(approval, ApprovalStatus.PENDING)
    approval.assessment_necessity = necessity
    approval.assessment_feasibility = feasibility
    approval.assessment_conclusion = conclusion
    approval.assessment_score = score
    approval.assessed_by, approval.assessed_at = actor, now()
    approval.full_clean()
    approval.save()
    audit_record(actor=actor, action="contracts.assessment_recorded", obj=approval, changes={"score": score})
    return approval


@transaction.atomic
def approval_approve(*, actor, awards: list[Award], number: str) -> list[Approval]:
    """Approve one award or a batch under one approval number; all or nothing."""
    number = (number or "").strip()
    if not number:
        raise ValidationError(_("Give the approval number."))
    if not awards:
        raise ValidationError(_("Choose at least one award."))
    approvals = []
    for award in awards:
        approval = _approval_for(award)
        if not approval.assessed:
            raise ValidationError(
                _("“%(name)s” has no prior performance assessment; record it before approving.")
                % {"name": award.application.project_name}
            )
        APPROVALS.apply(approval, ApprovalStatus.APPROVED)
        approval.number, approval.reason = number, ""
        approval.decided_by, approval.decided_at = actor, now()
        approval.full_clean()
        approval.save()
        audit_record(actor=actor, action="contracts.approved", obj=approval, changes={"number": number})
        notify_org(
            award.application.organization,
            kind="contracts.approved",
            subject=_("The purchase of “%(name)s” is approved") % {"name": award.application.project_name},
            body=_("The contract will be prepared for signing."),
            url=application_url(award.application),
        )
        approvals.append(approval)
    return approvals


@transaction.atomic
def approval_return(*, actor, award: Award, reason: str) -> Approval:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reasons for returning."))
    approval = _approval_for(award)
    APPROVALS.apply(approval, ApprovalStatus.RETURNED)
    approval.reason = reason
    approval.decided_by, approval.decided_at = actor, now()
    approval.full_clean()
    approval.save()
    audit_record(actor=actor, action="contracts.returned", obj=approval, reason=reason)
    return approval
