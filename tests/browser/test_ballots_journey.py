"""Phone journey: a worker opens a ballot, a resident votes and gets a receipt, the ballot
closes and passes, and the public notice PDF downloads with Chinese text."""

import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_fits
from tests.factories import (
    PASSWORD,
    BuildingFactory,
    CommunityFactory,
    HouseholdFactory,
    ResidentFactory,
    UserFactory,
    grant,
)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.django_db(transaction=True)
def test_household_ballot_journey(live_server, browser, phone, shot, sign_in, tmp_path):
    from grants.ballots.models import Ballot, Vote
    from grants.ballots.services import ballots_close_due
    from places.models import HouseholdMember

    community = CommunityFactory(name="阳光社区")
    worker = UserFactory()
    grant(worker, "community_worker", community=community)
    building = BuildingFactory(compound__community=community)
    resident = ResidentFactory(full_name="王秀英")
    for index in range(3):
        household = HouseholdFactory(building=building)
        HouseholdMember.objects.create(
            household=household, name=f"住户{index}", is_voter=True, user=resident if index == 0 else None
        )
        household.verified_by, household.verified_at = worker, timezone.now()
        household.save()

    # The worker opens a ballot from a phone.
    sign_in(phone, worker.username, PASSWORD)
    phone.goto(f"{live_server.url}/ballots/manage/new/")
    phone.fill("input[name=title]", "停车方案表决")
    phone.fill("textarea[name=question]", "是否同意：70个车位，每车每年220元？")
    phone.select_option("select[name=community]", str(community.pk))
    phone.fill("input[name=opens_at]", _local(timezone.now() - datetime.timedelta(minutes=5)))
    phone.fill("input[name=closes_at]", _local(timezone.now() + datetime.timedelta(days=7)))
    phone.fill("input[name=min_turnout_pct]", "30")  # one of three households is enough here
    assert_fits(phone)
    shot(phone, "1-new-ballot")
    phone.click("form.card button[type=submit]")
    phone.click('button:has-text("开启投票")')
    phone.wait_for_selector("text=投票已开启")
    shot(phone, "2-opened")
    ballot = Ballot.objects.get()
    assert ballot.status == "open" and ballot.electors.count() == 3

    # A resident votes for the household and keeps the receipt code.
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    page = context.new_page()
    sign_in(page, resident.username, PASSWORD)
    page.goto(f"{live_server.url}/ballots/{ballot.pk}/")
    page.click('a:has-text("为我家投票")')
    page.check("input[name=option] >> nth=0")
    page.click('button:has-text("提交我家的投票")')
    page.wait_for_selector(".receipt-code")
    receipt = page.inner_text(".receipt-code")
    assert receipt == Vote.objects.get().receipt_code
    assert_fits(page)
    shot(page, "3-receipt")

    # Voting time runs out; the periodic job closes it and the result is published.
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=8), closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert ballots_close_due() == 1
    page.goto(f"{live_server.url}/ballots/{ballot.pk}/")
    assert page.locator(".verdict").inner_text().startswith("通过")
    assert_fits(page)
    shot(page, "4-passed")
    page.goto(f"{live_server.url}/ballots/{ballot.pk}/receipts/?code={receipt}")
    assert page.locator("text=已找到").count() == 1
    shot(page, "5-receipt-found")

    pdf = page.request.get(f"{live_server.url}/ballots/{ballot.pk}/notice.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    if shutil.which("pdftotext"):
        path = tmp_path / "notice.pdf"
        path.write_bytes(pdf.body())
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "一户一票表决结果公示" in text and "停车方案表决" in text and receipt in text
    context.close()
