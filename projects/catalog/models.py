"""The public project record. Contracts, ideas and donations point here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FundingSource(models.TextChoices):
    PURCHASE = "purchase", _("Government purchase contract")
    VENTURE = "venture", _("Venture grant")
    DONATIONS = "donations", _("Donations")
    COMMUNITY_FUND = "community_fund", _("Community fund")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("In progress")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")


class Project(models.Model):
    name = models.CharField(_("name"), max_length=160)
    organization = models.ForeignKey(
        "organizations.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    community = models.ForeignKey(
        "places.Community", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    funding_source = models.CharField(_("funding source"), max_length=20, choices=FundingSource.choices)
    amount_fen = models.BigIntegerField(_("amount (fen)"), default=0)
    status = models.CharField(_("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED)
    progress_pct = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    beneficiaries = models.PositiveIntegerField(_("beneficiaries"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    idea = models.ForeignKey("ideas.Idea", null=True, blank=True, on_delete=models.SET_NULL, related_name="projects")
    award = models.OneToOneField(
        "rounds.Award", null=True, blank=True, on_delete=models.SET_NULL, related_name="project"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(condition=models.Q(progress_pct__lte=100), name="project_progress_max_100"),
            models.CheckConstraint(condition=models.Q(amount_fen__gte=0), name="project_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name
