"""The contract template (a CMS snippet), the contract, its PDF versions and its payment tranches."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from core.uploads import validate_document_upload

DEFAULT_PATTERN = "{year}-GMFW-{seq:03d}"


class ContractTemplate(models.Model):
    """Edited by centre operators in the CMS (Snippets → Contract templates)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    is_default = models.BooleanField(_("default template"), default=False)
    number_pattern = models.CharField(
        _("contract number pattern"),
        max_length=60,
        default=DEFAULT_PATTERN,
        help_text=_("Placeholders: {year} and {seq}, e.g. {year}-GMFW-{seq:03d}."),
    )
    purchaser_name = models.CharField(_("purchaser"), max_length=120, default="南岸区民政局")
    purchaser_address = models.CharField(_("purchaser address"), max_length=200, blank=True)
    preamble = RichTextField(_("preamble"), blank=True)
    quality_default = models.TextField(_("default quality standard"), blank=True)
    settlement_default = models.TextField(_("default settlement method"), blank=True)
    rights_duties_default = models.TextField(_("default rights and duties"), blank=True)
    breach_default = models.TextField(_("default liability for breach"), blank=True)
    evaluation_clause = RichTextField(_("performance evaluation clause"), blank=True)
    dispute_clause = RichTextField(_("dispute resolution clause"), blank=True)
    other_clause = RichTextField(_("other clauses"), blank=True)
    reminder_days = models.PositiveSmallIntegerField(_("remind this many days before a report is due"), default=7)

    class Meta:
        verbose_name = _("contract template")
        verbose_name_plural = _("contract templates")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=Q(is_default=True), name="one_default_template")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.is_default and ContractTemplate.objects.filter(is_default=True).exclude(pk=self.pk).exists():
            raise ValidationError({"is_default": _("Another template is the default; untick it there first.")})
        try:
            self.number_pattern.format(year=2026, seq=1)
        except (KeyError, IndexError, ValueError):
            raise ValidationError({"number_pattern": _("Use only the placeholders {year} and {seq}.")}) from None

    def make_number(self, *, year: int, seq: int) -> str:
        return self.number_pattern.format(year=year, seq=seq)


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINALISED = "finalised", _("Finalised, awaiting signatures")
    SIGNED = "signed", _("Signed")
    CLOSED = "closed", _("Closed")
    TERMINATED = "terminated", _("Terminated")


class Contract(models.Model):
    award = models.OneToOneField("rounds.Award", on_delete=models.PROTECT, related_name="contract")
    template = models.ForeignKey(ContractTemplate, on_delete=models.PROTECT, related_name="contracts")
    project = models.OneToOneField(
        "catalog.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="contract"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    seq = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("contract number"), max_length=60, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=ContractStatus.choices, default=ContractStatus.DRAFT)
    # Parties, copied from the records when the contract is generated.
    purchaser_name = models.CharField(_("purchaser"), max_length=120)
    provider_name = models.CharField(_("provider"), max_length=128)
    provider_credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    provider_legal_representative = models.CharField(_("legal representative"), max_length=64, blank=True)
    project_name = models.CharField(_("project"), max_length=120)
    # The contents the purchase-of-services rules require.
    service_content = models.TextField(_("service content"), blank=True)
    deliverables = models.TextField(_("deliverables"), blank=True)
    quantity = models.TextField(_("quantity"), blank=True)
    quality = models.TextField(_("quality standard"), blank=True)
    settlement_method = models.TextField(_("settlement method"), blank=True)
    rights_duties = models.TextField(_("rights and duties"), blank=True)
    breach_liability = models.TextField(_("liability for breach"), blank=True)
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    term_months = models.PositiveSmallIntegerField(_("term (months)"), default=12)
    term_justification = models.TextField(_("justification for a term over 12 months"), blank=True)
    amount_fen = models.BigIntegerField(_("contract amount (fen)"))
    # Kept equal to the tranche rows by the services; the database refuses a finalised contract
    # whose schedule does not add up to 100 % and to the contract amount.
    schedule_total_fen = models.BigIntegerField(default=0, editable=False)
    schedule_share_bp = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    summary_due_on = models.DateField(_("public summary due by"), null=True, blank=True)
    summary_published_on = models.DateField(_("public summary published on"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("purchase contract")
        verbose_name_plural = _("purchase contracts")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "seq"], name="contract_seq_unique_per_year"),
            models.CheckConstraint(condition=Q(amount_fen__gt=0), name="contract_amount_positive"),
            models.CheckConstraint(
                condition=Q(term_months__gte=1) & Q(term_months__lte=36), name="contract_term_at_most_36_months"
            ),
            models.CheckConstraint(
                condition=Q(term_months__lte=12) | ~Q(term_justification=""),
                name="contract_long_term_justified",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(schedule_total_fen=F("amount_fen")) & Q(schedule_share_bp=10000)),
                name="contract_tranches_add_up",
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_start__isnull=True) | Q(term_end__gt=F("term_start")),
                name="contract_term_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.project_name}"

    REQUIRED = (
        "service_content",
        "term_start",
        "term_end",
        "quantity",
        "quality",
        "amount_fen",
        "settlement_method",
        "rights_duties",
        "breach_liability",
    )

    def clean(self):
        errors = {}
        if self.term_months and self.term_months > 36:
            errors["term_months"] = _("The term is at most 36 months.")
        elif self.term_months and self.term_months > 12 and not self.term_justification.strip():
            errors["term_justification"] = _("A term over 12 months needs a recorded justification.")
        if self.term_start and self.term_end and self.term_end <= self.term_start:
            errors["term_end"] = _("The term must end after it starts.")
        if errors:
            raise ValidationError(errors)

    def missing_contents(self) -> list[str]:
        """Labels of the required contents still empty (the contract cannot be finalised)."""
        missing = []
        for name in self.REQUIRED:
            value = getattr(self, name)
            if value in (None, "", 0) or (isinstance(value, str) and not value.strip()):
                missing.append(str(self._meta.get_field(name).verbose_name))
        return missing

    @property
    def editable(self) -> bool:
        return self.status == ContractStatus.DRAFT

    @property
    def is_signed(self) -> bool:
        return self.status in (ContractStatus.SIGNED, ContractStatus.CLOSED, ContractStatus.TERMINATED)


