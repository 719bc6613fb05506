"""Cold generation of the programme feed, in-process (run by benchmarks/feeds.py).

Against the benchmark database, with no HTTP and no cache: builds the whole feed the way
meetings.views.programme_feed does on a cache miss (schedule.feed_items, then
feeds.build_calendar), and, in the same process, a bare icalendar serialisation of the
same meetings: a minimal Calendar whose Events have only UID, DTSTAMP, DTSTART, DTEND
and SUMMARY, built from the meeting rows already in memory (so the baseline has no SQL).
Both alternate, REPEAT times each after one warm-up; the medians give the ratio.

With --profile, or when the ratio is above --goal=<ratio> (feeds.py passes the goal), it
also times the stages of the feed one by one and prints the top functions from cProfile.

Prints a report; the last line on stdout is the result as JSON.
"""

import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.dev")

import django

django.setup()  # the imports below need the settings and the app registry

from django.db import connection  # noqa: E402
from icalendar import Calendar, Event  # noqa: E402

from meetings import feeds, schedule  # noqa: E402
from meetings.timing import NOMINAL_LENGTH  # noqa: E402

REPEAT = 5
TIME_BUDGET = 120.0  # seconds: fewer repetitions (at least 3) when one takes too long
BASE_URL = "http://127.0.0.1"
NAME = "General Assembly meetings"


def ours() -> bytes:
    """What programme_feed renders on a cache miss, without the HTTP around it."""
    meetings, deadlines = schedule.feed_items(schedule.ScheduleFilter())
    return feeds.build_calendar(meetings, deadlines=deadlines, name=NAME, base_url=BASE_URL)


def bare(meetings) -> bytes:
    """The least an iCalendar of these meetings can be: five properties an event."""
    calendar = Calendar()
    calendar.add("prodid", feeds.PRODID)
    calendar.add("version", "2.0")
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", meeting.updated)
        event.add("dtstart", meeting.start)
        event.add("dtend", meeting.end or meeting.start + NOMINAL_LENGTH)
        event.add("summary", meeting.title)
        calendar.add_component(event)
    return calendar.to_ical()


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


def median_s(function, repeat: int = 3) -> float:
    return statistics.median(timed(function)[0] for _ in range(repeat))


def staged() -> dict[str, float]:
    """One cold feed in the view's order, each stage timed: seconds."""
    stages, started = {}, time.perf_counter()
    meetings, _deadlines = schedule.feed_items(schedule.ScheduleFilter())
    stages["feed_items"] = time.perf_counter() - started
    started = time.perf_counter()
    events = [feeds.meeting_event(m, base_url=BASE_URL) for m in meetings]
    stages["events"] = time.perf_counter() - started
    started = time.perf_counter()
    calendar = Calendar()
    calendar.add_component(feeds.new_york_timezone())
    for event in events:
        calendar.add_component(event)
    calendar.to_ical()
    stages["to_ical"] = time.perf_counter() - started
    return stages


def staged_bare(meetings) -> dict[str, float]:
    started = time.perf_counter()
    calendar = Calendar()
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", meeting.updated)
        event.add("dtstart", meeting.start)
        event.add("dtend", meeting.end or meeting.start + NOMINAL_LENGTH)
        event.add("summary", meeting.title)
        calendar.add_component(event)
    events = time.perf_counter() - started
    started = time.perf_counter()
    calendar.to_ical()
    return {"bare_events": events, "bare_to_ical": time.perf_counter() - started}


def parts(meetings, repeat: int = 3) -> dict[str, float]:
    """The feed's time, stage by stage as the view runs them (median of three), in ms."""
    runs = [{**staged(), **staged_bare(meetings)} for _ in range(repeat)]
    stage = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    n = len(meetings)
    lines = len(feeds.meeting_event(meetings[0], base_url=BASE_URL).property_items())
    found = {
        "feed_items(): 3 queries + model instances": stage["feed_items"],
        f"meeting_event() x {n}: Event objects, {lines} property lines each": stage["events"],
        f"  of which description() x {n}": median_s(
            lambda: [feeds.description(m, BASE_URL) for m in meetings]
        ),
        f"  of which get_absolute_url() (reverse) x {n}": median_s(
            lambda: [m.get_absolute_url() for m in meetings]
        ),
        f"  of which get_*_display() x {2 * n} (kind, participation)": median_s(
            lambda: [(m.get_kind_display(), m.get_participation_display()) for m in meetings]
        ),
        "calendar.to_ical(): escaping, content lines, folding": stage["to_ical"],
        f"bare: {n} Events of 5 properties": stage["bare_events"],
        "bare: to_ical()": stage["bare_to_ical"],
    }
    return {label: seconds * 1000 for label, seconds in found.items()}


def top_functions(meetings, limit: int = 18) -> str:
    profile = cProfile.Profile()
    profile.enable()
    ours()
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime")
    stats.print_stats(limit)
    lines = out.getvalue().splitlines()
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    total = next((line.strip() for line in lines if "function calls" in line), "")
    return total + "\n" + "\n".join(lines[start : start + limit + 1])


def main() -> None:
    args = sys.argv[1:]
    goal = float(next((a.split("=", 1)[1] for a in args if a.startswith("--goal=")), "inf"))
    meetings, _deadlines = schedule.feed_items(schedule.ScheduleFilter())
    if not meetings:
        raise SystemExit("the feed window holds no meeting: nothing to measure")
    # One warm-up of each: imports, caches of the icalendar library, the connection.
    ours_body, bare_body = ours(), bare(meetings)
    ours_times, bare_times = [], []
    budget_end = time.monotonic() + TIME_BUDGET
    for n in range(REPEAT):
        if n >= 3 and time.monotonic() > budget_end:
            break
        for name in ("ours", "bare") if n % 2 == 0 else ("bare", "ours"):
            if name == "ours":
                ours_times.append(timed(ours)[0])
            else:
                bare_times.append(timed(lambda: bare(meetings))[0])
    ours_ms = statistics.median(ours_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    result = {
        "meetings": len(meetings),
        "repetitions": len(ours_times),
        "ours_ms": round(ours_ms, 1),
        "bare_ms": round(bare_ms, 1),
        "ours_all_ms": [round(t * 1000, 1) for t in ours_times],
        "bare_all_ms": [round(t * 1000, 1) for t in bare_times],
        "ours_bytes": len(ours_body),
        "bare_bytes": len(bare_body),
        "ratio": ours_ms / bare_ms,
        "database": connection.vendor,
    }
    print(
        f"cold feed, {len(meetings)} meetings, median of {len(ours_times)}: "
        f"ours {ours_ms:.0f} ms ({len(ours_body) // 1024} KiB), "
        f"bare icalendar {bare_ms:.0f} ms ({len(bare_body) // 1024} KiB)"
    )
    if "--profile" in args or result["ratio"] > goal:
        breakdown = parts(meetings)
        print(f"\nWhere the cold feed's time goes ({len(meetings)} meetings, median of 3):")
        for label, ms in breakdown.items():
            print(f"  {label:<66}{ms:>9.1f} ms")
        print("\ncProfile of one cold feed (DB + build_calendar), top functions by own time:")
        print(top_functions(meetings))
        result["parts_ms"] = {label.strip(): round(ms, 1) for label, ms in breakdown.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
