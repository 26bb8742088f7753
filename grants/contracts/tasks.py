"""Periodic jobs; each is thin and idempotent and calls a service."""

from celery import shared_task


@shared_task(name="contracts.tasks.report_reminders")
def report_reminders() -> int:
    """Daily: remind before a report is due and on each day overdue (once per report per day)."""
    from .services import report_reminders_send

    return report_reminders_send()


@shared_task(name="contracts.tasks.publish_summaries")
def publish_summaries() -> int:
    """Daily safety net: publish any signed contract's summary that is not yet public."""
    from .services import publish_due_summaries

    return publish_due_summaries()