class ContractVersion(models.Model):
    """One rendered PDF of the contract; signatures are given to exactly this file (its SHA-256)."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    pdf = models.FileField(_("PDF"), upload_to="contracts/versions/%Y/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content = models.JSONField(default=dict, editable=False)
    reason = models.TextField(_("reason for the amendment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    superseded = models.BooleanField(default=False)
    provider_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provider_signed_at = models.DateTimeField(null=True, blank=True)
    purchaser_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purchaser_signed_at = models.DateTimeField(null=True, blank=True)
    signed_copy = models.FileField(
        _("signed copy"), upload_to="contracts/signed/%Y/", blank=True, validators=[validate_document_upload]
    )

    class Meta:
        verbose_name = _("contract version")
        verbose_name_plural = _("contract versions")
        ordering = ["contract", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="contract_version_unique"),
            models.CheckConstraint(
                condition=Q(provider_signed_at__isnull=True) | Q(provider_signed_by__isnull=False),
                name="contract_version_provider_signer",
            ),
            models.CheckConstraint(
                condition=Q(purchaser_signed_at__isnull=True) | Q(purchaser_signed_by__isnull=False),
                name="contract_version_purchaser_signer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract.number} v{self.number}"

    @property
    def fully_signed(self) -> bool:
        return bool(self.provider_signed_at and self.purchaser_signed_at)


class TrancheCondition(models.TextChoices):
    SIGNING = "signing", _("On signing")
    MIDTERM = "midterm", _("Mid-term report accepted")
    FINAL = "final", _("Final evaluation passed")


class TrancheStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Payment approved")
    PAID = "paid", _("Paid")
    BLOCKED = "blocked", _("Blocked")


class Tranche(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="tranches")
    seq = models.PositiveSmallIntegerField(_("tranche"))
    share_bp = models.PositiveIntegerField(_("share (basis points)"))
    amount_fen = models.BigIntegerField(_("amount (fen)"))
    condition = models.CharField(_("released when"), max_length=10, choices=TrancheCondition.choices)
    status = models.CharField(_("status"), max_length=10, choices=TrancheStatus.choices, default=TrancheStatus.PLANNED)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["contract", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "seq"], name="tranche_seq_unique"),
            models.CheckConstraint(condition=Q(amount_fen__gt=0), name="tranche_amount_positive"),
            models.CheckConstraint(
                condition=Q(share_bp__gt=0) & Q(share_bp__lte=10000), name="tranche_share_between_0_and_100"
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(paid_on__isnull=False), name="tranche_paid_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract.number} #{self.seq}"

    @property
    def share_percent(self):
        from decimal import Decimal

        return (Decimal(self.share_bp) / 100).quantize(Decimal("0.01"))
