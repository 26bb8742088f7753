import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from organizations.models import OrganizationDocument

pytestmark = pytest.mark.django_db


def _profile(organization, **overrides):
    data = {
        "name": organization.name,
        "credit_code": organization.credit_code,
        "org_type": organization.org_type,
        "registered_on": "",
        "legal_representative": "陈",
        "address": "",
        "summary": "",
    }
    data.update(overrides)
    return data


def test_owner_edits_profile_and_it_is_audited(client_for, organization):
    client, user = client_for("org_owner")
    response = client.post(
        reverse("organizations:edit", args=[organization.pk]), _profile(organization, legal_representative="陈大文")
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.legal_representative == "陈大文"
    event = AuditEvent.objects.get(action="organization.updated")
    assert event.actor == user and event.changes["legal_representative"][1] == "陈大文"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91350200776049653B", "最后一位（校验码）应为“A”"),
        ("9135020077604965", "应为18位"),
        ("91350200776049653I", "第18位（“I”）不合规"),
        ("91350200776049655A", "第9–17位组织机构代码校验不通过"),
    ],
)
def test_wrong_credit_code_gets_a_message_naming_the_part(client_for, organization, code, message):
    client, _ = client_for("org_owner")
    response = client.post(
        reverse("organizations:edit", args=[organization.pk]), _profile(organization, credit_code=code)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    organization.refresh_from_db()
    assert organization.credit_code != code


def test_oversized_upload_gets_a_clear_message(client_for, organization, settings):
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 1024
    client, _ = client_for("org_member")
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"0" * 4096, content_type="application/pdf")
    response = client.post(
        reverse("organizations:document_upload", args=[organization.pk]),
        {"kind": "other", "title": "年报", "file": big},
    )
    assert response.status_code == 400
    assert "上限为1.0\xa0KB" in response.content.decode()
    assert not OrganizationDocument.objects.exists()


def test_member_uploads_a_document(client_for, organization):
    client, _ = client_for("org_member")
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%%EOF", content_type="application/pdf")
    response = client.post(
        reverse("organizations:document_upload", args=[organization.pk]),
        {"kind": "annual_report", "title": "2025年报", "file": pdf},
    )
    assert response.status_code == 302
    assert OrganizationDocument.objects.get().title == "2025年报"
    assert AuditEvent.objects.filter(action="organization.document_added").exists()


def test_member_cannot_see_another_organization(client_for, organization):
    from tests.factories import OrganizationFactory

    client, _ = client_for("org_owner")
    other = OrganizationFactory()
    assert client.get(reverse("organizations:detail", args=[other.pk])).status_code == 403
    assert client.get(reverse("organizations:edit", args=[other.pk])).status_code == 403
