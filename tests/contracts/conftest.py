import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English messages; Chinese is checked in test_translations."""
    with translation.override("en"):
        yield
