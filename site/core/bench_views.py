"""Hooks for the benchmark harness (bench/run.py); both are off unless it turns them on.

- `baseline`: the bare Django view every page is compared with. It renders a tiny template
  and makes one query, through the same middleware stack as every page. Mounted at
  /bench/baseline only when `BENCH_BASELINE=1` (see config/urls.py).
- `QueryCountMiddleware`: counts the database queries a request makes and reports them in
  an `X-Query-Count` header. Installed outermost only when `BENCH_QUERY_COUNT=1`, so it
  sees every query of every middleware and view, and reports 0 for a page-cache hit.
"""

from contextlib import ExitStack

from django.db import connections
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache

from accounts.access import access, access_public
from places.models import District

QUERY_COUNT_HEADER = "X-Query-Count"


@never_cache  # never stored by the anonymous page cache: the baseline always does its work
def baseline(request):
    return render(request, "core/bench_baseline.html", {"districts": District.objects.count()})


urlpatterns = [path("bench/baseline", access(access_public)(baseline), name="bench_baseline")]


class QueryCounter:
    """An execute wrapper (see Django's "Database instrumentation") that only counts."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(counter.count)
        return response
