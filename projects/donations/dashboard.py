"""Figures for the bureau's dashboard: net donations by community and by year."""

from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.money import format_yuan
from projects.dashboard.registry import DashboardFilters, Figure, FigureValue

from .models import LedgerEntry


def _entries(filters: DashboardFilters, *, use_year: bool = True):
    entries = LedgerEntry.objects.annotate(
        community_id=Coalesce(F("project__community_id"), F("fund__community_id")),
    )
    if filters.community_id:
        entries = entries.filter(community_id=filters.community_id)
    if filters.street_id:
        entries = entries.filter(
            Q(project__community__street_id=filters.street_id) | Q(fund__community__street_id=filters.street_id)
        )
    if use_year and filters.year:
        entries = entries.filter(created_at__year=filters.year)
    return entries


def by_community(filters: DashboardFilters) -> FigureValue:
    from places.models import Community

    index = reverse("donations:index")
    rows = _entries(filters).values("community_id").annotate(total=Sum("amount_fen")).order_by("-total")
    totals = {row["community_id"]: row["total"] for row in rows}
    names = dict(Community.objects.filter(pk__in=[k for k in totals if k]).values_list("id", "name"))
    breakdown = [(names.get(pk, "—"), format_yuan(total), index) for pk, total in totals.items()]
    return FigureValue(value=format_yuan(sum(totals.values())), url=index, breakdown=breakdown)


def by_year(filters: DashboardFilters) -> FigureValue:
    index = reverse("donations:index")
    rows = (
        _entries(filters, use_year=False)
        .annotate(year=ExtractYear("created_at"))
        .values("year")
        .annotate(total=Sum("amount_fen"))
        .order_by("year")
    )
    breakdown = [(str(row["year"]), format_yuan(row["total"]), index) for row in rows]
    total = sum(row["total"] for row in rows if not filters.year or row["year"] == filters.year)
    return FigureValue(value=format_yuan(total), url=index, breakdown=breakdown)


FIGURES = [
    Figure(
        key="donations_by_community",
        label=_("Donations and matches by community"),
        compute=by_community,
        group="donations",
        order=10,
    ),
    Figure(
        key="donations_by_year", label=_("Donations and matches by year"), compute=by_year, group="donations", order=20
    ),
]
