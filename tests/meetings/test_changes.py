"""What changed: a delegation back from a week away catches up in a minute."""

from datetime import UTC, date, datetime, time, timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.urls import reverse

from meetings import schedule
from meetings.changes import programme_changes
from meetings.enums import MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from tests.factories import MeetingFactory, SessionFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime(2031, 3, 3, 15, tzinfo=UTC)


@pytest.fixture
def session():
    return SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))


def at(moment):
    return time_machine.travel(moment, tick=False)


def test_changes_of_the_week_with_before_and_after(session):
    with at(MONDAY - timedelta(days=20)):  # before the period: its history is "before"
        moved = schedule.save_meeting(
            Meeting(session=session, title="Plenary on oceans", kind="plenary",
                    start=new_york_datetime(date(2031, 3, 10), time(10)),
                    room=Room.objects.get(code="GA-HALL"), published_at=MONDAY)
        )  # fmt: skip
        cancelled = schedule.save_meeting(
            Meeting(session=session, title="Briefing on water", kind="briefing",
                    start=new_york_datetime(date(2031, 3, 11), time(15)),
                    room=Room.objects.get(code="CR1"), published_at=MONDAY)
        )  # fmt: skip
    with at(MONDAY - timedelta(days=2)):
        moved.start = new_york_datetime(date(2031, 3, 12), time(10))
        moved.room = Room.objects.get(code="ECOSOC")
        schedule.save_meeting(moved)
    with at(MONDAY - timedelta(days=1)):
        schedule.set_meeting_status(cancelled, MeetingStatus.CANCELLED)
        added = schedule.save_meeting(
            Meeting(session=session, title="Dialogue on AI", kind="dialogue",
                    start=new_york_datetime(date(2031, 3, 13), time(10)), published_at=MONDAY)
        )  # fmt: skip
        added.notes = "Only the notes changed: not a programme change."
        schedule.save_meeting(added)

    with at(MONDAY):
        changes = programme_changes(days=7)

    assert [(c.what, c.title) for c in changes] == [
        ("Added", "Dialogue on AI"),
        ("Cancelled", "Briefing on water"),
        ("Moved, Room changed", "Plenary on oceans"),
    ]
    assert [(d.label, d.before, d.after) for d in changes[2].differences] == [
        (
            "When",
            "Monday 10 March 2031, 10:00 (New York time, EDT)",
            "Wednesday 12 March 2031, 10:00 (New York time, EDT)",
        ),
        ("Room", "General Assembly Hall", "ECOSOC Chamber"),
    ]


def test_the_page_and_its_feed(client, session):
    with at(MONDAY - timedelta(days=1)):
        MeetingFactory(session=session, title="Plenary <b>on</b> oceans")
    with at(MONDAY):
        page = client.get(reverse("meetings:changes")).content.decode()
        feed = client.get(reverse("meetings:changes-feed"))
    assert "Plenary &lt;b&gt;on&lt;/b&gt; oceans" in page
    assert feed["Content-Type"].startswith("application/atom+xml")
    from defusedxml.ElementTree import fromstring

    atom = "{http://www.w3.org/2005/Atom}"
    entries = fromstring(feed.content).findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == ["Added: Plenary <b>on</b> oceans"]


PAYLOAD = "<img src=x onerror=alert(1)>"


class HtmlReader(HTMLParser):
    """What a feed reader makes of an HTML summary: its elements and its text."""

    def __init__(self):
        super().__init__()
        self.elements, self.text = [], ""

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.text += data


def test_the_feed_gives_room_names_and_titles_to_feed_readers_as_text(client, session):
    trap = Room.objects.create(code="TRAP", name=f"Room {PAYLOAD}", building="conference-building")
    with at(MONDAY - timedelta(days=10)):
        meeting = MeetingFactory(
            session=session, title=f"Plenary {PAYLOAD}", room=Room.objects.get(code="CR1"),
            start=new_york_datetime(date(2031, 3, 10), time(10)), end=None,
        )  # fmt: skip
    with at(MONDAY - timedelta(days=1)):
        meeting.room = trap
        schedule.save_meeting(meeting)
    with at(MONDAY):
        feed = client.get(reverse("meetings:changes-feed"))
    from defusedxml.ElementTree import fromstring

    atom = "{http://www.w3.org/2005/Atom}"
    (entry,) = fromstring(feed.content).findall(f"{atom}entry")
    assert entry.find(f"{atom}title").text == f"Room changed: Plenary {PAYLOAD}"
    summary = entry.find(f"{atom}summary")
    assert summary.get("type") == "html"
    reader = HtmlReader()
    reader.feed(summary.text)
    assert reader.elements == []
    assert reader.text == f"Room: Conference Room 1 → Room {PAYLOAD}"


@pytest.mark.parametrize("days", ["0", "61", "seven"])
def test_a_period_outside_one_to_sixty_days_is_a_400_with_a_reason(client, days):
    response = client.get(reverse("meetings:changes"), {"days": days})
    assert response.status_code == 400
    assert b"days must be a number from 1 to 60" in response.content


@pytest.mark.parametrize("n", [1, 30])
def test_changes_queries_do_not_grow(client, session, django_assert_num_queries, n):
    with at(MONDAY - timedelta(days=10)):
        start = new_york_datetime(date(2031, 3, 10), time(10))  # in the session
        meetings = [MeetingFactory(session=session, start=start) for _ in range(n)]
    with at(MONDAY - timedelta(days=1)):
        for meeting in meetings:
            meeting.status = MeetingStatus.CANCELLED
            schedule.save_meeting(meeting)
    with at(MONDAY), django_assert_num_queries(2):
        response = client.get(reverse("meetings:changes"))
    assert response.content.decode().count("<strong>Cancelled</strong>") == n
