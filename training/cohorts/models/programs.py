"""Programs (one Wagtail page per camp) and their cohorts, each with its own questions and rubric."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class ProgramKind(models.TextChoices):
    SOCIAL_INNOVATION = "social_innovation", _("Social Innovation Camp (社创营)")
    YOUTH_INNOVATION = "youth_innovation", _("Youth Innovation Camp (青创营)")
    STUDY_CLUB = "study_club", _("Study club (研学社)")


class CohortStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPLICATIONS_OPEN = "applications_open", _("Applications open")
    SELECTION = "selection", _("Selection")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    ARCHIVED = "archived", _("Archived")


# The completion rules: they lock once the cohort's first certificate is issued.
RULE_FIELDS = ["min_attendance_share", "late_weight", "excused_weight", "require_assignments", "require_capstone"]

DEFAULT_ACCEPT_MESSAGE = _(
    "Dear {name}, you have been offered a place in {cohort}. Please accept or decline before {deadline}."
)
DEFAULT_REJECT_MESSAGE = _("Dear {name}, thank you for applying to {cohort}. We cannot offer you a place this time.")
DEFAULT_WAITLIST_MESSAGE = _(
    "Dear {name}, you are number {position} on the waiting list for {cohort}. We will tell you as soon as a place frees up."
)


MESSAGE_HELP = _("Placeholders: {name}, {cohort}, {deadline}, {position}. Blank: the standard wording.")


class ProgramPage(Page):
    """The public page of one camp; it lists the camp's cohorts."""

    program = models.CharField(_("program"), max_length=20, choices=ProgramKind.choices, unique=True)
    intro = models.CharField(_("summary"), max_length=250, blank=True)
    body = RichTextField(_("description"), blank=True)
    eligibility = RichTextField(_("who can apply"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("program"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("eligibility"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("training program page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import cohorts_for_program

        context = super().get_context(request, *args, **kwargs)
        context["cohorts"] = cohorts_for_program(self.program)
        return context


class Cohort(ClusterableModel):
    program = models.CharField(_("program"), max_length=20, choices=ProgramKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.DRAFT)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=30)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    applications_close_at = models.DateTimeField(_("applications close"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        help_text=_("Youth Innovation Camp: applicants up to this age are eligible even without a degree or team."),
    )
    offer_days = models.PositiveSmallIntegerField(
        _("days to accept an offer"), default=3, validators=[MinValueValidator(1)]
    )
    # Completion rules (RULE_FIELDS).
    min_attendance_share = models.DecimalField(
        _("minimum attendance share"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.80"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    late_weight = models.DecimalField(
        _("weight of “late”"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.75"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    excused_weight = models.DecimalField(
        _("weight of “excused”"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
    )
    require_assignments = models.BooleanField(_("required assignments must pass"), default=True)
    require_capstone = models.BooleanField(_("capstone must be accepted"), default=True)
    rules_locked_at = models.DateTimeField(_("rules locked"), null=True, blank=True, editable=False)
    # Templated messages for the selection decisions: {name}, {cohort}, {deadline}, {position}.
    # Left blank, the standard wording (DEFAULT_*_MESSAGE, translated) is used.
    accept_message = models.TextField(_("offer message"), blank=True, help_text=MESSAGE_HELP)
    reject_message = models.TextField(_("rejection message"), blank=True, help_text=MESSAGE_HELP)
    waitlist_message = models.TextField(_("waiting-list message"), blank=True, help_text=MESSAGE_HELP)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="cohort_dates_ordered"),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="cohort_capacity_positive"),
            models.CheckConstraint(
                condition=Q(min_attendance_share__gte=0) & Q(min_attendance_share__lte=1), name="cohort_share_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_study_club(self) -> bool:
        return self.program == ProgramKind.STUDY_CLUB

    @property
    def rules_locked(self) -> bool:
        return self.rules_locked_at is not None

    def clean(self):
        super().clean()
        if self.pk and self.rules_locked_at:
            stored = Cohort.objects.filter(pk=self.pk).values(*RULE_FIELDS).first() or {}
            changed = [name for name in RULE_FIELDS if name in stored and stored[name] != getattr(self, name)]
            if changed:
                raise ValidationError(
                    _(
                        "The completion rules are locked because certificates have been issued; "
                        "they cannot change now (%(fields)s)."
                    )
                    % {"fields": ", ".join(str(self._meta.get_field(n).verbose_name) for n in changed)},
                    code="rules_locked",
                )


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("One of a list")
    YES_NO = "yes_no", _("Yes or no")
    DATE = "date", _("Date")


class CohortQuestion(Orderable):
    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="questions")
    prompt = models.CharField(_("question"), max_length=200)
    kind = models.CharField(
        _("answer type"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.LONG_TEXT
    )
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line, for “one of a list”."))
    required = models.BooleanField(_("required"), default=True)
    help_text = models.CharField(_("help text"), max_length=200, blank=True)

    panels = [
        FieldPanel("prompt"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
        FieldPanel("help_text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("application question")

    def __str__(self) -> str:
        return self.prompt

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.kind == QuestionKind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})


class RubricCriterion(Orderable):
    """One line of the reviewers' scoring rubric for a cohort's applications."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=100)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1, validators=[MinValueValidator(1)])
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10, validators=[MinValueValidator(1)])

    panels = [FieldPanel("name"), FieldPanel("weight"), FieldPanel("max_score")]

    class Meta(Orderable.Meta):
        verbose_name = _("rubric criterion")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("team name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        constraints = [models.UniqueConstraint(fields=["cohort", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name
