"""`make bench`: load-test the site under production settings and compare with a bare view.

    .venv/bin/python -m bench.run [--sizes 1000,100000] [--duration 10] [--connections 8]
                                  [--quick] [--only NAME,...] [--worker-class gthread]

1. (Re)creates the PostgreSQL database `yichuang_bench` on 127.0.0.1:5432 and flushes Redis
   db 14; migrates, collects static files, loads `seed_demo`, then every bench/data module
   at the first size.
2. Starts two gunicorn servers on 127.0.0.1 with production settings: "cached" (as
   deployed, anonymous page cache on) and "uncached" (page cache off, for the anonymous
   pages' render cost and the scaling comparison). Both mount the baseline view and report
   X-Query-Count (BENCH_BASELINE=1, BENCH_QUERY_COUNT=1; see core/bench_views.py).
3. Measures the baseline, every Page (wrk, bounded time, fixed connections) and every
   Custom; grows the data to the second size and measures the `scaling=True` pages again.
4. Writes bench/results/latest.json and prints a table with pass/fail against the targets.
Everything started here is stopped by PID at the end, also on failure.
"""

import argparse
import contextlib
import fnmatch
import importlib
import os
import pkgutil
import platform
import random
import secrets
import subprocess
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import requests

from . import report, wrk
from .context import BenchContext
from .server import REPO, Server, cpu_seconds, load_average

DB_NAME = "yichuang_bench"
DB_HOST, DB_PORT, DB_USER = "127.0.0.1", 5432, "postgres"
REDIS_URL = "redis://127.0.0.1:6379/14"
RESULTS = REPO / "bench" / "results" / "latest.json"
LOG_DIR = REPO / "var" / "bench"
QUERY_HEADER = "X-Query-Count"
CACHE_HEADER = "X-Page-Cache"
DEFAULT_SIZES = (1000, 100000)
QUICK_SIZES = (200, 2000)


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[bench +{time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


# ---- configuration -------------------------------------------------------------------


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="data-set sizes (projects), small,large (default 1000,100000)")
    parser.add_argument("--duration", type=float, help="seconds of load per page (default 10; --quick 3)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument(
        "--wrk-threads", type=int, default=1, help="wrk threads (default 1: leave the CPU to the server)"
    )
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up load before each measurement")
    parser.add_argument("--quick", action="store_true", help="smoke run: sizes 200,2000 and 3 s per page")
    parser.add_argument("--only", help="comma-separated names or globs of scenarios to run (the baseline always runs)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"], help="default gthread")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (default 4)")
    parser.add_argument("--no-uncached", action="store_true", help="skip the page-cache-off runs of anonymous pages")
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="development aid: keep the existing bench database and data (no drop, migrate, seed or first-size generate)",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help=f"result file (default {RESULTS.relative_to(REPO)})"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when any target fails")
    args = parser.parse_args(argv)
    if args.sizes:
        args.sizes = parse_sizes(args.sizes)
    else:
        args.sizes = list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if args.duration is None:
        args.duration = 3.0 if args.quick else 10.0
    if args.connections < 1 or args.duration <= 0:
        parser.error("--connections and --duration must be positive")
    args.only = [item.strip() for item in args.only.split(",") if item.strip()] if args.only else []
    return args


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part.replace("_", "").strip()) for part in text.split(",") if part.strip()]
    if not sizes or any(size <= 0 for size in sizes):
        raise argparse.ArgumentTypeError(f"bad --sizes {text!r}")
    if len(sizes) > 2:
        raise argparse.ArgumentTypeError("--sizes takes one or two sizes")
    if len(sizes) == 2 and sizes[1] <= sizes[0]:
        raise argparse.ArgumentTypeError("the second size must be larger than the first")
    return sizes


def selected(name: str, only: list[str]) -> bool:
    return not only or any(fnmatch.fnmatchcase(name, pattern) or pattern == name for pattern in only)


