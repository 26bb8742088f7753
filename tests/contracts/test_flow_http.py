"""The main journey over HTTP: approval, drafting, finalising, signing, payments, reports."""

import datetime
import subprocess

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from grants.contracts.models import (
    Approval,
    ApprovalStatus,
    Contract,
    ContractStatus,
    ReportKind,
    ReportStatus,
    TrancheStatus,
)
from projects.catalog.models import Project, ProjectStatus
from tests.conftest import signed_in_client
from tests.factories import OrganizationFactory

from .factories import bureau, confirmed_award, draft_contract, finalised_contract, owner, signed_contract

pytestmark = pytest.mark.django_db


def test_bureau_approves_a_batch_only_with_assessments(organization):
    officer = bureau()
    client = signed_in_client(officer)
    first, second = confirmed_award(organization), confirmed_award()
    page = client.get(reverse("contracts:approvals"))
    assert page.status_code == 200
    assert first.application.project_name in page.content.decode()
    # no prior performance assessment: refused, nothing approved
    response = client.post(reverse("contracts:approve"), {"award": [first.pk], "number": "南民审〔2026〕7号"})
    assert response.status_code == 400
    assert not Approval.objects.filter(status=ApprovalStatus.APPROVED).exists()
    for award in (first, second):
        response = client.post(
            reverse("contracts:assessment", kwargs={"pk": award.pk}),
            {"necessity": "需求真实", "feasibility": "可行", "conclusion": "建议购买", "score": 88},
        )
        assert response.status_code == 302
    response = client.post(
        reverse("contracts:approve"), {"award": [first.pk, second.pk], "number": "南民审〔2026〕7号"}
    )
    assert response.status_code == 302
    assert Approval.objects.filter(status=ApprovalStatus.APPROVED, number="南民审〔2026〕7号").count() == 2
    assert AuditEvent.objects.filter(action="contracts.approved").count() == 2


def test_return_needs_reasons_and_blocks_contracting(organization):
    officer = bureau()
    client = signed_in_client(officer)
    award = confirmed_award(organization)
    assert client.post(reverse("contracts:return", kwargs={"pk": award.pk}), {"reason": ""}).status_code == 400
    assert client.post(reverse("contracts:return", kwargs={"pk": award.pk}), {"reason": "预算偏高"}).status_code == 302
    assert Approval.objects.get(award=award).status == ApprovalStatus.RETURNED
    response = client.post(reverse("contracts:create", kwargs={"pk": award.pk}))
    assert response.status_code == 400
    assert not Contract.objects.exists()


def test_operator_drafts_and_cannot_finalise_with_missing_contents(client_for):
    contract = draft_contract()
    client, _user = client_for("centre_operator")
    assert client.get(reverse("contracts:edit", kwargs={"pk": contract.pk})).status_code == 200
    data = {
        name: getattr(contract, name)
        for name in ["service_content", "deliverables", "quantity", "quality", "settlement_method", "rights_duties"]
    }
    data.update(breach_liability="", term_start="2027-01-01", term_end="2027-12-31")
    assert client.post(reverse("contracts:edit", kwargs={"pk": contract.pk}), data).status_code == 302
    response = client.post(reverse("contracts:finalise", kwargs={"pk": contract.pk}))
    assert response.status_code == 400
    assert "liability for breach" in response.content.decode()
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT


def test_term_over_twelve_months_needs_justification(client_for):
    contract = draft_contract()
    client, _user = client_for("centre_operator")
    url = reverse("contracts:edit", kwargs={"pk": contract.pk})
    base = {"service_content": "x", "term_start": "2027-01-01", "term_end": "2028-06-30"}
    assert client.post(url, base).status_code == 400
    assert client.post(url, {**base, "term_justification": "跨学年服务"}).status_code == 302
    contract.refresh_from_db()
    assert contract.term_months == 18
    response = client.post(url, {**base, "term_end": "2030-03-01", "term_justification": "跨学年服务"})
    assert response.status_code == 400


