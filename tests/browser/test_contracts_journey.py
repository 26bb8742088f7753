"""The purchase journey: the bureau approves an award, drafts and finalises the contract, both
parties sign the exact version they were shown, and the PDF downloads (the provider on a phone)."""

import pytest

from tests.browser.conftest import assert_fits
from tests.conftest import signed_in_client
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _staff_session(page, live_server, user):
    """Staff pass TOTP before anything else: reuse a verified test session in the browser."""
    client = signed_in_client(user)
    key = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": key, "url": live_server.url}])


def test_bureau_approves_both_parties_sign_and_pdf_downloads(desktop, phone, shot, sign_in, live_server):
    from grants.contracts import services
    from grants.contracts.models import Contract
    from tests.contracts.factories import bureau, confirmed_award, owner

    award = confirmed_award()
    officer = bureau()
    provider = owner(award.application.organization)
    services.assessment_record(
        actor=officer, award=award, necessity="需求明确", feasibility="可行", conclusion="建议购买", score=90
    )
    _staff_session(desktop, live_server, officer)
    # 1. approve with an approval number
    desktop.goto(f"{live_server.url}/contracts/approvals/")
    desktop.check(f"input[name=award][value='{award.pk}']")
    desktop.fill("#id_number", "南民审〔2026〕9号")
    desktop.click("form[action$='/approve/'] button[type=submit]")
    desktop.wait_for_load_state("networkidle")
    # 2. draft the contract and finalise it (the template fills the required contents)
    desktop.click(f"form[action$='/awards/{award.pk}/contract/'] button")
    desktop.wait_for_url("**/edit/")
    desktop.click("form[action$='/finalise/'] button")
    desktop.wait_for_load_state("networkidle")
    contract = Contract.objects.get(award=award)
    assert contract.status == "finalised"
    shot(desktop, "finalised")
    # 3. the provider reads and signs on a phone
    sign_in(phone, provider.username, PASSWORD)
    phone.goto(f"{live_server.url}/contracts/{contract.pk}/sign/")
    version = contract.versions.get()
    assert version.sha256 in phone.content()
    assert_fits(phone)
    with phone.expect_download() as download:
        phone.click("a[download]")
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    phone.click("button[data-side=provider]")
    phone.wait_for_load_state("networkidle")
    shot(phone, "provider-signed")
    # 4. the bureau signs the same version
    desktop.goto(f"{live_server.url}/contracts/{contract.pk}/sign/")
    desktop.click("button[data-side=purchaser]")
    desktop.wait_for_load_state("networkidle")
    contract.refresh_from_db()
    assert contract.status == "signed"
    # 5. the provider's mid-term report form fits a phone
    report = contract.reports.get(kind="midterm")
    phone.goto(f"{live_server.url}/contracts/reports/{report.pk}/")
    assert phone.locator("textarea[name=narrative]").count() == 1
    assert_fits(phone)
    shot(phone, "report")
    # 6. the public page shows the summary, and fits a phone
    phone.goto(f"{live_server.url}/contracts/public/{contract.pk}/")
    assert contract.number in phone.content()
    assert_fits(phone)
    shot(phone, "public")
