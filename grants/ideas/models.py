"""V益案: calls (a Wagtail page), outreach events, resident ideas, supports and 三事分流 triage.

Other apps rely on Idea.title / community / submitted_by / status / created_at and on
`catalog.Project.idea`; keep them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.clock import today
from core.statemachine import StateMachine
from core.uploads import validate_image_upload


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Not started yet")
    COLLECTION = "collection", _("Collecting ideas")
    TRIAGE = "triage", _("Triage (三事分流)")
    VOTE = "vote", _("Public vote")
    ROADSHOW = "roadshow", _("Roadshow")
    IMPLEMENTATION = "implementation", _("Implementation")
    SHOWCASE = "showcase", _("Showcase")
    FINISHED = "finished", _("Finished")


PHASE_ACTIONS = {
    Phase.UPCOMING: _("The call opens soon. Think about what would make your neighbourhood better."),
    Phase.COLLECTION: _("Submit your idea now, from your phone or at your community's public-benefit station."),
    Phase.TRIAGE: _("Community workers are sorting ideas into 大事, 小事 and 私事. Follow your idea's status."),
    Phase.VOTE: _("Support the ideas you like and vote in your household's ballot."),
    Phase.ROADSHOW: _("Come to the roadshow and hear the teams present their projects."),
    Phase.IMPLEMENTATION: _("Adopted ideas are being carried out. Join in as a volunteer."),
    Phase.SHOWCASE: _("See what the ideas achieved at the showcase."),
    Phase.FINISHED: _("This call has finished. Thank you for taking part."),
}


class IdeaCall(Page):
    """A V益案 call for one campaign."""

    theme = models.CharField(_("theme"), max_length=60, blank=True)
    intro = models.CharField(_("summary"), max_length=250, blank=True)
    rules = RichTextField(_("rules"), blank=True)
    body = RichTextField(_("about this call"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    communities = ParentalManyToManyField("places.Community", blank=True, verbose_name=_("participating communities"))
    stations = ParentalManyToManyField("organizations.Station", blank=True, verbose_name=_("participating stations"))
    collection_opens = models.DateField(_("collection opens"))
    collection_closes = models.DateField(_("collection closes"))
    triage_closes = models.DateField(_("triage ends"))
    vote_closes = models.DateField(_("public vote ends"))
    roadshow_on = models.DateField(_("roadshow day"))
    implementation_closes = models.DateField(_("implementation ends"))
    showcase_on = models.DateField(_("showcase day"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("rules"),
        FieldPanel("body"),
        FieldPanel("communities"),
        FieldPanel("stations"),
        MultiFieldPanel(
            [
                FieldPanel("collection_opens"),
                FieldPanel("collection_closes"),
                FieldPanel("triage_closes"),
                FieldPanel("vote_closes"),
                FieldPanel("roadshow_on"),
                FieldPanel("implementation_closes"),
                FieldPanel("showcase_on"),
            ],
            heading=_("Timeline"),
        ),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []
    template = "ideas/call_page.html"

    class Meta:
        verbose_name = _("V益案 call")
        verbose_name_plural = _("V益案 calls")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        dates = [
            self.collection_opens,
            self.collection_closes,
            self.triage_closes,
            self.vote_closes,
            self.roadshow_on,
            self.implementation_closes,
            self.showcase_on,
        ]
        if all(dates) and dates != sorted(dates):
            raise ValidationError(_("The timeline's dates must follow one another in order."))

    def timeline(self) -> list[dict]:
        """Each phase with its dates, in order, marking the current one."""
        rows = [
            (Phase.COLLECTION, self.collection_opens, self.collection_closes),
            (Phase.TRIAGE, self.collection_closes + datetime.timedelta(days=1), self.triage_closes),
            (Phase.VOTE, self.triage_closes + datetime.timedelta(days=1), self.vote_closes),
            (Phase.ROADSHOW, self.roadshow_on, self.roadshow_on),
            (Phase.IMPLEMENTATION, self.roadshow_on + datetime.timedelta(days=1), self.implementation_closes),
            (Phase.SHOWCASE, self.showcase_on, self.showcase_on),
        ]
        current = self.current_phase()
        return [
            {"phase": phase, "label": phase.label, "starts": start, "ends": end, "current": phase == current}
            for phase, start, end in rows
        ]

    def current_phase(self, on: datetime.date | None = None) -> str:
        day = on or today()
        if day < self.collection_opens:
            return Phase.UPCOMING
        if day <= self.collection_closes:
            return Phase.COLLECTION
        if day <= self.triage_closes:
            return Phase.TRIAGE
        if day <= self.vote_closes:
            return Phase.VOTE
        if day <= self.roadshow_on:
            return Phase.ROADSHOW
        if day <= self.implementation_closes:
            return Phase.IMPLEMENTATION
        if day <= self.showcase_on:
            return Phase.SHOWCASE
        return Phase.FINISHED

    @property
    def current_phase_label(self) -> str:
        return Phase(self.current_phase()).label

    @property
    def what_now(self) -> str:
        return PHASE_ACTIONS[Phase(self.current_phase())]

    @property
    def accepting_ideas(self) -> bool:
        return self.current_phase() == Phase.COLLECTION

    def get_context(self, request, *args, **kwargs):
        from .selectors import call_totals

        context = super().get_context(request, *args, **kwargs)
        context["totals"] = call_totals(self)
        context["timeline"] = self.timeline()
        return context


class OutreachEvent(models.Model):
    """A 宣传活动 run by a station to collect ideas (院坝会, stall, door-to-door)."""

    call = models.ForeignKey(IdeaCall, on_delete=models.CASCADE, related_name="events", verbose_name=_("call"))
    station = models.ForeignKey(
        "organizations.Station", on_delete=models.PROTECT, related_name="outreach_events", verbose_name=_("station")
    )
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=120)
    attendance = models.PositiveIntegerField(_("attendance"), default=0)
    ideas_collected = models.PositiveIntegerField(_("ideas collected"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outreach event")
        verbose_name_plural = _("outreach events")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.station} {self.held_on:%Y-%m-%d} {self.place}"


class Category(models.TextChoices):
    SURROUNDINGS = "surroundings", _("Surroundings (周边环境)")
    NEIGHBOURS = "neighbours", _("Neighbour relations (邻里关系)")
    VULNERABLE = "vulnerable", _("Help for the vulnerable (弱困救助)")
    ELDERLY = "elderly", _("Elderly and disabled (扶老助残)")
    CULTURE = "culture", _("Culture")
    SAFETY = "safety", _("Safety")
    OTHER = "other", _("Other")


class IdeaStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting triage")
    MAJOR = "major", _("大事: referred to a department")
    SMALL = "small", _("小事: for the community to decide")
    PRIVATE = "private", _("私事: closed with guidance")
    ADOPTED = "adopted", _("Adopted as a project")
    MERGED = "merged", _("Merged into another idea")
    REJECTED = "rejected", _("Not taken up")


TRIAGED = {IdeaStatus.MAJOR, IdeaStatus.SMALL, IdeaStatus.PRIVATE, IdeaStatus.ADOPTED}
PUBLIC_STATUSES = [s for s in IdeaStatus if s != IdeaStatus.DRAFT]

IDEA_MACHINE = StateMachine(
    {
        IdeaStatus.DRAFT: [IdeaStatus.SUBMITTED],
        IdeaStatus.SUBMITTED: [
            IdeaStatus.MAJOR,
            IdeaStatus.SMALL,
            IdeaStatus.PRIVATE,
            IdeaStatus.MERGED,
            IdeaStatus.REJECTED,
        ],
        IdeaStatus.SMALL: [IdeaStatus.ADOPTED],
    }
)


class Idea(models.Model):
    call = models.ForeignKey(
        IdeaCall, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas", verbose_name=_("call")
    )
    title = models.CharField(_("title"), max_length=120)
    problem = models.TextField(_("the problem"), blank=True)
    solution = models.TextField(_("the proposed solution"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.OTHER)
    community = models.ForeignKey("places.Community", on_delete=models.PROTECT, related_name="ideas")
    compound = models.ForeignKey(
        "places.Compound",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ideas",
        verbose_name=_("compound"),
    )
    estimated_cost_fen = models.BigIntegerField(_("estimated cost"), null=True, blank=True)
    offers_time = models.CharField(_("time I can give"), max_length=120, blank=True)
    offers_skills = models.CharField(_("skills I can offer"), max_length=120, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="ideas"
    )
    # Paper ideas collected at a courtyard meeting: who entered it, on whose behalf.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas_entered",
        verbose_name=_("entered by"),
    )
    on_behalf_of = models.CharField(_("resident or household named on the paper form"), max_length=64, blank=True)
    on_behalf_household = models.ForeignKey(
        "places.Household",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("household"),
    )
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.DRAFT)
    support_count = models.PositiveIntegerField(_("supporters"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Triage (三事分流): who decided, why, and who answers for the matter.
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    guidance = models.TextField(_("guidance for the resident"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
        verbose_name=_("merged into"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    responsible = models.CharField(_("person responsible"), max_length=64, blank=True)
    supervisor = models.CharField(_("supervisor"), max_length=64, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # 回访: the resident's satisfaction once the matter is closed.
    satisfied = models.BooleanField(_("satisfied"), null=True, blank=True)
    satisfaction_comment = models.CharField(_("comment"), max_length=300, blank=True)
    satisfaction_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["community", "status", "submitted_at"]),
            models.Index(fields=["call", "status", "-support_count"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(estimated_cost_fen__isnull=True) | Q(estimated_cost_fen__gte=0),
                name="idea_cost_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False), name="idea_merged_has_target"
            ),
            models.CheckConstraint(condition=~Q(merged_into=models.F("id")), name="idea_not_merged_into_itself"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (IdeaStatus.DRAFT, IdeaStatus.SUBMITTED)

    @property
    def is_public(self) -> bool:
        return self.status != IdeaStatus.DRAFT

    @property
    def can_close(self) -> bool:
        return self.closed_at is None and self.status in (IdeaStatus.MAJOR, IdeaStatus.SMALL, IdeaStatus.ADOPTED)

    @property
    def awaiting_feedback(self) -> bool:
        return self.closed_at is not None and self.satisfied is None


class IdeaPhoto(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="ideas/%Y/%m/", validators=[validate_image_upload])
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idea photo")
        verbose_name_plural = _("idea photos")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.image.name


class IdeaSupport(models.Model):
    """+1 from a resident: one per resident per idea, withdrawable."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="idea_support_once")]

    def __str__(self) -> str:
        return f"+1 {self.idea_id}"


