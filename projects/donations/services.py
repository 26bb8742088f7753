"""Writes to donations. The status moves only here, and only on Stripe's verified word."""

import logging
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now
from core.money import format_yuan
from core.statemachine import StateMachine
from notifications.services import notify

from . import gateway, matching
from .models import (
    CommunityFund,
    Donation,
    DonationStatus,
    LedgerEntry,
    LedgerKind,
    RefundRequest,
    RefundRequestStatus,
)
from .receipts import receipt_issue

logger = logging.getLogger(__name__)

DONATION = StateMachine(
    {
        DonationStatus.PENDING: [DonationStatus.SUCCEEDED, DonationStatus.FAILED],
        # A donor may retry with another card after a decline: the same PaymentIntent then succeeds.
        DonationStatus.FAILED: [DonationStatus.SUCCEEDED],
        DonationStatus.SUCCEEDED: [DonationStatus.REFUNDED],
        DonationStatus.REFUNDED: [],
    }
)


def donation_start(
    *,
    project=None,
    fund: CommunityFund | None = None,
    amount_fen: int,
    donor_name: str = "",
    is_anonymous: bool = False,
    message: str = "",
    receipt_email: str,
    donor=None,
) -> Donation:
    """Create the PaymentIntent, then the pending donation that points at it.

    Stripe is called first, with a key derived from the new donation's token: if saving
    fails afterwards the intent is never confirmed and nothing half-made is left here.
    """
    token = uuid.uuid4()
    donation = Donation(
        token=token,
        project=project,
        fund=fund,
        amount_fen=amount_fen,
        donor_name=donor_name.strip(),
        is_anonymous=is_anonymous,
        message=message.strip(),
        receipt_email=receipt_email,
        donor=donor if getattr(donor, "is_authenticated", False) else None,
        payment_intent_id="pending",
    )
    donation.full_clean(exclude=["payment_intent_id"])
    intent = gateway.payment_intent_create(
        amount_fen=amount_fen, currency=donation.currency, token=str(token), description=str(project or fund)
    )
    with transaction.atomic():
        donation.payment_intent_id = intent["id"]
        donation.save()
        audit_record(
            actor=donor,
            action="donation.started",
            obj=donation,
            changes={"amount_fen": amount_fen, "payment_intent": intent["id"]},
        )
    return donation


def _lock(payment_intent_id: str) -> Donation | None:
    return Donation.objects.select_for_update().filter(payment_intent_id=payment_intent_id).first()


def _ledger(donation: Donation, kind: str, amount_fen: int, stripe_ref: str = "") -> LedgerEntry:
    return LedgerEntry.objects.create(
        kind=kind,
        amount_fen=amount_fen,
        donation=donation,
        project_id=donation.project_id,
        fund_id=donation.fund_id,
        stripe_ref=stripe_ref,
    )


def _succeed(donation: Donation, *, charge_id: str) -> None:
    previous = DONATION.apply(donation, DonationStatus.SUCCEEDED)
    donation.succeeded_at = now()
    donation.charge_id = charge_id or donation.charge_id
    donation.failure_message = ""
    donation.save(update_fields=["status", "succeeded_at", "charge_id", "failure_message"])
    _ledger(donation, LedgerKind.GIFT, donation.amount_fen, donation.charge_id)
    match = matching.match_gift(donation)
    receipt = receipt_issue(donation=donation)
    audit_record(
        actor=None,
        action="donation.succeeded",
        obj=donation,
        changes={
            "status": [previous, donation.status],
            "match_fen": match.amount_fen if match else 0,
            "receipt": receipt.number,
        },
    )
    if donation.donor_id:
        notify(
            recipient=donation.donor,
            kind="donation.succeeded",
            subject=_("Thank you: your gift of %(amount)s is received") % {"amount": format_yuan(donation.amount_fen)},
            body=_("Receipt %(number)s is on its way to %(email)s.")
            % {"number": receipt.number, "email": donation.receipt_email},
            url=reverse("donations:thanks", kwargs={"token": donation.token}),
        )


@transaction.atomic
def donation_mark_succeeded(*, payment_intent_id: str, charge_id: str, amount_fen: int | None = None) -> str:
    donation = _lock(payment_intent_id)
    if donation is None:
        return "unknown_intent"
    if amount_fen is not None and amount_fen != donation.amount_fen:
        # The intent was created with the donation's amount; anything else is not this gift.
        logger.error(
            "PaymentIntent %s paid %s fen, donation expects %s", payment_intent_id, amount_fen, donation.amount_fen
        )
        return "amount_mismatch"
    if donation.status in (DonationStatus.SUCCEEDED, DonationStatus.REFUNDED):
        return "already_succeeded"
    _succeed(donation, charge_id=charge_id)
    return "succeeded"


