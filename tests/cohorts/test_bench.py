"""The training benchmark pieces run: the data generator (additive) and both custom scenarios."""

import io
import random

import pytest

from bench.data import cohorts as data
from bench.scenarios import cohorts as scenarios


@pytest.mark.django_db
def test_generator_is_additive():
    from training.cohorts.models import Attendance, Cohort

    data.generate(size=200, rng=random.Random(1), stdout=io.StringIO())
    first = Cohort.objects.count()
    assert first == data.cohort_count(200) + 1 and Attendance.objects.exists()
    data.generate(size=200, rng=random.Random(1), stdout=io.StringIO())
    assert Cohort.objects.count() == first
    data.generate(size=4000, rng=random.Random(1), stdout=io.StringIO())
    assert Cohort.objects.count() == data.cohort_count(4000) + 1
    assert scenarios.certificate_pdf(None)["certificate_pdf_ms"] > 0


class _Ctx:
    def __init__(self, base_url, operator):
        self.base_url = base_url
        self._operator = operator

    def client(self, role):
        import requests
        from django.conf import settings

        from tests.factories import verified_totp

        device = verified_totp(self._operator)
        key = scenarios._session_key(self._operator)
        from importlib import import_module

        from django_otp import DEVICE_ID_SESSION_KEY

        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
        store.save()
        session = requests.Session()
        session.cookies.set(settings.SESSION_COOKIE_NAME, key)
        original = session.get
        session.get = lambda path, **kw: original(self.base_url + path, **kw)
        return session


@pytest.mark.django_db(transaction=True)
def test_qr_checkin_burst_checks_everyone_in(live_server):
    from tests.factories import UserFactory, grant

    data.generate(size=0, rng=random.Random(2), stdout=io.StringIO())
    operator = grant(UserFactory(), "centre_operator")
    result = scenarios.qr_checkin_burst(_Ctx(live_server.url, operator))
    assert result["checkins"] == data.BURST_TRAINEES
    assert result["accepted"] == result["recorded"] == data.BURST_TRAINEES
