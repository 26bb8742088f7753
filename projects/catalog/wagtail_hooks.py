"""Wagtail admin: projects and their timeline, indicators, spending and photos (audited), and
a menu link to the import page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import AuditedModelViewSet

from .models import Project, ProjectBudgetLine, ProjectIndicator, ProjectMilestone, ProjectPhoto


class ProjectViewSet(AuditedModelViewSet):
    model = Project
    icon = "folder-open-inverse"
    list_display = ["name", "year", "community", "organization", "funding_source", "status"]
    list_filter = ["year", "theme", "status", "funding_source", "source"]
    search_fields = ["name", "search_text"]
    form_fields = [
        "name",
        "organization",
        "community",
        "year",
        "theme",
        "category",
        "funding_source",
        "amount_fen",
        "status",
        "progress_pct",
        "beneficiaries",
        "summary",
        "source",
        "external_ref",
        "idea",
        "award",
    ]


class MilestoneViewSet(AuditedModelViewSet):
    model = ProjectMilestone
    icon = "date"
    list_display = ["project", "date", "title", "done"]
    search_fields = ["title"]
    form_fields = ["project", "date", "title", "note", "done"]


class IndicatorViewSet(AuditedModelViewSet):
    model = ProjectIndicator
    icon = "list-ul"
    list_display = ["project", "name", "target", "actual"]
    search_fields = ["name"]
    form_fields = ["project", "name", "unit", "target", "actual", "order"]


class BudgetLineViewSet(AuditedModelViewSet):
    model = ProjectBudgetLine
    icon = "table"
    list_display = ["project", "item", "planned_fen", "actual_fen"]
    search_fields = ["item"]
    form_fields = ["project", "item", "planned_fen", "actual_fen", "order"]


class PhotoViewSet(AuditedModelViewSet):
    model = ProjectPhoto
    icon = "image"
    list_display = ["project", "caption"]
    search_fields = ["caption"]
    form_fields = ["project", "image", "caption", "order"]


class CatalogGroup(ViewSetGroup):
    menu_label = _("Project database")
    menu_icon = "folder-open-inverse"
    menu_order = 440
    items = (
        ProjectViewSet("catalog_projects_admin"),
        MilestoneViewSet("catalog_milestones_admin"),
        IndicatorViewSet("catalog_indicators_admin"),
        BudgetLineViewSet("catalog_budget_lines_admin"),
        PhotoViewSet("catalog_photos_admin"),
    )


@hooks.register("register_admin_viewset")
def register_catalog_viewsets():
    return CatalogGroup()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem(_("Import historical projects"), reverse("catalog:import"), icon_name="upload", order=445)
