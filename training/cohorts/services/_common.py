"""Helpers shared by the training services."""

import re

from django.urls import reverse
from django.utils import timezone

from notifications.services import notify

_PLACEHOLDER = re.compile(r"\{(name|cohort|deadline|position)\}")


def render_message(template: str, **values) -> str:
    """Fill {name}, {cohort}, {deadline}, {position}; anything else in braces stays as written."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


def local_minute(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def tell(user, kind: str, subject, body="", *, url_name: str = "cohorts:mine", url_kwargs=None, dedupe_key=None):
    return notify(
        recipient=user,
        kind=f"training.{kind}",
        subject=str(subject),
        body=str(body),
        url=reverse(url_name, kwargs=url_kwargs or {}),
        dedupe_key=dedupe_key,
    )
