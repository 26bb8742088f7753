"""Every money movement is one ledger row; public totals and reconciliation read only these rows."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .donations import ONE_TARGET


class LedgerKind(models.TextChoices):
    GIFT = "gift", _("Gift")
    MATCH = "match", _("Match")
    REFUND = "refund", _("Refund")
    MATCH_REVERSAL = "match_reversal", _("Match reversed")


POSITIVE_KINDS = [LedgerKind.GIFT, LedgerKind.MATCH]
MATCH_KINDS = [LedgerKind.MATCH, LedgerKind.MATCH_REVERSAL]
DONOR_KINDS = [LedgerKind.GIFT, LedgerKind.REFUND]


class LedgerEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=LedgerKind.choices)
    # Signed: gifts and matches add, refunds and match reversals subtract.
    amount_fen = models.BigIntegerField(_("amount (fen)"))
    donation = models.ForeignKey("donations.Donation", on_delete=models.PROTECT, related_name="ledger_entries")
    pool = models.ForeignKey(
        "donations.MatchingPool", null=True, blank=True, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    # Copied from the donation so that totals are one indexed aggregate per target.
    project = models.ForeignKey("catalog.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    fund = models.ForeignKey(
        "donations.CommunityFund", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stripe_ref = models.CharField(_("Stripe reference"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="ledger_exactly_one_target"),
            models.CheckConstraint(
                condition=(Q(kind__in=POSITIVE_KINDS) & Q(amount_fen__gt=0))
                | (~Q(kind__in=POSITIVE_KINDS) & Q(amount_fen__lt=0)),
                name="ledger_sign_follows_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MATCH_KINDS, pool__isnull=False)
                | (~Q(kind__in=MATCH_KINDS) & Q(pool__isnull=True)),
                name="ledger_pool_only_on_matches",
            ),
            models.UniqueConstraint(fields=["donation"], condition=Q(kind="gift"), name="ledger_one_gift_per_donation"),
            models.UniqueConstraint(
                fields=["donation"], condition=Q(kind="match"), name="ledger_one_match_per_donation"
            ),
        ]
        indexes = [
            models.Index(fields=["project", "kind"], name="ledger_project_kind"),
            models.Index(fields=["fund", "kind"], name="ledger_fund_kind"),
            models.Index(fields=["pool", "kind"], name="ledger_pool_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount_fen}"


class StripeEvent(models.Model):
    """One row per Stripe event id: a second delivery of the same event finds it and does nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=64)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class ReceiptCounter(models.Model):
    """The receipt number sequence, per year, without gaps: its row is locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class Receipt(models.Model):
    donation = models.OneToOneField("donations.Donation", on_delete=models.PROTECT, related_name="receipt")
    number = models.CharField(_("receipt number"), max_length=20, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.number
