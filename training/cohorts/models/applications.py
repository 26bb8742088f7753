"""Applications to a cohort, reviewers' rubric scores and the selection that follows."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .programs import Cohort, Team


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not selected")
    OFFERED = "offered", _("Offered a place")
    ENROLLED = "enrolled", _("Enrolled")
    DECLINED = "declined", _("Offer declined")
    EXPIRED = "expired", _("Offer expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ApplicantBackground(models.TextChoices):
    COMMUNITY_WORKER = "community_worker", _("Community worker (社区工作者)")
    SOCIAL_WORK_GRADUATE = "social_work_graduate", _("Social-work graduate")
    TEAM_LEADER = "team_leader", _("Leader of a public-benefit team")
    YOUNG_FOUNDER = "young_founder", _("Young person starting a public-benefit venture")
    ORG_PRACTITIONER = "org_practitioner", _("Staff of a social organization")
    OTHER = "other", _("Other")


class TraineeApplication(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_applications"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    background = models.CharField(_("background"), max_length=24, choices=ApplicantBackground.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organization"),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members", verbose_name=_("team")
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    waitlist_position = models.PositiveIntegerField(_("waiting-list position"), null=True, blank=True)
    decision_message = models.TextField(_("message"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("accept by"), null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cohort", "rank", "id"]
        verbose_name = _("camp application")
        verbose_name_plural = _("camp applications")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "applicant"], name="trainee_application_once"),
            models.UniqueConstraint(
                fields=["cohort", "waitlist_position"],
                condition=Q(waitlist_position__isnull=False),
                name="trainee_application_waitlist_unique",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="trainee_application_offer_deadline",
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted") | Q(waitlist_position__isnull=True),
                name="trainee_application_position_only_waitlisted",
            ),
        ]
        indexes = [models.Index(fields=["status", "offer_expires_at"], name="trainee_app_offer_idx")]

    def __str__(self) -> str:
        return f"{self.applicant} · {self.cohort}"


class ApplicationReview(models.Model):
    """One reviewer's rubric scores for one application, or their declared conflict of interest."""

    application = models.ForeignKey(TraineeApplication, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scores = models.JSONField(default=dict, blank=True)
    # Weighted score as a share of the rubric's maximum, 0-100; empty when a conflict is declared.
    total = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    conflict = models.BooleanField(_("conflict of interest"), default=False)
    conflict_reason = models.CharField(_("conflict reason"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("application review")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="application_review_once"),
            models.CheckConstraint(
                condition=Q(conflict=True) | Q(total__isnull=False), name="review_scored_or_conflict"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application}"
