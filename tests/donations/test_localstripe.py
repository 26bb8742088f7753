"""End to end against localstripe: the app creates PaymentIntents there, the test plays the
donor's browser (the Payment Element cannot run against localstripe, whose stripe.js mock
only knows the old card Element), and localstripe delivers signed events to the live server.

localstripe does not emit `charge.refunded`; after a refund the test sends, signed with the
webhook secret, the event Stripe would send, built from the charge as localstripe reports it.
localstripe declines 4000000000000002 only when attaching a card to a customer, which this
flow never does; its card declined at charge time is 4000000000000341, used below.
"""

import pytest
import requests
import stripe

from projects.donations import services
from projects.donations.models import Donation, DonationStatus, LedgerEntry, RefundRequestStatus, StripeEvent
from projects.donations.selectors import totals_for

from .factories import MatchingPoolFactory, ProjectFactory
from .stripe_helpers import SECRET_KEY, DeliveredEvents, event, sign

pytestmark = pytest.mark.django_db(transaction=True)

GOOD_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000341"


@pytest.fixture
def delivered(monkeypatch):
    from projects.donations import views

    events = DeliveredEvents()
    monkeypatch.setattr(views, "stripe_event_receive", events.wrap(views.stripe_event_receive))
    return events


@pytest.fixture
def hooked(stripe_local, live_server, delivered):
    stripe_local.register_webhook(f"{live_server.url}/donate/stripe/webhook/")
    return stripe_local


def _as_browser_pay(localstripe, pi_id: str, card: str):
    """What stripe.js does when the donor presses Pay: attach the card, confirm the intent."""
    stripe.api_base = localstripe.url
    method = stripe.PaymentMethod.create(
        type="card", card={"number": card, "exp_month": 12, "exp_year": 2030, "cvc": "123"}, api_key=SECRET_KEY
    )
    stripe.PaymentIntent.modify(pi_id, payment_method=method.id, api_key=SECRET_KEY)
    try:
        return stripe.PaymentIntent.confirm(pi_id, api_key=SECRET_KEY)
    except stripe.CardError:
        return None


