"""Chinese is the default language: every string of the app has a translation."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

PO = Path(__file__).resolve().parents[2] / "grants" / "contracts" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated():
    text = PO.read_text()
    assert "#, fuzzy" not in text
    untranslated = re.findall(r'\nmsgid "(.+)"\nmsgstr ""\n', text)
    assert untranslated == []


@pytest.mark.django_db
def test_public_page_reads_in_chinese(settings):
    from django.test import Client
    from django.utils import translation

    with translation.override("zh-hans"):
        url = reverse("contracts:public_index")
    response = Client().get(url)
    assert response.status_code == 200
    assert "政府购买服务" in response.content.decode()
