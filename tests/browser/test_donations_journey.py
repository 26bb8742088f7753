"""The giving journey on a phone: unavailable without keys; with localstripe keys the form,
the payment page and the webhook-confirmed thanks page.

The Stripe Payment Element cannot load offline (js.stripe.com is blocked here, and
localstripe's stripe.js mock has no Payment Element), so the test checks that the page says
so, then does the browser's part of the payment through the API and lets localstripe
deliver the signed webhook to the live server, as in tests/donations/test_localstripe.py.
"""

import pytest

from tests.browser.conftest import assert_fits
from tests.donations.factories import CommunityFundFactory, MatchingPoolFactory, ProjectFactory
from tests.donations.stripe_helpers import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET, DeliveredEvents, LocalStripe


@pytest.fixture(scope="module")
def localstripe():
    return LocalStripe.shared()


@pytest.mark.django_db(transaction=True)
def test_donate_page_on_a_phone_without_keys_explains_it_is_unavailable(phone, live_server, shot, settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = ""
    project = ProjectFactory()
    stripe_requests = []
    phone.on("request", lambda request: stripe_requests.append(request.url) if "stripe" in request.url else None)
    phone.goto(f"{live_server.url}/donate/projects/{project.pk}/")
    assert phone.locator(".donate-unavailable").is_visible()
    assert "暂不能在线捐赠" in phone.inner_text(".donate-unavailable")
    assert phone.locator("form.donate-form").count() == 0
    assert not stripe_requests
    assert_fits(phone)
    shot(phone, "unavailable")


@pytest.mark.django_db(transaction=True)
def test_phone_donor_gives_to_a_fund_and_sees_the_confirmed_gift(
    phone, live_server, shot, settings, localstripe, monkeypatch
):
    import stripe

    from projects.donations import views
    from projects.donations.models import Donation

    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe.url
    settings.PAGE_CACHE_ENABLED = False
    delivered = DeliveredEvents()
    monkeypatch.setattr(views, "stripe_event_receive", delivered.wrap(views.stripe_event_receive))
    localstripe.register_webhook(f"{live_server.url}/donate/stripe/webhook/")
    fund = CommunityFundFactory()
    MatchingPoolFactory(fund=fund, ratio="1.00", cap_fen=100_000)
    # Offline: js.stripe.com cannot be reached; fail fast instead of waiting for a timeout.
    phone.route("https://js.stripe.com/**", lambda route: route.abort())

    phone.goto(f"{live_server.url}/donate/funds/{fund.pk}/")
    assert_fits(phone)
    phone.check("input[name=preset][value='50']")
    phone.fill("input[name=donor_name]", "王秀英")
    phone.fill("textarea[name=message]", "邻里互助")
    phone.fill("input[name=receipt_email]", "wang@example.org")
    shot(phone, "form")
    phone.click("form.donate-form button[type=submit]")
    phone.wait_for_url("**/pay/")
    assert "¥50.00" in phone.inner_text("main")
    phone.wait_for_function("document.getElementById('payment-loading').textContent.includes('无法从 Stripe 加载')")
    assert not phone.locator("#payment-submit").is_visible()
    assert_fits(phone)
    shot(phone, "pay-offline")

    donation = Donation.objects.get(fund=fund)
    stripe.api_base = localstripe.url
    method = stripe.PaymentMethod.create(
        type="card",
        card={"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        api_key=SECRET_KEY,
    )
    stripe.PaymentIntent.modify(donation.payment_intent_id, payment_method=method.id, api_key=SECRET_KEY)
    stripe.PaymentIntent.confirm(donation.payment_intent_id, api_key=SECRET_KEY)
    assert delivered.wait("succeeded")

    phone.goto(f"{live_server.url}/donate/gifts/{donation.token}/thanks/")
    assert "Stripe 已确认您的捐赠" in phone.inner_text("main")
    phone.goto(f"{live_server.url}/donate/funds/{fund.pk}/")
    wall = phone.inner_text(".donor-wall")
    assert "王*英" in wall and "邻里互助" in wall
    assert "¥50.00" in phone.inner_text(".donation-totals")
    assert_fits(phone)
    shot(phone, "after")
