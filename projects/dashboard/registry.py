"""Figures on the bureau's dashboard, contributed by each app.

`register(Figure(...))` from AppConfig.ready(). `compute(filters)` returns a FigureValue: the
number, the URL of the filtered list it counts (every figure links to its list), and an
optional breakdown (e.g. 大事/小事/私事), each item with its own URL. `filters` is a
DashboardFilters; a figure ignores the filters that do not apply to it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DashboardFilters:
    street_id: int | None = None
    community_id: int | None = None
    year: int | None = None
    theme: str | None = None


@dataclass(frozen=True)
class FigureValue:
    value: int | str
    url: str
    breakdown: list[tuple[str, int | str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    compute: Callable[[DashboardFilters], FigureValue]
    group: str = "general"
    order: int = 100


_FIGURES: dict[str, Figure] = {}


def register(figure: Figure) -> None:
    _FIGURES[figure.key] = figure


def figures() -> list[Figure]:
    return sorted(_FIGURES.values(), key=lambda f: (f.group, f.order))
