"""The round record: pool, limits, eligibility, rubric and weights; themes and their partners."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document_upload

PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed (screening, review and award)")
    ARCHIVED = "archived", _("Archived")


class Round(models.Model):
    title = models.CharField(_("title"), max_length=120)
    budget_fen = models.BigIntegerField(_("budget pool (fen)"), default=0)
    status = models.CharField(_("status"), max_length=20, default=RoundStatus.DRAFT, choices=RoundStatus.choices)
    theme = models.CharField(_("theme"), max_length=60, blank=True, help_text=_("For example 德育创投."))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    min_amount_fen = models.BigIntegerField(_("minimum per project (fen)"), default=0)
    max_amount_fen = models.BigIntegerField(_("maximum per project (fen)"), default=0)
    # Eligible applicant types.
    allow_registered = models.BooleanField(_("registered social organizations may apply"), default=True)
    allow_incubated = models.BooleanField(_("organizations incubated at the centre may apply"), default=True)
    allow_resident_teams = models.BooleanField(_("resident teams may apply for micro-grants"), default=False)
    micro_grant_cap_fen = models.BigIntegerField(_("micro-grant cap for resident teams (fen)"), default=0)
    require_incubation = models.BooleanField(_("only incubated or graduated organizations"), default=False)
    eligible_communities = models.ManyToManyField(
        "places.Community",
        blank=True,
        related_name="+",
        verbose_name=_("eligible communities"),
        help_text=_("Leave empty to admit every community."),
    )
    opens_at = models.DateTimeField(_("opens at"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    applications_per_org = models.PositiveSmallIntegerField(_("applications per organization"), default=1)
    # Budget rules.
    personnel_management_cap_percent = models.DecimalField(
        _("personnel and management cap (percent of total)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(30),
        validators=PERCENT,
    )
    management_cap_percent = models.DecimalField(
        _("management cap (percent of total)"), max_digits=5, decimal_places=2, default=Decimal(10), validators=PERCENT
    )
    max_grant_share_percent = models.DecimalField(
        _("maximum grant share of the project budget (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(100),
        validators=PERCENT,
    )
    # Review and scoring.
    blind_review = models.BooleanField(_("blind review"), default=False)
    reviewers_per_application = models.PositiveSmallIntegerField(_("reviewers per application"), default=3)
    peer_voting = models.BooleanField(_("peer voting among shortlisted organizations"), default=False)
    peer_opens_at = models.DateTimeField(_("peer voting opens at"), null=True, blank=True)
    peer_closes_at = models.DateTimeField(_("peer voting closes at"), null=True, blank=True)
    weight_review = models.DecimalField(
        _("weight: expert review"), max_digits=5, decimal_places=2, default=Decimal(40), validators=PERCENT
    )
    weight_roadshow_expert = models.DecimalField(
        _("weight: roadshow experts"), max_digits=5, decimal_places=2, default=Decimal(30), validators=PERCENT
    )
    weight_roadshow_rep = models.DecimalField(
        _("weight: roadshow representatives"), max_digits=5, decimal_places=2, default=Decimal(30), validators=PERCENT
    )
    weight_peer = models.DecimalField(
        _("weight: peer voting"), max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    weight_public = models.DecimalField(
        _("weight: public vote"), max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    objection_workdays = models.PositiveSmallIntegerField(_("objection period (working days)"), default=5)
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("funding round")
        verbose_name_plural = _("funding rounds")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(budget_fen__gte=0), name="round_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(max_amount_fen=0) | Q(max_amount_fen__gte=models.F("min_amount_fen")),
                name="round_max_not_below_min",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    WEIGHT_FIELDS = ("weight_review", "weight_roadshow_expert", "weight_roadshow_rep", "weight_peer", "weight_public")

    def clean(self):
        total = sum((getattr(self, name) or Decimal(0)) for name in self.WEIGHT_FIELDS)
        if total != Decimal(100):
            raise ValidationError(
                _("The score weights add up to %(total)s; they must add up to 100.") % {"total": total}
            )
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening time.")})
        if self.max_amount_fen and self.max_amount_fen > self.budget_fen:
            raise ValidationError({"max_amount_fen": _("The per-project maximum cannot exceed the pool.")})

    @property
    def weights(self) -> dict[str, Decimal]:
        return {
            "review": self.weight_review,
            "roadshow_expert": self.weight_roadshow_expert,
            "roadshow_rep": self.weight_roadshow_rep,
            "peer": self.weight_peer,
            "public": self.weight_public,
        }

    def accepts_changes_at(self, moment) -> bool:
        """Applications may be created and edited only while the round is open and before it closes."""
        if self.status != RoundStatus.OPEN:
            return False
        if self.opens_at and moment < self.opens_at:
            return False
        return not (self.closes_at and moment >= self.closes_at)


class RequiredDocument(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="required_documents")
    title = models.CharField(_("title"), max_length=120)
    mandatory = models.BooleanField(_("mandatory"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class RubricCriterion(models.Model):
    """One line of the review rubric, scored 0 to `max_score`; frozen once any score exists."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=80)
    description = models.CharField(_("what reviewers look for"), max_length=250, blank=True)
    weight = models.DecimalField(_("weight (%)"), max_digits=5, decimal_places=2, validators=PERCENT)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "name"], name="criterion_unique_name"),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="criterion_max_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        # Changing the rubric after scoring would make earlier scores incomparable.
        if self.round_id and self.round.criteria.filter(scores__isnull=False).exists():
            raise ValidationError(_("The rubric is frozen: reviewers have already scored with it."))


class ThemePartner(models.Model):
    """A partner of the round's theme (e.g. a school) that signs cooperation letters with winners."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=40, blank=True, help_text=_("For example school or hospital."))
    contact = models.CharField(_("contact person"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("theme partner")
        verbose_name_plural = _("theme partners")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CooperationLetter(models.Model):
    partner = models.ForeignKey(ThemePartner, on_delete=models.CASCADE, related_name="letters")
    application = models.ForeignKey("rounds.Application", on_delete=models.CASCADE, related_name="cooperation_letters")
    signed_on = models.DateField(_("signed on"))
    file = models.FileField(_("letter"), upload_to="rounds/letters/%Y/", validators=[validate_document_upload])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cooperation letter")
        verbose_name_plural = _("cooperation letters")
        constraints = [models.UniqueConstraint(fields=["partner", "application"], name="letter_unique_pair")]

    def __str__(self) -> str:
        return f"{self.partner} · {self.application}"
