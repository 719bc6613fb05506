"""Benchmark the public pages against a trivial view, served by gunicorn on PostgreSQL.

`make bench` runs this. It creates the database gasched_bench (dropped first if it is
left over), migrates it, loads a realistic session year (benchmarks/load_year.py),
starts gunicorn with two workers, measures /healthz/ (the trivial baseline), the week
view and a meeting page with sequential requests in interleaved rounds, prints a table
and writes benchmarks/results/latest.json. gunicorn is always stopped and the database
always dropped. Then it runs the feed benchmark (benchmarks/feeds.py, its own database
and gunicorn). Exit status 1 only when something failed (a request that did not answer
200, a step that broke); missing the speed goal is reported as FAIL but exits 0.

See benchmarks/README.md for how to read the figures.
"""

import argparse
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python" if (BIN / "python").exists() else Path(sys.executable)
RESULTS_DIR = ROOT / "benchmarks" / "results"
RESULTS = RESULTS_DIR / "latest.json"

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
DB_NAME = "gasched_bench"
DATABASE_URL = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DB_NAME}"
# A Redis database of the benchmark's own, emptied first: no page cached by an earlier
# run (on other data) may be served.
REDIS_URL = "redis://127.0.0.1:6379/14"
HOST = "127.0.0.1"
WORKERS = 2

WARMUP = 30  # requests per page before measuring
REQUESTS = 300  # measured requests per page
REQUEST_TIMEOUT = 10.0  # seconds for one request
STARTUP_TIMEOUT = 30.0  # seconds for gunicorn to answer /healthz/
HARD_LIMIT = 240  # seconds: the whole run is aborted (and cleaned up) after this
GOAL = 0.5  # the week view at least half as fast as the trivial view


class BenchError(RuntimeError):
    """A step of the benchmark failed; the run exits 1."""


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


# --- The database -----------------------------------------------------------------


def admin_connection():
    connection = psycopg2.connect(dbname="postgres", connect_timeout=5, **PG)
    connection.autocommit = True
    return connection


def drop_database(name: str = DB_NAME) -> None:
    connection = admin_connection()
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    finally:
        connection.close()


