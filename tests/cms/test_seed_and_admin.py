from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from accounts.models import User
from organizations.models import Organization, Station
from places.models import Community, Household
from tests.conftest import signed_in_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _counts():
    return (
        User.objects.count(),
        Organization.objects.count(),
        Station.objects.count(),
        Community.objects.count(),
        Household.objects.count(),
    )


def test_seed_demo_is_idempotent_and_shaped_like_the_documents():
    out = StringIO()
    call_command("seed_demo", only=["places", "organizations", "accounts", "cms"], stdout=out)
    first = _counts()
    call_command("seed_demo", only=["places", "organizations", "accounts", "cms"], stdout=StringIO())
    assert _counts() == first
    assert Organization.objects.count() == 13 and Station.objects.count() == 13 and Community.objects.count() == 13
    assert Household.objects.count() >= 300
    text = out.getvalue()
    for role in (
        "resident",
        "community_worker",
        "org_owner",
        "reviewer",
        "bureau_officer",
        "centre_operator",
        "trainee",
        "mentor",
    ):
        assert role in text
    assert all(org.credit_code and len(org.credit_code) == 18 for org in Organization.objects.all())


def _image_bytes(size):
    buffer = BytesIO()
    Image.effect_noise(size, 100).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def test_admin_refuses_oversized_image_with_a_message(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2000
    admin = UserFactory(is_superuser=True, is_staff=True)
    client = signed_in_client(admin)
    upload = SimpleUploadedFile("big.png", _image_bytes((300, 300)), content_type="image/png")
    response = client.post("/admin/images/add/", {"title": "大图", "file": upload})
    assert response.status_code == 200
    assert "2.0" in response.content.decode()  # "...exceeds the 2.0 KB limit" in the admin's language


def test_admin_refuses_oversized_document(settings):
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 100
    admin = UserFactory(is_superuser=True, is_staff=True)
    client = signed_in_client(admin)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"x" * 500, content_type="application/pdf")
    response = client.post("/admin/documents/add/", {"title": "大文件", "file": upload})
    assert response.status_code == 200
    assert "100" in response.content.decode()
