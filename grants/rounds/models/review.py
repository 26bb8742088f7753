"""Expert review, roadshow scoring and peer voting. Uniqueness is the database's job."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    CONFLICT = "conflict", _("Excluded: conflict of interest")
    SUBMITTED = "submitted", _("Scored")


class ReviewAssignment(models.Model):
    application = models.ForeignKey("rounds.Application", on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments")
    status = models.CharField(_("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.ASSIGNED)
    conflict_reason = models.CharField(_("conflict of interest"), max_length=250, blank=True)
    comment = models.TextField(_("overall comment"), blank=True)
    total = models.DecimalField(_("weighted score"), max_digits=6, decimal_places=2, null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="review_one_per_reviewer"),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(total__isnull=False), name="review_submitted_has_total"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"


class ReviewScore(models.Model):
    assignment = models.ForeignKey(ReviewAssignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("rounds.RubricCriterion", on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="review_score_once")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Roadshow(models.Model):
    round = models.OneToOneField("rounds.Round", on_delete=models.CASCADE, related_name="roadshow")
    held_at = models.DateTimeField(_("held at"))
    venue = models.CharField(_("venue"), max_length=120, blank=True)
    is_open = models.BooleanField(_("scoring open"), default=False)

    class Meta:
        verbose_name = _("roadshow")
        verbose_name_plural = _("roadshows")

    def __str__(self) -> str:
        return f"{self.round} · {self.venue}"


class ScorerKind(models.TextChoices):
    EXPERT = "expert", _("Expert")
    REPRESENTATIVE = "representative", _("Grassroots representative")


class RoadshowScorer(models.Model):
    roadshow = models.ForeignKey(Roadshow, on_delete=models.CASCADE, related_name="scorers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("scores as"), max_length=16, choices=ScorerKind.choices)

    class Meta:
        verbose_name = _("roadshow scorer")
        verbose_name_plural = _("roadshow scorers")
        constraints = [models.UniqueConstraint(fields=["roadshow", "user"], name="roadshow_scorer_once")]

    def __str__(self) -> str:
        return str(self.user)


class RoadshowScore(models.Model):
    """One sheet per scorer per team: the unique constraint refuses the second one."""

    application = models.ForeignKey("rounds.Application", on_delete=models.CASCADE, related_name="roadshow_scores")
    scorer = models.ForeignKey(RoadshowScorer, on_delete=models.PROTECT, related_name="scores")
    kind = models.CharField(_("scored as"), max_length=16, choices=ScorerKind.choices)
    score = models.PositiveSmallIntegerField(_("score (0-100)"))
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roadshow score")
        verbose_name_plural = _("roadshow scores")
        constraints = [
            models.UniqueConstraint(fields=["application", "scorer"], name="roadshow_one_sheet_per_team"),
            models.CheckConstraint(condition=Q(score__lte=100), name="roadshow_score_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.score}"


class PeerSheet(models.Model):
    round = models.ForeignKey("rounds.Round", on_delete=models.CASCADE, related_name="peer_sheets")
    organization = models.ForeignKey("organizations.Organization", on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("peer score sheet")
        verbose_name_plural = _("peer score sheets")
        constraints = [models.UniqueConstraint(fields=["round", "organization"], name="peer_one_sheet_per_org")]

    def __str__(self) -> str:
        return f"{self.organization} · {self.round}"


class PeerScore(models.Model):
    sheet = models.ForeignKey(PeerSheet, on_delete=models.CASCADE, related_name="scores")
    application = models.ForeignKey("rounds.Application", on_delete=models.CASCADE, related_name="peer_scores")
    score = models.PositiveSmallIntegerField(_("score (0-100)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "application"], name="peer_score_once"),
            models.CheckConstraint(condition=Q(score__lte=100), name="peer_score_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.score}"
