"""Targets from the product brief, the pass/fail verdicts, and the printed table."""

import json
import re
from pathlib import Path

# Page targets, as a share of the bare baseline view's requests per second in the same run.
PUBLIC_MIN_RATIO = 0.5  # anonymous public pages (served by the page cache)
LIST_MIN_RATIO = 0.1  # signed-in list pages of 60 rows ...
LIST_MAX_QUERIES = 15  # ... with at most 15 queries
DETAIL_MIN_RATIO = 0.2  # signed-in detail pages
SCALING_MAX_COST_RATIO = 1.3  # rps at the small size / rps at the large size
WORKER_MAX_RSS_MB = 300
# Figures a Custom scenario reports under these names: (comparison, limit).
CUSTOM_TARGETS = {
    "ballots_per_s": (">=", 300),
    "contract_pdf_ms": ("<=", 200),
    "certificate_pdf_ms": ("<=", 150),
}
KINDS = ("public", "list", "detail", "other")
LIST_HINTS = re.compile(
    r"list|roll|queue|ledger|index|board|dashboard|directory|search|households|applications|results"
)


def page_kind(name: str, path: str, role: str | None, declared: str | None = None) -> str:
    """public for anonymous pages; list or detail for signed-in ones (declared, else guessed)."""
    if declared:
        if declared not in KINDS:
            raise ValueError(f"unknown page kind {declared!r}; use one of {KINDS}")
        return declared
    if not role:
        return "public"
    return "list" if LIST_HINTS.search(f"{name} {path}".lower()) else "detail"


def ratio(rps: float | None, baseline_rps: float | None) -> float | None:
    if not rps or not baseline_rps:
        return None
    return round(rps / baseline_rps, 3)


def merge_runs(runs: list[dict]) -> dict:
    """Several runs of the same page (the baseline before and after the pages) as one entry:
    the mean of each figure, the individual runs kept under `runs`."""
    merged = dict(runs[0])
    for key in ("rps", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "mean_ms", "cpu_ms_per_request"):
        values = [run[key] for run in runs if isinstance(run.get(key), int | float)]
        if values:
            merged[key] = round(sum(values) / len(values), 2)
    merged["max_ms"] = max(run.get("max_ms") or 0 for run in runs)
    merged["requests"] = sum(run.get("requests") or 0 for run in runs)
    merged["errors"] = sum(run.get("errors") or 0 for run in runs)
    merged["runs"] = [
        {k: run.get(k) for k in ("rps", "p50_ms", "p95_ms", "cpu_ms_per_request", "loadavg_1m")} for run in runs
    ]
    return merged


def apply_baseline(entry: dict, baseline: dict) -> None:
    """Ratios of a page entry to the baseline, then its verdict."""
    entry["ratio_to_baseline"] = ratio(entry.get("rps"), baseline.get("rps"))
    if "rps_uncached" in entry:
        entry["ratio_uncached"] = ratio(entry["rps_uncached"], baseline.get("rps"))
    # The same comparison in worker CPU per request (baseline cpu / page cpu): what the
    # ratio would be if the server had the machine to itself and the database cost nothing.
    page_cpu, base_cpu = entry.get("cpu_ms_per_request"), baseline.get("cpu_ms_per_request")
    entry["cpu_ratio_to_baseline"] = round(base_cpu / page_cpu, 3) if page_cpu and base_cpu else None
    entry["target"], entry["verdict"] = page_verdict(entry)


def page_verdict(entry: dict) -> tuple[str, str]:
    """(target text, "pass"/"fail"/"n/a") for one page entry."""
    if entry.get("error"):
        return "runs without error", "fail"
    kind = entry.get("kind")
    measured = entry.get("ratio_to_baseline")
    if entry.get("errors"):
        return "no failed requests", "fail"
    if kind == "public":
        target, ok = f">={PUBLIC_MIN_RATIO}x", measured is not None and measured >= PUBLIC_MIN_RATIO
    elif kind == "list":
        queries = entry.get("queries")
        target = f">={LIST_MIN_RATIO}x, <={LIST_MAX_QUERIES}q"
        ok = measured is not None and measured >= LIST_MIN_RATIO and queries is not None and queries <= LIST_MAX_QUERIES
    elif kind == "detail":
        target, ok = f">={DETAIL_MIN_RATIO}x", measured is not None and measured >= DETAIL_MIN_RATIO
    else:
        return "-", "n/a"
    return target, "pass" if ok else "fail"


