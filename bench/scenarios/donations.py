"""Donations benchmarks: the giving page of the most-given-to project, and webhook throughput.

The webhook scenario signs `payment_intent.succeeded` events with STRIPE_WEBHOOK_SECRET from
the runner's environment (default `whsec_bench_donations`); the server under test must be
started with the same value, or every event is refused (counted as `refused`).
"""

import json
import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench.scenarios import Custom, Page

DEFAULT_SECRET = "whsec_bench_donations"
EVENTS = 600
DUPLICATE_EVERY = 3  # one event in three is delivered a second time, as Stripe may do


def _hot_project_path(ctx) -> str:
    from django.db.models import Count

    from projects.donations.models import Donation

    top = (
        Donation.objects.filter(project__isnull=False)
        .values("project_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return f"/donate/projects/{top['project_id']}/" if top else "/donate/"


def _signed(payload: bytes, secret: str) -> str:
    import hashlib
    import hmac

    timestamp = int(time.time())
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _pending_donations(count: int) -> list[tuple[str, int]]:
    from projects.catalog.models import Project
    from projects.donations.models import Donation

    project = Project.objects.order_by("id").first()
    run = uuid.uuid4().hex[:8]
    donations = [
        Donation(
            project=project,
            amount_fen=5000,
            receipt_email=f"webhook{i}@example.org",
            payment_intent_id=f"pi_bench_wh_{run}_{i:05d}",
        )
        for i in range(count)
    ]
    Donation.objects.bulk_create(donations, batch_size=1000)
    return [(d.payment_intent_id, d.amount_fen) for d in donations]


def webhook_throughput(ctx) -> dict:
    import requests

    secret = os.environ.get("STRIPE_WEBHOOK_SECRET") or DEFAULT_SECRET
    deliveries = []
    for index, (intent, amount) in enumerate(_pending_donations(EVENTS)):
        body = json.dumps(
            {
                "id": f"evt_bench_{intent}",
                "object": "event",
                "type": "payment_intent.succeeded",
                "created": int(time.time()),
                "data": {
                    "object": {
                        "id": intent,
                        "object": "payment_intent",
                        "amount": amount,
                        "latest_charge": f"ch_{intent}",
                    }
                },
            }
        ).encode()
        deliveries.append(body)
        if index % DUPLICATE_EVERY == 0:
            deliveries.append(body)
    url = f"{ctx.base_url}/donate/stripe/webhook/"
    session = requests.Session()
    outcomes: dict[str, int] = {}

    def deliver(body: bytes) -> str:
        response = session.post(
            url,
            data=body,
            timeout=60,
            headers={"Content-Type": "application/json", "Stripe-Signature": _signed(body, secret)},
        )
        if response.status_code == 400:
            return "refused"
        return response.text if response.ok else f"http_{response.status_code}"

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(2, min(ctx.connections, 16))) as pool:
        for outcome in pool.map(deliver, deliveries):
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    elapsed = time.perf_counter() - started
    return {
        "events": len(deliveries),
        "unique_events": EVENTS,
        "duplicates": len(deliveries) - EVENTS,
        "seconds": round(elapsed, 3),
        "events_per_s": round(len(deliveries) / elapsed, 1) if elapsed else None,
        "outcomes": outcomes,
    }


SCENARIOS = [
    Page("donations_project_giving_page", _hot_project_path, scaling=True),
    Custom("donations_webhook_events_per_s", webhook_throughput),
]
