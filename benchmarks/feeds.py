"""Benchmark the programme feed (/feeds/programme.ics) with 5,000 meetings.

`make bench` runs this after the pages (benchmarks/run.py calls main()); on its own:
`.venv/bin/python benchmarks/feeds.py [--profile]`. Two figures, each against a baseline
measured in the same run:

1. Cold generation, in-process (benchmarks/feed_cold.py): the whole feed built as the
   view builds it on a cache miss (schedule.feed_items + feeds.build_calendar), against a
   bare icalendar serialisation of the same meetings (UID, DTSTAMP, DTSTART, DTEND,
   SUMMARY; no SQL). ratio = ours / bare; goal ≤ COLD_GOAL.
2. Warm throughput under gunicorn: /feeds/programme.ics, served from the Redis-backed
   schedule cache after a warm-up, against /__same-bytes__, a trivial Django view that
   answers the very same bytes (benchmarks/wsgi_same_bytes.py). Sequential requests,
   interleaved. ratio = same-bytes median / feed median; goal ≥ WARM_GOAL.

Set-up and clean-up as in run.py, whose helpers this reuses: the database gasched_bench
(created, migrated, loaded with benchmarks/load_feed.py, always dropped), Redis database
14 emptied first, gunicorn always stopped, only 127.0.0.1. Writes
benchmarks/results/feeds.json and adds the figures to latest.json under "feeds". Exit
status 1 only when a step or a request failed; a missed goal prints FAIL and exits 0.
A missed goal (or --profile) also prints where the time goes: feed_cold.py profiles the
cold build, feed_warm_profile.py a cache hit, both in-process.
"""

import http.client
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg2
import run  # benchmarks/run.py: database, Redis, gunicorn and measuring helpers
from run import BenchError

ROOT = run.ROOT
FEED_PATH = "/feeds/programme.ics"
SAME_BYTES_PATH = "/__same-bytes__"  # benchmarks/wsgi_same_bytes.py
COLD_GOAL = 1.5  # cold feed at most 1.5 × a bare icalendar serialisation
WARM_GOAL = 0.8  # cached feed at least 0.8 × as fast as a view sending the same bytes
WARMUP = 10  # requests per path before measuring
REQUESTS = 150  # measured requests per path
FIRST_FEED_TIMEOUT = 60.0  # seconds: the first request renders the feed cold
GUNICORN_TIMEOUT = 90  # seconds: a worker rendering the cold feed must not be killed
HARD_LIMIT = 420  # seconds: the whole feeds run is aborted (and cleaned up) after this


def log(message: str) -> None:
    print(f"[bench feeds] {message}", flush=True)


def fetch(port: int, path: str, timeout: float = run.REQUEST_TIMEOUT) -> tuple[bytes, float, str]:
    """One GET on a new connection that must answer 200: body, seconds, Content-Type."""
    connection = http.client.HTTPConnection(run.HOST, port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
    finally:
        connection.close()
    if response.status != 200:
        raise BenchError(
            f"GET {path} answered {response.status}, not 200:\n"
            f"{body[:2000].decode(errors='replace')}"
        )
    return body, elapsed, response.getheader("Content-Type", "")


def start_gunicorn(env, port: int, app: str, log_file) -> subprocess.Popen:
    args = [
        str(run.BIN / "gunicorn"),
        app,
        "--pythonpath",
        str(ROOT / "benchmarks"),
        "--bind",
        f"{run.HOST}:{port}",
        "--workers",
        str(run.WORKERS),
        "--timeout",
        str(GUNICORN_TIMEOUT),
        "--log-level",
        "warning",
    ]
    log(f"start gunicorn {app} on {run.HOST}:{port} ({run.WORKERS} workers)")
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
    )