class IdeaStatusChange(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=IdeaStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=IdeaStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.from_status} > {self.to_status}"


class ReferralState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ANSWERED = "answered", _("Answered")
    OVERDUE = "overdue", _("Overdue")


class Referral(models.Model):
    """A 大事 sent to a named government department, due in working days."""

    idea = models.OneToOneField(Idea, on_delete=models.CASCADE, related_name="referral")
    department = models.CharField(_("department"), max_length=100)
    workdays = models.PositiveSmallIntegerField(_("working days to answer"))
    referred_on = models.DateField(_("referred on"))
    due_on = models.DateField(_("answer due"))
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answer = models.TextField(_("the department's answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(condition=Q(workdays__gte=1), name="referral_workdays_positive"),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("referred_on")), name="referral_due_after_referral"
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | ~Q(answer=""), name="referral_answer_has_text"
            ),
        ]
        indexes = [models.Index(fields=["answered_on", "due_on"])]

    def __str__(self) -> str:
        return f"{self.department}: {self.idea}"

    def state(self, on: datetime.date | None = None) -> str:
        if self.answered_on:
            return ReferralState.ANSWERED
        if (on or today()) > self.due_on:
            return ReferralState.OVERDUE
        return ReferralState.PENDING

    @property
    def current_state(self) -> str:
        return self.state()

    @property
    def current_state_label(self) -> str:
        return ReferralState(self.state()).label

    @property
    def answered_on_time(self) -> bool:
        return bool(self.answered_on and self.answered_on <= self.due_on)
