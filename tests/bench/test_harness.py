"""The benchmark harness's own pieces, fast: no server, no load (that is `make bench`)."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.http import HttpResponse
from django.test import Client, RequestFactory

from accounts.models import RoleKind
from bench import report, run, server, wrk
from bench.context import BenchClient, BenchContext, create_session, user_for_role
from bench.scenarios import Custom, Page
from core import bench_views
from places.models import District, Household, HouseholdMember

ROOT = Path(__file__).resolve().parents[2]

WRK_STDOUT = """Running 3s test @ http://127.0.0.1:8000/
  1 threads and 8 connections
  3000 requests in 3.00s, 1.00MB read
Requests/sec:   1000.00
WRK_JSON {"requests": 3000, "duration_us": 3000000, "bytes": 3000000, "errors": {"connect": 0, "read": 0, "write": 0, "status": 2, "timeout": 0}, "latency_us": {"mean": 7900.5, "stdev": 100.0, "max": 51000, "p50": 7500, "p90": 9000, "p95": 12345, "p99": 20000}}
"""


# ---- wrk -----------------------------------------------------------------------------


def test_parse_wrk_output():
    figures = wrk.parse_output(WRK_STDOUT)
    assert figures["requests"] == 3000
    assert figures["rps"] == 1000.0
    assert figures["p50_ms"] == 7.5
    assert figures["p95_ms"] == 12.35
    assert figures["max_ms"] == 51.0
    assert figures["bytes_per_request"] == 1000
    assert figures["errors"] == 2 and figures["error_detail"] == {"status": 2}


def test_parse_wrk_output_without_the_json_line_fails_clearly():
    with pytest.raises(wrk.WrkError, match="no result line"):
        wrk.parse_output("Requests/sec: 12\n")


def test_wrk_command_has_headers_script_and_sane_threads(monkeypatch, tmp_path):
    monkeypatch.setattr(wrk, "wrk_binary", lambda: "/usr/bin/wrk")
    command = wrk.build_command(
        "http://127.0.0.1:1/x",
        duration=2.6,
        connections=2,
        threads=4,
        headers={"Cookie": "sessionid=abc"},
        script=tmp_path / "s.lua",
    )
    assert command[0] == "/usr/bin/wrk"
    assert "--threads=2" in command  # never more threads than connections
    assert "--duration=3s" in command and "--connections=2" in command
    assert command[command.index("--header") + 1] == "Cookie: sessionid=abc"
    assert command[-1] == "http://127.0.0.1:1/x"


def test_report_lua_prints_every_figure_parse_output_reads():
    for name in ("requests", "duration_us", "bytes", "status", "timeout", "p50", "p95", "p99"):
        assert f'"{name}"' in wrk.REPORT_LUA
    assert "done = function(summary, latency, requests)" in wrk.REPORT_LUA


# ---- targets and report --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path", "role", "declared", "kind"),
    [
        ("home", "/", None, None, "public"),
        ("household_roll", "/places/communities/1/households/", "community_worker", None, "list"),
        ("payment_ledger", "/contracts/ledger/", "bureau_officer", None, "list"),
        ("idea_page", "/ideas/3/", "resident", None, "detail"),
        ("personal_home", "/accounts/me/", "resident", "detail", "detail"),
        ("dashboard", "/dashboard/", "bureau_officer", "other", "other"),
    ],
)
def test_page_kind(name, path, role, declared, kind):
    assert report.page_kind(name, path, role, declared) == kind


def test_page_kind_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match="unknown page kind"):
        report.page_kind("x", "/", None, "fast")


@pytest.mark.parametrize(
    ("entry", "verdict"),
    [
        ({"kind": "public", "ratio_to_baseline": 0.5}, "pass"),
        ({"kind": "public", "ratio_to_baseline": 0.49}, "fail"),
        ({"kind": "list", "ratio_to_baseline": 0.1, "queries": 15}, "pass"),
        ({"kind": "list", "ratio_to_baseline": 0.5, "queries": 16}, "fail"),
        ({"kind": "list", "ratio_to_baseline": 0.09, "queries": 3}, "fail"),
        ({"kind": "detail", "ratio_to_baseline": 0.2}, "pass"),
        ({"kind": "detail", "ratio_to_baseline": 0.19}, "fail"),
        ({"kind": "detail", "ratio_to_baseline": 0.9, "errors": 3}, "fail"),
        ({"kind": "public", "error": "PageError: GET / answered 500"}, "fail"),
        ({"kind": "other", "ratio_to_baseline": 0.01}, "n/a"),
    ],
)
def test_page_verdict(entry, verdict):
    assert report.page_verdict(entry)[1] == verdict


def test_apply_baseline_sets_ratios_and_verdict():
    entry = {"kind": "public", "rps": 600.0, "rps_uncached": 60.0, "cpu_ms_per_request": 1.0}
    report.apply_baseline(entry, {"rps": 1000.0, "cpu_ms_per_request": 2.0})
    assert entry["ratio_to_baseline"] == 0.6
    assert entry["ratio_uncached"] == 0.06
    assert entry["cpu_ratio_to_baseline"] == 2.0
    assert entry["verdict"] == "pass"


def test_merge_runs_averages_and_keeps_the_runs():
    merged = report.merge_runs(
        [
            {"rps": 100.0, "p50_ms": 10.0, "p95_ms": 20.0, "requests": 300, "errors": 0, "max_ms": 50},
            {"rps": 300.0, "p50_ms": 4.0, "p95_ms": 8.0, "requests": 900, "errors": 1, "max_ms": 70},
        ]
    )
    assert merged["rps"] == 200.0 and merged["p50_ms"] == 7.0 and merged["p95_ms"] == 14.0
    assert merged["requests"] == 1200 and merged["errors"] == 1 and merged["max_ms"] == 70
    assert [run["rps"] for run in merged["runs"]] == [100.0, 300.0]


def test_scaling_entry_cost_ratio_and_constant_queries():
    ok = report.scaling_entry(
        "db", {"rps": 260.0, "queries": 7}, {"rps": 200.0, "queries": 7}, size_small=1000, size_large=100000
    )
    assert ok["cost_ratio"] == 1.3 and ok["verdict"] == "pass"
    assert ok["queries_small"] == 7 and ok["queries_large"] == 7 and ok["sizes"] == [1000, 100000]
    slower = report.scaling_entry(
        "db", {"rps": 300.0, "queries": 7}, {"rps": 200.0, "queries": 7}, size_small=1, size_large=2
    )
    assert slower["cost_ratio"] == 1.5 and slower["verdict"] == "fail"
    more_queries = report.scaling_entry(
        "db", {"rps": 200.0, "queries": 7}, {"rps": 200.0, "queries": 8}, size_small=1, size_large=2
    )
    assert more_queries["verdict"] == "fail"
    broken = report.scaling_entry("db", {"rps": 200.0, "queries": 7}, {"error": "boom"}, size_small=1, size_large=2)
    assert broken["verdict"] == "fail" and broken["error"] == "boom"


def test_custom_figures_are_found_by_key_or_by_entry_name():
    custom = {
        "ballot_burst": {"ballots_per_s": 420.0, "p95_ms": 30.0, "counted_equals_households": True},
        "contract_pdf_ms": {"median_ms": 230.0},
        "certificate": {"certificate_pdf_ms": 90},
    }
    assert report.custom_figures(custom) == {
        "ballots_per_s": ("ballot_burst", 420.0),
        "contract_pdf_ms": ("contract_pdf_ms", 230.0),
        "certificate_pdf_ms": ("certificate", 90),
    }


def test_targets_cover_pages_scaling_custom_and_memory():
    result = {
        "pages": {"home": {"verdict": "pass"}, "dash": {"verdict": "n/a"}},
        "scaling": {"db": {"verdict": "fail"}},
        "custom": {"ballots": {"ballots_per_s": 250}, "broken": {"error": "KeyError: 1"}},
        "memory": {"worker_rss_mb": [120.0, 310.5]},
    }
    assert report.targets(result) == {
        "page:home": "pass",
        "scaling:db": "fail",
        "custom:ballots_per_s": "fail",
        "custom:broken": "fail",
        "memory:worker_rss_mb": "fail",
    }


def test_render_prints_a_table_with_verdicts():
    result = {
        "meta": {
            "date": "2026-11-22",
            "git_commit": "abc",
            "sizes": [1000, 100000],
            "duration_s": 10,
            "connections": 8,
        },
        "baseline": {"rps": 1000.0, "p50_ms": 5.0, "p95_ms": 9.0, "queries": 1, "cpu_ms_per_request": 1.0},
        "pages": {
            "home": {
                "role": None,
                "rps": 900.0,
                "p50_ms": 6.0,
                "p95_ms": 10.0,
                "queries": 8,
                "ratio_to_baseline": 0.9,
                "kind": "public",
                "page_cache": "hit",
                "target": ">=0.5x",
                "verdict": "pass",
                "rps_uncached": 80.0,
            },
            "roll": {
                "role": "community_worker",
                "error": "PageError: GET /x answered 302 -> /accounts/login/",
                "target": "runs without error",
                "verdict": "fail",
            },
        },
        "scaling": {
            "roll": report.scaling_entry(
                "roll", {"rps": 100.0, "queries": 9}, {"rps": 90.0, "queries": 9}, size_small=1000, size_large=100000
            )
        },
        "custom": {"ballots": {"ballots_per_s": 320.5}},
        "memory": {"worker_rss_mb": [150.0, 151.0]},
    }
    result["targets"] = report.targets(result)
    text = report.render(result)
    assert "baseline (bare view)" in text
    assert "home" in text and "PASS" in text and "FAIL" in text
    assert "answered 302" in text
    assert "ballots_per_s >=300: PASS" in text
    assert "worker RSS" in text
    assert "1 fail" in text


def test_write_is_valid_json(tmp_path):
    target = tmp_path / "results" / "latest.json"
    report.write({"meta": {"sizes": [1, 2]}, "pages": {"首页": {"rps": 1.0}}}, target)
    assert json.loads(target.read_text(encoding="utf-8"))["pages"]["首页"]["rps"] == 1.0


# ---- runner helpers ------------------------------------------------------------------


def test_parse_args_defaults_and_quick():
    args = run.parse_args([])
    assert args.sizes == [1000, 100000] and args.duration == 10.0 and args.connections == 8
    quick = run.parse_args(["--quick", "--only", "home, news_page"])
    assert quick.sizes == [200, 2000] and quick.duration == 3.0 and quick.only == ["home", "news_page"]
    assert run.parse_args(["--sizes", "500", "--duration", "2"]).sizes == [500]


@pytest.mark.parametrize("text", ["0,10", "100,50", "1,2,3", ""])
def test_parse_sizes_rejects_nonsense(text):
    with pytest.raises((ValueError, argparse.ArgumentTypeError)):
        run.parse_sizes(text)


def test_modules_run_in_installed_apps_order():
    order = ["kernel", "core", "ideas", "ballots", "catalog", "cohorts"]
    assert run.order_modules(["zeta", "cohorts", "catalog", "kernel", "ideas", "alpha"], order) == [
        "kernel",
        "ideas",
        "catalog",
        "cohorts",
        "alpha",
        "zeta",
    ]


def test_selected_matches_names_and_globs():
    assert run.selected("home", [])
    assert run.selected("home", ["home"])
    assert run.selected("catalog_filter", ["catalog_*"])
    assert not run.selected("home", ["news*"])


def test_bench_env_is_production_on_the_bench_database():
    env = run.bench_env(secret_key="k" * 64, page_cache=False)
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert env["DATABASE_URL"].endswith("127.0.0.1:5432/yichuang_bench")
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/14"
    assert env["SECURE_SSL_REDIRECT"] == "false" and env["ALLOWED_HOSTS"] == "127.0.0.1,localhost"
    assert env["PAGE_CACHE_ENABLED"] == "false" and env["BENCH_BASELINE"] == "1" and env["BENCH_QUERY_COUNT"] == "1"
    assert "DEBUG" not in env


def _response(status=200, headers=None):
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers or {})
    response.raw = None
    return response


def test_not_cached_reason():
    assert "status 404" in run.not_cached_reason(_response(404))
    assert "Cache-Control" in run.not_cached_reason(_response(headers={"Cache-Control": "private"}))
    assert run.query_count(_response(headers={"X-Query-Count": "7"})) == 7
    assert run.query_count(_response()) is None


def test_check_ok_names_the_redirect():
    with pytest.raises(run.PageError, match="302 -> /accounts/login/"):
        run.check_ok(_response(302, {"Location": "/accounts/login/"}), "GET /accounts/me/")


def test_process_figures_from_proc():
    assert server.rss_mb(os.getpid()) > 1
    assert server.cpu_seconds([os.getpid()]) > 0
    assert server.load_average() is not None
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in server.child_pids(os.getpid())
    finally:
        child.kill()
        child.wait()


def test_server_command_binds_loopback_only(tmp_path):
    gunicorn = server.Server(name="t", env={}, workers=2, worker_class="gthread", threads=4, log_dir=tmp_path)
    command = gunicorn.command()
    assert command[command.index("--bind") + 1].startswith("127.0.0.1:")
    assert command[command.index("--workers") + 1] == "2"
    assert "--threads" in command and "config.wsgi" in command
    assert command[command.index("--pythonpath") + 1] == "site"


# ---- sessions and clients for roles ----------------------------------------------------


@pytest.mark.django_db
def test_session_for_a_resident_signs_in(make_user):
    user = make_user("resident")
    client = Client()
    client.cookies["sessionid"] = create_session(user)
    assert client.get("/accounts/me/").status_code == 200


@pytest.mark.django_db
def test_session_for_staff_has_passed_totp(make_user, community):
    make_user("centre_operator")
    operator = user_for_role(RoleKind.CENTRE_OPERATOR)
    client = Client()
    client.cookies["sessionid"] = create_session(operator)
    response = client.get(f"/places/communities/{community.pk}/households/")
    assert response.status_code == 200  # not sent to /accounts/2fa/


@pytest.mark.django_db
def test_user_for_role_prefers_demo_accounts_and_falls_back_to_any_holder(make_user):
    worker = make_user("community_worker")
    assert user_for_role("community_worker") == worker
    with pytest.raises(LookupError):
        user_for_role("astronaut")


@pytest.mark.django_db
def test_context_session_cookie_is_a_cookie_header_value(make_user):
    make_user("resident")
    ctx = BenchContext(base_url="http://127.0.0.1:9", size=1000, duration=1, connections=2)
    assert ctx.session_cookie("resident") == f"sessionid={ctx.session_key('resident')}"
    assert ctx.session_key("resident") == ctx.session_key("resident")  # one session per role
    assert ctx.headers_for(None) == {}
    headers = ctx.csrf_headers("resident")
    token = headers["X-CSRFToken"]
    assert f"csrftoken={token}" in headers["Cookie"] and "sessionid=" in headers["Cookie"]


def test_bench_client_joins_relative_urls_and_sends_csrf():
    client = BenchClient("http://127.0.0.1:9", session_key="abc")
    assert client.cookies.get("sessionid") == "abc"
    assert client.cookies.get("csrftoken") == client.headers["X-CSRFToken"]
    assert len(client.csrf_token) == 32
    prepared = client.prepare_request(requests.Request("GET", "http://127.0.0.1:9/ideas/"))
    assert "sessionid=abc" in prepared.headers["Cookie"]


@pytest.mark.django_db
def test_bench_client_csrf_secret_passes_django_csrf(settings, make_user):
    """The 32-character secret in cookie and header is what Django's CsrfViewMiddleware accepts."""
    user = make_user("resident")
    client = Client(enforce_csrf_checks=True)
    bench = BenchClient("http://testserver")
    client.cookies["csrftoken"] = bench.csrf_token
    client.cookies["sessionid"] = create_session(user)
    response = client.post("/accounts/logout/", HTTP_X_CSRFTOKEN=bench.csrf_token)
    assert response.status_code == 302
    refused = Client(enforce_csrf_checks=True)
    refused.cookies["sessionid"] = create_session(user)
    assert refused.post("/accounts/logout/").status_code == 403


