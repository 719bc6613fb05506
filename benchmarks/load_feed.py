"""Load meetings inside the programme feed's window (run by benchmarks/feeds.py).

The feed holds every meeting from meetings.feeds.feed_window on (60 days back, and
everything ahead). This creates the session that covers today and the one before it
(rule-based dates, meetings.sessions.ensure_session) and spreads MEETING_COUNT meetings
over the working days from the window's start to the end of the current session, each in
the session that holds it, with the same generator as load_year.py
(processes with co-facilitators, segments, every kind of timing and status; each meeting
that holds a room gets its own room, day and slot). Deterministic. Prints one JSON line.
"""

import json
import random

import load_year  # benchmarks/load_year.py: sets Django up, and the meeting generator
from django.db import transaction
from django.utils import timezone

from meetings.demo import working_days
from meetings.feeds import feed_window
from meetings.models import Meeting
from meetings.schedule import today
from meetings.sessions import ensure_session, ensure_session_covering

SEED = 81
# As many as a subscribed feed holds whole (feeds.SUBSCRIPTION_LIMIT keeps about 1,600
# events): the benchmark compares the same events, built and served. The herd
# benchmark loads more (load(5000)): its subscribers' feeds are cut to the limit.
MEETING_COUNT = 1400


@transaction.atomic
def load(count: int = MEETING_COUNT) -> dict:
    rng = random.Random(SEED)  # noqa: S311 -- benchmark data, not security
    current = ensure_session_covering(today())
    previous = ensure_session(current.number - 1)
    combos = load_year.room_slots()
    since = feed_window(timezone.now())
    days = [
        (previous if day < current.start_date else current, day)
        for day in working_days(since.date(), current.end_date)
    ]
    base, extra = divmod(count, len(days))
    assert base + 1 <= len(combos), "not enough rooms and slots for one meeting each"
    counts = [base + (n < extra) for n in range(len(days))]
    rng.shuffle(counts)
    processes = {
        session.pk: load_year.make_processes(rng, session) for session in (previous, current)
    }
    meetings = []
    for (session, day), count in zip(days, counts, strict=True):
        meetings += load_year.plan_day(rng, session, day, count, combos, processes[session.pk])
    meetings = Meeting.objects.bulk_create(meetings)
    segments = load_year.add_segments(rng, meetings)
    in_window = Meeting.objects.filter(start__gte=since).count()
    return {
        "sessions": [previous.number, current.number],
        "since": since.date().isoformat(),
        "until": current.end_date.isoformat(),
        "meetings": len(meetings),
        "meetings_in_feed_window": in_window,
        "processes": sum(len(group) for group in processes.values()),
        "segments": len(segments),
    }


if __name__ == "__main__":
    print(json.dumps(load()))
