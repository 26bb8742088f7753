"""Contracts: the contract PDF (median of 20 renders), a contracted project's public page, and
the bureau's payment ledger."""

import statistics
import time

from . import Custom, Page


def _bench_contract():
    from grants.contracts.models import Contract

    return (
        Contract.objects.filter(number__startswith="BENCH-GMFW-").order_by("id").first()
        or Contract.objects.filter(summary_published_on__isnull=False).order_by("id").first()
    )


def _project_path(ctx) -> str:
    return f"/contracts/public/{_bench_contract().pk}/"


def _pdf(ctx) -> dict:
    from grants.contracts.services import render_contract_pdf

    contract = _bench_contract()
    render_contract_pdf(contract, version_number=1)  # the first render loads the fonts
    timings, size = [], 0
    for _ in range(20):
        started = time.perf_counter()
        size = len(render_contract_pdf(contract, version_number=1))
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "contract_pdf_ms": round(statistics.median(timings), 1),
        "p95_ms": round(sorted(timings)[18], 1),
        "renders": len(timings),
        "bytes": size,
    }


SCENARIOS = [
    Custom("contracts_pdf", _pdf),
    Page("contracts_project_page", _project_path, scaling=True, kind="public"),
    Page(
        "contracts_payment_ledger", lambda ctx: "/contracts/ledger/", role="bureau_officer", kind="list", scaling=True
    ),
]