def bench_env(*, secret_key: str, page_cache: bool = True) -> dict:
    """The environment of the servers (and of this process): production settings."""
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=f"postgres://{DB_USER}@{DB_HOST}:{DB_PORT}/{DB_NAME}",
        REDIS_URL=REDIS_URL,
        # A real broker: requests pay for publishing a task, as deployed; no worker runs,
        # so no mail goes out and no task competes with the server for the CPU.
        CELERY_BROKER_URL=REDIS_URL,
        CELERY_TASK_ALWAYS_EAGER="false",
        CONN_MAX_AGE="60",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        PAGE_CACHE_ENABLED="true" if page_cache else "false",
        BENCH_BASELINE="1",
        BENCH_QUERY_COUNT="1",
        LOG_LEVEL="WARNING",
        PYTHONHASHSEED="0",
    )
    return env


# ---- database, data ------------------------------------------------------------------


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(host=DB_HOST, port=DB_PORT, user=DB_USER, dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def django_setup() -> None:
    for path in (str(REPO), str(REPO / "site")):
        if path not in sys.path:
            sys.path.insert(0, path)
    import django

    django.setup()


def compile_messages_if_needed() -> None:
    stale = []
    for po in REPO.glob("**/LC_MESSAGES/*.po"):
        if ".venv" in po.parts:
            continue
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(po)
    if stale:
        from django.core.management import call_command

        log(f"compiling {len(stale)} message catalogue(s)")
        call_command("compilemessages", ignore=[".venv"], verbosity=0)


def prepare_schema_and_demo() -> None:
    from django.core.management import call_command

    log("migrate")
    call_command("migrate", interactive=False, verbosity=0)
    log("collectstatic (CompressedManifestStaticFilesStorage)")
    call_command("collectstatic", interactive=False, verbosity=0)
    compile_messages_if_needed()
    log("seed_demo")
    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)


def app_order() -> list[str]:
    from django.apps import apps

    return ["kernel", *[config.label for config in apps.get_app_configs()]]


def order_modules(names: list[str], order: list[str]) -> list[str]:
    """Module names in INSTALLED_APPS order ("kernel" first); unknown names last, sorted."""
    position = {label: index for index, label in enumerate(order)}
    return sorted(names, key=lambda name: (position.get(name, len(order)), name))


