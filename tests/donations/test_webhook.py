"""The webhook over HTTP with locally signed events: verification, duplicates, out-of-order events."""

import pytest

from projects.donations.models import Donation, DonationStatus, LedgerEntry, LedgerKind, Receipt, StripeEvent
from projects.donations.selectors import totals_for

from .factories import DonationFactory, MatchingPoolFactory
from .stripe_helpers import charge, event, intent, post_event, sign

pytestmark = pytest.mark.django_db


def test_bad_signature_is_refused_and_nothing_is_stored(client, stripe_keys):
    donation = DonationFactory()
    payload = event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=donation.amount_fen))
    response = post_event(client, payload, signature=sign(payload, secret="whsec_wrong"))
    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert not LedgerEntry.objects.exists()
    donation.refresh_from_db()
    assert donation.status == DonationStatus.PENDING


@pytest.mark.parametrize("signature", ["", "garbage", "t=1,v1=00"])
def test_missing_or_malformed_signature_is_400(client, stripe_keys, signature):
    payload = event("payment_intent.succeeded", intent("pi_x", amount=100))
    assert post_event(client, payload, signature=signature).status_code == 400
    assert not StripeEvent.objects.exists()


def test_without_webhook_secret_every_event_is_refused(client, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    payload = event("payment_intent.succeeded", intent("pi_x", amount=100))
    assert post_event(client, payload, signature=sign(payload, secret="")).status_code == 400
    assert not StripeEvent.objects.exists()


def test_get_is_not_allowed(client):
    assert client.get("/donate/stripe/webhook/").status_code == 405


def test_success_records_gift_match_and_receipt(client, stripe_keys, django_capture_on_commit_callbacks, mailoutbox):
    donation = DonationFactory(amount_fen=5_000)
    MatchingPoolFactory(project=donation.project, ratio="0.50", cap_fen=100_000)
    payload = event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=5_000, charge="ch_1"))
    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, payload)
    assert response.status_code == 200
    donation.refresh_from_db()
    assert donation.status == DonationStatus.SUCCEEDED
    assert donation.charge_id == "ch_1"
    totals = totals_for(project=donation.project)
    assert (totals.given_fen, totals.matched_fen, totals.donors) == (5_000, 2_500, 1)
    receipt = Receipt.objects.get(donation=donation)
    assert receipt.sent_at is not None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [donation.receipt_email]
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert receipt.number in name


def test_same_event_three_times_records_one_gift(client, stripe_keys):
    donation = DonationFactory()
    payload = event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=donation.amount_fen))
    outcomes = [post_event(client, payload).content.decode() for _ in range(3)]
    assert outcomes == ["succeeded", "duplicate", "duplicate"]
    assert StripeEvent.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=LedgerKind.GIFT).count() == 1


def test_two_different_success_events_for_one_intent_record_one_gift(client, stripe_keys):
    donation = DonationFactory()
    for _ in range(2):
        post_event(
            client, event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=donation.amount_fen))
        )
    assert StripeEvent.objects.count() == 2
    assert LedgerEntry.objects.filter(kind=LedgerKind.GIFT).count() == 1


def test_failure_then_success_after_retry(client, stripe_keys):
    donation = DonationFactory()
    post_event(
        client,
        event(
            "payment_intent.payment_failed",
            intent(donation.payment_intent_id, amount=1, error="Your card was declined."),
        ),
    )
    donation.refresh_from_db()
    assert donation.status == DonationStatus.FAILED
    assert "declined" in donation.failure_message
    post_event(
        client, event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=donation.amount_fen))
    )
    donation.refresh_from_db()
    assert donation.status == DonationStatus.SUCCEEDED


def test_late_failure_after_success_changes_nothing(client, stripe_keys):
    donation = DonationFactory()
    post_event(
        client, event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=donation.amount_fen))
    )
    response = post_event(
        client, event("payment_intent.payment_failed", intent(donation.payment_intent_id, amount=1, error="x"))
    )
    assert response.content == b"ignored_stale_failure"
    donation.refresh_from_db()
    assert donation.status == DonationStatus.SUCCEEDED


def test_refund_before_success_is_tolerated(client, stripe_keys):
    donation = DonationFactory(amount_fen=8_000)
    MatchingPoolFactory(ratio="1.00", cap_fen=100_000)
    pi = donation.payment_intent_id
    post_event(client, event("charge.refunded", charge("ch_9", pi_id=pi, amount=8_000, refunded=8_000)))
    post_event(client, event("payment_intent.succeeded", intent(pi, amount=8_000, charge="ch_9")))
    donation.refresh_from_db()
    assert donation.status == DonationStatus.REFUNDED
    assert donation.refunded_fen == 8_000
    totals = totals_for(project=donation.project)
    assert (totals.given_fen, totals.matched_fen, totals.donors) == (0, 0, 0)
    kinds = sorted(LedgerEntry.objects.values_list("kind", flat=True))
    assert kinds == ["gift", "match", "match_reversal", "refund"]


def test_partial_refunds_are_cumulative_and_reverse_the_match_in_proportion(client, stripe_keys):
    donation = DonationFactory(amount_fen=10_000)
    MatchingPoolFactory(project=donation.project, ratio="1.00", cap_fen=100_000)
    pi = donation.payment_intent_id
    post_event(client, event("payment_intent.succeeded", intent(pi, amount=10_000, charge="ch_2")))
    post_event(client, event("charge.refunded", charge("ch_2", pi_id=pi, amount=10_000, refunded=3_000)))
    # Stripe's later event for the same refund (or a redelivery under a new id) adds nothing.
    post_event(client, event("charge.refunded", charge("ch_2", pi_id=pi, amount=10_000, refunded=3_000)))
    totals = totals_for(project=donation.project)
    assert (totals.given_fen, totals.matched_fen) == (7_000, 7_000)
    donation.refresh_from_db()
    assert donation.status == DonationStatus.SUCCEEDED
    post_event(client, event("charge.refunded", charge("ch_2", pi_id=pi, amount=10_000, refunded=10_000)))
    donation.refresh_from_db()
    assert donation.status == DonationStatus.REFUNDED
    totals = totals_for(project=donation.project)
    assert (totals.given_fen, totals.matched_fen, totals.donors) == (0, 0, 0)


def test_events_for_unknown_intents_and_other_types_are_acknowledged(client, stripe_keys):
    assert (
        post_event(client, event("payment_intent.succeeded", intent("pi_not_ours", amount=5))).content
        == b"unknown_intent"
    )
    assert post_event(client, event("customer.created", {"id": "cus_1"})).content == b"ignored_type"
    assert StripeEvent.objects.count() == 2
    assert not Donation.objects.filter(status=DonationStatus.SUCCEEDED).exists()


def test_success_for_a_different_amount_is_not_recorded(client, stripe_keys):
    donation = DonationFactory(amount_fen=5_000)
    response = post_event(client, event("payment_intent.succeeded", intent(donation.payment_intent_id, amount=50)))
    assert response.content == b"amount_mismatch"
    donation.refresh_from_db()
    assert donation.status == DonationStatus.PENDING
    assert not LedgerEntry.objects.exists()
