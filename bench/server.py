"""The gunicorn server under test: started on 127.0.0.1, watched by PID, stopped by PID."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
SHM = Path("/dev/shm")  # noqa: S108 - gunicorn's worker heartbeat files, not data


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_binary() -> str:
    venv = REPO / ".venv" / "bin" / "gunicorn"
    if venv.exists():
        return str(venv)
    return str(Path(sys.executable).parent / "gunicorn")


def rss_mb(pid: int) -> float | None:
    """Resident set size of a process in MB (psutil when installed, else /proc)."""
    try:
        import psutil  # optional

        return round(psutil.Process(pid).memory_info().rss / 2**20, 1)
    except ImportError:
        pass
    except Exception:  # the process is gone
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return sorted(int(item) for item in children.read_text().split())
    except OSError:
        pass
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


class Server:
    """One gunicorn master with its workers; `env` is the whole environment it gets."""

    def __init__(self, *, name: str, env: dict, workers: int, worker_class: str, threads: int, log_dir: Path):
        self.name = name
        self.env = env
        self.workers = workers
        self.worker_class = worker_class
        self.threads = threads
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"gunicorn-{name}.log"
        self.process: subprocess.Popen | None = None
        self.seen_workers: set[int] = set()

    def command(self) -> list[str]:
        command = [
            gunicorn_binary(),
            "config.wsgi",
            "--chdir",
            str(REPO),
            "--pythonpath",
            "site",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--timeout",
            "120",
            "--graceful-timeout",
            "10",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log_path),
        ]
        if SHM.is_dir():  # heartbeat files in memory, as gunicorn's docs advise for containers
            command += ["--worker-tmp-dir", str(SHM)]
        if self.worker_class == "gthread":
            command += ["--threads", str(self.threads), "--keep-alive", "5"]
        return command

    def start(self, timeout: float = 90) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path.write_text("")
        self.process = subprocess.Popen(
            self.command(),
            cwd=REPO,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        last = "no answer yet"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                response = requests.get(self.base_url + "/healthz", timeout=5)
                if response.status_code == 200 and len(self.worker_pids()) >= self.workers:
                    return
                last = f"{response.status_code} {response.text[:300]}"
            except requests.RequestException as exc:
                last = str(exc)
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn ({self.name}) not healthy after {timeout}s: {last}\n{self.log_tail()}")

    def worker_pids(self) -> list[int]:
        if not self.process or self.process.poll() is not None:
            return []
        pids = child_pids(self.process.pid)
        self.seen_workers.update(pids)
        return pids

    def worker_rss_mb(self) -> list[float]:
        return [mb for mb in (rss_mb(pid) for pid in self.worker_pids()) if mb is not None]

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM to the master (it stops its workers), then SIGKILL whatever we started and is left."""
        if not self.process:
            return
        self.worker_pids()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        for pid in self.seen_workers:
            try:
                os.kill(pid, 0)
            except OSError:
                continue
            if Path(f"/proc/{pid}/cmdline").exists() and b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
        self.process = None


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time consumed so far by `pids` (from /proc/<pid>/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def load_average() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
