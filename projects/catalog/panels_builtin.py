"""Catalog's own panels on the project page: timeline, indicators, spending. One query each."""

from . import selectors


def timeline_panel(project) -> dict | None:
    rows = selectors.milestones(project)
    return {"milestones": rows, "progress_pct": project.progress_pct} if rows else None


def indicators_panel(project) -> dict | None:
    rows = selectors.indicators(project)
    return {"indicators": rows} if rows else None


def spending_panel(project) -> dict | None:
    rows = selectors.budget_lines(project)
    if not rows:
        return None
    return {
        "lines": rows,
        "planned_fen": sum(r.planned_fen for r in rows),
        "actual_fen": sum(r.actual_fen for r in rows),
    }


def register() -> None:
    from .panels import register as add

    add("catalog.timeline", "catalog/panels/timeline.html", timeline_panel, order=10)
    add("catalog.indicators", "catalog/panels/indicators.html", indicators_panel, order=20)
    add("catalog.spending", "catalog/panels/spending.html", spending_panel, order=30)
