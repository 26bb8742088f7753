"""Shared pieces: state machines, who to tell, and keeping the public project record current."""

from django.urls import reverse

from accounts.models import Role, RoleKind
from core.statemachine import StateMachine
from grants.rounds.services.common import notify_org  # noqa: F401  (re-exported for the services)
from notifications.services import notify

from ..models import ApprovalStatus, ContractStatus, ReportStatus, TrancheStatus

APPROVALS = StateMachine(
    {
        ApprovalStatus.PENDING: [ApprovalStatus.APPROVED, ApprovalStatus.RETURNED],
        ApprovalStatus.RETURNED: [ApprovalStatus.PENDING],
    }
)
CONTRACTS = StateMachine(
    {
        ContractStatus.DRAFT: [ContractStatus.FINALISED],
        ContractStatus.FINALISED: [ContractStatus.DRAFT, ContractStatus.SIGNED],
        ContractStatus.SIGNED: [ContractStatus.DRAFT, ContractStatus.CLOSED, ContractStatus.TERMINATED],
    }
)
REPORTS = StateMachine(
    {
        ReportStatus.DRAFT: [ReportStatus.SUBMITTED],
        ReportStatus.CHANGES: [ReportStatus.SUBMITTED],
        ReportStatus.SUBMITTED: [ReportStatus.ACCEPTED, ReportStatus.CHANGES],
    }
)
TRANCHES = StateMachine(
    {
        TrancheStatus.PLANNED: [TrancheStatus.APPROVED, TrancheStatus.BLOCKED],
        TrancheStatus.APPROVED: [TrancheStatus.PAID, TrancheStatus.BLOCKED],
    }
)


def contract_url(contract) -> str:
    return reverse("contracts:detail", kwargs={"pk": contract.pk})


def bureau_officers() -> list:
    roles = Role.objects.filter(kind=RoleKind.BUREAU_OFFICER, user__is_active=True).select_related("user")
    seen, users = set(), []
    for role in roles:
        if role.user_id not in seen:
            seen.add(role.user_id)
            users.append(role.user)
    return users


def notify_bureau(*, kind: str, subject: str, body: str = "", url: str = "") -> None:
    for user in bureau_officers():
        notify(recipient=user, kind=kind, subject=subject, body=body, url=url)
