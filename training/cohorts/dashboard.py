"""The bureau dashboard figure: people trained, by program and year."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.dashboard.registry import DashboardFilters, Figure, FigureValue

from .models import ProgramKind
from .selectors import people_trained


def _compute(filters: DashboardFilters) -> FigureValue:
    rows = people_trained(year=filters.year)
    labels = dict(ProgramKind.choices)
    base = reverse("cohorts:alumni")
    breakdown = [
        (f"{labels.get(program, program)} {year}", people, f"{base}?program={program}&year={year}")
        for program, year, people in rows
    ]
    total = sum(people for _, _, people in rows)
    return FigureValue(value=total, url=base + (f"?year={filters.year}" if filters.year else ""), breakdown=breakdown)


def people_trained_figure() -> Figure:
    return Figure(
        key="training.people_trained", label=_("People trained"), compute=_compute, group="training", order=10
    )
