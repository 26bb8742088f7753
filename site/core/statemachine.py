"""The one state-machine style: a TextChoices status and an explicit table of transitions.

Every transition is a service that locks the row, calls `transition()`, stamps the time,
writes the audit event and schedules notifications on commit. Nothing else assigns status.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class TransitionNotAllowed(ValidationError):
    pass


class StateMachine:
    def __init__(self, transitions: Mapping[str, Iterable[str]]):
        self.transitions = {state: frozenset(targets) for state, targets in transitions.items()}

    def allowed(self, current: str) -> frozenset[str]:
        return self.transitions.get(current, frozenset())

    def can(self, current: str, target: str) -> bool:
        return target in self.allowed(current)

    def check(self, current: str, target: str, *, labels: Mapping[str, str] | None = None) -> None:
        if not self.can(current, target):
            labels = labels or {}
            raise TransitionNotAllowed(
                _("Cannot move from “%(current)s” to “%(target)s”.")
                % {"current": labels.get(current, current), "target": labels.get(target, target)},
                code="transition_not_allowed",
            )

    def apply(self, instance, target: str, *, field: str = "status") -> str:
        """Check and assign; returns the previous state. Call only from a service."""
        previous = getattr(instance, field)
        choices = dict(instance._meta.get_field(field).flatchoices)
        self.check(previous, target, labels={k: str(v) for k, v in choices.items()})
        setattr(instance, field, target)
        return previous
