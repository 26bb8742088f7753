"""Permission helpers of the contracts app, built on the kernel's roles."""

from accounts.access import access_bureau, access_org_member, access_org_owner, access_staff, organization_ids_of


def access_contract_party(user, obj=None) -> bool:
    """Staff, and members of a provider organization (object checks narrow it to theirs)."""
    return access_staff(user) or access_org_member(user)


def access_signer(user, obj=None) -> bool:
    """Bureau officers sign for the purchaser; organization owners for the provider."""
    return access_bureau(user) or access_org_owner(user)


def can_see_contract(user, contract) -> bool:
    return access_staff(user) or contract.award.application.organization_id in organization_ids_of(user)


def can_write_report(user, report) -> bool:
    return report.contract.award.application.organization_id in organization_ids_of(user) or getattr(
        user, "is_superuser", False
    )
