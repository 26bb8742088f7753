"""Users (phone or email sign-in) and their roles, scoped to the objects they apply to."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _

from core.masking import mask_name, mask_phone
from core.phones import validate_mobile


class YichuangUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    """`username` is the sign-in key: the mobile number for residents, the email for staff."""

    full_name = models.CharField(_("full name"), max_length=64, blank=True)
    phone = models.CharField(
        _("mobile number"), max_length=11, null=True, blank=True, unique=True, validators=[validate_mobile]
    )

    objects = YichuangUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(Lower("email"), condition=~Q(email=""), name="user_email_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def public_name(self) -> str:
        return mask_name(self.full_name or self.username)

    @property
    def public_phone(self) -> str:
        return mask_phone(self.phone)

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name()


class RoleKind(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    COMMUNITY_WORKER = "community_worker", _("Community worker")
    ORG_OWNER = "org_owner", _("Organization owner")
    ORG_MEMBER = "org_member", _("Organization member")
    REVIEWER = "reviewer", _("Reviewer")
    BUREAU_OFFICER = "bureau_officer", _("Bureau officer")
    CENTRE_OPERATOR = "centre_operator", _("Centre operator")
    TRAINEE = "trainee", _("Trainee")
    MENTOR = "mentor", _("Mentor")


# Roles whose holders must pass a TOTP check before anything else.
TWO_FACTOR_ROLES = {RoleKind.BUREAU_OFFICER, RoleKind.CENTRE_OPERATOR}
ORG_ROLES = {RoleKind.ORG_OWNER, RoleKind.ORG_MEMBER}


class Role(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    community = models.ForeignKey(
        "places.Community",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("community"),
    )
    station = models.ForeignKey(
        "organizations.Station",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("station"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("organization"),
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                "user",
                "kind",
                Coalesce("community", 0),
                Coalesce("station", 0),
                Coalesce("organization", 0),
                name="role_unique_scope",
            ),
            models.CheckConstraint(
                condition=~Q(kind="community_worker") | Q(community__isnull=False),
                name="role_community_worker_scoped",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["org_owner", "org_member"]) | Q(organization__isnull=False),
                name="role_org_member_scoped",
            ),
        ]

    def __str__(self) -> str:
        scope = self.organization or self.station or self.community
        return f"{self.get_kind_display()}{f' · {scope}' if scope else ''}"
