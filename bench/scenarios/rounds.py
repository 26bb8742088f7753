"""Rounds: the public round page, the applicant dashboard, the reviewer's queue, and a burst
of roadshow score submissions from 150 phones at once (each sheet once; repeats refused)."""

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from . import Custom, Page


def _round_path(ctx) -> str:
    from grants.rounds.models import RoundPage

    page = RoundPage.objects.live().order_by("id").first()
    if page is not None:
        return page.url
    from grants.rounds.models import Round

    return f"/rounds/{Round.objects.exclude(status='draft').order_by('id').first().pk}/"


def _burst(ctx) -> dict:
    from bench.context import BenchClient, create_session
    from grants.rounds.models import Application, Roadshow, RoadshowScore

    roadshow = Roadshow.objects.select_related("round").get(round__title="基准测试·路演")
    teams = list(Application.objects.filter(round=roadshow.round, status="shortlisted").order_by("id"))
    scorers = list(roadshow.scorers.select_related("user").order_by("id"))
    RoadshowScore.objects.filter(scorer__roadshow=roadshow).delete()
    team = teams[0]
    url = f"/rounds/{roadshow.round_id}/roadshow/{team.pk}/score/"
    clients = [BenchClient(ctx.base_url, session_key=create_session(s.user)) for s in scorers]

    def post(client):
        started = time.perf_counter()
        response = client.post(url, data={"score": 80}, allow_redirects=False)
        return response.status_code, (time.perf_counter() - started) * 1000

    with ThreadPoolExecutor(max_workers=ctx.connections) as pool:
        first = list(pool.map(post, clients))
        repeat = list(pool.map(post, clients))
    latencies = sorted(ms for _, ms in first)
    return {
        "submissions": len(first),
        "accepted": sum(1 for code, _ in first if code == 302),
        "repeats_refused": sum(1 for code, _ in repeat if code == 409),
        "stored": RoadshowScore.objects.filter(application=team).count(),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
    }


SCENARIOS = [
    Page("rounds_round_page", _round_path, scaling=True),
    Page("rounds_applicant_dashboard", lambda ctx: "/rounds/mine/", role="org_owner"),
    Page("rounds_reviewer_queue", lambda ctx: "/rounds/reviews/", role="reviewer", scaling=True),
    Custom("rounds_roadshow_burst", _burst),
]
