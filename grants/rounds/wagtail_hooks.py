"""Admin wiring: the round record and its configuration, managed in the Wagtail admin.

Status changes go through the round's control room (/rounds/<id>/manage/), never through these forms.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import AuditedModelViewSet

from .models import CooperationLetter, RequiredDocument, Roadshow, Round, RubricCriterion, ThemePartner


class RoundViewSet(AuditedModelViewSet):
    model = Round
    icon = "form"
    list_display = ["title", "theme", "year", "status", "budget_fen"]
    list_filter = ["status", "year"]
    search_fields = ["title", "theme"]
    form_fields = [
        "title",
        "theme",
        "year",
        "summary",
        "budget_fen",
        "min_amount_fen",
        "max_amount_fen",
        "allow_registered",
        "allow_incubated",
        "allow_resident_teams",
        "micro_grant_cap_fen",
        "require_incubation",
        "eligible_communities",
        "opens_at",
        "closes_at",
        "applications_per_org",
        "personnel_management_cap_percent",
        "management_cap_percent",
        "max_grant_share_percent",
        "blind_review",
        "reviewers_per_application",
        "peer_voting",
        "peer_opens_at",
        "peer_closes_at",
        "weight_review",
        "weight_roadshow_expert",
        "weight_roadshow_rep",
        "weight_peer",
        "weight_public",
        "objection_workdays",
    ]


class CriterionViewSet(AuditedModelViewSet):
    model = RubricCriterion
    icon = "list-ol"
    list_display = ["name", "round", "weight", "max_score"]
    list_filter = ["round"]
    form_fields = ["round", "name", "description", "weight", "max_score", "order"]


class DocumentViewSet(AuditedModelViewSet):
    model = RequiredDocument
    icon = "doc-full"
    list_display = ["title", "round", "mandatory"]
    list_filter = ["round"]
    form_fields = ["round", "title", "mandatory", "order"]


class PartnerViewSet(AuditedModelViewSet):
    model = ThemePartner
    icon = "group"
    list_display = ["name", "kind", "round"]
    list_filter = ["round"]
    form_fields = ["round", "name", "kind", "contact"]


class LetterViewSet(AuditedModelViewSet):
    model = CooperationLetter
    icon = "doc-full-inverse"
    list_display = ["partner", "application", "signed_on"]
    form_fields = ["partner", "application", "signed_on", "file"]


class RoadshowViewSet(AuditedModelViewSet):
    model = Roadshow
    icon = "media"
    list_display = ["round", "held_at", "venue", "is_open"]
    form_fields = ["round", "held_at", "venue"]


class RoundsGroup(ViewSetGroup):
    menu_label = _("Funding rounds")
    menu_icon = "form"
    menu_order = 300
    items = (
        RoundViewSet("rounds_admin"),
        CriterionViewSet("rounds_criteria"),
        DocumentViewSet("rounds_documents"),
        PartnerViewSet("rounds_partners"),
        LetterViewSet("rounds_letters"),
        RoadshowViewSet("rounds_roadshows"),
    )


@hooks.register("register_admin_viewset")
def register_rounds_viewsets():
    return RoundsGroup()
