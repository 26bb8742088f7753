"""The benchmark's data generator and scenario paths work on a small database."""

import io
import random

import pytest
from django.core.management.base import OutputWrapper

from grants.contracts.models import Contract
from tests.conftest import signed_in_client
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_generate_grows_and_pages_answer():
    from bench.data.contracts import generate
    from bench.scenarios import contracts as scenarios

    from .factories import bureau

    for _ in range(3):
        OrganizationFactory()
    out = OutputWrapper(io.StringIO())
    generate(size=1000, rng=random.Random(1), stdout=out)
    assert Contract.objects.filter(number__startswith="BENCH-").count() == 60
    generate(size=3500, rng=random.Random(2), stdout=out)
    assert Contract.objects.filter(number__startswith="BENCH-").count() == 70
    page = signed_in_client(None).get(scenarios._project_path(None))
    assert page.status_code == 200
    assert "panel-spending" in page.content.decode()
    ledger = signed_in_client(bureau()).get("/contracts/ledger/")
    assert ledger.status_code == 200
    names = {s.name for s in scenarios.SCENARIOS}
    assert {"contracts_pdf", "contracts_project_page", "contracts_payment_ledger"} <= names
