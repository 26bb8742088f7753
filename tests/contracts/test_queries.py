"""List pages keep a constant number of queries (60 rows a page)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from grants.contracts.models import Contract
from tests.conftest import signed_in_client

from .factories import bureau, draft_contract, signed_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_contracts():
    officer = bureau()
    for _ in range(62):
        draft_contract(officer=officer)
    Contract.objects.update(summary_published_on=timezone.localdate(), signed_at=timezone.now())
    return officer


@pytest.mark.parametrize("name", ["contracts:ledger", "contracts:index"])
def test_staff_lists_are_bounded(many_contracts, django_assert_max_num_queries, name):
    client = signed_in_client(many_contracts)
    client.get(reverse(name))  # warm the session and role caches
    with django_assert_max_num_queries(15):
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.content.decode().count("GMFW-") >= 60


def test_public_list_is_bounded(many_contracts, django_assert_max_num_queries):
    client = signed_in_client(None)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("contracts:public_index"))
    assert response.status_code == 200
    assert "Set-Cookie" not in str(response.headers)


def test_public_project_page_is_constant(django_assert_max_num_queries):
    contract = signed_contract()
    client = signed_in_client(None)
    url = reverse("contracts:public_detail", kwargs={"pk": contract.pk})
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert response.status_code == 200
    assert contract.provider_name in response.content.decode()


def test_catalog_project_page_links_the_signed_contract_in_its_chain():
    contract = signed_contract()
    assert contract.project_id and contract.summary_published_on
    html = Client().get(reverse("catalog:project", kwargs={"pk": contract.project_id})).content.decode()
    assert reverse("contracts:public_detail", kwargs={"pk": contract.pk}) in html
