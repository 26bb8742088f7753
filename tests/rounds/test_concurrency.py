"""The database, not a count-then-insert, keeps one roadshow sheet per scorer per team."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from grants.rounds import services
from grants.rounds.models import Roadshow, RoadshowScore
from tests.factories import ResidentFactory

from .factories import SHORTLISTED, make_application, make_round

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_simultaneous_sheets_from_one_scorer_store_one(organization):
    round = make_round()
    team = make_application(round, organization, status=SHORTLISTED)
    roadshow = Roadshow.objects.create(round=round, held_at=timezone.now(), is_open=True)
    rep = ResidentFactory()
    services.roadshow_scorer_add(actor=None, roadshow=roadshow, user=rep, kind="representative")
    barrier = threading.Barrier(4)
    outcomes = []

    def submit(value):
        try:
            barrier.wait()
            services.roadshow_score_submit(actor=rep, roadshow=roadshow, application=team, score=value)
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(80 + i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused", "refused", "refused"]
    assert RoadshowScore.objects.filter(application=team).count() == 1
