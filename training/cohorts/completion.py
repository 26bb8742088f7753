"""Completion from a cohort's rules: weighted attendance share, required assignments, capstone.

Pure computation over rows the caller has loaded, so a cohort's whole roll costs a fixed
number of queries (see selectors.cohort_roll) and the rules are testable on their own.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .models import AttendanceStatus, Cohort

HOURS_STATUSES = {AttendanceStatus.PRESENT, AttendanceStatus.LATE}


def weights(cohort: Cohort) -> dict[str, Decimal]:
    return {
        AttendanceStatus.PRESENT: Decimal(1),
        AttendanceStatus.LATE: cohort.late_weight,
        AttendanceStatus.EXCUSED: cohort.excused_weight,
        AttendanceStatus.ABSENT: Decimal(0),
    }


@dataclass
class Completion:
    sessions_total: int
    sessions_held: int
    weighted: Decimal
    attended_hours: Decimal
    share: Decimal  # weighted attendance over all sessions of the cohort, 0-1
    share_so_far: Decimal  # over the sessions held so far
    best_possible: Decimal  # if every remaining session is attended
    missing_assignments: list[str] = field(default_factory=list)
    capstone_accepted: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.reasons

    @property
    def percent(self) -> int:
        return int((self.share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def percent_so_far(self) -> int:
        return int((self.share_so_far * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _ratio(numerator: Decimal, denominator: int) -> Decimal:
    return (numerator / denominator).quantize(Decimal("0.0001")) if denominator else Decimal(0)


def compute(
    cohort: Cohort,
    *,
    sessions: Iterable,
    held_ids: set[int],
    statuses: dict[int, str],
    required_assignments: Iterable = (),
    passed_assignment_ids: set[int] = frozenset(),
    capstone_status: str | None = None,
) -> Completion:
    """`statuses` maps session id to the trainee's attendance status (missing = not marked)."""
    sessions = list(sessions)
    weight_of = weights(cohort)
    weighted = Decimal(0)
    hours = Decimal(0)
    for session in sessions:
        status = statuses.get(session.pk)
        if status is None:
            continue
        weighted += weight_of[status]
        if status in HOURS_STATUSES:
            hours += session.hours
    total = len(sessions)
    held = sum(1 for s in sessions if s.pk in held_ids)
    remaining = total - held
    result = Completion(
        sessions_total=total,
        sessions_held=held,
        weighted=weighted,
        attended_hours=hours,
        share=_ratio(weighted, total),
        share_so_far=_ratio(weighted, held),
        best_possible=_ratio(weighted + remaining, total),
        capstone_accepted=capstone_status == "accepted",
    )
    if total == 0:
        result.reasons.append(_("The cohort has no sessions yet."))
    elif result.share < cohort.min_attendance_share:
        result.reasons.append(
            _("Attendance is %(share)s%%, below the required %(required)s%%.")
            % {"share": result.percent, "required": int(cohort.min_attendance_share * 100)}
        )
    if cohort.require_assignments:
        result.missing_assignments = [a.title for a in required_assignments if a.pk not in passed_assignment_ids]
        if result.missing_assignments:
            result.reasons.append(
                _("Required assignments not passed: %(titles)s.") % {"titles": "、".join(result.missing_assignments)}
            )
    if cohort.require_capstone and not result.capstone_accepted:
        result.reasons.append(_("The capstone project has not been accepted."))
    return result


def at_risk(cohort: Cohort, completion: Completion) -> bool:
    """Below the threshold so far, or one more missed session would make completion impossible."""
    if completion.sessions_held == 0 or completion.sessions_total == 0:
        return False
    threshold = cohort.min_attendance_share
    if completion.share_so_far < threshold:
        return True
    one_more_missed = completion.best_possible - _ratio(Decimal(1), completion.sessions_total)
    return completion.sessions_held < completion.sessions_total and one_more_missed < threshold


def too_late(cohort: Cohort, completion: Completion) -> bool:
    return completion.sessions_total > 0 and completion.best_possible < cohort.min_attendance_share