# ---- kernel hooks: baseline view and query counter ----------------------------------------


@pytest.mark.django_db
def test_baseline_view_renders_with_one_query(django_assert_num_queries):
    District.objects.create(name="南岸区")
    request = RequestFactory().get("/bench/baseline")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with django_assert_num_queries(1):
        response = bench_views.baseline(request)
    assert response.status_code == 200
    assert b"1 \xc2\xb7 /bench/baseline" in response.content
    assert "no-store" in response["Cache-Control"]  # never stored by the page cache
    assert getattr(bench_views.urlpatterns[0].callback, "access_policy", None) == "access_public"


@pytest.mark.django_db
@pytest.mark.urls("tests.bench.urls_with_baseline")
def test_baseline_is_never_served_from_the_page_cache(client):
    first = client.get("/bench/baseline")
    second = client.get("/bench/baseline")
    assert first.status_code == second.status_code == 200
    assert second.get("X-Page-Cache") != "hit"


@pytest.mark.django_db
def test_query_count_middleware_counts_every_query():
    def view(request):
        list(District.objects.all())
        District.objects.count()
        return HttpResponse("ok")

    middleware = bench_views.QueryCountMiddleware(view)
    response = middleware(RequestFactory().get("/"))
    assert response[bench_views.QUERY_COUNT_HEADER] == "2"
    assert (
        bench_views.QueryCountMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))[
            bench_views.QUERY_COUNT_HEADER
        ]
        == "0"
    )


