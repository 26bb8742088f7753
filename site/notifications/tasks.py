from celery import shared_task

from .delivery import deliver_email, sweep


@shared_task(name="notifications.tasks.deliver")
def deliver(notification_id: int) -> bool:
    return deliver_email(notification_id)


@shared_task(name="notifications.tasks.sweep_pending")
def sweep_pending() -> int:
    return sweep()
