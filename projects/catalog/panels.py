"""Panels on a public project page contributed by other apps (spending, payments, donations).

`register(key, template, context, order)` from AppConfig.ready(); `context(project)` returns a
dict or None (hide). Each panel must run a fixed number of queries whatever the data size.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectPanel:
    key: str
    template: str
    context: Callable[[object], dict | None]
    order: int = 100


_PANELS: dict[str, ProjectPanel] = {}


def register(key: str, template: str, context: Callable[[object], dict | None], order: int = 100) -> None:
    _PANELS[key] = ProjectPanel(key, template, context, order)


def panels_for(project) -> list[dict]:
    out = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        ctx = panel.context(project)
        if ctx is not None:
            out.append({"key": panel.key, "template": panel.template, "context": ctx})
    return out
