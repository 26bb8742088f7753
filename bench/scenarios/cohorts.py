"""Training benchmarks: the cohort page, a QR check-in burst, and the certificate PDF."""

import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from bench.data.cohorts import BURST_SESSION, BURST_TITLE
from bench.scenarios import Custom, Page

PDF_RUNS = 30
BURST_WORKERS = 8


def _cohort_path(ctx) -> str:
    from training.cohorts.models import Cohort

    cohort = Cohort.objects.filter(status="running").exclude(title=BURST_TITLE).order_by("id").first()
    return f"/training/c/{cohort.pk}/"


def _session_key(user) -> str:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "accounts.backends.PhoneOrEmailBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def qr_checkin_burst(ctx) -> dict:
    """Every trainee of a 200-person cohort scans the code at once: one POST each, 8 at a time."""
    import requests
    from django.conf import settings

    from training.cohorts.models import ApplicationStatus, Attendance, TrainingSession

    session = TrainingSession.objects.select_related("cohort").get(title=BURST_SESSION)
    Attendance.objects.filter(session=session).delete()
    trainees = [
        a.applicant
        for a in session.cohort.applications.filter(status=ApplicationStatus.ENROLLED).select_related("applicant")
    ]
    cookies = [_session_key(user) for user in trainees]
    page = ctx.client("centre_operator").get(f"/training/s/{session.pk}/qr/")
    checkin_url = re.search(r'data-checkin-url="([^"]+)"', page.text).group(1)
    path = "/" + checkin_url.split("/", 3)[3]
    base = ctx.base_url.rstrip("/")
    csrf = "b" * 32

    def check_in(session_key: str):
        started = time.perf_counter()
        response = requests.post(
            base + path,
            allow_redirects=False,
            timeout=60,
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}; {settings.CSRF_COOKIE_NAME}={csrf}",
                "X-CSRFToken": csrf,
                "Referer": base + "/",
            },
        )
        return (time.perf_counter() - started) * 1000, response.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=BURST_WORKERS) as pool:
        results = list(pool.map(check_in, cookies))
    elapsed = time.perf_counter() - started
    latencies = [ms for ms, _ in results]
    accepted = sum(1 for _, status in results if status == 302)
    return {
        "checkins": len(results),
        "accepted": accepted,
        "recorded": Attendance.objects.filter(session=session).count(),
        "checkins_per_s": round(len(results) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(_percentile(latencies, 0.95), 1),
    }


def certificate_pdf(ctx) -> dict:
    """Median time to render one certificate PDF in-process (warm: fonts and templates loaded)."""
    from training.cohorts.models import Certificate
    from training.cohorts.services import certificate_pdf as render

    certificate = Certificate.objects.select_related("cohort").order_by("id").first()
    for _ in range(3):
        render(certificate)
    timings = []
    size = 0
    for _ in range(PDF_RUNS):
        started = time.perf_counter()
        size = len(render(certificate))
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "certificate_pdf_ms": round(statistics.median(timings), 1),
        "p95_ms": round(_percentile(timings, 0.95), 1),
        "runs": PDF_RUNS,
        "bytes": size,
    }


SCENARIOS = [
    Page("cohorts_cohort_page", _cohort_path),
    Page("cohorts_cohort_page_trainee", _cohort_path, role="trainee"),
    Custom("cohorts_qr_checkin_burst", qr_checkin_burst),
    Custom("cohorts_certificate_pdf", certificate_pdf),
]
