"""Text messages: sent after commit through the configured backend, only where asked, once."""

import pytest
from django.db import transaction

from notifications.delivery import deliver, sweep
from notifications.models import DeliveryStatus, Notification, SmsPolicy
from notifications.services import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_without_email_a_text_message_goes_after_commit(sms_outbox):
    user = UserFactory(email="", phone="13800001234")
    with transaction.atomic():
        notify(recipient=user, kind="t", subject="表决已开始", url="/ballots/1/", sms=SmsPolicy.WITHOUT_EMAIL)
        assert sms_outbox == []
    row = Notification.objects.get()
    assert row.sms_status == DeliveryStatus.SENT and row.email_status == DeliveryStatus.SKIPPED
    assert [m.phone for m in sms_outbox] == ["13800001234"]
    assert "表决已开始" in sms_outbox[0].text and "/ballots/1/" in sms_outbox[0].text


def test_with_email_the_fallback_sends_no_text(sms_outbox):
    user = UserFactory(email="a@example.org", phone="13800001235")
    notify(recipient=user, kind="t", subject="s", sms=SmsPolicy.WITHOUT_EMAIL)
    assert sms_outbox == []
    assert Notification.objects.get().sms_status == DeliveryStatus.SKIPPED


def test_never_is_the_default_and_always_sends_both(sms_outbox):
    user = UserFactory(email="a@example.org", phone="13800001236")
    notify(recipient=user, kind="t", subject="one")
    assert sms_outbox == []
    notify(recipient=user, kind="t", subject="two", sms=SmsPolicy.ALWAYS)
    assert [m.text for m in sms_outbox] == ["two"]


def test_a_failing_provider_leaves_it_pending_for_the_sweep(settings, sms_outbox):
    user = UserFactory(email="", phone="13800001237")
    settings.SMS_BACKEND = "tests.notifications.test_sms.BrokenBackend"
    notify(recipient=user, kind="t", subject="s", sms=SmsPolicy.WITHOUT_EMAIL)
    row = Notification.objects.get()
    assert row.sms_status == DeliveryStatus.PENDING and row.sms_attempts == 1
    settings.SMS_BACKEND = "notifications.sms.LocmemSmsBackend"
    Notification.objects.update(created_at=row.created_at.replace(year=2020))
    assert sweep() == 1
    assert Notification.objects.get().sms_status == DeliveryStatus.SENT
    assert deliver(row.pk) is False  # nothing left to send: sent once
    assert len(sms_outbox) == 1


class BrokenBackend:
    def send(self, message):
        raise ConnectionError("provider down")
