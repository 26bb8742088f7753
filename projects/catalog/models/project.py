"""The public project record. Contracts, ideas and donations point here."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_image_upload


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


class Theme(models.TextChoices):
    ELDERLY = "elderly", _("Services for the elderly")
    YOUTH = "youth", _("Children and youth")
    NEIGHBOURS = "neighbours", _("Neighbourly mutual aid")
    ENVIRONMENT = "environment", _("Environment and public spaces")
    CULTURE = "culture", _("Culture and education")
    DISABILITY = "disability", _("People with disabilities")
    GOVERNANCE = "governance", _("Community governance")
    OTHER = "other", _("Other")


THEMES = Theme  # alias used by imports and the dashboard


class ProjectCategory(models.TextChoices):
    SERVICE = "service", _("Direct service")
    GOVERNANCE = "governance", _("Participation and governance")
    CAPACITY = "capacity", _("Capacity building")
    FACILITY = "facility", _("Small facilities and micro-renewal")


class ProjectSource(models.TextChoices):
    CONTRACT = "contract", _("Purchase contract")
    AWARD = "award", _("Venture grant award")
    IDEA = "idea", _("Adopted resident idea")
    IMPORTED = "imported", _("Historical record (imported)")
    MANUAL = "manual", _("Entered by the centre")


class Project(models.Model):
    name = models.CharField(_("name"), max_length=160)
    organization = models.ForeignKey(
        "organizations.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    community = models.ForeignKey(
        "places.Community", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    # Denormalised from the community so the database page filters by street without a join.
    street = models.ForeignKey(
        "places.Street",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("street"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    funding_source = models.CharField(_("funding source"), max_length=20, choices=FundingSource.choices)
    amount_fen = models.BigIntegerField(_("amount (fen)"), default=0)
    status = models.CharField(_("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED)
    progress_pct = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    beneficiaries = models.PositiveIntegerField(_("beneficiaries"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, default=Theme.OTHER)
    category = models.CharField(
        _("category"), max_length=20, choices=ProjectCategory.choices, default=ProjectCategory.SERVICE
    )
    source = models.CharField(_("source"), max_length=12, choices=ProjectSource.choices, default=ProjectSource.MANUAL)
    # The key of an imported row (e.g. "2019-001"): re-importing the same file never duplicates.
    external_ref = models.CharField(_("reference"), max_length=40, null=True, blank=True, unique=True)
    # name + summary + organization + community + street, kept by save(); what search reads.
    search_text = models.TextField(blank=True, editable=False)
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
            models.CheckConstraint(
                condition=models.Q(year__gte=2000) & models.Q(year__lte=2100), name="project_year_sane"
            ),
        ]
        indexes = [
            models.Index(fields=["-year", "-id"], name="project_year_id"),
            models.Index(fields=["street", "year"], name="project_street_year"),
            models.Index(fields=["community", "year"], name="project_community_year"),
            models.Index(fields=["theme", "year"], name="project_theme_year"),
            models.Index(fields=["status"], name="project_status"),
            models.Index(fields=["funding_source"], name="project_funding"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_denormalised()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "street", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("catalog:project", kwargs={"pk": self.pk})

    def build_search_text(self, *, organization_name: str = "", community_name: str = "", street_name: str = "") -> str:
        parts = [self.name, self.summary, organization_name, community_name, street_name]
        return " ".join(p for p in parts if p)

    def refresh_denormalised(self) -> None:
        """Street from the community and the search text; a few small reads, only on save()."""
        from organizations.models import Organization
        from places.models import Community

        community_name = street_name = ""
        if self.community_id:
            row = Community.objects.filter(pk=self.community_id).values("street_id", "name", "street__name").first()
            if row:
                self.street_id = row["street_id"]
                community_name, street_name = row["name"], row["street__name"]
        org_name = ""
        if self.organization_id:
            org_name = Organization.objects.filter(pk=self.organization_id).values_list("name", flat=True).first() or ""
        self.search_text = self.build_search_text(
            organization_name=org_name, community_name=community_name, street_name=street_name
        )


class ProjectMilestone(models.Model):
    """A step on the project's progress timeline."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=120)
    note = models.TextField(_("note"), blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ProjectIndicator(models.Model):
    """An output or outcome indicator with its target and the value reached."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=120)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    target = models.PositiveIntegerField(_("target"))
    actual = models.PositiveIntegerField(_("achieved"), default=0)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [models.UniqueConstraint(fields=["project", "name"], name="project_indicator_once")]

    def __str__(self) -> str:
        return self.name


class ProjectBudgetLine(models.Model):
    """Planned against actual spending, per budget line (historical projects; contracts add their own panel)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    item = models.CharField(_("budget line"), max_length=120)
    planned_fen = models.BigIntegerField(_("planned (fen)"), default=0)
    actual_fen = models.BigIntegerField(_("spent (fen)"), default=0)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_fen__gte=0) & models.Q(actual_fen__gte=0), name="project_budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.item


class ProjectPhoto(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="projects/%Y/", validators=[validate_image_upload])
    caption = models.CharField(_("caption"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name
