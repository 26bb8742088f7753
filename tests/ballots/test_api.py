"""The open-data router: closed ballots' published results only."""

import pytest
from ninja.testing import TestClient

from grants.ballots import services
from grants.ballots.api import router

from .conftest import expire

pytestmark = pytest.mark.django_db


def test_only_closed_ballots_are_published(make_ballot, make_households):
    make_households(2)
    open_ballot = make_ballot(title="进行中")
    closed = services.ballot_close(actor=None, ballot=expire(make_ballot(title="已结束的表决")))
    client = TestClient(router)
    listing = client.get("/").json()
    assert [item["title"] for item in listing["items"]] == ["已结束的表决"]
    item = listing["items"][0]
    assert item["eligible_households"] == 2 and item["passed"] is False
    assert len(item["options"]) == 3 and sum(o["households"] for o in item["options"]) == 0
    assert client.get(f"/{closed.pk}").status_code == 200
    assert client.get(f"/{open_ballot.pk}").status_code == 404
