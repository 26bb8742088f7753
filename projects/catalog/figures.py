"""Dashboard figures: projects by status, money by funding source, beneficiaries by theme.

Each figure links to the project database filtered the same way (the list it counts)."""

from urllib.parse import urlencode

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.money import format_yuan

from .models import FundingSource, Project, ProjectStatus, Theme


def _params(filters, **extra) -> dict:
    params = {}
    if filters.street_id:
        params["street"] = filters.street_id
    if filters.community_id:
        params["community"] = filters.community_id
    if filters.year:
        params["year"] = filters.year
    if filters.theme and filters.theme in Theme.values:
        params["theme"] = filters.theme
    params.update(extra)
    return params


def list_url(filters, **extra) -> str:
    query = urlencode(_params(filters, **extra))
    return reverse("catalog:index") + (f"?{query}" if query else "")


def _projects(filters):
    qs = Project.objects.all()
    if filters.street_id:
        qs = qs.filter(street_id=filters.street_id)
    if filters.community_id:
        qs = qs.filter(community_id=filters.community_id)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.theme:
        qs = qs.filter(theme=filters.theme)
    return qs


def projects_figure(filters):
    from projects.dashboard.registry import FigureValue

    rows = dict(_projects(filters).values_list("status").annotate(n=Count("id")).order_by())
    labels = dict(ProjectStatus.choices)
    breakdown = [
        (str(labels[status]), rows.get(status, 0), list_url(filters, status=status)) for status in ProjectStatus.values
    ]
    return FigureValue(value=sum(rows.values()), url=list_url(filters), breakdown=breakdown)


def money_figure(filters):
    from projects.dashboard.registry import FigureValue

    rows = dict(_projects(filters).values_list("funding_source").annotate(fen=Sum("amount_fen")).order_by())
    labels = dict(FundingSource.choices)
    breakdown = [
        (str(labels[source]), format_yuan(rows.get(source) or 0), list_url(filters, funding_source=source))
        for source in FundingSource.values
    ]
    return FigureValue(
        value=format_yuan(sum(v or 0 for v in rows.values())),
        url=list_url(filters, sort="amount_desc"),
        breakdown=breakdown,
    )


def beneficiaries_figure(filters):
    from projects.dashboard.registry import FigureValue

    rows = dict(_projects(filters).values_list("theme").annotate(n=Sum("beneficiaries")).order_by())
    labels = dict(Theme.choices)
    breakdown = [
        (str(labels[theme]), rows.get(theme) or 0, list_url(filters, theme=theme))
        for theme in Theme.values
        if rows.get(theme)
    ]
    return FigureValue(
        value=sum(v or 0 for v in rows.values()), url=list_url(filters, sort="beneficiaries"), breakdown=breakdown
    )


def register() -> None:
    from projects.dashboard.registry import Figure
    from projects.dashboard.registry import register as add

    add(Figure("catalog.projects", _("Projects"), projects_figure, group="projects", order=10))
    add(Figure("catalog.money", _("Money by funding source"), money_figure, group="projects", order=20))
    add(Figure("catalog.beneficiaries", _("Beneficiaries"), beneficiaries_figure, group="projects", order=30))
