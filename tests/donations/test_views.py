"""Public giving pages, the donate action and the operator's ledger over HTTP."""

import csv
import io
from unittest import mock

import pytest

from projects.donations import gateway, services
from projects.donations.models import Donation, DonationStatus, LedgerEntry
from projects.donations.panels import project_panel

from .factories import CommunityFundFactory, DonationFactory, MatchingPoolFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _received(donation, charge="ch_v"):
    services.donation_mark_succeeded(payment_intent_id=donation.payment_intent_id, charge_id=charge)
    donation.refresh_from_db()
    return donation


def test_without_keys_the_donate_action_is_unavailable_and_explains(client, settings):
    settings.STRIPE_SECRET_KEY = ""
    project = ProjectFactory()
    response = client.get(f"/donate/projects/{project.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "donate-unavailable" in body and "js.stripe.com" not in body
    assert 'name="receipt_email"' not in body
    response = client.post(f"/donate/projects/{project.pk}/give/", {"preset": "50", "receipt_email": "a@example.org"})
    assert response.status_code == 409
    assert not Donation.objects.exists()


def test_with_keys_the_form_is_shown_without_loading_stripe_js(client, stripe_keys):
    fund = CommunityFundFactory()
    body = client.get(f"/donate/funds/{fund.pk}/").content.decode()
    assert 'name="receipt_email"' in body and "¥50.00" in body
    assert "js.stripe.com/v3" not in body


@pytest.mark.parametrize(
    "data, message",
    [
        ({"receipt_email": "a@example.org"}, "Choose an amount"),
        ({"preset": "other", "custom_amount": "1", "receipt_email": "a@example.org"}, "Give between"),
        ({"preset": "other", "custom_amount": "abc", "receipt_email": "a@example.org"}, "number"),
        ({"preset": "50", "receipt_email": "not-an-email"}, "email"),
        ({"preset": "13", "receipt_email": "a@example.org"}, "valid choice"),
    ],
)
def test_bad_input_gets_a_form_error_and_nothing_is_created(client, stripe_keys, data, message):
    project = ProjectFactory()
    with mock.patch.object(gateway, "payment_intent_create") as create:
        response = client.post(f"/en/donate/projects/{project.pk}/give/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    create.assert_not_called()
    assert not Donation.objects.exists()


def test_give_creates_a_pending_donation_with_an_idempotent_intent(client, stripe_keys):
    project = ProjectFactory()
    with mock.patch("stripe.PaymentIntent.create", return_value={"id": "pi_123", "client_secret": "s"}) as create:
        response = client.post(
            f"/donate/projects/{project.pk}/give/",
            {
                "preset": "other",
                "custom_amount": "12.34",
                "donor_name": "",
                "message": "加油",
                "receipt_email": "a@example.org",
            },
        )
    donation = Donation.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/gifts/{donation.token}/pay/")
    assert (donation.amount_fen, donation.status, donation.is_anonymous) == (1234, DonationStatus.PENDING, True)
    kwargs = create.call_args.kwargs
    assert kwargs["idempotency_key"] == f"donation-{donation.token}-intent"
    assert kwargs["amount"] == 1234 and kwargs["currency"] == "cny" and kwargs["payment_method_types"] == ["card"]


def test_payment_method_types_are_configurable(stripe_keys, settings):
    settings.DONATIONS_PAYMENT_METHOD_TYPES = ["card", "wechat_pay", "alipay", "bogus"]
    with mock.patch("stripe.PaymentIntent.create", return_value={"id": "pi_1", "client_secret": "s"}) as create:
        gateway.payment_intent_create(amount_fen=100, currency="cny", token="t", description="x")
    kwargs = create.call_args.kwargs
    assert kwargs["payment_method_types"] == ["card", "wechat_pay", "alipay"]
    assert kwargs["payment_method_options"] == {"wechat_pay": {"client": "web"}}


def test_stripe_down_shows_a_clear_message_and_saves_nothing(client, stripe_keys):
    project = ProjectFactory()
    with mock.patch.object(gateway, "payment_intent_create", side_effect=gateway.GatewayError("down")):
        response = client.post(
            f"/en/donate/projects/{project.pk}/give/", {"preset": "50", "receipt_email": "a@example.org"}
        )
    assert response.status_code == 400
    assert "did not answer" in response.content.decode()
    assert not Donation.objects.exists()


def test_pay_page_loads_stripe_js_only_with_keys(client, stripe_keys, settings):
    donation = DonationFactory()
    with mock.patch.object(gateway, "payment_intent_client_secret", return_value="pi_secret_abc"):
        body = client.get(f"/donate/gifts/{donation.token}/pay/").content.decode()
    assert '<script src="https://js.stripe.com/v3/">' in body and "pi_secret_abc" in body
    settings.STRIPE_PUBLISHABLE_KEY = ""
    body = client.get(f"/donate/gifts/{donation.token}/pay/").content.decode()
    assert "js.stripe.com/v3" not in body and "donate-unavailable" in body


def test_thanks_page_never_changes_the_status(client):
    donation = DonationFactory()
    response = client.get(
        f"/en/donate/gifts/{donation.token}/thanks/?payment_intent={donation.payment_intent_id}&redirect_status=succeeded"
    )
    assert "waiting for Stripe" in response.content.decode()
    donation.refresh_from_db()
    assert donation.status == DonationStatus.PENDING


def test_unknown_targets_and_tokens_are_404(client):
    assert client.get("/donate/projects/999999/").status_code == 404
    assert client.get("/donate/funds/999999/").status_code == 404
    assert client.get("/donate/gifts/00000000-0000-0000-0000-000000000000/thanks/").status_code == 404


def test_donor_wall_masks_names_and_respects_anonymity(client, stripe_keys):
    project = ProjectFactory()
    _received(DonationFactory(project=project, donor_name="王秀英", message="一点心意"))
    _received(DonationFactory(project=project, donor_name="李建国", is_anonymous=True))
    body = client.get(f"/donate/projects/{project.pk}/").content.decode()
    assert "王*英" in body and "王秀英" not in body
    assert "李建国" not in body and "李*国" not in body
    assert "匿名" in body and "一点心意" in body


def test_giving_page_queries_do_not_grow(client, stripe_keys, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    project = ProjectFactory()
    MatchingPoolFactory(project=project)
    client.get(f"/donate/projects/{project.pk}/")  # warm the site-wide caches (Wagtail site, settings)
    counts = []
    for batch in (3, 40):
        for _ in range(batch):
            _received(DonationFactory(project=project))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/donate/projects/{project.pk}/")
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10
    assert response.context["totals"].given_fen == 430_000
    assert response.context["totals"].matched_fen == 100_000


def test_project_panel_has_a_fixed_query_count(django_assert_num_queries):
    project = ProjectFactory()
    for _ in range(5):
        _received(DonationFactory(project=project))
    with django_assert_num_queries(3):
        context = project_panel(project)
    assert context["totals"].donors == 5 and len(context["wall"]) == 5


def test_index_lists_funds_and_projects(client):
    fund, project = CommunityFundFactory(), ProjectFactory()
    body = client.get("/donate/").content.decode()
    assert fund.name in body and project.name in body


def test_operator_ledger_filters_paginates_and_stays_within_15_queries(client_for, django_assert_max_num_queries):
    client, _user = client_for("centre_operator")
    project = ProjectFactory()
    MatchingPoolFactory(project=project, cap_fen=10**9)
    for _ in range(40):
        _received(DonationFactory(project=project))
    with django_assert_max_num_queries(15):
        response = client.get("/donate/ledger/")
    assert response.status_code == 200 and len(response.context["page_obj"]) == 60
    response = client.get("/donate/ledger/?kind=match")
    assert all(entry.kind == "match" for entry in response.context["page_obj"])


def test_ledger_csv_export(client_for):
    client, _user = client_for("centre_operator")
    _received(DonationFactory(amount_fen=1_234))
    response = client.get("/en/donate/ledger.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Time" and rows[1][1] == "Gift" and rows[1][2] == "12.34"


def test_refund_needs_a_reason_and_a_received_gift(client_for, stripe_keys):
    client, _user = client_for("centre_operator")
    donation = _received(DonationFactory())
    with mock.patch.object(gateway, "refund_create") as refund:
        response = client.post(f"/en/donate/ledger/donations/{donation.pk}/refund/", {"reason": ""})
        assert response.status_code == 400
        response = client.post(f"/en/donate/ledger/donations/{donation.pk}/refund/", {"reason": "x", "amount": "500"})
        assert response.status_code == 400 and "Refund between" in response.content.decode()
        pending = DonationFactory()
        response = client.post(f"/en/donate/ledger/donations/{pending.pk}/refund/", {"reason": "x"})
        assert response.status_code == 400 and "Only a received gift" in response.content.decode()
    refund.assert_not_called()


def test_refund_request_sends_an_idempotent_refund_and_changes_nothing_yet(client_for, stripe_keys):
    client, _user = client_for("centre_operator")
    donation = _received(DonationFactory(amount_fen=5_000))
    with mock.patch("stripe.Refund.create", return_value={"id": "re_1"}) as create:
        response = client.post(
            f"/donate/ledger/donations/{donation.pk}/refund/", {"reason": "重复捐赠", "amount": "20"}
        )
    assert response.status_code == 302
    request = donation.refund_requests.get()
    assert create.call_args.kwargs["idempotency_key"] == f"donation-refund-{request.pk}"
    assert create.call_args.kwargs["amount"] == 2_000
    donation.refresh_from_db()
    assert donation.status == DonationStatus.SUCCEEDED and donation.refunded_fen == 0
    assert not LedgerEntry.objects.filter(kind="refund").exists()


def test_reconcile_page_without_keys_explains(client_for, settings):
    settings.STRIPE_SECRET_KEY = ""
    client, _user = client_for("centre_operator")
    response = client.get("/donate/ledger/reconcile/?run=1")
    assert response.status_code == 200 and "donate-unavailable" in response.content.decode()


def test_dashboard_figures_by_community_and_year():
    from projects.dashboard.registry import DashboardFilters, figures

    project = ProjectFactory()
    _received(DonationFactory(project=project, amount_fen=7_000))
    by_key = {figure.key: figure for figure in figures()}
    value = by_key["donations_by_community"].compute(DashboardFilters(community_id=project.community_id))
    assert value.value == "¥70.00" and value.breakdown[0][0] == project.community.name
    value = by_key["donations_by_year"].compute(DashboardFilters())
    assert value.value == "¥70.00"
