import pytest

from projects.catalog.models import Project
from tests.conftest import signed_in_client
from tests.factories import UserFactory

from .factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_edits_projects_and_keeps_the_street(community):
    project = CatalogProjectFactory()
    client = signed_in_client(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/catalog_projects_admin/").status_code == 200
    edit = f"/admin/catalog_projects_admin/edit/{project.pk}/"
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "name": "改名后的项目",
            "community": community.pk,
            "year": 2024,
            "theme": "youth",
            "category": "service",
            "funding_source": "venture",
            "amount_fen": 100,
            "status": "active",
            "progress_pct": 10,
            "beneficiaries": 5,
            "summary": "",
            "source": "manual",
            "external_ref": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    assert project.name == "改名后的项目" and project.street_id == community.street_id
    assert Project.objects.get(pk=project.pk).external_ref is None
    for name in ("milestones", "indicators", "budget_lines", "photos"):
        assert client.get(f"/admin/catalog_{name}_admin/").status_code == 200
