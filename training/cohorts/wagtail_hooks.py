"""Wagtail admin: operators set up cohorts (questions, rubric), sessions, assignments and teams.

Status, offers, attendance and certificates change only through the services (the manage
pages under /training/), so those fields are not editable here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import AuditedModelViewSet

from .models import Assignment, Cohort, HoursEntry, SocialWorkerProfile, Team, TrainingSession


class CohortViewSet(AuditedModelViewSet):
    model = Cohort
    icon = "group"
    list_display = ["title", "program", "status", "starts_on", "capacity"]
    list_filter = ["program", "status"]
    search_fields = ["title"]
    panels = [
        FieldPanel("program"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("applications_close_at"), FieldPanel("offer_days")]),
        FieldPanel("location"),
        FieldPanel("online_url"),
        FieldPanel("max_age"),
        MultiFieldPanel(
            [
                FieldPanel("min_attendance_share"),
                FieldPanel("late_weight"),
                FieldPanel("excused_weight"),
                FieldPanel("require_assignments"),
                FieldPanel("require_capstone"),
            ],
            heading=_("Completion rules (locked once a certificate is issued)"),
        ),
        MultiFieldPanel(
            [FieldPanel("accept_message"), FieldPanel("reject_message"), FieldPanel("waitlist_message")],
            heading=_("Decision messages"),
        ),
        InlinePanel("questions", heading=_("Application questions"), label=_("question")),
        InlinePanel("criteria", heading=_("Reviewers' rubric"), label=_("criterion")),
    ]


class SessionViewSet(AuditedModelViewSet):
    model = TrainingSession
    icon = "date"
    list_display = ["title", "cohort", "starts_at", "place"]
    list_filter = ["cohort"]
    form_fields = [
        "cohort",
        "title",
        "description",
        "starts_at",
        "ends_at",
        "place",
        "online_url",
        "trainer",
        "trainer_name",
        "host_organization",
        "capacity",
    ]


class AssignmentViewSet(AuditedModelViewSet):
    model = Assignment
    icon = "doc-full"
    list_display = ["title", "cohort", "due_at", "required"]
    list_filter = ["cohort"]
    form_fields = ["cohort", "title", "brief", "due_at", "required", "rubric", "pass_mark"]


class TeamViewSet(AuditedModelViewSet):
    model = Team
    icon = "group"
    list_display = ["name", "cohort"]
    form_fields = ["cohort", "name"]


class SocialWorkerViewSet(AuditedModelViewSet):
    model = SocialWorkerProfile
    icon = "user"
    list_display = ["user", "level", "registered_on"]
    form_fields = ["user", "level", "registration_number", "registered_on"]


class HoursViewSet(AuditedModelViewSet):
    model = HoursEntry
    icon = "time"
    list_display = ["profile", "on", "hours", "description"]
    form_fields = ["profile", "on", "hours", "description"]


class TrainingGroup(ViewSetGroup):
    menu_label = _("Training")
    menu_icon = "group"
    menu_order = 260
    items = (
        CohortViewSet("cohorts_admin"),
        SessionViewSet("training_sessions_admin"),
        AssignmentViewSet("training_assignments_admin"),
        TeamViewSet("training_teams_admin"),
        SocialWorkerViewSet("social_workers_admin"),
        HoursViewSet("training_hours_admin"),
    )


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingGroup()
