"""Benchmark scenarios. Each app adds bench/scenarios/<app>.py with `SCENARIOS = [...]`.

The runner (bench/run.py) discovers every module here, after generating data with every
module in bench/data/, and measures each scenario against gunicorn (production settings,
PostgreSQL, Redis, 127.0.0.1). Results land in bench/results/latest.json keyed by name.

- `Page(name, path, role=None, scaling=False)`: load-tested with wrk for a bounded time; `path(ctx)` returns
  the URL path (it may query the database through Django, which the runner has set up).
  `role` signs in first ("resident", "centre_operator", ...; staff pass TOTP) and sends the
  session cookie. The entry gets rps, p50_ms, p95_ms, queries and ratio_to_baseline.
  `scaling=True` pages are measured again after the data set has grown to the second size
  (1,000 then 100,000 projects), so the ratio between the two shows whether cost grows.
- `Custom(name, run)`: `run(ctx)` does its own measuring (a PDF render median, a ballot
  burst through HTTP) and returns a dict of figures that is stored as the entry.

`ctx` offers: `base_url`, `size` (the data-set size parameter), `session_cookie(role)`,
`client(role)` (a requests-like client on the live server), `duration` (seconds per load
test) and `connections`.

Details (bench/context.py; additions only, nothing above changes):
- Roles are the demo accounts' role kinds (core.demo_accounts: "resident",
  "community_worker", "org_owner", "reviewer", "bureau_officer", "centre_operator",
  "trainee", "mentor"), "superuser", or any other role kind some user in the bench data
  holds (the first such user). Sessions are created directly, TOTP step included.
- `session_cookie(role)` is the Cookie header value, "sessionid=<key>";
  `session_key(role)` is the bare key; `user(role)` the account.
- `client(role)` is a `requests.Session` taking relative URLs ("/ideas/"); it sends a CSRF
  cookie and the matching X-CSRFToken header, so POSTs work without scraping a form.
  `client()` is anonymous.
- `wrk(path, role=None, headers=None, lua="", duration=None, connections=None)` runs a
  wrk load test and returns {rps, p50_ms, p95_ms, p99_ms, requests, errors, ...}; `lua`
  may set `wrk.method`/`wrk.body`/`wrk.headers` or define `request()` for a POST burst;
  `csrf_headers(role)` gives the Cookie + X-CSRFToken headers such a POST needs.
- Code in `path(ctx)`, `run(ctx)` runs in the runner's process, where Django is set up on
  the same database and cache as the server (production settings), so models can be
  queried directly.

Page kinds and targets (bench/report.py), as a share of the baseline's rps in the same run:
`kind="public"` (the default for anonymous pages) >= 0.5; `kind="list"` (signed-in list of
60 rows) >= 0.1 with <= 15 queries; `kind="detail"` >= 0.2; `kind="other"` has no target.
Signed-in pages without a kind are guessed from the name ("list", "queue", "ledger"... ->
list, else detail): declare it. Anonymous pages are measured as served (through the page
cache) and again on a second server with the page cache off (`rps_uncached`).
`scaling=True` pages compare like with like: anonymous ones uncached, at both sizes.

Custom results are stored as returned. A figure with a product target is recognised by its
top-level key in the dict: `ballots_per_s` (>= 300), `contract_pdf_ms` (<= 200),
`certificate_pdf_ms` (<= 150). Raise to report a failure; the runner records the error.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable
    role: str | None = None
    scaling: bool = False
    kind: str | None = None  # "public", "list", "detail" or "other"; see the targets above


@dataclass(frozen=True)
class Custom:
    name: str
    run: Callable
