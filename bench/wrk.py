"""Driving wrk (Debian package `wrk`) and reading its results.

wrk runs as a separate process with a Lua `done` hook that prints one JSON line with the
request count, errors and latency percentiles, so nothing depends on wrk's human output.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

MARKER = "WRK_JSON "

# Appended to every script; `done` runs once after the load test.
REPORT_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"mean": %.1f, "stdev": %.1f, "max": %d, "p50": %d, "p90": %d, "p95": %d, "p99": %d}}\n',
    "MARKER", summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99)))
end
""".replace("MARKER", MARKER)


class WrkError(RuntimeError):
    pass


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if not found:
        raise WrkError("wrk is not installed: `make system-deps` installs the Debian package `wrk`")
    return found


def wrk_version() -> str:
    try:
        out = subprocess.run([wrk_binary(), "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, WrkError, subprocess.TimeoutExpired):
        return "unknown"
    first = (out.stdout or out.stderr).strip().splitlines()
    return first[0] if first else "unknown"


def build_command(
    url: str, *, duration: float, connections: int, threads: int, headers: dict, script: Path
) -> list[str]:
    threads = max(1, min(threads, connections))
    command = [
        wrk_binary(),
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={max(1, round(duration))}s",
        "--timeout=30s",
        f"--script={script}",
    ]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    command.append(url)
    return command


def parse_output(text: str) -> dict:
    """The figures of one wrk run, from the JSON line that REPORT_LUA printed."""
    for line in text.splitlines():
        if line.startswith(MARKER):
            raw = json.loads(line[len(MARKER) :])
            break
    else:
        raise WrkError(f"wrk printed no result line:\n{text[-2000:]}")
    seconds = raw["duration_us"] / 1e6 if raw["duration_us"] else 0.0
    latency = raw["latency_us"]
    errors = raw["errors"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(latency["p50"] / 1000, 2),
        "p90_ms": round(latency["p90"] / 1000, 2),
        "p95_ms": round(latency["p95"] / 1000, 2),
        "p99_ms": round(latency["p99"] / 1000, 2),
        "mean_ms": round(latency["mean"] / 1000, 2),
        "max_ms": round(latency["max"] / 1000, 2),
        "bytes_per_request": round(raw["bytes"] / raw["requests"]) if raw["requests"] else 0,
        # wrk counts a status >= 400 as an error; connect/read/write/timeout are socket errors.
        "errors": sum(errors.values()),
        "error_detail": {name: count for name, count in errors.items() if count},
    }


def run(
    url: str,
    *,
    duration: float,
    connections: int,
    threads: int = 1,
    headers: dict | None = None,
    lua: str = "",
) -> dict:
    """Load `url` for `duration` seconds over `connections` keep-alive connections.

    `lua` may define wrk's `init`/`request`/`response` hooks (e.g. a POST body); the JSON
    `done` hook is appended. Returns the figures of parse_output plus the command line.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bench-wrk-", delete=False) as handle:
        handle.write(lua + "\n" + REPORT_LUA)
        script = Path(handle.name)
    command = build_command(
        url, duration=duration, connections=connections, threads=threads, headers=headers or {}, script=script
    )
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    finally:
        script.unlink(missing_ok=True)
    if done.returncode != 0:
        raise WrkError(f"wrk exited with {done.returncode}: {done.stderr.strip() or done.stdout.strip()}")
    return parse_output(done.stdout)
