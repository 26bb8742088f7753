"""The home page section: camps open for applications."""

from .selectors import open_cohorts


def open_camps_section(request) -> dict | None:
    cohorts = list(open_cohorts()[:6])
    return {"cohorts": cohorts} if cohorts else None
