"""A donor's gift to exactly one target (a project or a community fund) and operators' refunds."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ONE_TARGET = (Q(project__isnull=False) & Q(fund__isnull=True)) | (Q(project__isnull=True) & Q(fund__isnull=False))


class DonationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting payment")
    SUCCEEDED = "succeeded", _("Received")
    FAILED = "failed", _("Payment failed")
    REFUNDED = "refunded", _("Refunded")


class Donation(models.Model):
    # The donor's handle on their gift in URLs; ids are never exposed publicly.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(
        "catalog.Project",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="donations",
        verbose_name=_("project"),
    )
    fund = models.ForeignKey(
        "donations.CommunityFund",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="donations",
        verbose_name=_("community fund"),
    )
    amount_fen = models.BigIntegerField(_("amount (fen)"))
    currency = models.CharField(max_length=3, default="cny", editable=False)
    donor_name = models.CharField(_("name"), max_length=64, blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    message = models.CharField(_("message"), max_length=200, blank=True)
    receipt_email = models.EmailField(_("receipt email"))
    donor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="donations"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DonationStatus.choices, default=DonationStatus.PENDING
    )
    payment_intent_id = models.CharField(_("Stripe PaymentIntent"), max_length=64, unique=True)
    charge_id = models.CharField(_("Stripe charge"), max_length=64, blank=True)
    refunded_fen = models.BigIntegerField(_("refunded (fen)"), default=0)
    failure_message = models.CharField(_("failure"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    succeeded_at = models.DateTimeField(_("received at"), null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="donation_exactly_one_target"),
            models.CheckConstraint(condition=Q(amount_fen__gt=0), name="donation_amount_positive"),
            models.CheckConstraint(
                condition=Q(refunded_fen__gte=0) & Q(refunded_fen__lte=models.F("amount_fen")),
                name="donation_refund_within_amount",
            ),
        ]
        indexes = [
            models.Index(fields=["project", "status", "-succeeded_at"], name="donation_project_wall"),
            models.Index(fields=["fund", "status", "-succeeded_at"], name="donation_fund_wall"),
        ]

    def __str__(self) -> str:
        return f"{self.target} · {self.amount_fen / 100:.2f}"

    @property
    def target(self):
        return self.project if self.project_id else self.fund

    @property
    def refundable_fen(self) -> int:
        return self.amount_fen - self.refunded_fen if self.status == DonationStatus.SUCCEEDED else 0


class RefundRequestStatus(models.TextChoices):
    SENT = "sent", _("Sent to Stripe")
    FAILED = "failed", _("Stripe refused")


class RefundRequest(models.Model):
    """An operator's refund, sent to Stripe; the donation changes only when Stripe reports it."""

    donation = models.ForeignKey(Donation, on_delete=models.PROTECT, related_name="refund_requests")
    amount_fen = models.BigIntegerField(_("amount (fen)"))
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=8, choices=RefundRequestStatus.choices, default=RefundRequestStatus.SENT)
    stripe_refund_id = models.CharField(max_length=64, null=True, blank=True, unique=True)
    error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("refund request")
        verbose_name_plural = _("refund requests")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=Q(amount_fen__gt=0), name="refund_request_positive")]

    def __str__(self) -> str:
        return f"{self.donation_id}: {self.amount_fen}"
