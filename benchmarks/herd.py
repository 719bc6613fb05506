"""Benchmark the herd after one edit: 120 feeds polled again, in server CPU.

`make bench` runs this; on its own: `.venv/bin/python benchmarks/herd.py`. Calendars poll
their feeds every hour whatever happens; an edit changes what few of them hold. The
figure: after one edit, what re-polling 120 feeds costs the server, in CPU time, against
one cold feed (the whole programme, 5,000 events, built from nothing) measured in the
same run. Goal: at most GOAL × one cold feed.

- Its own database (created, migrated, always dropped) loaded by benchmarks/load_herd.py:
  5,000 meetings in the feeds' window, 100 filtered feeds (processes, rooms, kinds,
  rooms with a kind) and 20 personal feeds; Redis database 15, emptied first.
- gunicorn with WORKERS sync workers (settings dev, DEBUG off), as in production.
- Server CPU: the time the scheduler accounted to gunicorn's processes
  (/proc/<pid>/task/*/schedstat, nanoseconds), before and after each phase. The
  PostgreSQL backends of the run's database are reported beside it.
- One cold feed: Redis emptied (and the workers' one-second trust in the version run
  out), then one request for the whole programme feed; the median of COLD_REPEATS.
- Warm: every feed fetched WARM_POLLS times first; then one measured poll of the 120,
  each request with If-Modified-Since from the poll before, as calendars send it.
- After one edit (a meeting's title, through schedule.save_meeting in a subprocess):
  the same conditional poll, measured; how many feeds changed (ETag), how many
  answered 304.

Writes benchmarks/results/herd.json (and under "herd" in latest.json) and appends its
figure to the file GASCHED_BENCH_RESULTS names. Exit status 1 only when a step or a
request failed; a missed goal prints FAIL and exits 0.
"""

import http.client
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import common
from common import HOST, BenchError

DB_NAME = f"gasched_bench_herd_{os.getpid()}"
REDIS_URL = "redis://127.0.0.1:6379/15"  # emptied first, and before every cold feed
WORKERS = 4  # gunicorn sync workers, as the issue measured
GOAL = 2.0  # re-polling 120 feeds after one edit: at most 2 × one cold feed
COLD_REPEATS = 5
WARM_POLLS = 3  # unmeasured polls of every feed first: every worker has seen them
TRUST = 1.5  # seconds: a worker trusts its reading of the schedule version for 1 s
HARD_LIMIT = 600  # seconds: the whole run is aborted (and cleaned up) after this


def log(message: str) -> None:
    common.log(message, part="herd")


class Answer(NamedTuple):
    status: int
    etag: str
    last_modified: str
    size: int


def get(port: int, path: str, since: str = "") -> Answer:
    """One GET on a new connection; If-Modified-Since when `since` is given."""
    connection = http.client.HTTPConnection(HOST, port, timeout=common.REQUEST_TIMEOUT * 6)
    headers = {"Connection": "close"} | ({"If-Modified-Since": since} if since else {})
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        answer = Answer(
            response.status,
            response.getheader("ETag", ""),
            response.getheader("Last-Modified", ""),
            len(body),
        )
    finally:
        connection.close()
    if answer.status not in (200, 304):
        raise BenchError(f"GET {path} answered {answer.status}")
    return answer


def poll(port: int, feeds: list[str], before: dict[str, Answer] | None = None):
    """Every feed once, conditional on what the poll `before` was told."""
    answers = {}
    for path in feeds:
        told = before.get(path) if before else None
        answer = get(port, path, told.last_modified if told else "")
        if answer.status == 304:  # the client keeps what it had
            answer = told._replace(status=304)
        answers[path] = answer
    return answers


class ServerCpu:
    """CPU time in nanoseconds (the scheduler's accounting) of one process group, and of
    the PostgreSQL backends of one database."""

    def __init__(self, pgid: int, database: str):
        self.pgid, self.database = pgid, database

    @staticmethod
    def run_ns(pid: str) -> int:
        total = 0
        for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            try:
                total += int(task.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue  # ended meanwhile
        return total

    def is_our_backend(self, pid: str) -> bool:
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            return False
        parts = title.split(": ")  # "postgres: 15/main: user database host(port) state"
        words = parts[2].split() if len(parts) > 2 else []
        return len(words) > 1 and words[1] == self.database

    def read(self) -> dict[str, dict[str, int]]:
        """Per process: a backend may end between two readings (what it spent is lost)."""
        reading = {"server": {}, "postgres": {}}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1 : stat.rindex(")")]
            pgrp = int(stat[stat.rindex(")") + 2 :].split()[2])
            if pgrp == self.pgid:
                reading["server"][pid] = self.run_ns(pid)
            elif comm == "postgres" and self.is_our_backend(pid):
                reading["postgres"][pid] = self.run_ns(pid)
        return reading

    def spent(self, call) -> tuple[object, dict[str, float]]:
        """`call()`, and the CPU seconds it cost the server and the database."""
        before = self.read()
        result = call()
        after = self.read()
        return result, {
            role: sum(ns - before[role].get(pid, 0) for pid, ns in after[role].items()) / 1e9
            for role in after
        }


def start_server(env: dict[str, str], port: int, log_file):
    args = [str(common.BIN / "gunicorn"), "gasched.wsgi:application"]
    args += ["--bind", f"{HOST}:{port}", "--workers", str(WORKERS), "--timeout", "120"]
    args += ["--log-level", "warning"]
    log(f"start gunicorn on {HOST}:{port} ({WORKERS} workers)")
    return common.start_group(args, env, log_file)