@pytest.mark.django_db
def test_query_count_middleware_reports_zero_for_a_page_cache_hit(settings):
    from core.pagecache import AnonymousPageCacheMiddleware

    settings.PAGE_CACHE_ENABLED = True

    def view(request):
        District.objects.count()
        return HttpResponse("page")

    stack = bench_views.QueryCountMiddleware(AnonymousPageCacheMiddleware(view))
    miss = stack(RequestFactory().get("/some/page/"))
    hit = stack(RequestFactory().get("/some/page/"))
    assert (miss["X-Page-Cache"], miss[bench_views.QUERY_COUNT_HEADER]) == ("miss", "1")
    assert (hit["X-Page-Cache"], hit[bench_views.QUERY_COUNT_HEADER]) == ("hit", "0")


def _settings_probe(code: str, **env) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("BENCH_BASELINE", "BENCH_QUERY_COUNT")}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path[:0] = ['site', '.']; import django; django.setup();" + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_hooks_are_off_unless_the_harness_turns_them_on():
    code = (
        "from django.conf import settings; from django.urls import reverse, NoReverseMatch\n"
        "try: url = reverse('bench_baseline')\nexcept NoReverseMatch: url = '-'\n"
        "print(settings.MIDDLEWARE[0], url)"
    )
    assert _settings_probe(code) == "django.middleware.security.SecurityMiddleware -"
    assert _settings_probe(code, BENCH_BASELINE="1", BENCH_QUERY_COUNT="1") == (
        "core.bench_views.QueryCountMiddleware /bench/baseline"
    )