def prepare(env: dict[str, str]) -> dict:
    log(f"create database {run.DB_NAME}, empty Redis db 14")
    run.create_database()
    run.empty_redis()
    manage = [str(run.PYTHON), "manage.py"]
    run.run_step("migrate", [*manage, "migrate", "--noinput"], env, 180)
    run.run_step("collectstatic", [*manage, "collectstatic", "--noinput"], env, 120)
    out = run.run_step(
        "load 5,000 meetings in the feed window",
        [str(run.PYTHON), "benchmarks/load_feed.py"],
        env,
        timeout=180,
    )
    return json.loads(out.strip().splitlines()[-1])


def cold(env: dict[str, str], profile: bool) -> dict:
    args = [str(run.PYTHON), "benchmarks/feed_cold.py", f"--goal={COLD_GOAL}"]
    args += ["--profile"] if profile else []
    out = run.run_step("cold feed generation, in-process", args, env, timeout=180)
    *report_lines, result = out.strip().splitlines()
    print("\n".join(report_lines), flush=True)
    return json.loads(result)


def warm_profile(env: dict[str, str]) -> dict:
    """Where a cache hit's time goes, in-process (benchmarks/feed_warm_profile.py)."""
    out = run.run_step(
        "profile the cached feed in-process",
        [str(run.PYTHON), "benchmarks/feed_warm_profile.py"],
        env,
        timeout=120,
    )
    *report_lines, breakdown = out.strip().splitlines()
    print("\n".join(report_lines), flush=True)
    return json.loads(breakdown)


def measure(port: int, paths: dict[str, str], size: int) -> dict[str, list[float]]:
    """Sequential requests, interleaved with a rotating order, as run.measure does."""
    names = list(paths)
    for _ in range(WARMUP):
        for name in names:
            fetch(port, paths[name])
    timings: dict[str, list[float]] = {name: [] for name in names}
    for n in range(REQUESTS):
        shift = n % len(names)
        for name in names[shift:] + names[:shift]:
            body, elapsed, _type = fetch(port, paths[name])
            if len(body) != size:
                raise BenchError(f"GET {paths[name]} answered {len(body)} bytes, not {size}")
            timings[name].append(elapsed)
    return timings


def warm(env: dict[str, str], var_dir: Path, log_path: Path, expected_events: int) -> dict:
    """The cached feed against the same bytes from a trivial WSGI path."""
    port = run.free_port()
    feed_file = var_dir / "programme.ics"
    server = None
    with log_path.open("ab") as log_file:
        try:
            # 1. The plain application: fetch the feed once (rendered cold, then cached).
            server = start_gunicorn(env, port, "gasched.wsgi:application", log_file)
            run.wait_until_up(port, server)
            body, first_s, content_type = fetch(port, FEED_PATH, FIRST_FEED_TIMEOUT)
            events = body.count(b"BEGIN:VEVENT")
            log(
                f"first {FEED_PATH}: {first_s * 1000:.0f} ms (cold, in gunicorn), "
                f"{len(body) / 1e6:.2f} MB, {events} events, {content_type}"
            )
            if events != expected_events or not content_type.startswith("text/calendar"):
                raise BenchError(f"the feed holds {events} events, not {expected_events}")
            feed_file.write_bytes(body)
            run.stop_gunicorn(server)
            # 2. The wrapper on the same port (same Host, so the same cache entry), with
            # the bytes it answers on SAME_BYTES_PATH.
            server = start_gunicorn(
                {**env, "GASCHED_SAME_BYTES": str(feed_file)},
                port,
                "wsgi_same_bytes:application",
                log_file,
            )
            run.wait_until_up(port, server)
            for path in (FEED_PATH, SAME_BYTES_PATH):
                again, _elapsed, again_type = fetch(port, path)
                if again != body or not again_type.startswith("text/calendar"):
                    raise BenchError(f"GET {path} did not answer the bytes fetched first")
            paths = {"same-bytes": SAME_BYTES_PATH, "feed": FEED_PATH}
            log(f"measure: {WARMUP} warm-up + {REQUESTS} requests per path, interleaved")
            timings = measure(port, paths, len(body))
        finally:
            if server is not None:
                run.stop_gunicorn(server)
    same, feed = (statistics.median(timings[name]) for name in ("same-bytes", "feed"))
    return {
        "feed_bytes": len(body),
        "feed_events": events,
        "first_request_ms": round(first_s * 1000, 1),
        "paths": {name: {"path": paths[name], **run.summarise(timings[name])} for name in paths},
        "ratio": same / feed,
    }


