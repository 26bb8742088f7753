"""District > street > community > compound > building > household, and household members."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    name = models.CharField(_("name"), max_length=64, unique=True)
    code = models.CharField(_("division code"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Street(models.Model):
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="streets", verbose_name=_("district"))
    name = models.CharField(_("name"), max_length=64)

    class Meta:
        verbose_name = _("street")
        verbose_name_plural = _("streets")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="street_unique_name")]

    def __str__(self) -> str:
        return self.name


class Community(models.Model):
    street = models.ForeignKey(Street, on_delete=models.PROTECT, related_name="communities", verbose_name=_("street"))
    name = models.CharField(_("name"), max_length=64)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["street", "name"], name="community_unique_name")]

    def __str__(self) -> str:
        return self.name


class Compound(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="compounds", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=64)

    class Meta:
        verbose_name = _("compound")
        verbose_name_plural = _("compounds")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["community", "name"], name="compound_unique_name")]

    def __str__(self) -> str:
        return self.name


class Building(models.Model):
    compound = models.ForeignKey(
        Compound, on_delete=models.PROTECT, related_name="buildings", verbose_name=_("compound")
    )
    name = models.CharField(_("name"), max_length=32)

    class Meta:
        verbose_name = _("building")
        verbose_name_plural = _("buildings")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["compound", "name"], name="building_unique_name")]

    def __str__(self) -> str:
        return f"{self.compound.name} {self.name}"


class Household(models.Model):
    building = models.ForeignKey(
        Building, on_delete=models.PROTECT, related_name="households", verbose_name=_("building")
    )
    # Denormalised from building for electorate queries that must stay one indexed scan.
    compound = models.ForeignKey(Compound, on_delete=models.PROTECT, related_name="households", editable=False)
    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="households", editable=False)
    unit = models.CharField(_("door number"), max_length=32)
    area_m2 = models.DecimalField(_("floor area (m²)"), max_digits=8, decimal_places=2, default=0)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["building", "unit"], name="household_unique_unit"),
            models.CheckConstraint(condition=Q(area_m2__gte=0), name="household_area_not_negative"),
            models.CheckConstraint(
                condition=Q(verified_at__isnull=True) | Q(verified_by__isnull=False),
                name="household_verified_by_someone",
            ),
        ]
        indexes = [models.Index(fields=["community", "verified_at"])]

    def __str__(self) -> str:
        return f"{self.building} {self.unit}"

    def save(self, *args, **kwargs):
        building = self.building
        self.compound_id = building.compound_id
        self.community_id = building.compound.community_id
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class HouseholdMember(models.Model):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members", verbose_name=_("household")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="household_membership",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=64)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    # HMAC of the identity number (core.identity); the number itself is never stored.
    identity_hash = models.CharField(max_length=64, blank=True, editable=False)
    is_voter = models.BooleanField(_("designated voter"), default=False)
    is_owner = models.BooleanField(_("registered owner"), default=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"], condition=Q(is_voter=True), name="household_one_designated_voter"
            ),
            models.UniqueConstraint(
                fields=["identity_hash"], condition=~Q(identity_hash=""), name="member_identity_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name
