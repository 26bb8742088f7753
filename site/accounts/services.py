"""Account and role changes. Each is atomic and audited."""

from django.contrib.auth.models import Group
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.services import audit_record
from core.phones import normalize_mobile

from .access import forget_roles
from .models import Role, RoleKind, User

# Wagtail admin groups that staff roles join, created by the migration accounts 0002.
ROLE_GROUPS = {
    RoleKind.CENTRE_OPERATOR: "Centre operators",
    RoleKind.BUREAU_OFFICER: "Bureau officers",
}


@transaction.atomic
def user_register_resident(*, phone: str, password: str, full_name: str = "", email: str = "") -> User:
    phone = normalize_mobile(phone)
    user = User(username=phone, phone=phone, full_name=full_name, email=email)
    user.set_password(password)
    user.full_clean()
    user.save()
    Role.objects.create(user=user, kind=RoleKind.RESIDENT)
    audit_record(actor=user, action="account.registered", obj=user, changes={"role": "resident"})
    return user


@transaction.atomic
def user_create_staff(*, actor, email: str, password: str, full_name: str = "", phone: str | None = None) -> User:
    email = email.strip().lower()
    user = User(username=email, email=email, full_name=full_name, phone=phone or None)
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(actor=actor, action="account.created", obj=user)
    return user


@transaction.atomic
def role_grant(*, actor, user: User, kind: str, community=None, station=None, organization=None) -> Role:
    role, created = Role.objects.get_or_create(
        user=user, kind=kind, community=community, station=station, organization=organization
    )
    if created:
        role.full_clean()
        group_name = ROLE_GROUPS.get(kind)
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        audit_record(actor=actor, action="role.granted", obj=user, changes={"role": str(role)})
    forget_roles(user)
    return role


@transaction.atomic
def role_revoke(*, actor, role: Role, reason: str = "") -> None:
    user = role.user
    description = str(role)
    kind = role.kind
    role.delete()
    group_name = ROLE_GROUPS.get(kind)
    if group_name and not user.roles.filter(kind=kind).exists():
        user.groups.remove(Group.objects.get(name=group_name))
    audit_record(actor=actor, action="role.revoked", obj=user, changes={"role": description}, reason=reason)
    forget_roles(user)


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed device a user is setting up (created on first visit)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(*, user: User, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).exclude(pk=device.pk).delete()
    audit_record(actor=user, action="account.two_factor_enabled", obj=user)
    return True
