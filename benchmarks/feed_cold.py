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

import json
import statistics
import sys
import time

import common

common.setup_django()  # the imports below need the settings and the app registry

from django.db import connection  # noqa: E402
from django.utils.translation import get_language  # noqa: E402
from icalendar import Calendar, Event  # noqa: E402

from meetings import feeds, ics, schedule  # noqa: E402
from meetings.timing import NOMINAL_LENGTH  # noqa: E402

REPEAT = 5
TIME_BUDGET = 120.0  # seconds: fewer repetitions (at least 3) when one takes too long
BASE_URL = "http://127.0.0.1"
NAME = "General Assembly meetings"


def ours() -> bytes:
    """What programme_feed renders on a cache miss, without the HTTP around it."""
    meetings, deadlines = schedule.feed_items(schedule.ScheduleFilter())
    return feeds.build_calendar(meetings, deadlines=deadlines, name=NAME, base_url=BASE_URL)


def bare_calendar(meetings) -> Calendar:
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
    return calendar


def bare(meetings) -> bytes:
    return bare_calendar(meetings).to_ical()


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def staged(meetings) -> dict[str, float]:
    """One cold feed in the view's order, each stage timed (seconds), and the same for the
    bare baseline."""
    stages, started = {}, time.perf_counter()
    schedule.feed_items(schedule.ScheduleFilter())
    stages["feed_items"] = time.perf_counter() - started
    started, language = time.perf_counter(), get_language()
    events = [feeds.meeting_lines(m, base_url=BASE_URL, language=language) for m in meetings]
    stages["events"] = time.perf_counter() - started
    started = time.perf_counter()
    b"".join(ics.fold(line) for lines in events for line in lines)
    stages["fold"] = time.perf_counter() - started
    started = time.perf_counter()
    calendar = bare_calendar(meetings)
    stages["bare_events"] = time.perf_counter() - started
    stages["bare_to_ical"] = timed(calendar.to_ical)
    return stages


def parts(meetings, repeat: int = 3) -> dict[str, float]:
    """The feed's time, stage by stage as the view runs them (median of three), in ms."""
    runs = [staged(meetings) for _ in range(repeat)]
    stage = {name: statistics.median(run[name] for run in runs) * 1000 for name in runs[0]}
    n = len(meetings)
    lines = len(feeds.meeting_lines(meetings[0], base_url=BASE_URL, language=get_language()))
    found = {
        "feed_items(): 3 queries + model instances": stage["feed_items"],
        f"meeting_lines() x {n}: {lines} content lines each": stage["events"],
        f"  of which description() x {n}": common.median_ms(
            lambda: [feeds.description(m, BASE_URL) for m in meetings], repeat=3, warmup=0
        ),
        f"  of which get_absolute_url() (reverse) x {n}": common.median_ms(
            lambda: [m.get_absolute_url() for m in meetings], repeat=3, warmup=0
        ),
        "ics.fold() and join: the bytes": stage["fold"],
        f"bare: {n} Events of 5 properties": stage["bare_events"],
        "bare: to_ical()": stage["bare_to_ical"],
    }
    return found


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
                ours_times.append(timed(ours))
            else:
                bare_times.append(timed(lambda: bare(meetings)))
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
        print(common.top_functions(ours, limit=18))
        result["parts_ms"] = {label.strip(): round(ms, 1) for label, ms in breakdown.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