def scaling_entry(name: str, small: dict, large: dict, *, size_small: int, size_large: int) -> dict:
    rps_small, rps_large = small.get("rps"), large.get("rps")
    cost = round(rps_small / rps_large, 3) if rps_small and rps_large else None
    q_small, q_large = small.get("queries"), large.get("queries")
    ok = (
        cost is not None
        and cost <= SCALING_MAX_COST_RATIO
        and q_small is not None
        and q_large is not None
        and q_large <= q_small
        and not small.get("error")
        and not large.get("error")
    )
    return {
        "sizes": [size_small, size_large],
        "measured": small.get("measured", "as served"),
        "rps_small": rps_small,
        "rps_large": rps_large,
        "p50_ms_small": small.get("p50_ms"),
        "p50_ms_large": large.get("p50_ms"),
        "p95_ms_small": small.get("p95_ms"),
        "p95_ms_large": large.get("p95_ms"),
        "cost_ratio": cost,
        "queries_small": q_small,
        "queries_large": q_large,
        "path_small": small.get("path"),
        "path_large": large.get("path"),
        "target": f"cost<={SCALING_MAX_COST_RATIO}, queries constant",
        "verdict": "pass" if ok else "fail",
        **({"error": large.get("error") or small.get("error")} if large.get("error") or small.get("error") else {}),
    }


def custom_figures(custom: dict) -> dict:
    """Find each known custom figure in the custom entries: a key of that name in any entry,
    or an entry of that name holding `value` / `median_ms` / `per_s`."""
    found = {}
    for figure in CUSTOM_TARGETS:
        for name, entry in custom.items():
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get(figure), int | float):
                found[figure] = (name, entry[figure])
                break
            if name == figure:
                for key in ("value", "median_ms", "per_s"):
                    if isinstance(entry.get(key), int | float):
                        found[figure] = (name, entry[key])
                        break
                if figure in found:
                    break
    return found


def compare(value: float, op: str, limit: float) -> bool:
    return value >= limit if op == ">=" else value <= limit


def targets(result: dict) -> dict:
    """name -> "pass"/"fail" for everything that has a target and was measured."""
    out = {}
    for name, entry in result.get("pages", {}).items():
        verdict = entry.get("verdict")
        if verdict in ("pass", "fail"):
            out[f"page:{name}"] = verdict
    for name, entry in result.get("scaling", {}).items():
        out[f"scaling:{name}"] = entry["verdict"]
    for figure, (_entry, value) in custom_figures(result.get("custom", {})).items():
        op, limit = CUSTOM_TARGETS[figure]
        out[f"custom:{figure}"] = "pass" if compare(value, op, limit) else "fail"
    for name, entry in result.get("custom", {}).items():
        if isinstance(entry, dict) and entry.get("error"):
            out[f"custom:{name}"] = "fail"
    rss = result.get("memory", {}).get("worker_rss_mb") or []
    if rss:
        out["memory:worker_rss_mb"] = "pass" if max(rss) < WORKER_MAX_RSS_MB else "fail"
    return out


# ---- printing ------------------------------------------------------------------------


