"""Acceptance: with 10,000 projects the database page, a project page and the API list run
the same number of SQL queries as with a handful (bulk-created data)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.catalog.models import Project
from tests.factories import CommunityFactory, OrganizationFactory

from .factories import bulk_projects

pytestmark = pytest.mark.django_db


def count_queries(url) -> int:
    cache.clear()  # measure the view, not the anonymous page cache
    client = Client()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def urls(project_id, street_id):
    return [
        reverse("catalog:index"),
        reverse("catalog:index") + f"?street={street_id}&theme=elderly&sort=amount_desc&page=2",
        reverse("catalog:index") + "?q=批量项目1",
        reverse("catalog:project", kwargs={"pk": project_id}),
        f"/api/v1/projects?street={street_id}&year=2020&limit=50",
        "/api/v1/projects?limit=100&offset=40",
        reverse("catalog:organizations"),
    ]


def test_query_counts_do_not_grow_with_the_data():
    community = CommunityFactory()
    organization = OrganizationFactory(incubation_status="incubating", incubation_started_on="2024-01-01")
    bulk_projects(60, community=community, organization=organization)
    project_id = Project.objects.order_by("id").first().pk
    count_queries(reverse("catalog:index"))  # warm-up: per-process caches (site, settings, content types)
    small = [count_queries(u) for u in urls(project_id, community.street_id)]
    bulk_projects(10_000, community=community, organization=organization, start=60)
    assert Project.objects.count() == 10_060
    large = [count_queries(u) for u in urls(project_id, community.street_id)]
    assert small == large
    assert max(small) <= 15
