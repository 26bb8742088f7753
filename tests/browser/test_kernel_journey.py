"""First journey: the home page in Chinese, switch to English, sign in as a resident."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import assert_fits
from tests.factories import PASSWORD, ResidentFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site_with_resident():
    call_command("seed_demo", only=["cms"], stdout=open("/dev/null", "w"))
    return ResidentFactory(full_name="王秀英")


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_home_in_chinese_switch_to_english_and_sign_in(request, device, live_server, site_with_resident, sign_in, shot):
    page = request.getfixturevalue(device)
    width = 360 if device == "phone" else 1280
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("text=新闻动态").first.is_visible()
    assert_fits(page, width)
    shot(page, "home-zh")

    page.click("a[data-lang=en]")
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a", has_text="Sign in").first.is_visible()
    assert_fits(page, width)
    shot(page, "home-en")

    page.click("a:has-text('Sign in')")
    page.wait_for_url("**/en/accounts/login/**")
    page.fill("input[name=username]", site_with_resident.phone)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/en/accounts/me/")
    assert page.locator("h1").inner_text().startswith("Hello")
    assert_fits(page, width)
    shot(page, "signed-in")


def test_wrong_password_shows_a_message(phone, live_server, site_with_resident):
    phone.goto(live_server.url + "/accounts/login/")
    phone.fill("input[name=username]", site_with_resident.phone)
    phone.fill("input[name=password]", "not-the-password")
    phone.click("form button[type=submit]")
    assert phone.locator(".errorlist, ul.errorlist").first.is_visible()
    assert "密码错误" in phone.content()
