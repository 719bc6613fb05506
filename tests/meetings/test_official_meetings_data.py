"""The API and the calendar feeds carry a meeting's body, number and agenda items."""

from datetime import date, time, timedelta

import pytest
from icalendar import Calendar

from meetings import schedule
from meetings.enums import MeetingKind
from meetings.models import AgendaItem, Organ
from tests import calendar_parsers
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)


def plenary(start, **fields):
    meeting = MeetingFactory(
        kind=MeetingKind.PLENARY,
        organ=Organ.objects.get(code="ga-plenary"),
        meeting_number=45,
        title=fields.pop("title", "Culture of peace"),
        start=start,
        webcast_url="https://webtv.un.org/plenary",
        **fields,
    )
    AgendaItem.objects.create(
        meeting=meeting, order=0, number="13", title="Culture of peace", documents=["A/71/345"]
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title="Elections; appointments")
    return meeting


def test_the_api_gives_organ_number_agenda_items_and_source(client):
    meeting = plenary(at(JUNE_29, 10))
    informal = MeetingFactory(start=at(JUNE_29, 15))
    items = {item["id"]: item for item in client.get("/api/meetings").json()["items"]}
    official = items[meeting.pk]
    assert official["organ"] == {"code": "ga-plenary", "name": "General Assembly"}
    assert official["meeting_number"] == 45
    assert official["official_name"] == "General Assembly, 45th plenary meeting"
    assert official["agenda_items"] == [
        {"number": "13", "title": "Culture of peace", "documents": ["A/71/345"]},
        {"number": "", "title": "Elections; appointments", "documents": []},
    ]
    assert official["source"] == "office"
    assert official["webcast_url"] == "https://webtv.un.org/plenary"
    other = items[informal.pk]
    assert (other["organ"], other["meeting_number"], other["agenda_items"]) == (None, None, [])
    assert client.get(f"/api/meetings/{meeting.pk}").json()["agenda_items"][0]["number"] == "13"


def test_the_official_name_is_english_whatever_the_language_asked(client):
    plenary(at(JUNE_29, 10))
    data = client.get("/api/meetings", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert data["items"][0]["official_name"] == "General Assembly, 45th plenary meeting"


@pytest.mark.parametrize("n", [2, 30])
def test_the_api_runs_the_same_queries_whatever_the_meetings(client, django_assert_num_queries, n):
    session = SessionFactory()
    for i in range(n):
        plenary(at(JUNE_29 + timedelta(days=i // 5), 8 + i % 5), session=session)
    # the filter choices (processes, rooms: their cache is empty), the count, the page
    # and its agenda items
    with django_assert_num_queries(5):
        data = client.get("/api/meetings?limit=200").json()
    assert len(data["items"]) == n


@pytest.fixture
def session_now():
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )


def feed_events(client, query: str = "") -> list:
    body = client.get("/feeds/programme.ics" + query).content
    calendar_parsers.read_everywhere(body)
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_the_feed_describes_the_official_meeting_and_its_agenda(client, session_now):
    plenary(at(schedule.today() + timedelta(days=3), 10), session=session_now)
    (event,) = feed_events(client)
    assert str(event["summary"]) == "Culture of peace"
    description = str(event["description"]).splitlines()
    assert description[0] == "General Assembly, 45th plenary meeting"
    assert "Agenda item 13: Culture of peace (A/71/345)" in description
    assert "Agenda item: Elections; appointments" in description


def test_a_title_that_names_the_meeting_is_not_repeated(client, session_now):
    plenary(
        at(schedule.today() + timedelta(days=3), 10),
        session=session_now,
        title="General Assembly, 45th plenary meeting",
    )
    (event,) = feed_events(client)
    assert "45th plenary meeting" not in str(event["description"])


def test_deadlines_in_a_feed_of_several_processes_name_each_process(client, session_now):
    due = schedule.today() + timedelta(days=5)
    for slug, title in [("oceans", "Oceans"), ("water", "Water")]:
        process = ProcessFactory(session=session_now, slug=slug, title=title)
        process.deadlines.create(
            kind="zero-draft", title="Zero draft circulated", due_date=due, due_time=time(12)
        )
    summaries = sorted(
        str(e["summary"]) for e in feed_events(client, "?process=oceans&process=water")
    )
    assert summaries == [
        "Deadline: Zero draft circulated (Oceans), 12:00 New York time",
        "Deadline: Zero draft circulated (Water), 12:00 New York time",
    ]
