"""The applicant's journey on a phone: dashboard, draft, budget table, save, submit; then the
public notice of a finished round, which must fit a 360 px screen."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_fits
from tests.factories import PASSWORD
from tests.rounds.factories import SHORTLISTED, close, make_application, make_round, org_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_applicant_drafts_and_submits_on_a_phone(phone, shot, sign_in, live_server, organization):
    round = make_round(title="2026 德育创投")
    user = org_member(organization)
    sign_in(phone, user.username, PASSWORD)
    phone.goto(f"{live_server.url}/rounds/mine/")
    assert_fits(phone)
    phone.click(f"a[href='/rounds/{round.pk}/apply/']")
    phone.fill("#id_project_name", "四点半课堂")
    phone.click("form button[type=submit]")
    phone.wait_for_url("**/edit/")
    phone.fill("#id_need", "双职工家庭孩子放学后无人照看")
    phone.fill("#id_target_group", "小学生")
    phone.fill("#id_beneficiaries", "120")
    phone.fill("#id_activities", "每周三次课后课堂")
    phone.fill("#id_team", "两名社工、十名志愿者")
    phone.select_option("#id_budget-0-category", "personnel")
    phone.fill("#id_budget-0-item", "社工补贴")
    phone.fill("#id_budget-0-unit_price", "8000")
    phone.fill("#id_budget-0-quantity", "1")
    phone.select_option("#id_budget-1-category", "activity")
    phone.fill("#id_budget-1-item", "课堂物料")
    phone.fill("#id_budget-1-unit_price", "200")
    phone.fill("#id_budget-1-quantity", "200")
    # the page computes each subtotal and the total as the applicant types
    assert phone.input_value("#id_budget-1-subtotal") == "40000.00"
    assert "48,000.00" in phone.text_content("#budget-total")
    phone.fill("#id_milestones-0-title", "开班")
    phone.fill("#id_milestones-0-due_on", "2026-09-01")
    phone.fill("#id_indicators-0-name", "服务人次")
    phone.fill("#id_indicators-0-target", "2000")
    phone.fill("#id_indicators-0-unit", "人次")
    shot(phone, "budget")
    phone.click("form.card button[type=submit]")
    phone.wait_for_url("**/applications/*/")
    phone.click("form[action$='/submit/'] button")
    phone.wait_for_load_state("networkidle")
    assert "已提交" in phone.content()
    assert_fits(phone)
    shot(phone, "submitted")
    application = round.applications.get()
    assert application.status == "submitted" and application.amount_fen == 48_000_00


def test_public_notice_fits_a_phone(phone, shot, live_server, organization):
    from grants.rounds.models import Award, Notice

    round = close(make_round(title="2025 德育创投"))
    application = make_application(round, organization, status=SHORTLISTED)
    Award.objects.create(application=application, amount_fen=application.amount_fen, rank=1)
    today = timezone.localdate()
    Notice.objects.create(round=round, published_on=today, ends_on=today + datetime.timedelta(days=7))
    phone.goto(f"{live_server.url}/rounds/{round.pk}/notice/")
    assert application.project_name in phone.content()
    assert_fits(phone)
    shot(phone, "notice")
