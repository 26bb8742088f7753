"""Donation settings, read at call time so tests and deployments can change them.

The Stripe keys live in config.settings (STRIPE_*). Optional, with defaults here:
DONATIONS_PAYMENT_METHOD_TYPES (list; env STRIPE_PAYMENT_METHOD_TYPES="card,wechat_pay,alipay"),
DONATIONS_PRESETS_YUAN, DONATIONS_MIN_YUAN, DONATIONS_MAX_YUAN.
"""

import os

from django.conf import settings

SUPPORTED_METHODS = ("card", "wechat_pay", "alipay")


def stripe_missing_settings() -> list[str]:
    names = ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"]
    return [name for name in names if not getattr(settings, name, "")]


def stripe_ready() -> bool:
    """Gifts can be taken only when payments can be created, confirmed in the browser and reported back."""
    return not stripe_missing_settings()


def payment_method_types() -> list[str]:
    configured = getattr(settings, "DONATIONS_PAYMENT_METHOD_TYPES", None)
    if configured is None:
        configured = os.environ.get("STRIPE_PAYMENT_METHOD_TYPES", "card").split(",")
    methods = [m.strip() for m in configured if m.strip() in SUPPORTED_METHODS]
    return methods or ["card"]


def presets_yuan() -> list[int]:
    return list(getattr(settings, "DONATIONS_PRESETS_YUAN", [20, 50, 100, 200]))


def min_yuan() -> int:
    return int(getattr(settings, "DONATIONS_MIN_YUAN", 5))


def max_yuan() -> int:
    return int(getattr(settings, "DONATIONS_MAX_YUAN", 50_000))