def cold_feed(port: int, path: str, meter: ServerCpu) -> dict[str, float]:
    """The whole programme feed built from nothing: Redis emptied, then one request."""
    common.empty_redis(REDIS_URL)
    time.sleep(TRUST)
    answer, cpu = meter.spent(lambda: get(port, path))
    if answer.status != 200:
        raise BenchError(f"the whole programme feed answered {answer}")
    return cpu


def measure(port: int, loaded: dict, meter: ServerCpu, env: dict[str, str]) -> dict:
    feeds = loaded["feeds"]
    for path in ("/healthz/", loaded["whole_programme"]) * WORKERS:
        get(port, path)  # every worker has imported and set up what a feed needs
    log(f"one cold feed ({loaded['whole_programme']}), {COLD_REPEATS} times")
    colds = [cold_feed(port, loaded["whole_programme"], meter) for _ in range(COLD_REPEATS)]
    log(f"{len(feeds)} feeds: {WARM_POLLS} polls to warm up, then one measured")
    answers = None
    for _ in range(WARM_POLLS):
        answers = poll(port, feeds, answers)
    warm_answers, warm = meter.spent(lambda: poll(port, feeds, answers))
    edited = common.run_json_step(
        "one edit (a meeting's title, schedule.save_meeting)",
        [str(common.PYTHON), "benchmarks/load_herd.py", "--edit", str(loaded["edit"])],
        env,
        timeout=120,
    )
    time.sleep(TRUST)
    after_answers, after = meter.spent(lambda: poll(port, feeds, warm_answers))
    cold = {key: statistics.median(c[key] for c in colds) for key in colds[0]}
    return {
        "edited": edited,
        "feeds": len(feeds),
        "cold_seconds": cold,
        "cold_repeats": colds,
        "warm_poll_seconds": warm,
        "after_edit_poll_seconds": after,
        "changed_by_the_edit": sum(after_answers[p].etag != warm_answers[p].etag for p in feeds),
        "not_modified_after_the_edit": sum(a.status == 304 for a in after_answers.values()),
        "not_modified_warm": sum(a.status == 304 for a in warm_answers.values()),
        "ratio": after["server"] / cold["server"],
        "ratio_with_postgres": (after["server"] + after["postgres"])
        / (cold["server"] + cold["postgres"]),
    }


def report(results: dict) -> None:
    cold, warm, after = (
        results[k] for k in ("cold_seconds", "warm_poll_seconds", "after_edit_poll_seconds")
    )
    print()
    print(f"The herd: {results['feeds']} feeds, {results['data']['meetings']} meetings")
    print(f"  {'':<36}{'server CPU s':>13}{'PostgreSQL s':>14}")
    for name, cpu in (
        ("one cold feed (whole programme)", cold),
        (f"warm poll of {results['feeds']} feeds", warm),
        (f"poll of {results['feeds']} after one edit", after),
    ):
        print(f"  {name:<36}{cpu['server']:>13.3f}{cpu['postgres']:>14.3f}")
    print(
        f"  the edit changed {results['changed_by_the_edit']} of {results['feeds']} feeds; "
        f"{results['not_modified_after_the_edit']} answered 304 to If-Modified-Since after "
        f"it ({results['not_modified_warm']} before)"
    )
    verdict = "PASS" if results["goal"]["met"] else "FAIL"
    print(
        f"\nafter one edit, re-polling {results['feeds']} feeds costs {results['ratio']:.2f} × "
        f"one cold feed in server CPU ({results['ratio_with_postgres']:.2f} × with "
        f"PostgreSQL); goal ≤ {GOAL}: {verdict}"
    )


def main() -> int:
    common.set_time_limit(HARD_LIMIT, "the herd benchmark")
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="gasched-bench-herd-"))
    env = common.django_env(var_dir, database=DB_NAME, redis_url=REDIS_URL)
    log_path = var_dir / "gunicorn.log"
    server = None
    try:
        log(f"create database {DB_NAME}, empty Redis db 15")
        common.prepare(env, database=DB_NAME, redis_url=REDIS_URL)
        loaded = common.run_json_step(
            "load 5,000 meetings, 20 personal schedules",
            [str(common.PYTHON), "benchmarks/load_herd.py"],
            env,
            timeout=300,
        )
        port = common.free_port()
        with log_path.open("wb") as log_file:
            server = start_server(env, port, log_file)
            common.wait_until_up(port, server)
            measured = measure(port, loaded, ServerCpu(server.pid, DB_NAME), env)
            common.stop_group(server, what="gunicorn")
        results = {
            **common.stamp(),
            "setup": {
                "server": f"gunicorn, {WORKERS} sync workers, settings dev, DEBUG=false",
                "database": "PostgreSQL",
                "cache": "Redis db 15 (emptied first)",
                "cpu": "scheduler time of gunicorn's processes (/proc schedstat)",
            },
            "data": {k: v for k, v in loaded.items() if k != "feeds"},
            **measured,
            "goal": {
                "description": f"re-polling the feeds after one edit ≤ {GOAL} × one cold feed",
                "ratio": measured["ratio"],
                "met": measured["ratio"] <= GOAL,
            },
        }
        report(results)
        common.record(
            "herd: re-polling 120 feeds after one edit",
            round(measured["ratio"], 2),
            "× one cold feed (server CPU)",
            f"<= {GOAL}",
        )
    except BenchError as error:
        common.report_failure(error, log_path, part="herd")
        return 1
    finally:
        common.clear_time_limit()
        if server is not None:
            common.stop_group(server, what="gunicorn")
        common.clean_up_database(DB_NAME)
        shutil.rmtree(var_dir, ignore_errors=True)
    results["duration_s"] = round(time.perf_counter() - started, 1)
    common.write_named_results("herd", results)
    log(f"whole herd run {results['duration_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
