"""Load a current session, or the history before it, into the benchmark database (run by
benchmarks/history.py).

`current`: the session that covers today with MEETINGS_A_SESSION meetings over its
working days and PROCESSES_A_SESSION processes (load_year.py's generator). `history`: the
HISTORY_SESSIONS sessions before it, as many again each, then ANALYZE, so that the
planner knows the table as a server that has kept the years would. Ten sessions in all:
30,000 meetings and 400 processes. Bulk inserts, a few seconds a session.

Deterministic (random.Random of the session's number). Prints one JSON line on stdout:
the pages to measure (current) and the totals.
"""

import json
import random
import sys
from datetime import date, timedelta

import common

common.setup_django()  # the imports below need the settings and the app registry

from django.db import connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from load_year import add_segments, make_processes, plan_day, room_slots  # noqa: E402

from meetings.demo import working_days  # noqa: E402
from meetings.models import Meeting, Process, Session  # noqa: E402
from meetings.sessions import ensure_session, ensure_session_covering  # noqa: E402
from meetings.timing import today  # noqa: E402

MEETINGS_A_SESSION = 3000
HISTORY_SESSIONS = 9


def spread(rng: random.Random, days: list[date], total: int) -> dict[date, int]:
    base, extra = divmod(total, len(days))
    counts = dict.fromkeys(days, base)
    for day in rng.sample(days, extra):
        counts[day] += 1
    return counts


@transaction.atomic
def load_session(session: Session) -> int:
    rng = random.Random(session.number)  # noqa: S311 -- benchmark data, not security
    processes = make_processes(rng, session)
    combos = room_slots()
    counts = spread(rng, working_days(session.start_date, session.end_date), MEETINGS_A_SESSION)
    meetings = []
    for day, count in sorted(counts.items()):
        meetings += plan_day(rng, session, day, count, combos, processes)
    meetings = Meeting.objects.bulk_create(meetings, batch_size=2000)
    add_segments(rng, meetings)
    return len(meetings)


def current() -> dict:
    session = ensure_session_covering(today())
    load_session(session)
    monday = today() - timedelta(days=today().weekday())
    in_week = Meeting.objects.filter(session=session, start__date__gte=monday).order_by("start")
    meeting = in_week.filter(process__isnull=False).first()
    return {
        "session": session.number,
        "pages": {
            "programme": reverse("meetings:programme"),
            "day": reverse("meetings:day", args=[monday]),
            "week": reverse("meetings:week", args=[monday]),
            "week-rooms": reverse("meetings:week-rooms", args=[monday]),
            "month": reverse("meetings:month", args=[monday.year, monday.month]),
            "process": meeting.process.get_absolute_url(),
            "meeting": meeting.get_absolute_url(),
            "api-list": "/api/meetings",
            "feed": reverse("meetings:feed") + f"?process={meeting.process.slug}",
        },
    }


def history() -> dict:
    number = ensure_session_covering(today()).number
    for past in range(number - HISTORY_SESSIONS, number):
        load_session(ensure_session(past))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {}


def main() -> None:
    loaded = {"current": current, "history": history}[sys.argv[1]]()
    loaded.update(
        meetings=Meeting.objects.count(),
        processes=Process.objects.count(),
        sessions=Session.objects.count(),
    )
    print(json.dumps(loaded))


if __name__ == "__main__":
    main()