def create_database(name: str = DB_NAME) -> None:
    drop_database(name)
    connection = admin_connection()
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def write_named_results(name: str, results: dict) -> None:
    """benchmarks/results/<name>.json, and the same under <name> in latest.json."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    (RESULTS_DIR / f"{name}.json").write_text(text)
    latest_path = RESULTS_DIR / "latest.json"
    try:
        latest = json.loads(latest_path.read_text())
    except (OSError, ValueError):
        latest = {}
    latest[name] = results
    latest_path.write_text(json.dumps(latest, indent=2, ensure_ascii=False) + "\n")
    log(f"results in benchmarks/results/{name}.json and under '{name}' in latest.json")


def django_env(var_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "SECRET_KEY", "CONN_MAX_AGE", "LOG_LEVEL"}
    }
    env.update(
        {
            "DATABASE_URL": DATABASE_URL,
            # Production-like: the page cache shared by both gunicorn workers.
            "REDIS_URL": REDIS_URL,
            "DJANGO_SETTINGS_MODULE": "gasched.settings.dev",
            "DEBUG": "false",
            "ALLOWED_HOSTS": HOST,
            # Static files and anything else under var/ go to a throwaway directory.
            "GASCHED_VAR_DIR": str(var_dir),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def run_step(title: str, args: list[str], env: dict[str, str], timeout: float) -> str:
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


def empty_redis() -> None:
    import redis  # noqa: PLC0415 -- loaded only when needed

    redis.Redis.from_url(REDIS_URL).flushdb()


def prepare(env: dict[str, str]) -> dict:
    create_database()
    empty_redis()
    manage = [str(PYTHON), "manage.py"]
    run_step("migrate", [*manage, "migrate", "--noinput"], env, 180)
    run_step("collectstatic", [*manage, "collectstatic", "--noinput"], env, 120)
    out = run_step(
        "load a session year", [str(PYTHON), "benchmarks/load_year.py"], env, timeout=180
    )
    return json.loads(out.strip().splitlines()[-1])


# --- gunicorn -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, log_file) -> subprocess.Popen:
    args = [
        str(BIN / "gunicorn"),
        "gasched.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(WORKERS),
        "--log-level",
        "warning",
    ]
    log(f"start gunicorn on {HOST}:{port} ({WORKERS} workers)")
    # A process group of its own, so that stopping it stops the workers too.
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    log("stop gunicorn")
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with status {process.returncode}")
        try:
            status, _body, _ = get(port, "/healthz/")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return
        raise BenchError(f"/healthz/ answered {status}")
    raise BenchError(f"gunicorn did not answer /healthz/ within {STARTUP_TIMEOUT:.0f} s")


# --- Measuring ----------------------------------------------------------------------


def get(port: int, path: str) -> tuple[int, bytes, float]:
    """One request on a new connection: status, body and seconds until the body is read."""
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        return response.status, body, elapsed
    finally:
        connection.close()


def checked_get(port: int, path: str) -> tuple[bytes, float]:
    status, body, elapsed = get(port, path)
    if status != 200:
        raise BenchError(
            f"GET {path} answered {status}, not 200:\n{body[:2000].decode(errors='replace')}"
        )
    return body, elapsed


def move_schedule_version() -> None:
    """What any committed write to schedule data does (meetings.pagecache)."""
    import redis  # noqa: PLC0415 -- loaded only when needed

    # Django's Redis cache key format is "<KEY_PREFIX>:<version>:<key>"; ints are stored as is.
    redis.Redis.from_url(REDIS_URL).set("gasched:1:schedule:version", time.time_ns())


def measure(port: int, pages: dict[str, str], before=None) -> dict[str, list[float]]:
    """Sequential requests, interleaved: page order rotates every round, so that any
    drift or noise on the machine hits every page equally."""
    names = list(pages)
    for _ in range(WARMUP):
        for name in names:
            checked_get(port, pages[name])
    timings: dict[str, list[float]] = {name: [] for name in names}
    for n in range(REQUESTS):
        shift = n % len(names)
        for name in names[shift:] + names[:shift]:
            if before and name in before:
                before[name]()
            _body, elapsed = checked_get(port, pages[name])
            timings[name].append(elapsed)
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


def report(results: dict, baseline: str) -> None:
    base = results["pages"][baseline]
    header = f"{'page':<14}{'path':<26}{'median ms':>10}{'p90 ms':>9}{'req/s':>9}{'× trivial':>11}"
    print()
    print(header)
    print("-" * len(header))
    for name, page in results["pages"].items():
        print(
            f"{name:<14}{page['path']:<26}{page['median_ms']:>10.2f}{page['p90_ms']:>9.2f}"
            f"{page['requests_per_second']:>9.1f}{page['ratio_to_trivial']:>11.2f}"
        )
    print()
    for name, page in results["pages"].items():
        if name != baseline:
            print(
                f"{name} throughput = {page['ratio_to_trivial']:.2f} × trivial view "
                f"(median {base['median_ms']:.2f} ms / {page['median_ms']:.2f} ms)"
            )
    verdict = "PASS" if results["goal"]["met"] else "FAIL"
    print(
        f"\nGoal: week view ≥ {GOAL} × trivial view: {verdict} "
        f"(week view = {results['goal']['week_ratio']:.2f} × trivial view)"
    )


# --- The run ------------------------------------------------------------------------


def build_results(loaded: dict, pages: dict[str, str], timings: dict[str, list[float]]) -> dict:
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "setup": {
            "server": f"gunicorn, {WORKERS} sync workers, settings dev with DEBUG=false",
            "database": "PostgreSQL",
            "warmup_per_page": WARMUP,
            "requests_per_page": REQUESTS,
            "sequential": True,
        },
        "data": loaded,
        "pages": {},
    }
    baseline = statistics.median(timings["trivial"])
    for name, values in timings.items():
        page = {"path": pages[name], **summarise(values)}
        page["ratio_to_trivial"] = baseline / statistics.median(values)
        results["pages"][name] = page
    week_ratio = results["pages"]["week"]["ratio_to_trivial"]
    results["goal"] = {
        "description": f"week view ≥ {GOAL} × trivial view (trivial median / week median)",
        "week_ratio": week_ratio,
        "meeting_ratio": results["pages"]["meeting"]["ratio_to_trivial"],
        "met": week_ratio >= GOAL,
    }
    return results


def profile(env: dict[str, str], loaded: dict) -> dict:
    """Where the week view's time goes, in-process (benchmarks/profile_week.py)."""
    out = run_step(
        "profile the week view in-process",
        [str(PYTHON), "benchmarks/profile_week.py", json.dumps(loaded)],
        env,
        timeout=120,
    )
    *report_lines, breakdown = out.strip().splitlines()
    print("\n".join(report_lines))
    return json.loads(breakdown)


