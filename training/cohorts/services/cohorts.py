"""The cohort lifecycle and its completion rules."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from core.statemachine import StateMachine

from ..models import RULE_FIELDS, Cohort, CohortStatus

S = CohortStatus
COHORT_MACHINE = StateMachine(
    {
        S.DRAFT: [S.APPLICATIONS_OPEN],
        # The study club opens enrolment and runs without a selection.
        S.APPLICATIONS_OPEN: [S.SELECTION, S.RUNNING, S.DRAFT],
        S.SELECTION: [S.RUNNING, S.APPLICATIONS_OPEN],
        S.RUNNING: [S.COMPLETED],
        S.COMPLETED: [S.ARCHIVED],
        S.ARCHIVED: [],
    }
)


def lock(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


@transaction.atomic
def cohort_transition(*, actor, cohort: Cohort, target: str) -> Cohort:
    cohort = lock(cohort)
    previous = COHORT_MACHINE.apply(cohort, target)
    cohort.status_changed_at = now()
    cohort.full_clean()
    cohort.save(update_fields=["status", "status_changed_at"])
    audit_record(actor=actor, action="cohort.status_changed", obj=cohort, changes={"status": [previous, target]})
    return cohort


@transaction.atomic
def cohort_rules_update(*, actor, cohort: Cohort, **rules) -> Cohort:
    """Change the completion rules; refused once the first certificate has been issued."""
    unknown = set(rules) - set(RULE_FIELDS)
    if unknown:
        raise ValueError(f"not completion rules: {sorted(unknown)}")
    cohort = lock(cohort)
    if cohort.rules_locked:
        raise ValidationError(
            _("The completion rules are locked because certificates have been issued; they cannot change now."),
            code="rules_locked",
        )
    before = {name: getattr(cohort, name) for name in RULE_FIELDS}
    for name, value in rules.items():
        setattr(cohort, name, value)
    cohort.full_clean()
    cohort.save(update_fields=list(rules))
    changes = {name: [before[name], getattr(cohort, name)] for name in rules if before[name] != getattr(cohort, name)}
    audit_record(actor=actor, action="cohort.rules_changed", obj=cohort, changes=changes)
    return cohort
