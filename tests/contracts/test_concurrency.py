"""Races on PostgreSQL: contract numbers stay unique, a tranche is approved once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from grants.contracts import services
from grants.contracts.models import Contract

from .factories import approved_award, bureau, signed_contract

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def _race(target, args_list):
    barrier = threading.Barrier(len(args_list))
    outcomes = []

    def run(*args):
        try:
            barrier.wait()
            target(*args)
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_simultaneous_contracts_get_distinct_numbers():
    officer = bureau()
    awards = [approved_award(officer=officer) for _ in range(4)]
    outcomes = _race(lambda award: services.contract_create(actor=officer, award=award), [(a,) for a in awards])
    assert outcomes == ["ok"] * 4
    numbers = list(Contract.objects.values_list("number", flat=True))
    assert len(numbers) == 4 == len(set(numbers))


def test_a_tranche_is_approved_once():
    officer = bureau()
    contract = signed_contract(officer=officer)
    tranche = contract.tranches.get(seq=1)
    outcomes = _race(lambda: services.tranche_approve(actor=officer, tranche=tranche), [()] * 4)
    assert outcomes == ["ok", "refused", "refused", "refused"]
