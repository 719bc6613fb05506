"""Where the week view's time goes, measured in-process (run by benchmarks/run.py).

Runs against the benchmark database after the HTTP measurement, when the week view
missed its goal (or always with `run.py --profile`). No HTTP, no gunicorn: the parts of
the view are timed one by one (median of REPEAT calls), the SQL is counted, and cProfile
names the functions that spend the most time. Prints a report; the last line on stdout
is the breakdown as JSON, which run.py stores in the results.

Usage (run.py passes these): load_year's JSON line as the only argument.
"""

import json
import statistics
import sys
import time
from datetime import date, timedelta

import common

common.setup_django()  # the imports below need the settings and the app registry

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402

from meetings import schedule, views  # noqa: E402
from meetings.wording import meeting_time  # noqa: E402

REPEAT = 50
HOST = "127.0.0.1"


def median_ms(function) -> float:
    return common.median_ms(function, repeat=REPEAT, warmup=5)


class SqlCounter:
    """Counts the queries and their time (connection.queries is empty with DEBUG off)."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


def sql_of(client: Client, path: str, repeat: int = 20) -> SqlCounter:
    """The queries of one request, and the median time they take together."""
    client.get(path)
    counters = []
    for _ in range(repeat):
        counter = SqlCounter()
        with connection.execute_wrapper(counter):
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counters.append(counter)
    typical = SqlCounter()
    typical.count = counters[-1].count
    typical.seconds = statistics.median(counter.seconds for counter in counters)
    return typical


def main() -> None:
    loaded = json.loads(sys.argv[1])
    monday = date.fromisoformat(loaded["monday"])
    week_path = f"/week/{monday.isoformat()}/"
    meeting_path = f"/meetings/{loaded['meeting_pk']}/"
    client = Client(HTTP_HOST=HOST)
    request = RequestFactory().get(week_path, HTTP_HOST=HOST)

    week_sql, meeting_sql = sql_of(client, week_path), sql_of(client, meeting_path)
    days = schedule.meetings_between(monday, monday + timedelta(days=6), schedule.ScheduleFilter())
    meetings = [meeting for day in days for meeting in day.meetings]
    form = views.filter_form(request.GET)
    options = sum(len(form.fields[name].choices) for name in ("kind", "process", "room"))

    parts = {
        "trivial view through Django (test client)": median_ms(lambda: client.get("/healthz/")),
        "week view through Django (test client)": median_ms(lambda: client.get(week_path)),
        f"  SQL: {week_sql.count} queries": week_sql.seconds * 1000,
        f"  fetch the week: query + {len(meetings)} meetings built": median_ms(
            lambda: schedule.meetings_between(
                monday, monday + timedelta(days=6), schedule.ScheduleFilter()
            )
        ),
        f"  filter form: choices from cache + 3 <select>s, {options} options": median_ms(
            lambda: render_to_string(
                "meetings/_filters.html",
                {"filter_form": views.filter_form(request.GET), "query": ""},
            )
        ),
        f"  render {len(meetings)} meeting rows (_days.html)": median_ms(
            lambda: render_to_string("meetings/_days.html", {"days": days}, request=request)
        ),
        f"    of which {2 * len(meetings)} get_kind/status_display()": median_ms(
            lambda: [(m.get_kind_display(), m.get_status_display()) for m in meetings]
        ),
        f"    of which {3 * len(meetings)} reverse() (get_absolute_url)": median_ms(
            lambda: [
                (
                    m.get_absolute_url(),
                    m.process and m.process.get_absolute_url(),
                    m.room and m.room.get_absolute_url(),
                )
                for m in meetings
            ]
        ),
        f"    of which {len(meetings)} meeting_time filters": median_ms(
            lambda: [meeting_time(m) for m in meetings]
        ),
        "meeting page through Django (test client)": median_ms(lambda: client.get(meeting_path)),
        f"  SQL: {meeting_sql.count} queries": meeting_sql.seconds * 1000,
    }
    print(f"\nWhere the time goes, in-process (no HTTP), median of {REPEAT} calls:")
    for label, ms in parts.items():
        print(f"  {label:<58}{ms:>8.2f} ms")
    print("\ncProfile of 20 week views, top functions by own time:")
    print(common.top_functions(lambda: client.get(week_path), limit=12, times=20))
    breakdown = {
        "parts_ms": {label.strip(): round(ms, 3) for label, ms in parts.items()},
        "week_queries": week_sql.count,
        "meeting_queries": meeting_sql.count,
    }
    print(json.dumps(breakdown))


if __name__ == "__main__":
    main()