def test_matrix_covers_the_baseline_only_when_mounted():
    from tests.matrix import bench as matrix_bench

    assert matrix_bench.CASES == []
    assert _settings_probe("from tests.matrix.bench import CASES; print(CASES[0].url_name)", BENCH_BASELINE="1") == (
        "bench_baseline"
    )


# ---- the kernel's scenarios and data -----------------------------------------------------


@pytest.mark.django_db
def test_kernel_data_is_additive(make_user, community):
    from bench.data import kernel as kernel_data

    make_user("community_worker")
    import random

    kernel_data.generate(size=200, rng=random.Random(1), stdout=_Quiet())
    assert Household.objects.filter(community=community).count() == 120
    assert HouseholdMember.objects.filter(household__community=community, is_voter=True).count() == 120
    kernel_data.generate(size=200, rng=random.Random(1), stdout=_Quiet())
    assert Household.objects.filter(community=community).count() == 120
    kernel_data.generate(size=4000, rng=random.Random(2), stdout=_Quiet())
    assert Household.objects.filter(community=community).count() == 200
    units = Household.objects.filter(community=community).values_list("building_id", "unit")
    assert len(set(units)) == 200


@pytest.mark.django_db
def test_kernel_scenarios_resolve_to_pages_that_answer(make_user, community):
    from bench.scenarios import kernel as kernel_scenarios

    make_user("community_worker")
    make_user("resident")
    ctx = BenchContext(base_url="http://testserver", size=200, duration=1, connections=1)
    names = {item.name for item in kernel_scenarios.SCENARIOS}
    assert names == {"home", "news_page", "healthz", "personal_home", "household_roll"}
    assert all(isinstance(item, Page | Custom) for item in kernel_scenarios.SCENARIOS)
    pages = {item.name: item for item in kernel_scenarios.SCENARIOS}
    assert pages["household_roll"].path(ctx) == f"/places/communities/{community.pk}/households/"
    assert pages["household_roll"].kind == "list" and pages["household_roll"].scaling
    for name in ("healthz", "personal_home", "household_roll"):
        client = Client()
        if pages[name].role:
            client.cookies["sessionid"] = ctx.session_key(pages[name].role)
        assert client.get(pages[name].path(ctx)).status_code == 200, name


class _Quiet:
    def write(self, text):
        pass
