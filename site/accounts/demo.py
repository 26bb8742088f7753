"""One demo account per role (see core.demo_accounts), attached to real demo objects."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from core.demo_accounts import ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_KEY_HEX
from organizations.models import Organization, Station
from places.models import Community, HouseholdMember

from .models import Role, RoleKind, User
from .services import role_grant


def _user(login: str, name: str, *, superuser: bool = False) -> User:
    is_phone = login.isdigit()
    user, created = User.objects.get_or_create(
        username=login,
        defaults={
            "full_name": name,
            "phone": login if is_phone else None,
            "email": "" if is_phone else login,
            "is_superuser": superuser,
            "is_staff": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _totp(user: User) -> None:
    TOTPDevice.objects.get_or_create(user=user, name="demo", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True})


def seed(*, stdout) -> None:
    community = Community.objects.order_by("id").first()
    station = Station.objects.filter(community=community).first()
    organization = Organization.objects.order_by("id").first()
    admin = _user("admin@demo.yichuang.cn", "平台管理员", superuser=True)
    _totp(admin)
    for login, name, kind, two_factor in ACCOUNTS:
        user = _user(login, name)
        scope = {}
        if kind == RoleKind.COMMUNITY_WORKER:
            scope = {"community": community, "station": station}
        elif kind in (RoleKind.ORG_OWNER, RoleKind.ORG_MEMBER):
            scope = {"organization": organization}
        role_grant(actor=admin, user=user, kind=kind, **scope)
        if kind != RoleKind.RESIDENT:
            # Staff are residents too, for ideas and votes in their own neighbourhood.
            Role.objects.get_or_create(user=user, kind=RoleKind.RESIDENT)
        if two_factor:
            _totp(user)
    resident = User.objects.get(username=ACCOUNTS[0][0])
    if not HouseholdMember.objects.filter(user=resident).exists():
        member = HouseholdMember.objects.filter(
            household__community=community, is_voter=True, user__isnull=True
        ).first()
        if member:
            member.user = resident
            member.name = resident.full_name
            member.save(update_fields=["user", "name"])
    stdout.write(f"    {User.objects.count()} accounts")
