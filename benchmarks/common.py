"""What the benchmark scripts share.

For the runners (run.py, feeds.py, fanout.py), which drive the app from outside: the
services on 127.0.0.1 (a PostgreSQL database of the run's own, a Redis database emptied
first), the environment of a production-like Django, steps in subprocesses, gunicorn and
other process groups, sequential HTTP requests, the figures and the results files. For
the in-process scripts (feed_cold.py, feed_warm_profile.py, profile_week.py and the
loaders): Django set up against the benchmark database, medians and cProfile's top
functions.

Nothing here imports Django at module level: the runners never load the app themselves.
"""

import contextlib
import cProfile
import http.client
import io
import json
import os
import platform
import pstats
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python" if (BIN / "python").exists() else Path(sys.executable)
RESULTS_DIR = ROOT / "benchmarks" / "results"

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
HOST = "127.0.0.1"
WORKERS = 2  # gunicorn sync workers
REQUEST_TIMEOUT = 10.0  # seconds for one request
STARTUP_TIMEOUT = 30.0  # seconds for gunicorn to answer /healthz/


class BenchError(RuntimeError):
    """A step of the benchmark failed; the run exits 1."""


def log(message: str, *, part: str = "") -> None:
    print(f"[bench{' ' + part if part else ''}] {message}", flush=True)


# --- The time limit -------------------------------------------------------------------


def set_time_limit(seconds: int, what: str) -> None:
    """Abort the run (BenchError, so that it is cleaned up) after `seconds`."""

    def on_alarm(_signum, _frame):
        raise BenchError(f"{what} took longer than {seconds} s; aborted")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)


def clear_time_limit() -> None:
    signal.alarm(0)


# --- PostgreSQL and Redis -------------------------------------------------------------


def database_url(name: str) -> str:
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"


def admin_connection():
    connection = psycopg2.connect(dbname="postgres", connect_timeout=5, **PG)
    connection.autocommit = True
    return connection


def drop_database(name: str) -> None:
    connection = admin_connection()
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    finally:
        connection.close()


def create_database(name: str) -> None:
    """A new empty database, dropping a leftover one of an earlier run first."""
    drop_database(name)
    connection = admin_connection()
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def clean_up_database(name: str) -> None:
    """Drop the run's database, whatever happened before; say so if it cannot be."""
    try:
        drop_database(name)
        log(f"dropped database {name}")
    except psycopg2.Error as error:
        log(f"could not drop database {name}: {error}")


def empty_redis(url: str) -> None:
    import redis  # noqa: PLC0415 -- loaded only when needed

    redis.Redis.from_url(url, socket_timeout=5).flushdb()


# --- Django in subprocesses -----------------------------------------------------------


