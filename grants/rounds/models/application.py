"""An organization's application and its parts: budget lines, milestones, indicators, attachments."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document_upload


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting screening")
    MORE_INFO = "more_info", _("More information requested")
    ACCEPTED = "accepted", _("Passed screening, under review")
    REJECTED = "rejected", _("Did not pass screening")
    SHORTLISTED = "shortlisted", _("Shortlisted for the roadshow")
    NOT_SHORTLISTED = "not_shortlisted", _("Not shortlisted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ApplicantType(models.TextChoices):
    REGISTERED = "registered", _("Registered social organization")
    INCUBATED = "incubated", _("Organization incubated at the centre")
    RESIDENT_TEAM = "resident_team", _("Resident team (micro-grant)")


class Application(models.Model):
    round = models.ForeignKey("rounds.Round", on_delete=models.PROTECT, related_name="applications")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="applications"
    )
    project_name = models.CharField(_("project name"), max_length=120)
    amount_fen = models.BigIntegerField(_("requested amount (fen)"), default=0)
    status = models.CharField(
        _("status"), max_length=20, default=ApplicationStatus.DRAFT, choices=ApplicationStatus.choices
    )
    applicant_type = models.CharField(
        _("applicant type"), max_length=20, choices=ApplicantType.choices, default=ApplicantType.REGISTERED
    )
    community = models.ForeignKey(
        "places.Community",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("community"),
    )
    need = models.TextField(_("the need"), blank=True)
    evidence = models.TextField(_("evidence of the need"), blank=True)
    target_group = models.CharField(_("target group"), max_length=200, blank=True)
    beneficiaries = models.PositiveIntegerField(_("number of beneficiaries"), default=0)
    activities = models.TextField(_("activities"), blank=True)
    team = models.TextField(_("team"), blank=True)
    cofunding_fen = models.BigIntegerField(_("other funding for this project (fen)"), default=0)
    other_grant_for_same_project = models.BooleanField(
        _("this project already receives another government grant"), default=False
    )
    linked_ideas = models.ManyToManyField(
        "ideas.Idea", blank=True, related_name="applications", verbose_name=_("linked V益案 ideas")
    )
    public_votes = models.PositiveIntegerField(_("public vote count"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, null=True)
    updated_at = models.DateTimeField(auto_now=True, null=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    screening_reason = models.TextField(_("screening reasons"), blank=True)
    screening_checks = models.JSONField(default=list, blank=True)
    info_due_at = models.DateTimeField(_("information due by"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_fen__gte=0), name="application_amount_not_negative"),
            models.CheckConstraint(condition=Q(cofunding_fen__gte=0), name="application_cofunding_not_negative"),
        ]

    def __str__(self) -> str:
        return self.project_name

    @property
    def code(self) -> str:
        """A neutral reference shown to blind reviewers instead of the organization."""
        return f"R{self.round_id}-{self.pk:04d}"

    @property
    def budget_total_fen(self) -> int:
        return self.amount_fen + self.cofunding_fen


class BudgetCategory(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel")
    MANAGEMENT = "management", _("Management")
    ACTIVITY = "activity", _("Activities")
    MATERIALS = "materials", _("Materials and equipment")
    PUBLICITY = "publicity", _("Publicity")
    OTHER = "other", _("Other")


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    item = models.CharField(_("item"), max_length=120)
    unit_price_fen = models.BigIntegerField(_("unit price (fen)"))
    quantity = models.PositiveIntegerField(_("quantity"))
    subtotal_fen = models.BigIntegerField(_("subtotal (fen)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(unit_price_fen__gte=0), name="budget_line_price_not_negative"),
            models.CheckConstraint(
                condition=Q(subtotal_fen=F("unit_price_fen") * F("quantity")), name="budget_line_adds_up"
            ),
        ]

    def __str__(self) -> str:
        return self.item


class Milestone(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=120)
    due_on = models.DateField(_("due on"))

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=120)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=20)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Attachment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    required_document = models.ForeignKey(
        "rounds.RequiredDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("for the required document"),
    )
    title = models.CharField(_("title"), max_length=120)
    file = models.FileField(_("file"), upload_to="rounds/attachments/%Y/%m/", validators=[validate_document_upload])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title
