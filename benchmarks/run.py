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
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import common
import feeds
from common import BenchError, log

RESULTS = common.RESULTS_DIR / "latest.json"
DB_NAME = common.run_database_name("gasched_bench_pages")
# A Redis database of the benchmark's own, emptied first: no page cached by an earlier
# run (on other data) may be served.
REDIS_URL = "redis://127.0.0.1:6379/14"

WARMUP = 30  # requests per page before measuring
REQUESTS = 300  # measured requests per page
HARD_LIMIT = 240  # seconds: the whole run is aborted (and cleaned up) after this
GOAL = 0.5  # the week view at least half as fast as the trivial view
COLD_GOAL = 0.2  # the first view of the week after a change: at least a fifth


def prepare(env: dict[str, str]) -> dict:
    common.prepare(env, database=DB_NAME, redis_url=REDIS_URL)
    return common.run_json_step(
        "load a session year", [str(common.PYTHON), "benchmarks/load_year.py"], env, 180
    )


def move_schedule_version() -> None:
    common.move_schedule_version(REDIS_URL)


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
        **common.stamp(),
        "setup": {
            "server": f"gunicorn, {common.WORKERS} sync workers, settings dev with DEBUG=false",
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
        page = {"path": pages[name], **common.summarise(values)}
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
    return common.run_json_step(
        "profile the week view in-process",
        [str(common.PYTHON), "benchmarks/profile_week.py", json.dumps(loaded)],
        env,
        timeout=120,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profile", action="store_true", help="profile the week view even when it meets the goal"
    )
    args = parser.parse_args()
    common.set_time_limit(HARD_LIMIT, "the benchmark")
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-"))
    env = common.django_env(var_dir, database=DB_NAME, redis_url=REDIS_URL)
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
        port = common.free_port()
        with log_path.open("wb") as log_file:
            server = common.start_gunicorn(env, port, log_file)
            common.wait_until_up(port, server)
            body = common.fetch_ok(port, pages["week"]).body
            shown = body.count(b'<li class="meeting ')
            log(f"the week page lists {shown} meetings ({len(body) // 1024} KiB)")
            log(f"measure: {WARMUP} warm-up + {REQUESTS} requests per page, interleaved")
            timings = common.measure(port, pages, warmup=WARMUP, requests=REQUESTS)
            log("measure the cold week: the schedule version moved before each request")
            cold = common.measure(
                port,
                cold_pages,
                warmup=WARMUP,
                requests=REQUESTS,
                before={"week-cold": move_schedule_version},
            )
            timings["week-cold"] = cold["week-cold"]
            timings["trivial-cold-phase"] = cold["trivial"]
            common.stop_group(server, what="gunicorn")
        pages = {**pages, "week-cold": pages["week"], "trivial-cold-phase": pages["trivial"]}
        results = build_results(loaded, pages, timings)
        report(results, "trivial")
        figures = results["pages"]
        common.record(
            "week view / trivial view", figures["week"]["ratio_to_trivial"], "x", f">= {GOAL}"
        )
        common.record(
            "week view right after a change / trivial view",
            figures["week-cold"]["ratio_to_trivial"]
            / figures["trivial-cold-phase"]["ratio_to_trivial"],
            "x",
            f">= {COLD_GOAL}",
        )
        if args.profile or not results["goal"]["met"]:
            results["profile"] = profile(env, loaded)
    except BenchError as error:
        common.report_failure(error, log_path)
        return 1
    finally:
        common.clear_time_limit()
        if server is not None:
            common.stop_group(server, what="gunicorn")
        common.clean_up_database(DB_NAME)
        common.clean_up_cache(REDIS_URL)
        shutil.rmtree(var_dir, ignore_errors=True)

    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_json(RESULTS, results)
    log(f"results in {RESULTS.relative_to(common.ROOT)}; whole run {results['duration_s']} s")
    return 0


def main_with_feeds() -> int:
    """`make bench`: the pages, then the programme feed (benchmarks/feeds.py)."""
    pages = main()
    return max(pages, feeds.main(profile="--profile" in sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main_with_feeds())
