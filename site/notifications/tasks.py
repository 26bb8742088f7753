from celery import shared_task

from .delivery import deliver as deliver_pending
from .delivery import sweep


@shared_task(name="notifications.tasks.deliver")
def deliver(notification_id: int) -> bool:
    return deliver_pending(notification_id)


@shared_task(name="notifications.tasks.sweep_pending")
def sweep_pending() -> int:
    return sweep()
