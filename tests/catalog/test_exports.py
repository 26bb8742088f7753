import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from projects.catalog.models import Theme

from .factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects():
    CatalogProjectFactory(name="银龄食堂", theme=Theme.ELDERLY, amount_fen=123_456)
    CatalogProjectFactory(name="四点半课堂", theme=Theme.YOUTH)


def test_csv_export_streams_the_filtered_list(projects):
    response = Client().get(reverse("catalog:export_csv"), {"theme": "elderly"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    assert rows[1][1] == "银龄食堂"
    assert rows[1][9] == "1234.56"


def test_xlsx_export(projects):
    response = Client().get(reverse("catalog:export_xlsx"), {"q": "课堂"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 2
    assert values[1][1] == "四点半课堂"


def test_list_page_links_to_exports_with_the_same_filters(projects):
    html = Client().get(reverse("catalog:index"), {"theme": "youth", "year": ""}).content.decode()
    assert reverse("catalog:export_csv") + "?theme=youth" in html
    assert reverse("catalog:export_xlsx") + "?theme=youth" in html
