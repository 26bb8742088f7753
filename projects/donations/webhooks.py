"""Stripe webhook handling: verify, record the event id once, then apply it.

Each event is applied in the same transaction that stores its id, so a redelivery either
finds the id (and does nothing) or, if the first attempt failed, applies it afresh.
Handlers are written against Stripe's cumulative state (status, amount_refunded), which is
what makes them safe when events arrive twice or out of order.
"""

import json
import logging

from django.db import IntegrityError, transaction

from core.clock import now

from . import gateway, services
from .models import StripeEvent

logger = logging.getLogger(__name__)


class BadEvent(Exception):
    """The payload is not a verified Stripe event; nothing was stored."""


def _id(value) -> str:
    if isinstance(value, dict):
        return value.get("id", "")
    return value or ""


def _payment_intent_succeeded(obj: dict) -> str:
    amount = obj.get("amount_received") or obj.get("amount")
    return services.donation_mark_succeeded(
        payment_intent_id=obj["id"],
        charge_id=_id(obj.get("latest_charge")),
        amount_fen=int(amount) if amount is not None else None,
    )


def _payment_intent_failed(obj: dict) -> str:
    error = obj.get("last_payment_error") or {}
    return services.donation_mark_failed(payment_intent_id=obj["id"], message=error.get("message", ""))


def _charge_refunded(obj: dict) -> str:
    intent = _id(obj.get("payment_intent"))
    if not intent:
        return "no_payment_intent"
    return services.donation_record_refund(
        payment_intent_id=intent, charge_id=obj["id"], refunded_total_fen=int(obj.get("amount_refunded") or 0)
    )


HANDLERS = {
    "payment_intent.succeeded": _payment_intent_succeeded,
    "payment_intent.payment_failed": _payment_intent_failed,
    "charge.refunded": _charge_refunded,
}


def stripe_event_receive(*, payload: bytes, signature: str) -> str:
    """Returns the outcome; raises BadEvent when the signature or payload does not verify."""
    try:
        gateway.construct_event(payload, signature)
        event = json.loads(payload)
        event_id, event_type = event["id"], event["type"]
        obj = event["data"]["object"]
    except Exception as exc:  # any failure to verify or parse means: not from Stripe
        raise BadEvent(str(exc)) from exc
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeEvent.objects.create(event_id=event_id, type=event_type[:64])
        except IntegrityError:
            return "duplicate"
        handler = HANDLERS.get(event_type)
        outcome = handler(obj) if handler else "ignored_type"
        record.processed_at = now()
        record.outcome = outcome
        record.save(update_fields=["processed_at", "outcome"])
    logger.info("stripe event %s %s: %s", event_type, event_id, outcome)
    return outcome
