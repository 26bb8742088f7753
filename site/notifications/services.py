"""Recording notifications. Delivery happens after commit; nothing is lost if the broker is down."""

import logging

from django.db import IntegrityError, transaction

from core.clock import now

from .models import DeliveryStatus, Notification, SmsPolicy

logger = logging.getLogger(__name__)


def _enqueue(notification_id: int) -> None:
    from .tasks import deliver

    try:
        deliver.apply_async(args=[notification_id], retry=False)
    except Exception:  # broker unreachable: the periodic sweep sends it later
        logger.warning("broker unavailable; notification %s left for the sweep", notification_id, exc_info=True)


def _wants_sms(recipient, sms: str) -> bool:
    if not getattr(recipient, "phone", "") or sms == SmsPolicy.NEVER:
        return False
    return sms == SmsPolicy.ALWAYS or not recipient.email


def notify(
    *,
    recipient,
    kind: str,
    subject: str,
    body: str = "",
    url: str = "",
    dedupe_key: str | None = None,
    sms: str = SmsPolicy.NEVER,
):
    """Record a message for `recipient` (in-app, email where they have one, and a text message
    as `sms` asks); returns None when `dedupe_key` was already used."""
    if recipient is None:
        return None
    notification = Notification(
        recipient=recipient,
        kind=kind,
        subject=str(subject)[:200],
        body=str(body),
        url=url,
        dedupe_key=dedupe_key,
        email_status=DeliveryStatus.PENDING if recipient.email else DeliveryStatus.SKIPPED,
        sms_status=DeliveryStatus.PENDING if _wants_sms(recipient, sms) else DeliveryStatus.SKIPPED,
    )
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if DeliveryStatus.PENDING in (notification.email_status, notification.sms_status):
        transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def notification_mark_read(*, user, notification_id: int) -> None:
    Notification.objects.filter(pk=notification_id, recipient=user, read_at__isnull=True).update(read_at=now())
