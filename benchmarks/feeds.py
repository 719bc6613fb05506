"""Benchmark the programme feed (/feeds/programme.ics) with 1,400 meetings (as many as a
subscribed feed holds whole: meetings.feeds.SUBSCRIPTION_LIMIT).

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

Set-up and clean-up as in run.py (benchmarks/common.py): the database gasched_bench
(created, migrated, loaded with benchmarks/load_feed.py, always dropped), Redis database
14 emptied first, gunicorn always stopped, only 127.0.0.1. Writes
benchmarks/results/feeds.json and adds the figures to latest.json under "feeds". Exit
status 1 only when a step or a request failed; a missed goal prints FAIL and exits 0.
A missed goal (or --profile) also prints where the time goes: feed_cold.py profiles the
cold build, feed_warm_profile.py a cache hit, both in-process.
"""

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import common
from common import BenchError

DB_NAME = common.run_database_name("gasched_bench_feeds")
REDIS_URL = "redis://127.0.0.1:6379/14"  # emptied first
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
    common.log(message, part="feeds")


def prepare(env: dict[str, str]) -> dict:
    log(f"create database {DB_NAME}, empty Redis db 14")
    common.prepare(env, database=DB_NAME, redis_url=REDIS_URL)
    return common.run_json_step(
        "load 1,400 meetings in the feed window",
        [str(common.PYTHON), "benchmarks/load_feed.py"],
        env,
        timeout=180,
    )


def cold(env: dict[str, str], profile: bool) -> dict:
    args = [str(common.PYTHON), "benchmarks/feed_cold.py", f"--goal={COLD_GOAL}"]
    args += ["--profile"] if profile else []
    return common.run_json_step("cold feed generation, in-process", args, env, timeout=180)


def warm_profile(env: dict[str, str]) -> dict:
    """Where a cache hit's time goes, in-process (benchmarks/feed_warm_profile.py)."""
    return common.run_json_step(
        "profile the cached feed in-process",
        [str(common.PYTHON), "benchmarks/feed_warm_profile.py"],
        env,
        timeout=120,
    )


def warm(env: dict[str, str], var_dir: Path, log_path: Path, expected_events: int) -> dict:
    """The cached feed against the same bytes from a trivial WSGI path."""
    port = common.free_port()
    feed_file = var_dir / "programme.ics"
    server = None
    with log_path.open("ab") as log_file:
        try:
            # 1. The plain application: fetch the feed once (rendered cold, then cached).
            server = common.start_gunicorn(env, port, log_file, timeout=GUNICORN_TIMEOUT)
            common.wait_until_up(port, server)
            first = common.fetch_ok(port, FEED_PATH, timeout=FIRST_FEED_TIMEOUT)
            body, events = first.body, first.body.count(b"BEGIN:VEVENT")
            log(
                f"first {FEED_PATH}: {first.seconds * 1000:.0f} ms (cold, in gunicorn), "
                f"{len(body) / 1e6:.2f} MB, {events} events, {first.content_type}"
            )
            if events != expected_events or not first.content_type.startswith("text/calendar"):
                raise BenchError(f"the feed holds {events} events, not {expected_events}")
            feed_file.write_bytes(body)
            common.stop_group(server, what="gunicorn")
            # 2. The wrapper on the same port (same Host, so the same cache entry), with
            # the bytes it answers on SAME_BYTES_PATH.
            server = common.start_gunicorn(
                {**env, "GASCHED_SAME_BYTES": str(feed_file)},
                port,
                log_file,
                app="wsgi_same_bytes:application",
                timeout=GUNICORN_TIMEOUT,
            )
            common.wait_until_up(port, server)
            for path in (FEED_PATH, SAME_BYTES_PATH):
                again = common.fetch_ok(port, path)
                if again.body != body or not again.content_type.startswith("text/calendar"):
                    raise BenchError(f"GET {path} did not answer the bytes fetched first")
            paths = {"same-bytes": SAME_BYTES_PATH, "feed": FEED_PATH}
            log(f"measure: {WARMUP} warm-up + {REQUESTS} requests per path, interleaved")
            timings = common.measure(port, paths, warmup=WARMUP, requests=REQUESTS, size=len(body))
        finally:
            if server is not None:
                common.stop_group(server, what="gunicorn")
    same, feed = (statistics.median(timings[name]) for name in ("same-bytes", "feed"))
    return {
        "feed_bytes": len(body),
        "feed_events": events,
        "first_request_ms": round(first.seconds * 1000, 1),
        "paths": {name: {"path": paths[name], **common.summarise(timings[name])} for name in paths},
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


def main(profile: bool | None = None) -> int:
    if profile is None:
        profile = "--profile" in sys.argv[1:]
    common.set_time_limit(HARD_LIMIT, "the feeds benchmark")
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-feeds-"))
    env = common.django_env(var_dir, database=DB_NAME, redis_url=REDIS_URL)
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
            **common.stamp(),
            "setup": {
                "server": f"gunicorn, {common.WORKERS} sync workers, settings dev, DEBUG=false",
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
        common.record(
            "cold feed: ours / bare icalendar", cold_result["ratio"], "x", f"<= {COLD_GOAL}"
        )
        common.record(
            "warm feed: same-bytes view / cached feed", warm_result["ratio"], "x", f">= {WARM_GOAL}"
        )
    except BenchError as error:
        common.report_failure(error, log_path, part="feeds")
        return 1
    finally:
        common.clear_time_limit()
        common.clean_up_database(DB_NAME)
        common.clean_up_cache(REDIS_URL)
        shutil.rmtree(var_dir, ignore_errors=True)

    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_named_results("feeds", results)
    log(f"whole feeds run {results['duration_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
