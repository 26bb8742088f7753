"""The outbox: one row per message, written in the same transaction as the change it reports.

A row is both the in-app message (read_at) and, when it has an email channel, the pending
email; Celery delivers it after commit and the periodic sweep retries whatever is left.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not sent on this channel")
    FAILED = "failed", _("Failed")


class SmsPolicy(models.TextChoices):
    """When a notification also goes out as a text message."""

    NEVER = "never", _("Never")
    WITHOUT_EMAIL = "without_email", _("When the recipient has no email address")
    ALWAYS = "always", _("Always, where there is a phone number")


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=64)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    # A text message goes out only where the sender asked for one (see notify's `sms`).
    sms_status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.SKIPPED)
    sms_attempts = models.PositiveSmallIntegerField(default=0)
    sms_sent_at = models.DateTimeField(null=True, blank=True)
    # Optional de-duplication key: a reminder sent "once per report per day" uses it.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["email_status", "created_at"], name="notif_pending_idx", condition=Q(email_status="pending")
            ),
            models.Index(
                fields=["sms_status", "created_at"], name="notif_sms_pending_idx", condition=Q(sms_status="pending")
            ),
            models.Index(fields=["recipient", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.subject
