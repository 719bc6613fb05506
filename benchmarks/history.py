"""Growth with history: every schedule page's first view after a change, with the current
session alone (3,000 meetings) and with nine sessions before it (30,000 meetings, 400
processes), measured side by side in one run.

`make bench` runs this after run.py. Two databases of the run's own (dropped at the end,
whatever happens): both get the current session (the one that covers today; the same
data, so the same addresses) with benchmarks/load_history.py current, the second also
the history before it (load_history.py history, ANALYZE included). Two gunicorns (two
workers each), one on each database, each with a Redis database of its own (emptied
first). Requests alternate between the two servers, page by page, so that whatever
else the machine does hits both alike; the schedule version is moved before every
request (as any edit moves it), so each page is rendered from the database.

For each page: growth = median at 30,000 / median at 3,000. Goal: every page ≤ GOAL.
The trivial view is measured the same way, as a check (it should be 1.00). Exit status
1 only when a step or a request failed.
"""

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import common
from common import BenchError, log

SIZES = ("3000", "30000")
DATABASES = {size: common.run_database_name(f"gasched_bench_history_{size}") for size in SIZES}
REDIS_URLS = {"3000": "redis://127.0.0.1:6379/14", "30000": "redis://127.0.0.1:6379/15"}
WARMUP = 5  # requests per page and server before measuring
REQUESTS = 80  # measured requests per page and server
HARD_LIMIT = 480  # seconds
GOAL = 1.15


def measure_side_by_side(ports: dict[str, int], pages: dict[str, str]) -> dict:
    """Median seconds of each page on each server, right after a change (the trivial view
    as it is): requests alternate between the servers, the order of pages rotates."""
    paths = {"trivial": "/healthz/", **pages}
    names = list(paths)
    for _ in range(WARMUP):
        for name in names:
            for size in SIZES:
                common.fetch_ok(ports[size], paths[name])
    timings = {size: {name: [] for name in names} for size in SIZES}
    for n in range(REQUESTS):
        shift = n % len(names)
        for name in names[shift:] + names[:shift]:
            for size in SIZES if n % 2 else SIZES[::-1]:
                if name != "trivial":
                    common.move_schedule_version(REDIS_URLS[size])
                answer = common.fetch_ok(ports[size], paths[name])
                timings[size][name].append(answer.seconds)
    return {
        size: {name: statistics.median(values) for name, values in by_name.items()}
        for size, by_name in timings.items()
    }


def report(pages, medians: dict, growth: dict) -> None:
    header = f"{'page':<12}{'path':<44}{'3,000 ms':>10}{'30,000 ms':>11}{'growth':>8}"
    print()
    print(header)
    print("-" * len(header))
    for name, path in {"trivial": "/healthz/", **pages}.items():
        small, large = medians["3000"][name] * 1000, medians["30000"][name] * 1000
        print(f"{name:<12}{path:<44}{small:>10.2f}{large:>11.2f}{growth[name]:>8.2f}")
    print(f"\nGoal: every page ≤ {GOAL} × its time at 3,000 meetings (trivial: a check)")


def main() -> int:
    common.set_time_limit(HARD_LIMIT, "the history benchmark")
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-history-"))
    envs = {
        size: common.django_env(var_dir, database=DATABASES[size], redis_url=REDIS_URLS[size])
        for size in SIZES
    }
    servers = {}
    loader = [str(common.PYTHON), "benchmarks/load_history.py"]
    try:
        loaded = {}
        for size in SIZES:
            common.prepare(envs[size], database=DATABASES[size], redis_url=REDIS_URLS[size])
            loaded[size] = common.run_json_step(
                f"load the current session ({size})", [*loader, "current"], envs[size], 120
            )
        history = common.run_json_step(
            "load the history (30000)", [*loader, "history"], envs["30000"], 300
        )
        pages = loaded["3000"]["pages"]
        if loaded["30000"]["pages"] != pages:
            raise BenchError("the two databases do not hold the same current session")
        ports = {size: common.free_port() for size in SIZES}
        for size in SIZES:
            log_file = (var_dir / f"gunicorn-{size}.log").open("wb")
            servers[size] = common.start_gunicorn(envs[size], ports[size], log_file)
            common.wait_until_up(ports[size], servers[size])
        log(
            f"measure {loaded['3000']['meetings']} against {history['meetings']} meetings "
            f"({history['processes']} processes): {WARMUP} + {REQUESTS} requests a page"
        )
        medians = measure_side_by_side(ports, pages)
        growth = {name: medians["30000"][name] / medians["3000"][name] for name in medians["3000"]}
        report(pages, medians, growth)
        for name in pages:
            common.record(
                f"{name} right after a change, 30,000 / 3,000 meetings",
                growth[name],
                "x",
                f"<= {GOAL}",
            )
        results = {
            **common.stamp(),
            "data": {"current": loaded["3000"], "history": history},
            "median_s": medians,
            "growth": growth,
            "goal": f"<= {GOAL}",
        }
    except BenchError as error:
        common.report_failure(error, var_dir / "gunicorn-30000.log", part="history")
        return 1
    finally:
        common.clear_time_limit()
        for size, server in servers.items():
            common.stop_group(server, what=f"gunicorn ({size})")
        for size in SIZES:
            common.clean_up_database(DATABASES[size])
            common.clean_up_cache(REDIS_URLS[size])
        shutil.rmtree(var_dir, ignore_errors=True)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_named_results("history", results)
    log(f"whole history run {results['duration_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
