"""Rotating check-in tokens for a session's QR code.

The token is an HMAC of the session id and the current one-minute window, so a code is
bound to its session and dies within two minutes: the current and the previous window are
accepted (a code scanned at 10:00:59 still works when the phone opens it at 10:01:05).
"""

import datetime

from django.utils.crypto import constant_time_compare, salted_hmac

from core.clock import now

WINDOW_SECONDS = 60
_SALT = "training.cohorts.checkin"


def window_of(moment: datetime.datetime) -> int:
    return int(moment.timestamp()) // WINDOW_SECONDS


def token_for(session_id: int, window: int) -> str:
    return salted_hmac(_SALT, f"{session_id}:{window}", algorithm="sha256").hexdigest()[:24]


def current_token(session_id: int, *, at: datetime.datetime | None = None) -> str:
    return token_for(session_id, window_of(at or now()))


def token_is_valid(session_id: int, token: str, *, at: datetime.datetime | None = None) -> bool:
    window = window_of(at or now())
    # Compare against both windows every time so the answer takes the same time either way.
    matches = [constant_time_compare(token, token_for(session_id, w)) for w in (window, window - 1)]
    return any(matches)


def seconds_left(*, at: datetime.datetime | None = None) -> int:
    moment = at or now()
    return WINDOW_SECONDS - int(moment.timestamp()) % WINDOW_SECONDS
