"""Side effects are recorded with the change and sent after commit, exactly once, even if the broker is down."""

import datetime

import pytest
from django.core import mail
from django.db import transaction

from config.celery import app
from core import clock
from notifications.delivery import sweep
from notifications.models import DeliveryStatus, Notification
from notifications.services import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _reset_pools():
    # Drop the app's references without closing: kombu keeps pools in a global registry
    # keyed by URL, and a closed one would be handed back for the restored URL.
    app._pool = None
    if "amqp" in app.__dict__:
        app.__dict__["amqp"]._producer_pool = None


@pytest.fixture
def broker_down():
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    _reset_pools()
    yield
    app.conf.task_always_eager, app.conf.broker_url = saved
    _reset_pools()


def test_sent_after_commit_when_the_broker_works():
    user = UserFactory(email="a@example.org")
    with transaction.atomic():
        notify(recipient=user, kind="test", subject="你好", body="正文")
        assert len(mail.outbox) == 0  # nothing leaves before commit
    assert len(mail.outbox) == 1
    assert Notification.objects.get().email_status == DeliveryStatus.SENT


def test_rolled_back_change_sends_nothing():
    user = UserFactory(email="a@example.org")
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipient=user, kind="test", subject="你好")
        raise RuntimeError
    assert not Notification.objects.exists()
    assert len(mail.outbox) == 0


def test_broker_down_then_sweep_sends_exactly_once(broker_down, monkeypatch):
    user = UserFactory(email="a@example.org")
    with transaction.atomic():
        notify(recipient=user, kind="test", subject="你好")
    row = Notification.objects.get()
    assert row.email_status == DeliveryStatus.PENDING
    assert len(mail.outbox) == 0
    later = clock.now() + datetime.timedelta(minutes=5)
    monkeypatch.setattr("notifications.delivery.now", lambda: later)
    assert sweep() == 1
    assert sweep() == 0
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.email_status == DeliveryStatus.SENT and row.email_attempts == 1


def test_request_succeeds_while_the_broker_is_down(broker_down, client):
    response = client.post(
        "/accounts/signup/",
        {
            "phone": "13800138000",
            "full_name": "王小明",
            "password1": "Lantern-River-88",
            "password2": "Lantern-River-88",
        },
    )
    assert response.status_code == 302


def test_dedupe_key_records_once():
    user = UserFactory(email="a@example.org")
    assert notify(recipient=user, kind="reminder", subject="提醒", dedupe_key="report-1-2026-11-22") is not None
    assert notify(recipient=user, kind="reminder", subject="提醒", dedupe_key="report-1-2026-11-22") is None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