def discover(package_name: str) -> list[str]:
    package = importlib.import_module(package_name)
    names = [info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")]
    return order_modules(names, app_order())


def generate_data(size: int, errors: dict) -> dict:
    from django.core.management.base import OutputWrapper
    from django.db import transaction

    from core import pagecache

    timings = {}
    stdout = OutputWrapper(sys.stdout)
    for label in discover("bench.data"):
        log(f"data: {label}.generate(size={size})")
        started = time.monotonic()
        try:
            module = importlib.import_module(f"bench.data.{label}")
            with transaction.atomic():
                module.generate(size=size, rng=random.Random(f"{label}:{size}"), stdout=stdout)
        except Exception:
            errors[f"data:{label}:{size}"] = traceback.format_exc()
            log(f"data: {label} FAILED\n{traceback.format_exc()}")
        timings[label] = round(time.monotonic() - started, 2)
    pagecache.invalidate()
    return timings


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def close_db() -> None:
    from django.db import connections

    connections.close_all()


def invalidate_page_cache() -> None:
    from core import pagecache

    pagecache.invalidate()


# ---- scenarios -----------------------------------------------------------------------


def load_scenarios(only: list[str], errors: dict) -> tuple[list, list]:
    from .scenarios import Custom, Page

    pages, customs, seen = [], [], set()
    for label in discover("bench.scenarios"):
        try:
            module = importlib.import_module(f"bench.scenarios.{label}")
            items = list(getattr(module, "SCENARIOS", []))
        except Exception:
            errors[f"scenarios:{label}"] = traceback.format_exc()
            log(f"scenarios: {label} failed to load\n{traceback.format_exc()}")
            continue
        for item in items:
            name = item.name if item.name not in seen else f"{label}.{item.name}"
            seen.add(name)
            if not selected(name, only):
                continue
            if isinstance(item, Page):
                pages.append((name, item))
            elif isinstance(item, Custom):
                customs.append((name, item))
            else:
                errors[f"scenarios:{label}:{name}"] = f"not a Page or Custom: {item!r}"
    return pages, customs


PAGE_FIGURES = (
    "rps",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "requests",
    "errors",
    "bytes_per_request",
    "cpu_ms_per_request",
    "loadavg_1m",
)


class PageError(RuntimeError):
    pass


def fetch(url: str, headers: dict) -> requests.Response:
    return requests.get(url, headers=headers, allow_redirects=False, timeout=60)


def check_ok(response: requests.Response, what: str) -> None:
    if response.status_code != 200:
        where = response.headers.get("Location", "")
        raise PageError(f"{what} answered {response.status_code}{' -> ' + where if where else ''}")


def query_count(response: requests.Response) -> int | None:
    value = response.headers.get(QUERY_HEADER)
    return int(value) if value is not None and value.isdigit() else None


def not_cached_reason(response: requests.Response) -> str:
    """Why the anonymous page cache did not store a response (see core.pagecache)."""
    if response.status_code != 200:
        return f"not stored: status {response.status_code}"
    cookies = [c.split("=", 1)[0] for c in response.raw.headers.getlist("Set-Cookie")] if response.raw else []
    if cookies:
        return f"not stored: sets cookie {','.join(cookies)}"
    control = response.headers.get("Cache-Control", "")
    if "private" in control or "no-store" in control:
        return f"not stored: Cache-Control {control}"
    return "not stored (view skipped the cache or the path bypasses it)"


class Runner:
    def __init__(self, args, cached: Server, uncached: Server | None, ctx: BenchContext):
        self.args = args
        self.cached = cached
        self.uncached = uncached
        self.ctx = ctx
        self.baseline_rps: float | None = None
        self.baseline_cpu: float | None = None

    def load(self, server: Server, path: str, headers: dict) -> dict:
        """Warm up, then load; adds the workers' CPU per request and the machine's load."""
        url = server.base_url + path
        if self.args.warmup > 0:
            wrk.run(
                url,
                duration=self.args.warmup,
                connections=self.args.connections,
                threads=self.args.wrk_threads,
                headers=headers,
            )
        pids = server.worker_pids()
        cpu_before, load_before = cpu_seconds(pids), load_average()
        figures = wrk.run(
            url,
            duration=self.args.duration,
            connections=self.args.connections,
            threads=self.args.wrk_threads,
            headers=headers,
        )
        cpu = cpu_seconds(pids) - cpu_before
        # Worker CPU per request hardly depends on what else runs on the machine, unlike rps.
        figures["cpu_ms_per_request"] = round(cpu * 1000 / figures["requests"], 2) if figures["requests"] else None
        figures["loadavg_1m"] = load_before
        return figures

    def baseline(self) -> dict:
        path = "/bench/baseline"
        response = fetch(self.cached.base_url + path, {})
        check_ok(response, f"GET {path}")
        figures = self.load(self.cached, path, {})
        return {"path": path, "queries": query_count(response), **figures}

    def page(self, name: str, page, *, uncached: bool) -> dict:
        role = page.role
        entry = {"role": role, "path": None, "kind": None}
        try:
            path = page.path(self.ctx)
            entry["path"] = path
            entry["kind"] = report.page_kind(name, path, role, getattr(page, "kind", None))
            headers = self.ctx.headers_for(role)
            check_ok(fetch(self.cached.base_url + path, headers), f"GET {path} as {role or 'anonymous'}")
            if role:
                fetch(self.cached.base_url + path, headers)
                entry["queries"] = query_count(fetch(self.cached.base_url + path, headers))
            else:
                fetch(self.cached.base_url + path, headers)  # warm the workers' own caches
                invalidate_page_cache()
                miss = fetch(self.cached.base_url + path, headers)
                entry["queries"] = query_count(miss)
                again = fetch(self.cached.base_url + path, headers)
                entry["page_cache"] = again.headers.get(CACHE_HEADER) or not_cached_reason(miss)
            figures = self.load(self.cached, path, headers)
            entry.update({key: figures[key] for key in PAGE_FIGURES})
            if figures["error_detail"]:
                entry["error_detail"] = figures["error_detail"]
            if not role and uncached and self.uncached:
                entry.update(self.uncached_figures(path))
            report.apply_baseline(entry, {"rps": self.baseline_rps, "cpu_ms_per_request": self.baseline_cpu})
        except Exception as exc:
            entry["error"] = f"{type(exc).__name__}: {exc}"
            log(f"page {name} FAILED: {entry['error']}")
        entry["target"], entry["verdict"] = report.page_verdict(entry)
        return entry  # apply_baseline() sets the verdict again once the baseline is final

    def uncached_figures(self, path: str) -> dict:
        response = fetch(self.uncached.base_url + path, {})
        check_ok(response, f"GET {path} (page cache off)")
        response = fetch(self.uncached.base_url + path, {})
        figures = self.load(self.uncached, path, {})
        return {
            "rps_uncached": figures["rps"],
            "p50_ms_uncached": figures["p50_ms"],
            "p95_ms_uncached": figures["p95_ms"],
            "cpu_ms_per_request_uncached": figures["cpu_ms_per_request"],
            "queries_uncached": query_count(response),
        }

    def scaling_point(self, page, entry: dict | None = None) -> dict:
        """One point of the scaling series: like with like, anonymous pages uncached."""
        if entry is not None:  # the first size: reuse what the page run measured
            if entry.get("error"):
                return {"error": entry["error"], "path": entry.get("path")}
            if page.role:
                keys = ("rps", "p50_ms", "p95_ms", "queries", "path", "cpu_ms_per_request")
                return {"measured": "signed in", **{k: entry.get(k) for k in keys}}
            if "rps_uncached" not in entry:
                return {"error": "no uncached measurement (--no-uncached)", "path": entry.get("path")}
            return {
                "measured": "page cache off",
                "rps": entry["rps_uncached"],
                "p50_ms": entry["p50_ms_uncached"],
                "p95_ms": entry["p95_ms_uncached"],
                "queries": entry["queries_uncached"],
                "path": entry["path"],
                "cpu_ms_per_request": entry["cpu_ms_per_request_uncached"],
            }
        point = {"path": None}
        try:
            path = page.path(self.ctx)
            point["path"] = path
            if page.role:
                headers = self.ctx.headers_for(page.role)
                check_ok(fetch(self.cached.base_url + path, headers), f"GET {path} as {page.role}")
                point["queries"] = query_count(fetch(self.cached.base_url + path, headers))
                figures = self.load(self.cached, path, headers)
                point["measured"] = "signed in"
            else:
                if not self.uncached:
                    raise PageError("no uncached server (--no-uncached)")
                check_ok(fetch(self.uncached.base_url + path, {}), f"GET {path} (page cache off)")
                point["queries"] = query_count(fetch(self.uncached.base_url + path, {}))
                figures = self.load(self.uncached, path, {})
                point["measured"] = "page cache off"
            point.update({key: figures[key] for key in ("rps", "p50_ms", "p95_ms", "errors", "cpu_ms_per_request")})
        except Exception as exc:
            point["error"] = f"{type(exc).__name__}: {exc}"
            log(f"scaling {page.name} FAILED: {point['error']}")
        return point

    def custom(self, name: str, custom) -> dict:
        started = time.monotonic()
        try:
            entry = custom.run(self.ctx)
            if not isinstance(entry, dict):
                entry = {"value": entry}
        except Exception as exc:
            entry = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
            log(f"custom {name} FAILED: {entry['error']}")
        entry.setdefault("run_s", round(time.monotonic() - started, 2))
        return entry


# ---- metadata ------------------------------------------------------------------------


def git_commit() -> dict:
    def git(*command):
        done = subprocess.run(["git", *command], cwd=REPO, capture_output=True, text=True, timeout=20)
        return done.stdout.strip() if done.returncode == 0 else ""

    return {"git_commit": git("rev-parse", "HEAD") or "unknown", "git_dirty": bool(git("status", "--porcelain"))}


def machine() -> dict:
    info = {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gb"] = round(int(line.split()[1]) / 2**20, 1)
                break
    except OSError:
        pass
    return info


def versions() -> dict:
    import django
    import wagtail

    out = {"django": django.get_version(), "wagtail": wagtail.__version__, "wrk": wrk.wrk_version()}
    try:
        import gunicorn

        out["gunicorn"] = gunicorn.__version__
    except ImportError:
        pass
    try:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            out["postgresql"] = cursor.fetchone()[0]
        import redis

        out["redis"] = redis.Redis.from_url(REDIS_URL).info("server").get("redis_version")
    except Exception as exc:
        out["error"] = str(exc)
    return out


# ---- main ----------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    secret_key = secrets.token_urlsafe(64)
    env = bench_env(secret_key=secret_key)
    os.environ.update(env)
    os.environ.pop("DEBUG", None)
    server_desc = f"gunicorn {args.worker_class}, {args.workers} workers" + (
        f" x {args.threads} threads" if args.worker_class == "gthread" else ""
    )
    result = {
        "meta": {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "sizes": args.sizes,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "connections": args.connections,
            "wrk_threads": args.wrk_threads,
            "quick": args.quick,
            "only": args.only,
            "machine": machine(),
            "server": {
                "description": server_desc,
                "worker_class": args.worker_class,
                "workers": args.workers,
                "threads": args.threads if args.worker_class == "gthread" else 1,
                "settings": "config.settings.production",
                "database": f"postgresql {DB_NAME}",
                "cache": REDIS_URL,
                "broker": REDIS_URL + " (no worker)",
            },
            **git_commit(),
        },
        "baseline": {},
        "pages": {},
        "custom": {},
        "scaling": {},
        "memory": {},
        "targets": {},
        "errors": {},
    }
    errors = result["errors"]
    servers: list[Server] = []
    fatal = False
    try:
        wrk.wrk_binary()
        result["meta"]["loadavg_1m_start"] = load_average()
        if not args.reuse_db:
            log(f"database {DB_NAME} (drop, create); redis db 14 (flush)")
            recreate_database()
            flush_redis()
        django_setup()
        result["meta"]["versions"] = versions()
        data_timings = {}
        if not args.reuse_db:
            prepare_schema_and_demo()
            data_timings[args.sizes[0]] = generate_data(args.sizes[0], errors)
        log("VACUUM ANALYZE")
        analyze()
        invalidate_page_cache()
        close_db()

        cached = Server(
            name="cached",
            env=env,
            workers=args.workers,
            worker_class=args.worker_class,
            threads=args.threads,
            log_dir=LOG_DIR,
        )
        servers.append(cached)
        uncached = None
        if not args.no_uncached:
            uncached = Server(
                name="uncached",
                env=bench_env(secret_key=secret_key, page_cache=False),
                workers=args.workers,
                worker_class=args.worker_class,
                threads=args.threads,
                log_dir=LOG_DIR,
            )
            servers.append(uncached)
        for server in servers:
            log(f"start {server.name}: {' '.join(server.command()[1:])}")
            server.start()

        ctx = BenchContext(
            base_url=cached.base_url,
            size=args.sizes[0],
            duration=args.duration,
            connections=args.connections,
            threads=args.wrk_threads,
        )
        runner = Runner(args, cached, uncached, ctx)
        pages, customs = load_scenarios(args.only, errors)
        log(f"{len(pages)} pages, {len(customs)} custom scenarios")

        log("baseline")
        first = runner.baseline()
        runner.baseline_rps, runner.baseline_cpu = first["rps"], first["cpu_ms_per_request"]
        result["baseline"] = first
        log(f"baseline: {first['rps']} rps, p50 {first['p50_ms']} ms, {first['queries']} queries")

        for name, page in pages:
            entry = runner.page(name, page, uncached=True)
            result["pages"][name] = entry
            log(
                f"page {name}: {entry.get('rps')} rps ({entry.get('ratio_to_baseline')}x), "
                f"{entry.get('queries')} queries, cache {entry.get('page_cache', '-')}, "
                f"uncached {entry.get('rps_uncached', '-')} rps -> {entry['verdict']}"
            )

        if pages:
            # The baseline again after the pages: the ratio uses the mean of both runs, so a
            # drift in machine speed during the run shows and is evened out.
            second = runner.baseline()
            result["baseline"] = report.merge_runs([first, second])
            runner.baseline_rps = result["baseline"]["rps"]
            runner.baseline_cpu = result["baseline"]["cpu_ms_per_request"]
            log(f"baseline again: {second['rps']} rps; using the mean, {runner.baseline_rps}")
            for entry in result["pages"].values():
                report.apply_baseline(entry, result["baseline"])

        for name, custom in customs:
            log(f"custom {name}")
            result["custom"][name] = runner.custom(name, custom)

        scaling = [(name, page) for name, page in pages if page.scaling]
        if len(args.sizes) > 1 and scaling:
            small_points = {name: runner.scaling_point(page, result["pages"][name]) for name, page in scaling}
            log(f"growing the data set to size {args.sizes[1]}")
            data_timings[args.sizes[1]] = generate_data(args.sizes[1], errors)
            log("VACUUM ANALYZE")
            analyze()
            invalidate_page_cache()
            close_db()
            ctx.size = args.sizes[1]
            for name, page in scaling:
                large = runner.scaling_point(page)
                entry = report.scaling_entry(
                    name, small_points[name], large, size_small=args.sizes[0], size_large=args.sizes[1]
                )
                result["scaling"][name] = entry
                log(
                    f"scaling {name}: {entry['rps_small']} -> {entry['rps_large']} rps "
                    f"(cost {entry['cost_ratio']}), queries {entry['queries_small']} -> {entry['queries_large']} "
                    f"-> {entry['verdict']}"
                )
        elif len(args.sizes) > 1:
            log("no scaling pages selected; not growing the data set")
        result["meta"]["data_generation_s"] = data_timings
        result["meta"]["loadavg_1m_end"] = load_average()

        per_server = {server.name: server.worker_rss_mb() for server in servers}
        result["memory"] = {
            "worker_rss_mb": [mb for values in per_server.values() for mb in values],
            "by_server": per_server,
            "target_mb": report.WORKER_MAX_RSS_MB,
        }
    except KeyboardInterrupt:
        errors["run"] = "interrupted"
        fatal = True
    except Exception:
        errors["run"] = traceback.format_exc()
        log(f"FAILED\n{traceback.format_exc()}")
        for server in servers:
            tail = server.log_tail()
            if tail:
                log(f"gunicorn {server.name} log:\n{tail}")
        fatal = True
    finally:
        for server in servers:
            server.stop()
        with contextlib.suppress(Exception):  # Django may never have been set up
            close_db()
    result["meta"]["elapsed_s"] = round(time.monotonic() - started, 1)
    result["targets"] = report.targets(result)
    report.write(result, args.output)
    print()
    print(report.render(result))
    print(f"\nwritten {args.output}")
    if fatal:
        return 1
    if args.strict and any(verdict == "fail" for verdict in result["targets"].values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
