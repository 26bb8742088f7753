import datetime
from contextlib import contextmanager
from unittest import mock

import pytest


@pytest.fixture
def freeze():
    """freeze(moment) as a context manager: core.clock.now() returns `moment` inside."""

    @contextmanager
    def _freeze(moment: datetime.datetime):
        with mock.patch("core.clock.timezone.now", return_value=moment):
            yield moment

    return _freeze


@pytest.fixture(autouse=True)
def _english_messages():
    """Service messages are matched in English here; pages keep the language of their URL."""
    from django.utils import translation

    with translation.override("en"):
        yield
