"""Ten sessions of history change nothing a reader waits for: with 30,000 stored meetings
the queries of the schedule pages, a feed and the API read the window they show, never
the whole table (PostgreSQL's plans, after ANALYZE, as a server that kept the years)."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.demo import working_days
from meetings.enums import MeetingKind, MeetingStatus, Timing
from meetings.models import Meeting, Process
from meetings.sessions import ensure_session, ensure_session_covering
from meetings.timing import new_york_datetime, today

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

SESSIONS = 10
MEETINGS_A_SESSION = 3000
PROCESSES_A_SESSION = 40
KINDS = [MeetingKind.PLENARY, MeetingKind.INFORMAL_CONSULTATION, MeetingKind.NEGOTIATION]
STATUSES = [MeetingStatus.SCHEDULED] * 8 + [MeetingStatus.TENTATIVE, MeetingStatus.CANCELLED]


def load_history() -> Process:
    """30,000 meetings over ten sessions (the last covers today), 400 processes; returns
    a process of the current session. Rooms are left out: the exclusion constraint is
    not what is measured here."""
    current = ensure_session_covering(today())
    meetings = []
    for number in range(current.number - SESSIONS + 1, current.number + 1):
        session = ensure_session(number)
        processes = Process.objects.bulk_create(
            Process(session=session, title=f"Process {n} of {number}", slug=f"p-{number}-{n}")
            for n in range(PROCESSES_A_SESSION)
        )
        days = working_days(session.start_date, session.end_date)
        for n in range(MEETINGS_A_SESSION):
            day = days[n * len(days) // MEETINGS_A_SESSION]
            start = new_york_datetime(day, time(10) if n % 2 else time(15))
            meeting = Meeting(
                session=session,
                process=processes[n % PROCESSES_A_SESSION] if n % 3 else None,
                kind=KINDS[n % len(KINDS)],
                title=f"Meeting {n} of the {number}th session",
                status=STATUSES[n % len(STATUSES)],
                timing=Timing.EXACT,
                start=start,
                end=start + timedelta(hours=3),
                published_at=start - timedelta(days=30),  # the public programme's history
            )
            meeting.booked_until = meeting.holds_room_until()
            meetings.append(meeting)
    Meeting.objects.bulk_create(meetings, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_meeting")
        cursor.execute("ANALYZE meetings_process")
        cursor.execute("ANALYZE meetings_session")
    return Process.objects.get(slug=f"p-{current.number}-1")


def scans_of_meetings(node: dict):
    """Every node of a JSON plan that reads meetings_meeting."""
    if node.get("Relation Name") == "meetings_meeting":
        yield node
    for child in node.get("Plans", []):
        yield from scans_of_meetings(child)


def whole_table_reads(client, path: str) -> dict[str, str]:
    """The plan of every query of the request that reads meetings_meeting sequentially,
    or reads (returns or discards) in one scan more than the largest window holds (a
    feed's: this session and the one before), as walking the start index from the first
    meeting ever stored does."""
    with CaptureQueriesContext(connection) as ran:
        response = client.get(path)
    assert response.status_code == 200, path
    found = {}
    for query in ran.captured_queries:
        if "meetings_meeting" not in query["sql"]:
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
            (plan,) = cursor.fetchone()[0]
        for scan in scans_of_meetings(plan["Plan"]):
            read = (scan["Actual Rows"] + scan.get("Rows Removed by Filter", 0)) * scan[
                "Actual Loops"
            ]
            if scan["Node Type"] == "Seq Scan" or read > 2.5 * MEETINGS_A_SESSION:
                found[query["sql"]] = f"{scan['Node Type']}: {read} rows"
    return found


def test_schedule_pages_feed_and_api_read_no_whole_table_with_ten_sessions(client):
    process = load_history()
    assert Meeting.objects.count() == SESSIONS * MEETINGS_A_SESSION
    monday = today() - timedelta(days=today().weekday())
    paths = [
        reverse("meetings:programme"),
        reverse("meetings:programme") + "?page=3",
        reverse("meetings:week", args=[monday]),
        reverse("meetings:day", args=[monday]),
        reverse("meetings:week-rooms", args=[monday]),
        reverse("meetings:month", args=[monday.year, monday.month]),
        reverse("meetings:week", args=[monday]) + f"?process={process.slug}",
        reverse("meetings:feed"),
        reverse("meetings:feed") + f"?process={process.slug}",
        process.get_absolute_url(),
        "/api/meetings",
        f"/api/meetings?process={process.slug}",
        f"/api/meetings?since={today().isoformat()}",
    ]

    reads = {path: whole_table_reads(client, path) for path in paths}

    assert {path: plans for path, plans in reads.items() if plans} == {}
