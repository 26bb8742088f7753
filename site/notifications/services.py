"""Recording notifications. Delivery happens after commit; nothing is lost if the broker is down."""

import logging

from django.db import IntegrityError, transaction

from core.clock import now

from .models import DeliveryStatus, Notification

logger = logging.getLogger(__name__)


def _enqueue(notification_id: int) -> None:
    from .tasks import deliver

    try:
        deliver.apply_async(args=[notification_id], retry=False)
    except Exception:  # broker unreachable: the periodic sweep sends it later
        logger.warning("broker unavailable; notification %s left for the sweep", notification_id, exc_info=True)


def notify(*, recipient, kind: str, subject: str, body: str = "", url: str = "", dedupe_key: str | None = None):
    """Record a message for `recipient`; returns None when `dedupe_key` was already used."""
    if recipient is None:
        return None
    notification = Notification(
        recipient=recipient, kind=kind, subject=str(subject)[:200], body=str(body), url=url,
        dedupe_key=dedupe_key,
        email_status=DeliveryStatus.PENDING if recipient.email else DeliveryStatus.SKIPPED,
    )
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if notification.email_status == DeliveryStatus.PENDING:
        transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def notification_mark_read(*, user, notification_id: int) -> None:
    Notification.objects.filter(pk=notification_id, recipient=user, read_at__isnull=True).update(read_at=now())