def test_tranche_shares_must_add_up(client_for):
    contract = draft_contract()
    client, _user = client_for("centre_operator")
    url = reverse("contracts:tranches", kwargs={"pk": contract.pk})
    form = {"t-TOTAL_FORMS": 2, "t-INITIAL_FORMS": 0, "t-MIN_NUM_FORMS": 1, "t-MAX_NUM_FORMS": 6}
    bad = {**form, "t-0-share": "50", "t-0-condition": "signing", "t-1-share": "40", "t-1-condition": "final"}
    assert client.post(url, bad).status_code == 400
    good = {**form, "t-0-share": "33.33", "t-0-condition": "signing", "t-1-share": "66.67", "t-1-condition": "final"}
    assert client.post(url, good).status_code == 302
    contract.refresh_from_db()
    amounts = [t.amount_fen for t in contract.tranches.all()]
    assert sum(amounts) == contract.amount_fen
    assert contract.schedule_share_bp == 10000


def test_nobody_signs_a_version_they_were_not_shown(organization):
    officer, provider = bureau(), owner(organization)
    contract, old = finalised_contract(organization, officer=officer)
    # the operator reopens and re-finalises: version 2 supersedes version 1
    from grants.contracts import services

    services.contract_reopen(actor=officer, contract=contract)
    new = services.contract_finalise(actor=officer, contract=contract, reason="改期")
    assert new.number == 2
    client = signed_in_client(provider)
    page = client.get(reverse("contracts:sign", kwargs={"pk": contract.pk}))
    assert new.sha256 in page.content.decode()
    url = reverse("contracts:sign", kwargs={"pk": contract.pk})
    for bad in (old.sha256, "0" * 64, ""):
        response = client.post(url, {"side": "provider", "sha256": bad})
        assert response.status_code == 400
    new.refresh_from_db()
    assert new.provider_signed_at is None
    # the provider cannot sign for the purchaser, and the bureau signs only the hash it saw
    assert client.post(url, {"side": "purchaser", "sha256": new.sha256}).status_code == 403
    assert client.post(url, {"side": "provider", "sha256": new.sha256}).status_code == 302
    officer_client = signed_in_client(officer)
    assert officer_client.post(url, {"side": "purchaser", "sha256": old.sha256}).status_code == 400
    assert officer_client.post(url, {"side": "purchaser", "sha256": new.sha256}).status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    assert contract.summary_published_on is not None and contract.summary_due_on >= contract.summary_published_on
    project = Project.objects.get(award=contract.award)
    assert project.status == ProjectStatus.ACTIVE and project.funding_source == "purchase"
    assert set(contract.reports.values_list("kind", flat=True)) == {ReportKind.MIDTERM, ReportKind.FINAL}


def test_another_organizations_owner_cannot_sign(client_for):
    contract, version = finalised_contract()
    client, _user = client_for("org_owner")  # owner of a different organization
    response = client.post(
        reverse("contracts:sign", kwargs={"pk": contract.pk}), {"side": "provider", "sha256": version.sha256}
    )
    assert response.status_code == 404


def test_signed_contract_cannot_be_edited(client_for, organization):
    contract = signed_contract(organization)
    client, _user = client_for("centre_operator")
    edit = reverse("contracts:edit", kwargs={"pk": contract.pk})
    assert client.get(edit).status_code == 409
    assert client.post(edit, {"service_content": "改过的内容"}).status_code == 409
    plan = {"t-TOTAL_FORMS": 1, "t-INITIAL_FORMS": 0, "t-0-share": "100", "t-0-condition": "signing"}
    assert client.post(reverse("contracts:tranches", kwargs={"pk": contract.pk}), plan).status_code == 409
    assert client.post(reverse("contracts:finalise", kwargs={"pk": contract.pk})).status_code == 409
    contract.refresh_from_db()
    assert contract.service_content != "改过的内容"
    assert contract.versions.count() == 1


