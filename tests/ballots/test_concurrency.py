"""Acceptance: 50 concurrent attempts by members of 10 households give exactly 10 counted ballots."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from grants.ballots.models import Vote

from .conftest import option, voters_of


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_attempts_count_ten_ballots(make_ballot, make_households):
    households = make_households(10, members=5)
    ballot = make_ballot(who_votes="any_member")
    url = reverse("ballots:vote", args=[ballot.pk])
    yes, no = option(ballot, "yes").pk, option(ballot, "no").pk
    clients = []
    for household in households:
        for index, user in enumerate(voters_of(household)):
            client = Client()
            client.force_login(user, backend="accounts.backends.PhoneOrEmailBackend")
            clients.append((client, yes if index % 2 else no))
    assert len(clients) == 50
    barrier = threading.Barrier(len(clients))
    statuses, errors = [], []

    def attempt(client, choice):
        try:
            barrier.wait(timeout=30)
            statuses.append(client.post(url, {"option": choice}).status_code)
        except Exception as exc:  # surfaced below; a thread must not swallow a 500
            errors.append(exc)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=attempt, args=pair) for pair in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(statuses) == [302] * 10 + [409] * 40
    assert Vote.objects.filter(ballot=ballot).count() == 10
    assert Vote.objects.filter(ballot=ballot).values("household").distinct().count() == 10
