"""Permission helpers of the rounds app, built on the kernel's roles."""

from accounts.access import access_org_member, access_reviewer, access_signed_in, access_staff, organization_ids_of


def access_applicant_or_staff(user, obj=None) -> bool:
    return access_org_member(user) or access_staff(user)


def access_reviewer_or_staff(user, obj=None) -> bool:
    return access_reviewer(user) or access_staff(user)


def can_see_application(user, application) -> bool:
    """Staff, and members of the applying organization; never another organization."""
    return access_staff(user) or application.organization_id in organization_ids_of(user)


def access_objector(user, obj=None) -> bool:
    """Objections are real-name: any signed-in person."""
    return access_signed_in(user)