def report(results: dict) -> None:
    cold_result, warm_result = results["cold"], results["warm"]
    print()
    print(f"Feed benchmark, {cold_result['meetings']} meetings in the feed")
    print(
        f"  cold generation (in-process, median of {cold_result['repetitions']}): "
        f"ours {cold_result['ours_ms']:.0f} ms, bare icalendar {cold_result['bare_ms']:.0f} ms"
    )
    header = f"  {'warm, gunicorn':<16}{'path':<24}{'median ms':>10}{'p90 ms':>9}{'req/s':>9}"
    print(header)
    for name, page in warm_result["paths"].items():
        print(
            f"  {name:<16}{page['path']:<24}{page['median_ms']:>10.2f}{page['p90_ms']:>9.2f}"
            f"{page['requests_per_second']:>9.1f}"
        )
    goals = results["goals"]
    print()
    for key in ("cold", "warm"):
        goal = goals[key]
        print(
            f"Goal {key}: {goal['description']}: {'PASS' if goal['met'] else 'FAIL'} "
            f"(ratio {goal['ratio']:.2f})"
        )


def write_results(results: dict) -> None:
    run.write_named_results("feeds", results)


def on_alarm(_signum, _frame):
    raise BenchError(f"the feeds benchmark took longer than {HARD_LIMIT} s; aborted")


def main(profile: bool | None = None) -> int:
    if profile is None:
        profile = "--profile" in sys.argv[1:]
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HARD_LIMIT)
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-feeds-"))
    env = run.django_env(var_dir)
    log_path = var_dir / "gunicorn.log"
    try:
        loaded = prepare(env)
        log(
            f"loaded {loaded['meetings']} meetings of sessions {loaded['sessions']} "
            f"({loaded['meetings_in_feed_window']} from {loaded['since']} on, the feed window)"
        )
        cold_result = cold(env, profile)
        warm_result = warm(env, var_dir, log_path, loaded["meetings_in_feed_window"])
        if profile or warm_result["ratio"] < WARM_GOAL:
            warm_result["profile"] = warm_profile(env)
        results = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
            "setup": {
                "server": f"gunicorn, {run.WORKERS} sync workers, settings dev, DEBUG=false",
                "database": "PostgreSQL",
                "cache": "Redis db 14 (emptied first)",
                "warmup_per_path": WARMUP,
                "requests_per_path": REQUESTS,
                "sequential": True,
            },
            "data": loaded,
            "cold": cold_result,
            "warm": warm_result,
            "goals": {
                "cold": {
                    "description": f"cold feed ≤ {COLD_GOAL} × bare icalendar (ours / bare)",
                    "ratio": cold_result["ratio"],
                    "met": cold_result["ratio"] <= COLD_GOAL,
                },
                "warm": {
                    "description": (
                        f"cached feed ≥ {WARM_GOAL} × same-bytes view (same-bytes / feed)"
                    ),
                    "ratio": warm_result["ratio"],
                    "met": warm_result["ratio"] >= WARM_GOAL,
                },
            },
        }
        report(results)
    except BenchError as error:
        log(f"FAILED: {error}")
        if log_path.exists() and log_path.stat().st_size:
            print(log_path.read_text(errors="replace")[-4000:])
        return 1
    finally:
        signal.alarm(0)
        try:
            run.drop_database()
            log(f"dropped database {run.DB_NAME}")
        except psycopg2.Error as error:
            log(f"could not drop database {run.DB_NAME}: {error}")
        shutil.rmtree(var_dir, ignore_errors=True)

    results["duration_s"] = round(time.perf_counter() - started, 1)
    write_results(results)
    log(f"whole feeds run {results['duration_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