@transaction.atomic
def donation_mark_failed(*, payment_intent_id: str, message: str) -> str:
    donation = _lock(payment_intent_id)
    if donation is None:
        return "unknown_intent"
    if donation.status != DonationStatus.PENDING:
        # A late failure report for an attempt that was followed by a success changes nothing.
        return "ignored_stale_failure"
    previous = DONATION.apply(donation, DonationStatus.FAILED)
    donation.failed_at = now()
    donation.failure_message = (message or "")[:255]
    donation.save(update_fields=["status", "failed_at", "failure_message"])
    audit_record(
        actor=None,
        action="donation.failed",
        obj=donation,
        changes={"status": [previous, donation.status]},
        reason=donation.failure_message,
    )
    return "failed"


@transaction.atomic
def donation_record_refund(*, payment_intent_id: str, charge_id: str, refunded_total_fen: int) -> str:
    """Apply Stripe's cumulative `amount_refunded` for the charge; repeats and reorderings are harmless."""
    donation = _lock(payment_intent_id)
    if donation is None:
        return "unknown_intent"
    if donation.status in (DonationStatus.PENDING, DonationStatus.FAILED):
        # The refund event overtook the success event: a refunded charge was paid, so record both.
        _succeed(donation, charge_id=charge_id)
    refunded_total = min(refunded_total_fen, donation.amount_fen)
    delta = refunded_total - donation.refunded_fen
    if delta <= 0:
        return "refund_already_recorded"
    _ledger(donation, LedgerKind.REFUND, -delta, charge_id)
    reversal = matching.reverse_match(donation, refunded_total_fen=refunded_total)
    previous = donation.status
    donation.refunded_fen = refunded_total
    fields = ["refunded_fen"]
    if refunded_total >= donation.amount_fen:
        DONATION.apply(donation, DonationStatus.REFUNDED)
        donation.refunded_at = now()
        fields += ["status", "refunded_at"]
    donation.save(update_fields=fields)
    audit_record(
        actor=None,
        action="donation.refunded",
        obj=donation,
        changes={
            "status": [previous, donation.status],
            "refunded_fen": refunded_total,
            "match_reversed_fen": -reversal.amount_fen if reversal else 0,
        },
    )
    if donation.donor_id:
        notify(
            recipient=donation.donor,
            kind="donation.refunded",
            subject=_("Your gift has been refunded: %(amount)s") % {"amount": format_yuan(delta)},
            url=reverse("donations:thanks", kwargs={"token": donation.token}),
        )
    return "refunded"


def refund_request_create(*, actor, donation: Donation, amount_fen: int, reason: str) -> RefundRequest:
    """Ask Stripe to refund; the donation itself changes when Stripe's charge.refunded event arrives."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the refund; it is kept in the audit log.")})
    with transaction.atomic():
        donation = Donation.objects.select_for_update().get(pk=donation.pk)
        if donation.status != DonationStatus.SUCCEEDED:
            raise ValidationError(_("Only a received gift can be refunded."))
        in_flight = sum(r.amount_fen for r in donation.refund_requests.filter(status=RefundRequestStatus.SENT))
        room = donation.amount_fen - max(in_flight, donation.refunded_fen)
        if amount_fen <= 0 or amount_fen > room:
            raise ValidationError(
                {
                    "amount": _("Refund between ¥0.01 and %(room)s; refunds already asked for count too.")
                    % {"room": format_yuan(room)}
                }
            )
        request = RefundRequest(donation=donation, amount_fen=amount_fen, reason=reason, requested_by=actor)
        request.full_clean()
        request.save()
        audit_record(
            actor=actor,
            action="donation.refund_requested",
            obj=donation,
            changes={"amount_fen": amount_fen},
            reason=reason,
        )
    try:
        refund_id = gateway.refund_create(
            payment_intent_id=donation.payment_intent_id,
            amount_fen=amount_fen,
            key=f"donation-refund-{request.pk}",
            reason=reason,
        )
    except gateway.GatewayError as exc:
        RefundRequest.objects.filter(pk=request.pk).update(status=RefundRequestStatus.FAILED, error=exc.message[:255])
        request.refresh_from_db()
        return request
    RefundRequest.objects.filter(pk=request.pk).update(stripe_refund_id=refund_id)
    request.refresh_from_db()
    return request
