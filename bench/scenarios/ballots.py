"""The ballot-casting burst: every household of a 2,058-household compound votes at once.

Each household's voter has a session; `connections` threads post the vote form through
HTTP against the live server, and a tenth of the households press the button twice (the
second press must be refused with 409, never counted). Figures: `ballots_per_s` (accepted
casts per second of wall time), `p95_ms`, and `counted_equals_households`.
"""

import http.client
import queue
import secrets
import threading
import time
from urllib.parse import urlsplit

from . import Custom


def _sessions(users) -> dict[int, str]:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    engine = import_module(settings.SESSION_ENGINE)
    keys = {}
    for user in users:
        store = engine.SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "accounts.backends.PhoneOrEmailBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys[user.pk] = store.session_key
    return keys


def _open_bench_ballot():
    import datetime

    from accounts.models import User
    from bench.data.ballots import BENCH_COMPOUND
    from core.clock import now
    from grants.ballots import services
    from places.models import Compound

    compound = Compound.objects.select_related("community").get(name=BENCH_COMPOUND)
    actor = User.objects.filter(is_superuser=True).order_by("id").first()
    ballot = services.ballot_create(
        actor=actor,
        title=f"压测表决 {now():%H:%M:%S}",
        question="压测",
        community=compound.community,
        compound=compound,
        opens_at=now() - datetime.timedelta(minutes=1),
        closes_at=now() + datetime.timedelta(hours=2),
    )
    return services.ballot_open(actor=actor, ballot=ballot)


def run_burst(ctx) -> dict:
    from grants.ballots.models import Vote
    from places.models import HouseholdMember

    ballot = _open_bench_ballot()
    yes = ballot.options.get(meaning="yes").pk
    members = list(
        HouseholdMember.objects.filter(
            household__compound_id=ballot.compound_id, is_voter=True, user__isnull=False
        ).select_related("user")
    )
    sessions = _sessions([m.user for m in members])
    attempts = [sessions[m.user_id] for m in members]
    attempts += [sessions[m.user_id] for m in members[::10]]  # second presses
    jobs: queue.Queue = queue.Queue()
    for key in attempts:
        jobs.put(key)
    parts = urlsplit(ctx.base_url)
    path = f"/ballots/{ballot.pk}/vote/"
    body = f"option={yes}"
    csrf = secrets.token_hex(16)
    latencies, statuses, lock = [], [], threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        while True:
            try:
                key = jobs.get_nowait()
            except queue.Empty:
                break
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": csrf,
                "Cookie": f"sessionid={key}; csrftoken={csrf}",
                "Referer": ctx.base_url,
            }
            started = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (http.client.HTTPException, OSError):
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses.append(status)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(max(4, ctx.connections * 2))]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall
    accepted = statuses.count(302)
    counted = Vote.objects.filter(ballot=ballot).count()
    distinct = Vote.objects.filter(ballot=ballot).values("household_id").distinct().count()
    latencies.sort()
    return {
        "ballots_per_s": round(accepted / wall, 1),
        "attempts_per_s": round(len(statuses) / wall, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1) if latencies else None,
        "p50_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
        "households": len(members),
        "attempts": len(statuses),
        "accepted": accepted,
        "refused_409": statuses.count(409),
        "errors": len([s for s in statuses if s not in (302, 409)]),
        "counted": counted,
        "counted_equals_households": counted == distinct == len(members) == accepted,
    }


SCENARIOS = [Custom("ballot_cast_burst", run_burst)]
