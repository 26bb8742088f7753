"""Sections of the home page contributed by other apps (open calls, projects, camps...).

An app registers a section in its AppConfig.ready(); the home page renders each section's
template with the context its function returns. A function returning None hides it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    key: str
    template: str
    context: Callable[[object], dict | None]
    order: int = 100


_SECTIONS: dict[str, HomeSection] = {}


def register(key: str, template: str, context: Callable[[object], dict | None], order: int = 100) -> None:
    _SECTIONS[key] = HomeSection(key, template, context, order)


def sections_for(request) -> list[dict]:
    out = []
    for section in sorted(_SECTIONS.values(), key=lambda s: s.order):
        ctx = section.context(request)
        if ctx is not None:
            out.append({"key": section.key, "template": section.template, "context": ctx})
    return out
