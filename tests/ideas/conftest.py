import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from tests.factories import ResidentFactory

from .factories import make_call, make_idea


@pytest.fixture(autouse=True)
def _postgres_only(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def worker(make_user):
    return make_user("community_worker")


@pytest.fixture
def resident(db):
    return ResidentFactory()


@pytest.fixture
def call(community):
    return make_call(communities=[community])


@pytest.fixture
def idea(community, resident, call):
    return make_idea(community, author=resident, call=call)


def png_upload(name="photo.png", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def png():
    return png_upload
