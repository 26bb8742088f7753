"""Profile one page in-process against the bench database (after a `make bench` run).

    .venv/bin/python -m bench.profile /accounts/me/ --role resident [-n 50] [--sort cumulative]

Uses the same production settings, database (yichuang_bench) and Redis db as bench.run,
sends the requests through Django's full middleware stack with the test client, and prints
cProfile's top functions plus the queries of one request. The page cache is off, so an
anonymous page shows its render cost.
"""

import argparse
import cProfile
import os
import pstats
import secrets
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("path")
    parser.add_argument("--role", default=None)
    parser.add_argument("-n", type=int, default=50, help="profiled requests (after 5 warm-up requests)")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--queries", action="store_true", help="print the SQL of one request")
    args = parser.parse_args(argv)

    from . import run

    os.environ.update(run.bench_env(secret_key=secrets.token_urlsafe(64), page_cache=False))
    run.django_setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from .context import BenchContext

    ctx = BenchContext(base_url="http://127.0.0.1", size=0, duration=0, connections=1)
    client = Client(HTTP_HOST="127.0.0.1")
    if args.role:
        client.cookies[settings.SESSION_COOKIE_NAME] = ctx.session_key(args.role)
    for _ in range(5):
        response = client.get(args.path)
    if response.status_code != 200:
        print(f"GET {args.path} answered {response.status_code} {response.get('Location', '')}", file=sys.stderr)
        return 1
    queries = []

    def record(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append({"ms": (time.perf_counter() - started) * 1000, "sql": sql})

    with connection.execute_wrapper(record):
        client.get(args.path)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(args.n):
        client.get(args.path)
    profiler.disable()
    elapsed = (time.perf_counter() - started) * 1000 / args.n
    print(
        f"{args.path} as {args.role or 'anonymous'}: {elapsed:.1f} ms per request under the profiler, "
        f"{len(queries)} queries, {len(response.content)} bytes"
    )
    if args.queries:
        for query in queries:
            print(f"  {query['ms']:7.2f} ms  {query['sql'][:400]}")
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