def django_env(var_dir: Path, *, database: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of the app under benchmark: settings dev with DEBUG off, the run's
    own database and Redis database (the cache, and Celery's broker), and nothing of the
    caller's own mail, Celery or gasched settings. Static files and anything else under
    var/ go to `var_dir`, a throwaway directory."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "SECRET_KEY", "CONN_MAX_AGE", "LOG_LEVEL", "DATABASE_URL"}
        and not key.startswith(("EMAIL_", "CELERY_", "GASCHED_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "gasched.settings.dev",
            "DEBUG": "false",
            "DATABASE_URL": database_url(database),
            "REDIS_URL": redis_url,
            "ALLOWED_HOSTS": HOST,
            "GASCHED_VAR_DIR": str(var_dir),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
    )
    return env


def run_step(title: str, args: list[str], env: dict[str, str], timeout: float) -> str:
    """One step in a subprocess (manage.py, a loader, an in-process script): its stdout."""
    log(title)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"{title}: no answer after {timeout:.0f} s") from error
    if done.returncode != 0:
        raise BenchError(f"{title} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    log(f"  done in {time.perf_counter() - started:.1f} s")
    return done.stdout


def run_json_step(title: str, args: list[str], env: dict[str, str], timeout: float) -> dict:
    """A step whose last line on stdout is its result as JSON; the lines before it, a
    report for people, are printed."""
    *report, result = run_step(title, args, env, timeout).strip().splitlines()
    if report:
        print("\n".join(report), flush=True)
    return json.loads(result)


def prepare(env: dict[str, str], *, database: str, redis_url: str) -> None:
    """A fresh database, migrated (the rooms and missions come from the data migrations),
    an empty Redis database, and the static files collected."""
    create_database(database)
    empty_redis(redis_url)
    manage = [str(PYTHON), "manage.py"]
    run_step("migrate", [*manage, "migrate", "--noinput"], env, 180)
    run_step("collectstatic", [*manage, "collectstatic", "--noinput"], env, 120)


# --- Processes ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_group(args: list[str], env: dict[str, str], log_file) -> subprocess.Popen:
    """A process in a process group of its own, so that stopping it stops its children."""
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop_group(process: subprocess.Popen, *, what: str, grace: float = 10) -> None:
    """SIGTERM to the process group, SIGKILL after `grace` seconds; then SIGKILL to any
    child that outlived its parent (it would still be in the group)."""
    if process.poll() is None:
        log(f"stop {what}")
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def start_gunicorn(
    env: dict[str, str],
    port: int,
    log_file,
    *,
    app: str = "gasched.wsgi:application",
    timeout: int | None = None,
) -> subprocess.Popen:
    """gunicorn with WORKERS sync workers on HOST:port; benchmarks/ is on its path (for
    wsgi_same_bytes); `timeout`, a worker's, when one request may take long."""
    args = [str(BIN / "gunicorn"), app, "--pythonpath", str(ROOT / "benchmarks")]
    args += ["--bind", f"{HOST}:{port}", "--workers", str(WORKERS), "--log-level", "warning"]
    args += ["--timeout", str(timeout)] if timeout else []
    log(f"start gunicorn {app} on {HOST}:{port} ({WORKERS} workers)")
    return start_group(args, env, log_file)


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with status {process.returncode}")
        try:
            status = fetch(port, "/healthz/").status
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        raise BenchError(f"/healthz/ answered {status}")
    raise BenchError(f"gunicorn did not answer /healthz/ within {STARTUP_TIMEOUT:.0f} s")


def report_failure(error: BenchError, log_path: Path, *, part: str = "") -> None:
    log(f"FAILED: {error}", part=part)
    if log_path.exists() and log_path.stat().st_size:
        print(log_path.read_text(errors="replace")[-4000:])


# --- HTTP and figures -----------------------------------------------------------------


class Answer(NamedTuple):
    status: int
    body: bytes
    seconds: float  # until the whole body is read
    content_type: str


def fetch(port: int, path: str, *, timeout: float = REQUEST_TIMEOUT) -> Answer:
    """One GET on a new connection."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        return Answer(response.status, body, elapsed, response.getheader("Content-Type", ""))
    finally:
        connection.close()


def fetch_ok(port: int, path: str, *, timeout: float = REQUEST_TIMEOUT) -> Answer:
    """One GET that must answer 200."""
    answer = fetch(port, path, timeout=timeout)
    if answer.status != 200:
        raise BenchError(
            f"GET {path} answered {answer.status}, not 200:\n"
            f"{answer.body[:2000].decode(errors='replace')}"
        )
    return answer


def measure(
    port: int,
    paths: dict[str, str],
    *,
    warmup: int,
    requests: int,
    before: dict[str, Callable[[], None]] | None = None,
    size: int | None = None,
) -> dict[str, list[float]]:
    """Sequential requests, interleaved: the order of the paths rotates every round, so
    that drift or noise on the machine hits every path alike. `before[name]()` runs,
    untimed, before each measured request of that path; every answer must be 200 (and
    `size` bytes long, when given)."""
    names = list(paths)
    for _ in range(warmup):
        for name in names:
            fetch_ok(port, paths[name])
    timings: dict[str, list[float]] = {name: [] for name in names}
    for n in range(requests):
        shift = n % len(names)
        for name in names[shift:] + names[:shift]:
            if before and name in before:
                before[name]()
            answer = fetch_ok(port, paths[name])
            if size is not None and len(answer.body) != size:
                raise BenchError(f"GET {paths[name]} answered {len(answer.body)} bytes, not {size}")
            timings[name].append(answer.seconds)
    return timings


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarise(values: list[float]) -> dict[str, float]:
    return {
        "requests": len(values),
        "median_ms": statistics.median(values) * 1000,
        "p90_ms": percentile(values, 0.9) * 1000,
        "mean_ms": statistics.fmean(values) * 1000,
        "min_ms": min(values) * 1000,
        "max_ms": max(values) * 1000,
        # sequential requests, one at a time: throughput is the inverse of the mean
        "requests_per_second": len(values) / sum(values),
    }


# --- Results --------------------------------------------------------------------------


def stamp() -> dict:
    """When and on what a run was made: the head of every results file."""
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }


def write_json(path: Path, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def write_named_results(name: str, results: dict) -> None:
    """benchmarks/results/<name>.json, and the same under <name> in latest.json."""
    write_json(RESULTS_DIR / f"{name}.json", results)
    latest_path = RESULTS_DIR / "latest.json"
    try:
        latest = json.loads(latest_path.read_text())
    except (OSError, ValueError):
        latest = {}
    latest[name] = results
    write_json(latest_path, latest)
    log(f"results in benchmarks/results/{name}.json and under '{name}' in latest.json")


# --- The table of figures ------------------------------------------------------------

# `make bench` names a file here; every script appends one JSON line per figure, and
# benchmarks/table.py prints them all against their goals at the end.
RESULTS_ENV = "GASCHED_BENCH_RESULTS"
# Read once: scripts that set Django up in-process replace os.environ with the app's.
RESULTS_FILE = os.environ.get(RESULTS_ENV, "")


def meets(figure: float, goal: str) -> bool:
    """Whether `figure` meets `goal`, written ">= 0.5" or "<= 1.15"."""
    operator, _space, bound = goal.strip().partition(" ")
    if operator == ">=":
        return figure >= float(bound)
    if operator == "<=":
        return figure <= float(bound)
    raise ValueError(f"a goal is '>= N' or '<= N', not {goal!r}")


def record(name: str, figure: float, unit: str, goal: str) -> bool:
    """One figure against its goal, appended to the file GASCHED_BENCH_RESULTS names (when
    it names one: a script run alone only prints). Returns whether the goal is met."""
    ok = meets(figure, goal)
    line = {"name": name, "figure": figure, "unit": unit, "goal": goal, "ok": ok}
    if RESULTS_FILE:
        with open(RESULTS_FILE, "a", encoding="utf-8") as results:
            results.write(json.dumps(line, ensure_ascii=False) + "\n")
    return ok


# --- In-process scripts ---------------------------------------------------------------


def setup_django() -> None:
    """Django against the benchmark database (the environment run_step gives), for the
    scripts that measure the app in their own process."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.dev")
    import django  # noqa: PLC0415 -- loaded only when needed

    django.setup()


def median_ms(function: Callable[[], object], *, repeat: int, warmup: int = 1) -> float:
    """The median time of `repeat` calls, after `warmup` untimed ones, in milliseconds."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def top_functions(function: Callable[[], object], *, limit: int, times: int = 1) -> str:
    """cProfile of `times` calls: the total, then the `limit` functions with the most
    time of their own."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(times):
        function()
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime")
    stats.print_stats(limit)
    lines = out.getvalue().splitlines()
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    total = next((line.strip() for line in lines if "function calls" in line), "")
    return total + "\n" + "\n".join(lines[start : start + limit + 1])
