"""Sending one pending email or text message exactly once: the row is locked and its status
checked first, and the new status is saved in the same transaction."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q

from core.clock import now

from .models import DeliveryStatus, Notification
from .sms import send_sms

MAX_ATTEMPTS = 5


def deliver_email(notification_id: int) -> bool:
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(skip_locked=True)
            .select_related("recipient")
            .filter(pk=notification_id, email_status=DeliveryStatus.PENDING)
            .first()
        )
        if row is None:
            return False
        row.email_attempts += 1
        try:
            body = row.body
            if row.url:
                body = f"{body}\n\n{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{row.url}"
            send_mail(row.subject, body, settings.DEFAULT_FROM_EMAIL, [row.recipient.email])
        except Exception:
            if row.email_attempts >= MAX_ATTEMPTS:
                row.email_status = DeliveryStatus.FAILED
            row.save(update_fields=["email_attempts", "email_status"])
            return False
        row.email_status = DeliveryStatus.SENT
        row.email_sent_at = now()
        row.save(update_fields=["email_attempts", "email_status", "email_sent_at"])
        return True


def deliver_sms(notification_id: int) -> bool:
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(skip_locked=True)
            .select_related("recipient")
            .filter(pk=notification_id, sms_status=DeliveryStatus.PENDING)
            .first()
        )
        if row is None:
            return False
        row.sms_attempts += 1
        text = row.subject if not row.url else f"{row.subject} {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{row.url}"
        try:
            send_sms(phone=row.recipient.phone, text=text)
        except Exception:
            if row.sms_attempts >= MAX_ATTEMPTS:
                row.sms_status = DeliveryStatus.FAILED
            row.save(update_fields=["sms_attempts", "sms_status"])
            return False
        row.sms_status = DeliveryStatus.SENT
        row.sms_sent_at = now()
        row.save(update_fields=["sms_attempts", "sms_status", "sms_sent_at"])
        return True


def deliver(notification_id: int) -> bool:
    """Every channel of one notification that is still pending."""
    sent_email = deliver_email(notification_id)
    sent_sms = deliver_sms(notification_id)
    return sent_email or sent_sms


def sweep(*, older_than_seconds: int = 30, limit: int = 500) -> int:
    """Send what the after-commit dispatch did not (broker down, worker crashed)."""
    cutoff = now() - datetime.timedelta(seconds=older_than_seconds)
    ids = list(
        Notification.objects.filter(
            Q(email_status=DeliveryStatus.PENDING) | Q(sms_status=DeliveryStatus.PENDING), created_at__lte=cutoff
        )
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
    return sum(1 for pk in ids if deliver(pk))
