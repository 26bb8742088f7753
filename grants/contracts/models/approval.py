"""The bureau's approval of a confirmed award, with its prior performance assessment (事前绩效评估)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")


class Approval(models.Model):
    award = models.OneToOneField("rounds.Award", on_delete=models.PROTECT, related_name="approval")
    status = models.CharField(
        _("status"), max_length=10, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING
    )
    # The prior performance assessment: approval is impossible without it.
    assessment_necessity = models.TextField(_("necessity and public benefit"), blank=True)
    assessment_feasibility = models.TextField(_("feasibility and budget"), blank=True)
    assessment_conclusion = models.TextField(_("assessment conclusion"), blank=True)
    assessment_score = models.PositiveSmallIntegerField(
        _("assessment score (0-100)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    number = models.CharField(_("approval number"), max_length=60, blank=True)
    reason = models.TextField(_("reasons for returning"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("purchase approval")
        verbose_name_plural = _("purchase approvals")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="approved") | (Q(assessed_at__isnull=False) & ~Q(number="")),
                name="approval_needs_assessment_and_number",
            ),
            models.CheckConstraint(condition=~Q(status="returned") | ~Q(reason=""), name="approval_return_has_reason"),
            models.CheckConstraint(
                condition=Q(assessment_score__isnull=True) | Q(assessment_score__lte=100), name="approval_score_max_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award} · {self.get_status_display()}"

    @property
    def assessed(self) -> bool:
        return self.assessed_at is not None