def on_alarm(_signum, _frame):
    raise BenchError(f"the benchmark took longer than {HARD_LIMIT} s; aborted")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profile", action="store_true", help="profile the week view even when it meets the goal"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HARD_LIMIT)
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-"))
    env = django_env(var_dir)
    server = None
    log_path = var_dir / "gunicorn.log"
    try:
        loaded = prepare(env)
        log(
            f"loaded {loaded['total_meetings']} meetings, {loaded['processes']} processes; "
            f"{loaded['week_meetings']} meetings in the week of {loaded['monday']}"
        )
        pages = {
            "trivial": "/healthz/",
            "week": f"/week/{loaded['monday']}/",
            "meeting": f"/meetings/{loaded['meeting_pk']}/",
        }
        # The first view after the schedule changed: measured apart, with the schedule
        # version moved before every request (as any committed write moves it).
        cold_pages = {"trivial": pages["trivial"], "week-cold": pages["week"]}
        port = free_port()
        with log_path.open("wb") as log_file:
            server = start_gunicorn(env, port, log_file)
            wait_until_up(port, server)
            body, _ = checked_get(port, pages["week"])
            shown = body.count(b'<li class="meeting ')
            log(f"the week page lists {shown} meetings ({len(body) // 1024} KiB)")
            log(f"measure: {WARMUP} warm-up + {REQUESTS} requests per page, interleaved")
            timings = measure(port, pages)
            log("measure the cold week: the schedule version moved before each request")
            cold = measure(port, cold_pages, before={"week-cold": move_schedule_version})
            timings["week-cold"] = cold["week-cold"]
            timings["trivial-cold-phase"] = cold["trivial"]
            stop_gunicorn(server)
        pages = {**pages, "week-cold": pages["week"], "trivial-cold-phase": pages["trivial"]}
        results = build_results(loaded, pages, timings)
        report(results, "trivial")
        if args.profile or not results["goal"]["met"]:
            results["profile"] = profile(env, loaded)
    except BenchError as error:
        log(f"FAILED: {error}")
        if log_path.exists() and log_path.stat().st_size:
            print(log_path.read_text(errors="replace")[-4000:])
        return 1
    finally:
        signal.alarm(0)
        if server is not None:
            stop_gunicorn(server)
        try:
            drop_database()
            log(f"dropped database {DB_NAME}")
        except psycopg2.Error as error:
            log(f"could not drop database {DB_NAME}: {error}")
        shutil.rmtree(var_dir, ignore_errors=True)

    results["duration_s"] = round(time.perf_counter() - started, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    log(f"results in {RESULTS.relative_to(ROOT)}; whole run {results['duration_s']} s")
    return 0


def main_with_feeds() -> int:
    """`make bench`: the pages, then the programme feed (benchmarks/feeds.py)."""
    pages = main()
    import feeds  # noqa: PLC0415 -- import cycle: benchmarks/feeds.py imports this module

    return max(pages, feeds.main(profile="--profile" in sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main_with_feeds())