def _fmt(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(headers: list[str], rows: list[list]) -> str:
    cells = [[str(h) for h in headers]] + [[_fmt(c) if not isinstance(c, str) else c for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for index, row in enumerate(cells):
        lines.append(
            "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
        )
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def short_cache(value: str | None) -> str:
    if not value:
        return "-"
    if value.startswith("not stored: sets cookie"):
        return "no: sets " + value.rsplit(" ", 1)[-1]
    if value.startswith("not stored: Cache-Control"):
        return "no: Cache-Control"
    return value if len(value) <= 20 else "no"


def render(result: dict) -> str:
    out = []
    meta = result.get("meta", {})
    out.append(
        f"Benchmark {meta.get('date', '')}  commit {meta.get('git_commit', '?')[:10]}  sizes {meta.get('sizes')}  "
        f"{meta.get('server', {}).get('description', '')}  wrk {meta.get('duration_s')}s x {meta.get('connections')} conn"
    )
    base = result.get("baseline", {})
    rows = [
        [
            "baseline (bare view)",
            "-",
            base.get("rps"),
            base.get("p50_ms"),
            base.get("p95_ms"),
            base.get("queries"),
            1.0 if base.get("rps") else None,
            base.get("cpu_ms_per_request"),
            None,
            "-",
            "-",
            "",
        ]
    ]
    for name, entry in result.get("pages", {}).items():
        rows.append(
            [
                name,
                entry.get("role") or "anon",
                entry.get("rps"),
                entry.get("p50_ms"),
                entry.get("p95_ms"),
                entry.get("queries"),
                entry.get("ratio_to_baseline"),
                entry.get("cpu_ms_per_request"),
                entry.get("rps_uncached"),
                short_cache(entry.get("page_cache")),
                entry.get("target", "-"),
                (entry.get("verdict") or "n/a").upper() + (f"  {entry['error'][:70]}" if entry.get("error") else ""),
            ]
        )
    out.append("")
    out.append(
        table(
            [
                "page",
                "role",
                "rps",
                "p50 ms",
                "p95 ms",
                "queries",
                "x base",
                "cpu ms/req",
                "rps no-cache",
                "page cache",
                "target",
                "result",
            ],
            rows,
        )
    )
    if result.get("scaling"):
        rows = []
        for name, entry in result["scaling"].items():
            rows.append(
                [
                    name,
                    entry.get("measured"),
                    entry.get("rps_small"),
                    entry.get("rps_large"),
                    entry.get("cost_ratio"),
                    f"{_fmt(entry.get('queries_small'))} -> {_fmt(entry.get('queries_large'))}",
                    entry.get("target"),
                    entry["verdict"].upper(),
                ]
            )
        sizes = meta.get("sizes") or ["small", "large"]
        out.append("")
        out.append(
            table(
                [
                    f"scaling {sizes[0]} -> {sizes[-1]}",
                    "measured",
                    "rps small",
                    "rps large",
                    "cost ratio",
                    "queries",
                    "target",
                    "result",
                ],
                rows,
            )
        )
    custom = result.get("custom", {})
    if custom:
        out.append("")
        found = custom_figures(custom)
        rows = []
        for name, entry in custom.items():
            figures = ", ".join(
                f"{k}={_fmt(v, 2)}" for k, v in entry.items() if isinstance(v, int | float | str) and k != "error"
            )
            verdict = ""
            for figure, (owner, value) in found.items():
                if owner == name:
                    op, limit = CUSTOM_TARGETS[figure]
                    verdict += f"{figure} {op}{limit}: {'PASS' if compare(value, op, limit) else 'FAIL'}  "
            if entry.get("error"):
                verdict = "FAIL  " + str(entry["error"])[:80]
            rows.append([name, figures[:110], verdict.strip() or "n/a"])
        out.append(table(["custom", "figures", "result"], rows))
    memory = result.get("memory", {})
    if memory.get("worker_rss_mb"):
        rss = memory["worker_rss_mb"]
        verdict = "PASS" if max(rss) < WORKER_MAX_RSS_MB else "FAIL"
        out.append("")
        out.append(f"memory: worker RSS after the run {rss} MB (target < {WORKER_MAX_RSS_MB}): {verdict}")
    verdicts = result.get("targets", {})
    failed = sorted(name for name, verdict in verdicts.items() if verdict == "fail")
    out.append("")
    out.append(
        f"targets: {sum(v == 'pass' for v in verdicts.values())} pass, {len(failed)} fail"
        + (f"  ({', '.join(failed)})" if failed else "")
    )
    if result.get("errors"):
        out.append("errors:")
        for where, message in result["errors"].items():
            out.append(f"  {where}: {str(message).splitlines()[-1] if message else ''}")
    return "\n".join(out)


def write(result: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
    tmp.replace(path)
