"""/api/v1/projects and /api/v1/organizations: public fields, filters like the pages, pagination,
a valid OpenAPI schema, and a bounded schemathesis run (no 5xx, no schema violation)."""

import datetime

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings

from projects.catalog.models import Theme
from tests.catalog.factories import CatalogProjectFactory
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    org = OrganizationFactory(
        name="益心社工",
        incubation_status="incubating",
        incubation_started_on=datetime.date(2024, 1, 1),
        legal_representative="张三丰",
    )
    elder = CatalogProjectFactory(name="银龄食堂", organization=org, theme=Theme.ELDERLY, year=2021)
    youth = CatalogProjectFactory(name="四点半课堂", theme=Theme.YOUTH, year=2023, amount_fen=100_00)
    return {"org": org, "elder": elder, "youth": youth}


def test_project_list_filters_and_paginates(data):
    client = Client()
    body = client.get("/api/v1/projects").json()
    assert body["count"] == 2 and {p["name"] for p in body["items"]} == {"银龄食堂", "四点半课堂"}
    assert client.get("/api/v1/projects", {"theme": "youth"}).json()["items"][0]["name"] == "四点半课堂"
    assert client.get("/api/v1/projects", {"q": "食堂"}).json()["count"] == 1
    assert client.get("/api/v1/projects", {"amount_max": 100}).json()["count"] == 1
    assert client.get("/api/v1/projects", {"organization": data["org"].pk}).json()["count"] == 1
    page = client.get("/api/v1/projects", {"limit": 1, "offset": 1, "sort": "oldest"}).json()
    assert page["count"] == 2 and [p["name"] for p in page["items"]] == ["四点半课堂"]
    assert client.get("/api/v1/projects", {"limit": 1000}).status_code == 422
    assert client.get("/api/v1/projects", {"offset": 50}).json()["items"] == []


def test_project_detail(data):
    from projects.catalog.models import ProjectIndicator

    ProjectIndicator.objects.create(project=data["elder"], name="送餐", target=10, actual=5)
    body = Client().get(f"/api/v1/projects/{data['elder'].pk}").json()
    assert body["name"] == "银龄食堂" and body["organization_name"] == "益心社工"
    assert body["indicators"] == [{"name": "送餐", "unit": "", "target": 10, "actual": 5}]
    assert Client().get("/api/v1/projects/999999").status_code == 404


def test_organizations_public_fields_only(data):
    body = Client().get("/api/v1/organizations").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["name"] == "益心社工" and item["project_count"] == 1
    assert "张三丰" not in str(body) and "legal_representative" not in item
    assert Client().get(f"/api/v1/organizations/{data['org'].pk}").json()["funding_fen"] == data["elder"].amount_fen


def test_openapi_schema_validates(keep_connection):
    import schemathesis
    from django.core.wsgi import get_wsgi_application

    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/projects", "/api/v1/organizations", "/api/v1/projects/{project_id}"} <= set(paths)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    schema.validate()


@pytest.fixture
def keep_connection():
    """The raw WSGI app closes the database connection after each request (request_finished);
    inside the test's transaction that would drop it. Django's test Client does the same."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/projects",
        "/api/v1/organizations",
        "/api/v1/projects/{project_id}",
        "/api/v1/organizations/{organization_id}",
    ],
)
def test_schemathesis_finds_no_server_error_and_no_schema_violation(data, path, keep_connection):
    import schemathesis
    from django.core.wsgi import get_wsgi_application
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operation = schema[path]["GET"]
    calls = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def run(case):
        calls.append(case)
        case.call_and_validate(checks=[not_a_server_error, response_schema_conformance, content_type_conformance])

    run()
    assert calls
