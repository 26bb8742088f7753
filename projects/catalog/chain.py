"""The chain a project came from: idea > application > award > contract > reports.

Catalog knows the idea and the award (fields on Project). Other apps add their own steps
with `register(key, label, fn, order)` from AppConfig.ready(); `fn(project)` returns the URL
of the step (or "" for a step without a public page), or None when the step does not exist.
Each fn must run at most one query.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ChainStep:
    key: str
    label: str
    fn: Callable[[object], str | None]
    order: int = 100


_STEPS: dict[str, ChainStep] = {}


def register(key: str, label, fn: Callable[[object], str | None], order: int = 100) -> None:
    _STEPS[key] = ChainStep(key, label, fn, order)


def _url(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _idea(project):
    if not project.idea_id:
        return None
    return _url("ideas:detail", pk=project.idea_id)


def _application(project):
    if not project.award_id:
        return None
    return _url("rounds:detail", pk=project.award.application.round_id)


def _award(project):
    if not project.award_id:
        return None
    return _url("rounds:notice", pk=project.award.application.round_id)


register("idea", _("Resident idea"), _idea, order=10)
register("application", _("Funding application"), _application, order=20)
register("award", _("Award"), _award, order=30)


def chain_for(project) -> list[dict]:
    """Every registered step that exists for this project, in order, with its link."""
    steps = []
    for step in sorted(_STEPS.values(), key=lambda s: s.order):
        url = step.fn(project)
        if url is not None:
            steps.append({"key": step.key, "label": step.label, "url": url})
    return steps
