"""Text messages through a pluggable backend, chosen by the SMS_BACKEND setting.

`console` writes messages to standard output (development), `locmem` keeps them in
`outbox` (tests); a real provider's adapter lives beside them and is named in production
settings. Every backend takes the same call, so the outbox does not know which one runs.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


class SmsError(Exception):
    """The provider refused or could not be reached; the outbox retries later."""


class BaseSmsBackend:
    def send(self, message: SmsMessage) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    def send(self, message: SmsMessage) -> None:
        sys.stdout.write(f"[SMS to {message.phone}] {message.text}\n")
        sys.stdout.flush()


# Messages sent through the locmem backend, for tests (cleared by the test fixture).
outbox: list[SmsMessage] = []


class LocmemSmsBackend(BaseSmsBackend):
    def send(self, message: SmsMessage) -> None:
        outbox.append(message)


def get_backend() -> BaseSmsBackend:
    path = getattr(settings, "SMS_BACKEND", "notifications.sms.ConsoleSmsBackend")
    return import_string(path)()


def send_sms(*, phone: str, text: str) -> None:
    """Send one message now; raises SmsError when the provider does not take it."""
    if not phone:
        raise SmsError("no phone number")
    get_backend().send(SmsMessage(phone=phone, text=text))
