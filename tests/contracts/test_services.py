"""Edge cases through the services: reminders, lateness, failure and recovery, database checks."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from grants.contracts import services
from grants.contracts.models import (
    Contract,
    ContractStatus,
    Recovery,
    Report,
    ReportKind,
    Tranche,
    TrancheStatus,
)
from notifications.models import Notification
from projects.catalog.models import Project, ProjectStatus
from tests.factories import OrganizationFactory

from .factories import approved_award, bureau, confirmed_award, draft_contract, owner, signed_contract

pytestmark = pytest.mark.django_db


def test_reminder_run_twice_the_same_day_sends_once():
    organization = OrganizationFactory()
    provider = owner(organization)
    contract = signed_contract(organization, provider=provider)
    report = contract.reports.get(kind=ReportKind.MIDTERM)
    lead = contract.template.reminder_days
    before = report.due_on - datetime.timedelta(days=lead)
    first = services.report_reminders_send(day=before)
    assert first >= 1
    assert services.report_reminders_send(day=before) == 0
    # overdue: every day once, to the organization and the bureau
    overdue = report.due_on + datetime.timedelta(days=2)
    assert services.report_reminders_send(day=overdue) >= 2
    assert services.report_reminders_send(day=overdue) == 0
    assert services.report_reminders_send(day=overdue + datetime.timedelta(days=1)) >= 2
    keys = Notification.objects.filter(kind="contracts.report_reminder").values_list("dedupe_key", flat=True)
    assert len(keys) == len(set(keys))
    # no reminder on a quiet day
    assert services.report_reminders_send(day=before + datetime.timedelta(days=1)) == 0


def test_celery_task_is_thin_and_idempotent():
    from grants.contracts.tasks import report_reminders

    contract = signed_contract()
    report = contract.reports.get(kind=ReportKind.FINAL)
    day = report.due_on + datetime.timedelta(days=1)
    with mock.patch("grants.contracts.services.reports.today", return_value=day):
        assert report_reminders() >= 1
        assert report_reminders() == 0


def test_late_report_without_extension_fails_and_blocks_tranches():
    organization = OrganizationFactory()
    officer, provider = bureau(), owner(organization)
    contract = signed_contract(organization, officer=officer, provider=provider)
    first = contract.tranches.get(seq=1)
    services.tranche_approve(actor=officer, tranche=first)
    services.tranche_pay(actor=officer, tranche=first, paid_on=datetime.date.today())
    report = contract.reports.get(kind=ReportKind.MIDTERM)
    services.report_save(actor=provider, report=report, narrative="迟交", beneficiaries_served=1)
    late = report.due_on + datetime.timedelta(days=3)
    with mock.patch("grants.contracts.services.reports.today", return_value=late):
        services.report_submit(actor=provider, report=report)
    report.refresh_from_db()
    assert report.late
    contract.refresh_from_db()
    assert contract.status == ContractStatus.TERMINATED
    assert set(contract.tranches.exclude(seq=1).values_list("status", flat=True)) == {TrancheStatus.BLOCKED}
    recovery = Recovery.objects.get(contract=contract)
    assert recovery.paid_fen == first.amount_fen
    assert Project.objects.get(contract=contract).status == ProjectStatus.SUSPENDED
    with pytest.raises(ValidationError):
        services.tranche_approve(actor=officer, tranche=contract.tranches.get(seq=2))


def test_extension_makes_a_late_date_on_time():
    organization = OrganizationFactory()
    officer, provider = bureau(), owner(organization)
    contract = signed_contract(organization, officer=officer, provider=provider)
    report = contract.reports.get(kind=ReportKind.MIDTERM)
    services.report_extend(
        actor=officer, report=report, until=report.due_on + datetime.timedelta(days=10), reason="疫情停课"
    )
    services.report_save(actor=provider, report=report, narrative="完成", beneficiaries_served=1)
    with mock.patch("grants.contracts.services.reports.today", return_value=report.due_on + datetime.timedelta(days=5)):
        services.report_submit(actor=provider, report=report)
    report.refresh_from_db()
    assert not report.late
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED


def test_failed_final_evaluation_opens_recovery():
    organization = OrganizationFactory()
    officer, provider = bureau(), owner(organization)
    contract = signed_contract(organization, officer=officer, provider=provider)
    for kind in (ReportKind.MIDTERM, ReportKind.FINAL):
        report = Report.objects.get(contract=contract, kind=kind)
        services.report_save(actor=provider, report=report, narrative="完成", beneficiaries_served=10)
        services.report_submit(actor=provider, report=report)
        services.report_review(actor=officer, report=report, decision="accept")
    evaluation = services.evaluation_final(actor=officer, contract=contract, self_score=70, evaluator_score=50)
    assert not evaluation.passed and evaluation.grade == "不合格"
    assert Recovery.objects.filter(contract=contract).exists()
    assert contract.tranches.get(seq=3).status == TrancheStatus.BLOCKED


def test_grades():
    assert services.grade_for(services.combined_score(100, 90)) == "优秀"
    assert services.grade_for(services.combined_score(80, 80)) == "良好"
    assert services.grade_for(services.combined_score(60, 60)) == "合格"
    assert services.grade_for(services.combined_score(100, 49)) == "不合格"


def test_database_refuses_a_finalised_contract_whose_tranches_do_not_add_up():
    contract = draft_contract()
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.filter(pk=contract.pk).update(status=ContractStatus.FINALISED, schedule_total_fen=1)


def test_database_refuses_a_long_term_without_justification():
    contract = draft_contract()
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.filter(pk=contract.pk).update(term_months=18)
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.filter(pk=contract.pk).update(term_months=37, term_justification="x")


def test_database_refuses_a_paid_tranche_without_date():
    contract = signed_contract()
    with pytest.raises(IntegrityError), transaction.atomic():
        Tranche.objects.filter(contract=contract, seq=1).update(status=TrancheStatus.PAID)


def test_contract_needs_approval():
    award = confirmed_award()
    with pytest.raises(ValidationError):
        services.contract_create(actor=bureau(), award=award)


def test_numbers_follow_the_pattern_and_count_up():
    first, second = draft_contract(), draft_contract()
    year = first.year
    assert first.number == f"{year}-GMFW-001"
    assert second.number == f"{year}-GMFW-002"
    template = first.template
    template.number_pattern = "NA-{year}-{seq:04d}"
    template.save()
    third = services.contract_create(actor=bureau(), award=approved_award())
    assert third.number == f"NA-{year}-0003"


def test_template_pattern_is_validated():
    from grants.contracts.models import ContractTemplate

    template = ContractTemplate(name="x", number_pattern="{year}-{foo}")
    with pytest.raises(ValidationError):
        template.full_clean()


def test_months_between():
    d = datetime.date
    assert services.months_between(d(2026, 1, 1), d(2026, 12, 31)) == 12
    assert services.months_between(d(2026, 1, 15), d(2027, 1, 14)) == 12
    assert services.months_between(d(2026, 1, 15), d(2027, 1, 15)) == 13
    assert services.months_between(d(2026, 3, 1), d(2026, 3, 31)) == 1


def test_summary_due_within_two_working_days():
    from core.workdays import add_workdays

    contract = signed_contract()
    assert contract.summary_due_on == add_workdays(contract.summary_published_on, 2)
    assert contract.summary_published_on <= contract.summary_due_on
    Contract.objects.filter(pk=contract.pk).update(summary_published_on=None)
    assert services.publish_due_summaries() == 1
    assert services.publish_due_summaries() == 0


def test_open_data_lists_only_published_contracts(client):
    contract = signed_contract()
    draft_contract()
    rows = client.get("/api/v1/contracts").json()
    assert [row["number"] for row in rows] == [contract.number]
    assert rows[0]["paid_fen"] == 0
    detail = client.get(f"/api/v1/contracts/{contract.pk}").json()
    assert sum(t["amount_fen"] for t in detail["tranches"]) == contract.amount_fen
    assert client.get(f"/api/v1/contracts/{contract.pk + 1}").status_code == 404


def test_recovery_is_settled_within_what_was_paid(client):
    from tests.conftest import signed_in_client

    officer = bureau()
    contract = signed_contract(officer=officer)
    first = contract.tranches.get(seq=1)
    services.tranche_approve(actor=officer, tranche=first)
    services.tranche_pay(actor=officer, tranche=first, paid_on=datetime.date.today())
    recovery = services.evaluation_fail(
        actor=officer, contract=contract, stage="midterm", reason="中期评估不合格"
    ).contract.recovery
    browser = signed_in_client(officer)
    url = f"/en/contracts/recoveries/{recovery.pk}/settle/"
    assert browser.post(url, {"amount": "999999", "reason": "全部追回"}).status_code == 400
    assert browser.post(url, {"amount": "5000", "reason": "按未完成服务比例追回"}).status_code == 302
    recovery.refresh_from_db()
    assert recovery.status == "settled" and recovery.to_recover_fen == 5000_00
    assert browser.post(url, {"amount": "1", "reason": "再次"}).status_code == 400
    page = browser.get(f"/en/contracts/{contract.pk}/")
    assert "Recovery record" in page.content.decode()


def test_only_one_default_template():
    from grants.contracts.models import ContractTemplate

    services.default_template()
    second = ContractTemplate(name="另一模板", is_default=True)
    with pytest.raises(ValidationError):
        second.full_clean()