def test_amendment_makes_a_new_version_needing_both_signatures(client_for, organization):
    officer, provider = bureau(), owner(organization)
    contract = signed_contract(organization, officer=officer, provider=provider)
    client, _user = client_for("centre_operator")
    assert client.post(reverse("contracts:amend", kwargs={"pk": contract.pk}), {"reason": ""}).status_code == 400
    assert (
        client.post(reverse("contracts:amend", kwargs={"pk": contract.pk}), {"reason": "增加服务点"}).status_code == 302
    )
    edit = reverse("contracts:edit", kwargs={"pk": contract.pk})
    data = {name: getattr(contract, name) for name in ["service_content", "deliverables", "quantity", "quality"]}
    data.update(
        settlement_method=contract.settlement_method,
        rights_duties=contract.rights_duties,
        breach_liability=contract.breach_liability,
        term_start=contract.term_start.isoformat(),
        term_end=contract.term_end.isoformat(),
        deliverables="新增两个服务点",
    )
    assert client.post(edit, data).status_code == 302
    assert (
        client.post(reverse("contracts:finalise", kwargs={"pk": contract.pk}), {"reason": "增加服务点"}).status_code
        == 302
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.FINALISED
    v2 = contract.versions.get(number=2)
    assert v2.provider_signed_at is None and v2.purchaser_signed_at is None
    assert contract.versions.get(number=1).fully_signed


def test_pdf_has_extractable_chinese_and_its_hash(client_for, tmp_path, organization):
    import hashlib

    contract, version = finalised_contract(organization)
    client = signed_in_client(owner(organization))
    response = client.get(reverse("contracts:version_pdf", kwargs={"pk": version.pk}))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert hashlib.sha256(body).hexdigest() == version.sha256
    path = tmp_path / "c.pdf"
    path.write_bytes(body)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert "政府购买服务合同" in text
    assert "人民币伍万元整" in text
    assert contract.number in text
    # the number is on every page (a header margin box)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert all(contract.number in page for page in pages)
    # another organization cannot fetch it
    other = signed_in_client(owner(OrganizationFactory()))
    assert other.get(reverse("contracts:version_pdf", kwargs={"pk": version.pk})).status_code == 404


def _pay(client, tranche):
    assert client.post(reverse("contracts:tranche_approve", kwargs={"pk": tranche.pk})).status_code == 302
    today = datetime.date.today().isoformat()
    assert (
        client.post(reverse("contracts:tranche_pay", kwargs={"pk": tranche.pk}), {"paid_on": today}).status_code == 302
    )


def _report_post(report):
    contract = report.contract
    application = contract.award.application
    data = {"narrative": "开展课后课堂48次", "problems": "", "beneficiaries_served": 90}
    for m in application.milestones.all():
        data[f"m{m.pk}"] = "on" if m.title == "开班" else ""
    for i in application.indicators.all():
        data[f"i{i.pk}"] = "1200"
    for b in application.budget_lines.all():
        data[f"s{b.pk}"] = "1000.50"
    return data


def test_payments_follow_conditions_and_reports(organization):
    officer, provider = bureau(), owner(organization)
    contract = signed_contract(organization, officer=officer, provider=provider)
    officer_client, org_client = signed_in_client(officer), signed_in_client(provider)
    first, second, third = contract.tranches.all()
    # second tranche before the mid-term report is accepted: refused
    response = officer_client.post(reverse("contracts:tranche_approve", kwargs={"pk": second.pk}))
    assert response.status_code == 400
    second.refresh_from_db()
    assert second.status == TrancheStatus.PLANNED
    # paying without approval is refused too
    response = officer_client.post(
        reverse("contracts:tranche_pay", kwargs={"pk": second.pk}), {"paid_on": datetime.date.today().isoformat()}
    )
    assert response.status_code == 400
    _pay(officer_client, first)
    # the mid-term report: draft, submit, changes requested, resubmit, accepted
    report = contract.reports.get(kind=ReportKind.MIDTERM)
    url = reverse("contracts:report", kwargs={"pk": report.pk})
    assert org_client.get(url).status_code == 200
    assert org_client.post(url, _report_post(report)).status_code == 302
    assert org_client.post(reverse("contracts:report_submit", kwargs={"pk": report.pk})).status_code == 302
    review = reverse("contracts:report_review", kwargs={"pk": report.pk})
    assert officer_client.post(review, {"decision": "changes", "comment": ""}).status_code == 400
    assert officer_client.post(review, {"decision": "changes", "comment": "补充收据"}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.CHANGES
    assert org_client.post(url, _report_post(report)).status_code == 302
    assert org_client.post(reverse("contracts:report_submit", kwargs={"pk": report.pk})).status_code == 302
    assert officer_client.post(review, {"decision": "accept", "comment": ""}).status_code == 302
    _pay(officer_client, second)
    # the third needs the final evaluation
    assert officer_client.post(reverse("contracts:tranche_approve", kwargs={"pk": third.pk})).status_code == 400
    project = Project.objects.get(award=contract.award)
    assert project.progress_pct == 50  # one of two milestones
    assert project.beneficiaries == 90
    # ledger
    page = officer_client.get(reverse("contracts:ledger"))
    assert page.status_code == 200
    # public page panels
    public = signed_in_client(None).get(reverse("contracts:public_detail", kwargs={"pk": contract.pk}))
    assert public.status_code == 200
    html = public.content.decode()
    assert "1,000.50" in html and "panel-spending" in html and "panel-tranches" in html
    assert "Set-Cookie" not in str(public.headers)


def test_final_evaluation_closes_the_project(organization):
    from grants.contracts import services
    from grants.contracts.models import Report

    officer, provider = bureau(), owner(organization)
    contract = signed_contract(organization, officer=officer, provider=provider)
    for kind in (ReportKind.MIDTERM, ReportKind.FINAL):
        report = Report.objects.get(contract=contract, kind=kind)
        services.report_save(actor=provider, report=report, narrative="完成", beneficiaries_served=100)
        services.report_submit(actor=provider, report=report)
        services.report_review(actor=officer, report=report, decision="accept")
    client = signed_in_client(officer)
    url = reverse("contracts:evaluation", kwargs={"pk": contract.pk})
    assert client.get(url).status_code == 200
    data = {"self_score": "95", "evaluator_kind": "third_party", "evaluator_name": "某评估所", "evaluator_score": "88"}
    assert client.post(url, data).status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.CLOSED
    final = contract.evaluations.get(stage="final")
    assert str(final.score) == "89.40" and final.grade == "良好"
    assert Project.objects.get(award=contract.award).status == ProjectStatus.COMPLETED
    for tranche in contract.tranches.all():
        services.tranche_approve(actor=officer, tranche=tranche)
        services.tranche_pay(actor=officer, tranche=tranche, paid_on=datetime.date.today())
    assert not contract.tranches.exclude(status=TrancheStatus.PAID).exists()


def test_receipt_upload_and_template_in_the_cms(client_for, organization):
    from django.core.files.uploadedfile import SimpleUploadedFile

    provider = owner(organization)
    contract = signed_contract(organization, provider=provider)
    report = contract.reports.get(kind=ReportKind.MIDTERM)
    client = signed_in_client(provider)
    assert client.get(reverse("contracts:report", kwargs={"pk": report.pk})).status_code == 200
    line = contract.award.application.budget_lines.first()
    upload = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt", content_type="application/pdf")
    response = client.post(
        reverse("contracts:report_file", kwargs={"pk": report.pk}),
        {"kind": "receipt", "title": "发票", "budget_line": line.pk, "file": upload},
    )
    assert response.status_code == 302
    assert report.files.get().budget_line == line
    operator, _user = client_for("centre_operator")
    listing = operator.get("/admin/snippets/contracts/contracttemplate/")
    assert listing.status_code == 200
    assert contract.template.name in listing.content.decode()


def test_dashboard_figures_link_to_lists(organization):
    from projects.dashboard.registry import DashboardFilters, figures

    signed_contract(organization)
    mine = {f.key: f for f in figures() if f.key.startswith("contracts.")}
    assert set(mine) == {"contracts.contracted", "contracts.paid", "contracts.spent"}
    value = mine["contracts.contracted"].compute(DashboardFilters())
    assert value.value == "¥50,000.00" and value.url


def test_report_form_keeps_fen_exactly(organization):
    provider = owner(organization)
    contract = signed_contract(organization, provider=provider)
    report = contract.reports.get(kind=ReportKind.MIDTERM)
    client = signed_in_client(provider)
    url = reverse("contracts:report", kwargs={"pk": report.pk})
    client.get(url)
    assert client.post(url, _report_post(report)).status_code == 302
    assert 'value="1000.50"' in client.get(url).content.decode()
