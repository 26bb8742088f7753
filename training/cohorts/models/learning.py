"""Mentoring, assignments with rubric grading, and the capstone project plan."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .programs import Cohort, Team


class MentorAssignment(models.Model):
    """A mentor coaching one trainee or one team of a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="mentor_assignments")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentoring", verbose_name=_("mentor")
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentored_by",
        verbose_name=_("trainee"),
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="mentors", verbose_name=_("team")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentor assignment")
        constraints = [
            models.CheckConstraint(
                condition=(Q(trainee__isnull=False) & Q(team__isnull=True))
                | (Q(trainee__isnull=True) & Q(team__isnull=False)),
                name="mentor_assignment_one_target",
            ),
            models.UniqueConstraint(
                fields=["cohort", "mentor", "trainee"],
                condition=Q(trainee__isnull=False),
                name="mentor_assignment_trainee_once",
            ),
            models.UniqueConstraint(
                fields=["cohort", "mentor", "team"], condition=Q(team__isnull=False), name="mentor_assignment_team_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.trainee or self.team}"


class MentoringNote(models.Model):
    assignment = models.ForeignKey(MentorAssignment, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("note"))
    shared_with_trainee = models.BooleanField(_("visible to the trainee"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mentoring note")

    def __str__(self) -> str:
        return f"{self.assignment}: {self.body[:30]}"


class Assignment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("title"), max_length=120)
    brief = models.TextField(_("brief"), blank=True)
    due_at = models.DateTimeField(_("deadline"))
    required = models.BooleanField(_("required for completion"), default=True)
    # [{"name": "问题分析", "max": 10}, ...]: the grading rubric.
    rubric = models.JSONField(
        _("rubric"), default=list, blank=True, help_text=_('A list like [{"name": "Analysis", "max": 10}].')
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (share of the rubric maximum, in per cent)"), default=60, validators=[MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("assignment")

    def __str__(self) -> str:
        return self.title

    @property
    def rubric_max(self) -> int:
        return sum(int(line.get("max", 0)) for line in self.rubric or [])


class AssignmentExtension(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_at = models.DateTimeField(_("new deadline"))
    reason = models.CharField(_("reason"), max_length=200)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deadline extension")
        constraints = [models.UniqueConstraint(fields=["assignment", "trainee"], name="assignment_extension_once")]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.trainee} → {self.due_at:%Y-%m-%d %H:%M}"


class Submission(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("answer"))
    submitted_at = models.DateTimeField()
    scores = models.JSONField(default=list, blank=True)
    score_total = models.PositiveIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        constraints = [models.UniqueConstraint(fields=["assignment", "trainee"], name="submission_once")]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.trainee}"


class CapstoneStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    ACCEPTED = "accepted", _("Accepted")


class Capstone(models.Model):
    """The trainee's public-benefit project plan; once accepted it can become a grant application."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="capstones")
    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="capstones")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("project name"), max_length=120)
    problem = models.TextField(_("the need it answers"))
    plan = models.TextField(_("plan"))
    beneficiaries = models.CharField(_("who benefits"), max_length=200, blank=True)
    budget_fen = models.BigIntegerField(_("budget (fen)"), default=0)
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("carrying organization"),
        help_text=_("The organization that would apply for funding."),
    )
    status = models.CharField(_("status"), max_length=20, choices=CapstoneStatus.choices, default=CapstoneStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.TextField(_("reviewer's note"), blank=True)
    # The draft grant application made from this capstone (the link back is this row's cohort).
    application = models.OneToOneField(
        "rounds.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="capstone"
    )

    class Meta:
        verbose_name = _("capstone project")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="capstone_once"),
            models.CheckConstraint(condition=Q(budget_fen__gte=0), name="capstone_budget_non_negative"),
        ]

    def __str__(self) -> str:
        return self.title
