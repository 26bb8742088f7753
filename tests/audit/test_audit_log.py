import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent
from audit.services import audit_record
from tests.conftest import signed_in_client
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    user = UserFactory()
    return audit_record(actor=user, action="test.action", obj=user, changes={"a": [1, 2]})


def test_model_and_queryset_refuse_changes(event):
    event.action = "tampered"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()


def test_database_refuses_raw_update(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "test.action"


@pytest.mark.postgres
def test_postgres_refuses_raw_delete(event):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])


def test_admin_offers_no_way_to_edit_or_delete(event):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client = signed_in_client(admin)
    listing = client.get("/admin/audit_admin/")
    assert listing.status_code == 200
    assert client.get(f"/admin/audit_admin/inspect/{event.pk}/").status_code == 200
    for url in (
        f"/admin/audit_admin/edit/{event.pk}/",
        f"/admin/audit_admin/delete/{event.pk}/",
        "/admin/audit_admin/new/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url  # no such view, or refused
        response = client.post(url, {"action": "tampered"})
        assert response.status_code in (302, 403, 404), url  # no such view, or refused
    assert AuditEvent.objects.get(pk=event.pk).action == "test.action"


def test_admin_edits_of_organizations_are_audited():
    admin = UserFactory(is_superuser=True, is_staff=True)
    organization = OrganizationFactory()
    client = signed_in_client(admin)
    response = client.post(
        f"/admin/organizations_admin/edit/{organization.pk}/",
        {
            "name": organization.name + "（改）",
            "credit_code": organization.credit_code,
            "org_type": organization.org_type,
            "incubation_status": "none",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AuditEvent.objects.filter(
        action="organization.updated", object_id=str(organization.pk), actor=admin
    ).exists()