def _give(client, project, amount="88"):
    response = client.post(
        f"/donate/projects/{project.pk}/give/",
        {"preset": "other", "custom_amount": amount, "donor_name": "王秀英", "receipt_email": "wang@example.org"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Donation.objects.get(project=project)


def _operator_client():
    """Transactional tests lose the migrations' groups, so the operator gets only the role."""
    from tests.conftest import signed_in_client
    from tests.factories import UserFactory, grant

    return signed_in_client(grant(UserFactory(), "centre_operator"))


def _status(donation):
    donation.refresh_from_db()
    return donation.status


def test_gift_succeeds_only_through_the_webhook(client, hooked, delivered, mailoutbox):
    project = ProjectFactory()
    MatchingPoolFactory(project=project, ratio="1.00", cap_fen=5_000)
    donation = _give(client, project, "88")
    assert donation.amount_fen == 8_800
    assert client.get(f"/donate/gifts/{donation.token}/pay/").status_code == 200
    # The redirect back from Stripe shows "waiting" and changes nothing by itself.
    assert "Stripe" in client.get(f"/donate/gifts/{donation.token}/thanks/").content.decode()
    assert _status(donation) == DonationStatus.PENDING
    _as_browser_pay(hooked, donation.payment_intent_id, GOOD_CARD)
    assert delivered.wait("succeeded")
    assert _status(donation) == DonationStatus.SUCCEEDED
    totals = totals_for(project=project)
    assert (totals.given_fen, totals.matched_fen, totals.donors) == (8_800, 5_000, 1)
    assert len(mailoutbox) == 1
    assert donation.charge_id.startswith("ch_")


def test_the_same_event_delivered_three_times_records_one_donation(client, hooked, delivered, live_server):
    project = ProjectFactory()
    donation = _give(client, project)
    _as_browser_pay(hooked, donation.payment_intent_id, GOOD_CARD)
    assert delivered.wait("succeeded")
    # Fetch the very event localstripe sent and deliver it twice more, signed as Stripe does.
    stripe.api_base = hooked.url
    sent = next(
        e
        for e in stripe.Event.list(type="payment_intent.succeeded", limit=100, api_key=SECRET_KEY).data
        if e["data"]["object"]["id"] == donation.payment_intent_id
    )
    payload = event("payment_intent.succeeded", sent["data"]["object"].to_dict(), event_id=sent["id"])
    for _ in range(2):
        response = requests.post(
            f"{live_server.url}/donate/stripe/webhook/",
            data=payload,
            headers={"Stripe-Signature": sign(payload), "Content-Type": "application/json"},
            timeout=10,
        )
        assert response.text == "duplicate"
    assert StripeEvent.objects.filter(event_id=sent["id"]).count() == 1
    assert LedgerEntry.objects.filter(donation=donation, kind="gift").count() == 1
    assert Donation.objects.filter(status=DonationStatus.SUCCEEDED).count() == 1


def test_bad_signature_from_a_live_post_is_400_and_nothing_stored(hooked, live_server):
    payload = event("payment_intent.succeeded", {"id": "pi_forged", "amount": 100})
    response = requests.post(
        f"{live_server.url}/donate/stripe/webhook/",
        data=payload,
        headers={"Stripe-Signature": sign(payload, secret="whsec_forger")},
        timeout=10,
    )
    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_declined_card_leaves_no_succeeded_donation(client, hooked, delivered):
    project = ProjectFactory()
    donation = _give(client, project)
    assert _as_browser_pay(hooked, donation.payment_intent_id, DECLINED_CARD) is None
    assert delivered.wait("failed")
    assert _status(donation) == DonationStatus.FAILED
    assert not Donation.objects.filter(status=DonationStatus.SUCCEEDED).exists()
    assert totals_for(project=project).given_fen == 0
    assert "declined" in donation.failure_message


def test_operator_refund_updates_totals_when_stripe_reports_it(client, hooked, delivered, live_server):
    project = ProjectFactory()
    MatchingPoolFactory(project=project, ratio="2.00", cap_fen=1_000_000)
    donation = _give(client, project, "100")
    _as_browser_pay(hooked, donation.payment_intent_id, GOOD_CARD)
    assert delivered.wait("succeeded")
    assert _status(donation) == DonationStatus.SUCCEEDED
    assert totals_for(project=project).matched_fen == 20_000

    operator = _operator_client()
    response = operator.post(f"/donate/ledger/donations/{donation.pk}/refund/", {"reason": "捐赠人申请退款"})
    assert response.status_code == 302
    refund = donation.refund_requests.get()
    assert refund.status == RefundRequestStatus.SENT and refund.stripe_refund_id.startswith("re_")
    # Nothing changes until Stripe reports the refund.
    assert _status(donation) == DonationStatus.SUCCEEDED
    assert totals_for(project=project).given_fen == 10_000

    stripe.api_base = hooked.url
    charge = stripe.Charge.retrieve(donation.charge_id, api_key=SECRET_KEY)
    assert charge["amount_refunded"] == 10_000
    payload = event("charge.refunded", {**charge.to_dict(), "payment_intent": donation.payment_intent_id})
    response = requests.post(
        f"{live_server.url}/donate/stripe/webhook/",
        data=payload,
        headers={"Stripe-Signature": sign(payload)},
        timeout=10,
    )
    assert response.text == "refunded"
    assert _status(donation) == DonationStatus.REFUNDED
    totals = totals_for(project=project)
    assert (totals.given_fen, totals.matched_fen, totals.donors) == (0, 0, 0)


def test_reconciliation_against_localstripe_balance_transactions(client, hooked, delivered):
    project = ProjectFactory()
    donation = _give(client, project, "66")
    _as_browser_pay(hooked, donation.payment_intent_id, GOOD_CARD)
    assert delivered.wait("succeeded")
    assert _status(donation) == DonationStatus.SUCCEEDED
    operator = _operator_client()
    response = operator.get("/donate/ledger/reconcile/?run=1")
    assert response.status_code == 200
    result = response.context["result"]
    line = next(line for line in result.lines if line.charge_id == donation.charge_id)
    assert line.ok and line.stripe_fen == 6_600 and line.donation == donation


def test_refund_refused_by_stripe_is_reported_not_applied(hooked):
    from tests.factories import UserFactory

    project = ProjectFactory()
    from .factories import DonationFactory

    donation = DonationFactory(project=project, status=DonationStatus.SUCCEEDED, payment_intent_id="pi_missing")
    request = services.refund_request_create(actor=UserFactory(), donation=donation, amount_fen=1_000, reason="测试")
    assert request.status == RefundRequestStatus.FAILED and request.error
    donation.refresh_from_db()
    assert donation.refunded_fen == 0
