"""Social organizations, their documents, and community public-benefit stations (公益站)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document_upload

from .creditcode import validate_credit_code


class OrganizationType(models.TextChoices):
    SOCIAL_GROUP = "social_group", _("Social group (社会团体)")
    SOCIAL_SERVICE = "social_service", _("Social service agency (社会服务机构)")
    FOUNDATION = "foundation", _("Foundation (基金会)")
    COMMUNITY = "community", _("Community social organization (社区社会组织)")


class IncubationStatus(models.TextChoices):
    NONE = "none", _("Not incubated")
    APPLIED = "applied", _("Applied for incubation")
    INCUBATING = "incubating", _("Incubating")
    GRADUATED = "graduated", _("Graduated")


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=128, unique=True)
    # Community social organizations filed with the street office may have no code yet.
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_credit_code],
        help_text=_("18 characters, as printed on the registration certificate."),
    )
    org_type = models.CharField(_("type"), max_length=20, choices=OrganizationType.choices)
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    legal_representative = models.CharField(_("legal representative"), max_length=64, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    community = models.ForeignKey(
        "places.Community",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("home community"),
    )
    summary = models.TextField(_("summary"), blank=True)
    # Credit standing, as published by the registration authority.
    annual_report_year = models.PositiveSmallIntegerField(_("latest annual report year"), null=True, blank=True)
    annual_report_filed_on = models.DateField(_("annual report filed on"), null=True, blank=True)
    abnormal_since = models.DateField(_("listed as abnormal since"), null=True, blank=True)
    seriously_dishonest_since = models.DateField(_("listed as seriously dishonest since"), null=True, blank=True)
    # Incubation at the centre.
    incubation_status = models.CharField(
        _("incubation status"), max_length=12, choices=IncubationStatus.choices, default=IncubationStatus.NONE
    )
    incubation_applied_on = models.DateField(_("applied for incubation on"), null=True, blank=True)
    incubation_started_on = models.DateField(_("incubation started on"), null=True, blank=True)
    incubation_graduated_on = models.DateField(_("graduated on"), null=True, blank=True)
    is_partner = models.BooleanField(_("partner organization"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(incubation_status="graduated") | Q(incubation_graduated_on__isnull=False),
                name="org_graduation_dated",
            ),
            models.CheckConstraint(
                condition=~Q(incubation_status="incubating") | Q(incubation_started_on__isnull=False),
                name="org_incubation_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def in_good_standing(self) -> bool:
        return self.abnormal_since is None and self.seriously_dishonest_since is None


class DocumentKind(models.TextChoices):
    CERTIFICATE = "certificate", _("Registration certificate")
    CHARTER = "charter", _("Charter")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    AUDIT = "audit", _("Audit report")
    OTHER = "other", _("Other")


class OrganizationDocument(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=128)
    file = models.FileField(_("file"), upload_to="organizations/%Y/%m/", validators=[validate_document_upload])
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organization document")
        verbose_name_plural = _("organization documents")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title


class Station(models.Model):
    """A community public-benefit station (社区公益站), possibly run by an organization."""

    community = models.ForeignKey(
        "places.Community", on_delete=models.PROTECT, related_name="stations", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=64, unique=True)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stations",
        verbose_name=_("run by"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("public-benefit station")
        verbose_name_plural = _("public-benefit stations")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
