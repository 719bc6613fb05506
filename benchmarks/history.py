"""Growth with history: every schedule page's first view after a change, with the current
session alone (3,000 meetings) and with nine sessions before it (30,000 meetings, 400
processes), on the same server in one run.

`make bench` runs this after run.py. A database of the run's own (dropped at the end,
whatever happens), Redis db 14 emptied first, gunicorn with two workers as in run.py.
The current session (the one that covers today) is loaded (benchmarks/load_history.py
current), the pages are measured cold (the schedule version moved before every request,
as any edit moves it) interleaved with the trivial view; then the history is loaded
(load_history.py history, ANALYZE included) and the same pages are measured again.

For each page: growth = (median at 30,000 / trivial then) / (median at 3,000 / trivial
then), the trivial view correcting for what else the machine did meanwhile. Goal: every
page ≤ GOAL. Exit status 1 only when a step or a request failed.
"""

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import common
from common import BenchError, log

DB_NAME = common.run_database_name("gasched_bench_history")
REDIS_URL = "redis://127.0.0.1:6379/14"
WARMUP = 5  # requests per page before measuring
REQUESTS = 80  # measured requests per page and phase
HARD_LIMIT = 420  # seconds
GOAL = 1.15


def measure_cold(port: int, pages: dict[str, str]) -> dict[str, float]:
    """Median seconds of each page right after a change, and of the trivial view."""
    paths = {"trivial": "/healthz/", **pages}
    moved = {name: lambda: common.move_schedule_version(REDIS_URL) for name in pages}
    timings = common.measure(port, paths, warmup=WARMUP, requests=REQUESTS, before=moved)
    return {name: statistics.median(values) for name, values in timings.items()}


def report(pages, small: dict, large: dict, growth: dict) -> None:
    header = f"{'page':<12}{'path':<44}{'3,000 ms':>10}{'30,000 ms':>11}{'growth':>8}"
    print()
    print(header)
    print("-" * len(header))
    for name, path in {"trivial": "/healthz/", **pages}.items():
        shown = f"{growth[name]:>8.2f}" if name in growth else ""
        print(f"{name:<12}{path:<44}{small[name] * 1000:>10.2f}{large[name] * 1000:>11.2f}{shown}")
    print(f"\nGoal: every page ≤ {GOAL} × its time at 3,000 (relative to the trivial view)")


def main() -> int:
    common.set_time_limit(HARD_LIMIT, "the history benchmark")
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-history-"))
    env = common.django_env(var_dir, database=DB_NAME, redis_url=REDIS_URL)
    log_path = var_dir / "gunicorn.log"
    server = None
    loader = [str(common.PYTHON), "benchmarks/load_history.py"]
    try:
        common.prepare(env, database=DB_NAME, redis_url=REDIS_URL)
        loaded = common.run_json_step("load the current session", [*loader, "current"], env, 120)
        pages = loaded["pages"]
        port = common.free_port()
        with log_path.open("wb") as log_file:
            server = common.start_gunicorn(env, port, log_file)
            common.wait_until_up(port, server)
            log(f"measure {loaded['meetings']} meetings: {WARMUP} + {REQUESTS} requests a page")
            small = measure_cold(port, pages)
            history = common.run_json_step("load the history", [*loader, "history"], env, 240)
            log(f"measure {history['meetings']} meetings, {history['processes']} processes")
            large = measure_cold(port, pages)
            common.stop_group(server, what="gunicorn")
        growth = {
            name: (large[name] / large["trivial"]) / (small[name] / small["trivial"])
            for name in pages
        }
        report(pages, small, large, growth)
        for name, figure in growth.items():
            common.record(
                f"{name} right after a change, 30,000 / 3,000 meetings", figure, "x", f"<= {GOAL}"
            )
        results = {
            **common.stamp(),
            "data": {"current": loaded, "history": history},
            "median_s": {"3000": small, "30000": large},
            "growth": growth,
            "goal": f"<= {GOAL}",
        }
    except BenchError as error:
        common.report_failure(error, log_path, part="history")
        return 1
    finally:
        common.clear_time_limit()
        if server is not None:
            common.stop_group(server, what="gunicorn")
        common.clean_up_database(DB_NAME)
        shutil.rmtree(var_dir, ignore_errors=True)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_named_results("history", results)
    log(f"whole history run {results['duration_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
