"""Household roll changes, made by community workers. Each is atomic and audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import access_community_worker
from audit.services import audit_record
from core.clock import now
from core.identity import hash_identity_number

from .models import Household, HouseholdMember


@transaction.atomic
def household_verify(*, actor, household: Household) -> Household:
    household = Household.objects.select_for_update().get(pk=household.pk)
    if not access_community_worker(actor, household.community_id):
        raise PermissionDenied
    if household.verified_at is None:
        household.verified_by = actor
        household.verified_at = now()
        household.save(update_fields=["verified_by", "verified_at"])
        audit_record(actor=actor, action="household.verified", obj=household)
    return household


@transaction.atomic
def household_member_add(
    *,
    actor,
    household: Household,
    name: str,
    phone: str = "",
    identity_number: str = "",
    user=None,
    is_voter: bool = False,
) -> HouseholdMember:
    member = HouseholdMember(
        household=household,
        name=name,
        phone=phone,
        user=user,
        identity_hash=hash_identity_number(identity_number) if identity_number else "",
    )
    member.full_clean(exclude=["is_voter"])
    member.save()
    if is_voter or not household.members.filter(is_voter=True).exists():
        household_voter_designate(actor=actor, member=member)
    audit_record(actor=actor, action="household.member_added", obj=household, changes={"member": member.pk})
    return member


@transaction.atomic
def household_voter_designate(*, actor, member: HouseholdMember) -> HouseholdMember:
    household = Household.objects.select_for_update().get(pk=member.household_id)
    if member.household_id != household.pk:
        raise ValidationError(_("That person is not a member of this household."))
    household.members.filter(is_voter=True).exclude(pk=member.pk).update(is_voter=False)
    HouseholdMember.objects.filter(pk=member.pk).update(is_voter=True)
    member.is_voter = True
    audit_record(actor=actor, action="household.voter_designated", obj=household, changes={"member": member.pk})
    return member
