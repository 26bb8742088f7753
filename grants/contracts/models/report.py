"""Progress reports with their parts, evaluations (mid-term and final) and recovery records."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document_upload


class ReportKind(models.TextChoices):
    MIDTERM = "midterm", _("Mid-term report")
    FINAL = "final", _("Final report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Not yet submitted")
    SUBMITTED = "submitted", _("Submitted, under review")
    CHANGES = "changes", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")


class Report(models.Model):
    contract = models.ForeignKey("contracts.Contract", on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    due_on = models.DateField(_("due on"))
    extension_until = models.DateField(_("extension approved until"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    narrative = models.TextField(_("what was done"), blank=True)
    problems = models.TextField(_("problems and how they were handled"), blank=True)
    beneficiaries_served = models.PositiveIntegerField(_("beneficiaries served"), default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    late = models.BooleanField(_("submitted late without an approved extension"), default=False)
    review_comment = models.TextField(_("review comments"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "kind"], name="report_one_per_kind"),
            models.CheckConstraint(
                condition=~Q(status="changes") | ~Q(review_comment=""), name="report_changes_have_comments"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract.number} · {self.get_kind_display()}"

    @property
    def deadline(self):
        return max(self.due_on, self.extension_until) if self.extension_until else self.due_on

    @property
    def editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.CHANGES)


class ReportMilestone(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="milestones")
    milestone = models.ForeignKey("rounds.Milestone", on_delete=models.PROTECT, related_name="+")
    done = models.BooleanField(_("done"), default=False)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["milestone__due_on", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "milestone"], name="report_milestone_unique")]

    def __str__(self) -> str:
        return f"{self.report} · {self.milestone_id}"


class ReportIndicator(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey("rounds.Indicator", on_delete=models.PROTECT, related_name="+")
    actual = models.DecimalField(_("actual"), max_digits=12, decimal_places=2, default=0)

    class Meta:
        ordering = ["indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="report_indicator_unique"),
            models.CheckConstraint(condition=Q(actual__gte=0), name="report_indicator_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.indicator_id}"


class ReportSpending(models.Model):
    """Cumulative spending on one budget line up to this report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="spending")
    budget_line = models.ForeignKey("rounds.BudgetLine", on_delete=models.PROTECT, related_name="+")
    spent_fen = models.BigIntegerField(_("spent so far (fen)"), default=0)

    class Meta:
        ordering = ["budget_line__order", "budget_line_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "budget_line"], name="report_spending_unique"),
            models.CheckConstraint(condition=Q(spent_fen__gte=0), name="report_spending_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.budget_line_id}"


class FileKind(models.TextChoices):
    RECEIPT = "receipt", _("Receipt")
    PHOTO = "photo", _("Photo")


def _validate_report_file(upload):
    name = getattr(upload, "name", "").lower()
    if name.endswith((".jpg", ".jpeg", ".png", ".webp", ".gif")):
        from core.uploads import validate_image_upload

        validate_image_upload(upload)
    else:
        validate_document_upload(upload)


class ReportFile(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=FileKind.choices)
    budget_line = models.ForeignKey(
        "rounds.BudgetLine",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("budget line"),
    )
    title = models.CharField(_("title"), max_length=120)
    file = models.FileField(_("file"), upload_to="contracts/reports/%Y/%m/", validators=[_validate_report_file])
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class EvaluationStage(models.TextChoices):
    MIDTERM = "midterm", _("Mid-term")
    FINAL = "final", _("Final")


class EvaluatorKind(models.TextChoices):
    BUREAU = "bureau", _("The bureau")
    THIRD_PARTY = "third_party", _("Third-party evaluator")


class Evaluation(models.Model):
    """Conditions tranches: a passed mid-term evaluation releases the mid-term tranche, etc."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.CASCADE, related_name="evaluations")
    stage = models.CharField(_("stage"), max_length=10, choices=EvaluationStage.choices)
    passed = models.BooleanField(_("passed"))
    self_score = models.DecimalField(_("self-evaluation score"), max_digits=5, decimal_places=2, null=True, blank=True)
    evaluator_kind = models.CharField(
        _("evaluated by"), max_length=12, choices=EvaluatorKind.choices, default=EvaluatorKind.BUREAU
    )
    evaluator_name = models.CharField(_("evaluator"), max_length=120, blank=True)
    evaluator_score = models.DecimalField(_("evaluator's score"), max_digits=5, decimal_places=2, null=True, blank=True)
    score = models.DecimalField(_("final score"), max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("grade"), max_length=20, blank=True)
    comments = models.TextField(_("comments"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evaluated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["contract", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "stage"], name="evaluation_one_per_stage"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)), name="evaluation_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract.number} · {self.get_stage_display()}"


class RecoveryStatus(models.TextChoices):
    OPEN = "open", _("Open")
    SETTLED = "settled", _("Settled")


class Recovery(models.Model):
    """Opened when an evaluation fails: remaining tranches are blocked, paid money may be recovered."""

    contract = models.OneToOneField("contracts.Contract", on_delete=models.CASCADE, related_name="recovery")
    reason = models.TextField(_("reason"))
    paid_fen = models.BigIntegerField(_("paid before the failure (fen)"), default=0)
    to_recover_fen = models.BigIntegerField(_("to recover (fen)"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=RecoveryStatus.choices, default=RecoveryStatus.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recovery record")
        verbose_name_plural = _("recovery records")
        constraints = [
            models.CheckConstraint(
                condition=Q(to_recover_fen__gte=0) & Q(to_recover_fen__lte=models.F("paid_fen")),
                name="recovery_within_paid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.contract.number} · {self.get_status_display()}"
