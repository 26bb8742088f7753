"""The only module that talks to Stripe. Every create call carries an idempotency key.

`STRIPE_API_BASE` points the library at another server (localstripe in tests and demos).
"""

from collections.abc import Iterator

import stripe
from django.conf import settings

from . import conf

DEFAULT_API_BASE = "https://api.stripe.com"


class GatewayError(Exception):
    """Stripe refused or could not be reached; `message` is safe to show an operator."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _configure() -> dict:
    stripe.api_base = settings.STRIPE_API_BASE or DEFAULT_API_BASE
    stripe.max_network_retries = 2  # safe: every write below is idempotent
    return {"api_key": settings.STRIPE_SECRET_KEY}


def _call(fn, *args, **kwargs):
    try:
        return fn(*args, **_configure(), **kwargs)
    except stripe.StripeError as exc:
        raise GatewayError(exc.user_message or str(exc) or exc.__class__.__name__) from exc


def payment_intent_create(*, amount_fen: int, currency: str, token: str, description: str) -> dict:
    methods = conf.payment_method_types()
    params = {
        "amount": amount_fen,
        "currency": currency,
        "payment_method_types": methods,
        "metadata": {"donation": token, "purpose": description[:200]},
        "idempotency_key": f"donation-{token}-intent",
    }
    if "wechat_pay" in methods:
        params["payment_method_options"] = {"wechat_pay": {"client": "web"}}
    intent = _call(stripe.PaymentIntent.create, **params)
    return {"id": intent["id"], "client_secret": intent["client_secret"]}


def payment_intent_client_secret(payment_intent_id: str) -> str:
    return _call(stripe.PaymentIntent.retrieve, payment_intent_id)["client_secret"]


def refund_create(*, payment_intent_id: str, amount_fen: int, key: str, reason: str) -> str:
    refund = _call(
        stripe.Refund.create,
        payment_intent=payment_intent_id,
        amount=amount_fen,
        metadata={"reason": reason[:450]},
        idempotency_key=key,
    )
    return refund["id"]


def balance_transactions() -> Iterator[dict]:
    """Every balance transaction, newest first, with the refund behind each refund row expanded."""
    listing = _call(stripe.BalanceTransaction.list, limit=100, expand=["data.source"])
    try:
        for txn in listing.auto_paging_iter():
            yield txn.to_dict()
    except stripe.StripeError as exc:
        raise GatewayError(exc.user_message or str(exc)) from exc


def construct_event(payload: bytes, signature: str):
    """Verify the Stripe-Signature header; raises ValueError or SignatureVerificationError."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise ValueError("no webhook secret configured")
    return stripe.Webhook.construct_event(payload, signature, secret)
