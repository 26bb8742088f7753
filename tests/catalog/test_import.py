"""Import of historical projects: dry run lists every row's errors; one bad row imports nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from audit.models import AuditEvent
from projects.catalog.imports import import_projects
from projects.catalog.models import Project, ProjectSource
from tests.factories import CommunityFactory, OrganizationFactory, StreetFactory

pytestmark = pytest.mark.django_db

HEADER = "编号,项目名称,实施机构,街道,社区,领域,类别,年度,资金来源,金额（元）,状态,进度（%）,受益人数,简介\n"


@pytest.fixture
def places():
    street = StreetFactory(name="南坪街道")
    CommunityFactory(street=street, name="阳光社区")
    OrganizationFactory(name="南岸区阳光邻里互助协会")


def upload(text: str, name="projects.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


GOOD = (
    HEADER
    + "2019-001,阳光长者食堂,南岸区阳光邻里互助协会,南坪街道,阳光社区,为老服务,服务类,2019,公益创投,50000,已完成,100,320,为老人供餐\n"
    + "2019-002,院落议事会,,南坪街道,阳光社区,社区治理,治理类,2019,社区基金,8000.50,已完成,100,80,\n"
)


def test_dry_run_writes_nothing(places):
    report = import_projects(upload(GOOD), dry_run=True)
    assert report.ok and report.rows == 2 and report.created == 2
    assert not report.written
    assert Project.objects.count() == 0


def test_import_writes_all_rows_and_is_idempotent(places):
    report = import_projects(upload(GOOD), dry_run=False)
    assert report.ok and report.written and report.created == 2
    project = Project.objects.get(external_ref="2019-001")
    assert project.source == ProjectSource.IMPORTED
    assert project.theme == "elderly" and project.funding_source == "venture" and project.status == "completed"
    assert project.street.name == "南坪街道"
    assert Project.objects.get(external_ref="2019-002").amount_fen == 800_050
    assert "阳光社区" in project.search_text
    assert AuditEvent.objects.filter(action="catalog.projects_imported").count() == 1
    again = import_projects(upload(GOOD), dry_run=False)
    assert again.ok and again.created == 0 and again.skipped == 2
    assert Project.objects.count() == 2


def test_a_bad_row_imports_nothing_and_reports_row_and_reason(places):
    bad = GOOD + "2019-003,坏行,不存在的机构,南坪街道,阳光社区,火星,服务类,19xx,公益创投,-5,已完成,150,10,\n"
    report = import_projects(upload(bad), dry_run=False)
    assert not report.ok and not report.written
    assert Project.objects.count() == 0
    problems = {(e.row, e.column) for e in report.errors}
    assert {(4, "organization"), (4, "theme"), (4, "year"), (4, "amount_yuan"), (4, "progress_pct")} <= problems


def test_duplicate_refs_and_missing_columns(places):
    report = import_projects(upload(GOOD + GOOD.splitlines()[1] + "\n"), dry_run=True)
    assert [(e.row, e.column) for e in report.errors] == [(4, "ref")]
    report = import_projects(upload("name,year\n项目,2020\n"), dry_run=True)
    assert report.errors[0].row == 1 and "ref" in report.errors[0].column


def test_garbage_file_is_refused_cleanly(places):
    report = import_projects(SimpleUploadedFile("x.xlsx", b"PK\x03\x04garbage"), dry_run=True)
    assert not report.ok and report.errors[0].row == 0
    report = import_projects(SimpleUploadedFile("x.csv", b""), dry_run=True)
    assert not report.ok


def test_xlsx_import(places):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.strip().splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_projects(SimpleUploadedFile("p.xlsx", buffer.getvalue()), dry_run=False)
    assert report.ok, report.errors
    assert Project.objects.count() == 2


def test_operator_view(places, client_for):
    client, _ = client_for("centre_operator")
    url = reverse("catalog:import")
    assert client.get(url).status_code == 200
    bad = GOOD + "2019-003,,,,,,,2020,公益创投,1,,,,\n"
    response = client.post(url, {"file": upload(bad), "dry_run": ""})
    assert response.status_code == 400
    assert "4" in response.content.decode() and Project.objects.count() == 0
    response = client.post(url, {"file": upload(GOOD), "dry_run": "on"})
    assert response.status_code == 200 and Project.objects.count() == 0
    response = client.post(url, {"file": upload(GOOD)})
    assert response.status_code == 200 and Project.objects.count() == 2
    resident, _ = client_for("resident")
    assert resident.get(url).status_code == 403


def test_management_command(places, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_projects", str(path), "--dry-run", stdout=out)
    assert Project.objects.count() == 0
    call_command("import_projects", str(path), stdout=out)
    assert Project.objects.count() == 2
