"""Periodic jobs; each is thin and idempotent and calls a service."""

from celery import shared_task

from .models import Cohort, CohortStatus


@shared_task(name="cohorts.tasks.expire_offers")
def expire_offers() -> int:
    """Every minute: lapse offers past their deadline and offer the places to the waiting list."""
    from .services import offers_expire_due

    return offers_expire_due()


@shared_task(name="cohorts.tasks.warn_attendance")
def warn_attendance() -> int:
    from .services import attendance_warn_at_risk

    return sum(attendance_warn_at_risk(cohort=c) for c in Cohort.objects.filter(status=CohortStatus.RUNNING))


@shared_task(name="cohorts.tasks.remind_outcomes")
def remind_outcomes() -> int:
    from .services import outcome_checkins_remind

    return outcome_checkins_remind()


@shared_task(name="cohorts.tasks.warn_hours")
def warn_hours() -> int:
    from .services import hours_warn_due

    return hours_warn_due()
