"""iCalendar feeds: valid for strict parsers, stable UIDs, honest times, HTTP validators."""

import re
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from meetings import pagecache, schedule
from meetings.enums import MeetingStatus, Timing
from meetings.timing import new_york_datetime
from tests.factories import (
    CoFacilitatorFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    at,
    room,
)

pytestmark = pytest.mark.django_db

FEED = reverse("meetings:feed")


@pytest.fixture
def session_now(db):
    """The session around today, so that its meetings are inside the feed's window."""
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )


def soon(days: int, hour: int = 10):
    return at(schedule.today() + timedelta(days=days), hour)


def events(body: bytes) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(body).walk("VEVENT")}


@contextmanager
def settled():
    """A few seconds after the last change: the feed may then say when it changed."""
    pagecache.schedule_version()  # the last change, as far as the cache knows: now
    with time_machine.travel(datetime.now(UTC) + timedelta(seconds=5)):
        yield


def get_feed(client, query="", **headers):
    return client.get(FEED + query, **headers)


def test_feed_is_valid_for_icalendar_and_the_strict_ical_parser(client, session_now):
    process = ProcessFactory(
        session=session_now, slug="oceans", title="Oceans, seas; and \\ rivers"
    )
    CoFacilitatorFactory(process=process, name="H.E. Ms. Example", state="Qatar")
    MeetingFactory(session=session_now, process=process, start=soon(3), room=room("CR3"), end=None)
    MeetingFactory(
        session=session_now,
        timing=Timing.DAY,
        start=at(schedule.today() + timedelta(days=4), 0),
        end=None,
    )
    process.deadlines.create(
        kind="zero-draft",
        title="Zero draft",
        due_date=schedule.today() + timedelta(days=5),
        close_of_business=True,
    )
    response = get_feed(client, "?process=oceans")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    parsed = IcsCalendarStream.calendar_from_ics(text)
    # the meeting of the process and its deadline; the meeting of no process is not in it
    assert sorted(e.summary.split(" ")[0] for e in parsed.events) == ["Deadline:", "Informal"]


def test_times_carry_new_york_zone_and_convert_across_dst(client):
    SessionFactory(number=72, start_date=date(2017, 9, 12), end_date=date(2018, 9, 17))
    summer = MeetingFactory(start=at(date(2017, 6, 29), 10), end=None)
    winter = MeetingFactory(
        start=at(date(2017, 12, 7), 10), end=None, session=SessionFactory(number=72)
    )
    body = client.get(reverse("meetings:meeting-ics", args=[summer.pk])).content
    assert b"DTSTART;TZID=America/New_York:20170629T100000" in body
    assert Calendar.from_ical(body).walk("VEVENT")[0]["dtstart"].dt.astimezone(UTC) == datetime(
        2017, 6, 29, 14, tzinfo=UTC
    )
    winter_body = client.get(reverse("meetings:meeting-ics", args=[winter.pk])).content
    assert Calendar.from_ical(winter_body).walk("VEVENT")[0]["dtstart"].dt.astimezone(
        UTC
    ) == datetime(2017, 12, 7, 15, tzinfo=UTC)


def test_one_vtimezone_with_yearly_rules_before_the_events(client, session_now):
    MeetingFactory(session=session_now, start=soon(1))
    body = get_feed(client).content
    assert body.count(b"BEGIN:VTIMEZONE") == 1
    assert body.index(b"BEGIN:VTIMEZONE") < body.index(b"BEGIN:VEVENT")
    assert b"RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in body
    assert b"RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11" in body
    assert b"VALARM" not in body
    assert b"METHOD" not in body


def test_calendar_properties_for_subscribers(client, session_now):
    body = get_feed(client).content
    cal = Calendar.from_ical(body)
    assert str(cal["x-wr-calname"]) == "General Assembly meetings" == str(cal["name"])
    assert str(cal["x-wr-timezone"]) == "America/New_York"
    lines = body.split(b"\r\n")
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in lines
    assert b"X-PUBLISHED-TTL:PT1H" in lines


def test_uid_never_changes_and_sequence_rises(
    client, session_now, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(
        session=session_now, title="Consultation", start=soon(2), room=room("CR3")
    )
    before = events(get_feed(client).content)[meeting.uid]
    with django_capture_on_commit_callbacks(execute=True):
        meeting.room = room("CR4")
        meeting.title = "Consultation (moved)"
        schedule.save_meeting(meeting)
    after = events(get_feed(client).content)[meeting.uid]
    assert meeting.uid == f"meeting-{meeting.pk}@gasched.un.org"
    assert (before["sequence"], after["sequence"]) == (0, 1)
    assert "Conference Room 4" in str(after["location"])


def test_cancelled_meeting_stays_in_the_feed_and_says_so(
    client, session_now, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(session=session_now, title="Briefing", start=soon(2))
    with django_capture_on_commit_callbacks(execute=True):
        schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED)
    event = events(get_feed(client).content)[meeting.uid]
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]) == "CANCELLED: Briefing"
    assert event["sequence"] == 1


def test_same_data_same_bytes_dated_from_the_last_change(client, session_now):
    meeting = MeetingFactory(session=session_now, start=soon(2))
    first = get_feed(client).content
    from django.core.cache import cache

    cache.clear()  # rendered afresh, later: still the same bytes
    assert get_feed(client).content == first
    event = events(first)[meeting.uid]
    assert event["dtstamp"].dt == meeting.updated.astimezone(UTC).replace(microsecond=0)


def test_meeting_without_announced_end_gets_a_nominal_end_and_a_note(client, session_now):
    meeting = MeetingFactory(session=session_now, start=soon(2), end=None)
    event = events(get_feed(client).content)[meeting.uid]
    assert event["dtend"].dt - event["dtstart"].dt == timedelta(hours=3)
    assert "End time not announced." in str(event["description"])


def test_time_to_be_announced_is_an_all_day_event(client, session_now):
    day = schedule.today() + timedelta(days=3)
    meeting = MeetingFactory(
        session=session_now,
        timing=Timing.DAY,
        start=new_york_datetime(day, datetime.min.time()),
        end=None,
    )
    event = events(get_feed(client).content)[meeting.uid]
    assert (event["dtstart"].dt, event["dtend"].dt) == (day, day + timedelta(days=1))
    assert str(event["transp"]) == "TRANSPARENT"


def test_deadlines_are_all_day_and_clearly_titled(client, session_now):
    process = ProcessFactory(session=session_now, slug="oceans")
    due = schedule.today() + timedelta(days=5)
    process.deadlines.create(
        kind="zero-draft", title="Zero draft circulated", due_date=due, close_of_business=True
    )
    (event,) = Calendar.from_ical(get_feed(client, "?process=oceans").content).walk("VEVENT")
    assert str(event["summary"]) == "Deadline: Zero draft circulated"
    assert (event["dtstart"].dt, event["dtend"].dt) == (due, due + timedelta(days=1))
    assert "Close of business" in str(event["description"])


def test_text_is_escaped_and_lines_folded(client, session_now):
    title = "Oceans, seas; rivers \\ lakes: <script>alert(1)</script> — Océans مؤتمر"
    meeting = MeetingFactory(
        session=session_now, title=title, notes="Line one\nLine two", start=soon(2)
    )
    body = get_feed(client).content
    lines = body.split(b"\r\n")
    assert body.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in body.replace(b"\r\n", b"")
    unfolded = body.replace(b"\r\n ", b"").decode()
    assert "SUMMARY:Oceans\\, seas\\; rivers \\\\ lakes: <script>" in unfolded
    assert str(events(body)[meeting.uid]["summary"]) == title
    assert "Line one\nLine two" in str(events(body)[meeting.uid]["description"])


def test_feed_honours_its_filter_exactly(client, session_now):
    MeetingFactory(session=session_now, start=soon(2), room=room("CR3"), title="In CR3")
    MeetingFactory(session=session_now, start=soon(2), room=room("CR4"), title="In CR4")
    cal = Calendar.from_ical(get_feed(client, "?room=CR3").content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["In CR3"]
    assert str(cal["x-wr-calname"]) == "General Assembly meetings — Conference Room 3"


def test_unknown_filter_value_is_400_with_the_reason(client):
    response = get_feed(client, "?process=no-such-process")
    assert response.status_code == 400
    assert b"process" in response.content


def test_history_of_the_previous_session_is_kept_and_older_is_not(client, session_now):
    previous = SessionFactory(
        number=80,
        start_date=session_now.start_date - timedelta(days=365),
        end_date=session_now.start_date - timedelta(days=1),
    )
    kept = MeetingFactory(session=previous, start=at(previous.start_date + timedelta(days=10), 10))
    dropped = MeetingFactory(start=at(date(2017, 6, 29), 10))
    uids = set(events(get_feed(client).content))
    assert kept.uid in uids
    assert dropped.uid not in uids


def test_conditional_requests_get_304_without_touching_the_database(
    client, session_now, django_assert_num_queries
):
    MeetingFactory(session=session_now, start=soon(2))
    with settled():
        first = get_feed(client)
        etag, last_modified = first["ETag"], first["Last-Modified"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
        with django_assert_num_queries(0):
            assert get_feed(client, HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert get_feed(client, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
        assert get_feed(client, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_change_gives_a_new_etag(client, session_now, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(session=session_now, start=soon(2))
    etag = get_feed(client)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED)
    response = get_feed(client, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.mark.parametrize("n", [10, 300])
def test_feed_queries_do_not_grow(client, session_now, django_assert_num_queries, n):
    process = ProcessFactory(session=session_now)
    CoFacilitatorFactory(process=process)
    for i in range(n):
        MeetingFactory(session=session_now, process=process, start=soon(1 + i // 10, 8 + i % 10))
    # sessions (current, previous), meetings, co-facilitators: an unfiltered feed names
    # no process or room, so it needs none of the filter choices
    with django_assert_num_queries(4):
        body = get_feed(client).content
    assert body.count(b"BEGIN:VEVENT") == n


def test_add_to_calendar_downloads_one_meeting_without_feed_properties(client):
    meeting = MeetingFactory()
    response = client.get(reverse("meetings:meeting-ics", args=[meeting.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{meeting.pk}.ics"'
    assert b"X-WR-CALNAME" not in response.content
    assert list(events(response.content)) == [meeting.uid]
    assert "meeting.ics" in client.get(meeting.get_absolute_url()).content.decode()


def test_schedule_pages_advertise_their_feed(client):
    page = client.get(
        reverse("meetings:week", args=[date(2017, 6, 26)]) + "?room=CR3"
    ).content.decode()
    assert '<link rel="alternate" type="text/calendar"' in page
    assert 'href="http://testserver/feeds/programme.ics?room=CR3"' in page
    assert 'href="webcal://testserver/feeds/programme.ics?room=CR3"' in page


def test_demo_data_parses_with_both_parsers(client):
    """The whole demo: the sample session's feed, and each of the letters' meetings."""
    from meetings.demo import load_demo
    from meetings.models import Meeting

    load_demo(today=schedule.today())
    body = get_feed(client).content
    strict = IcsCalendarStream.calendar_from_ics(body.decode())
    assert len(strict.events) == len(Calendar.from_ical(body).walk("VEVENT")) > 100
    for meeting in Meeting.objects.filter(is_sample=False):
        single = client.get(reverse("meetings:meeting-ics", args=[meeting.pk])).content
        (event,) = IcsCalendarStream.calendar_from_ics(single.decode()).events
        assert event.uid == meeting.uid


def test_names_in_every_script_survive_a_round_trip(client, session_now):
    titles = [
        "Débat thématique : traite des êtres humains",
        "مشاورات غير رسمية",
        "非正式磋商",
        "Неофициальные консультации",
    ]
    meetings = [
        MeetingFactory(session=session_now, title=t, start=soon(2 + n))
        for n, t in enumerate(titles)
    ]
    body = get_feed(client).content
    parsed = {e.uid: e.summary for e in IcsCalendarStream.calendar_from_ics(body.decode()).events}
    assert [parsed[m.uid] for m in meetings] == titles
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert all(line.decode("utf-8") for line in body.split(b"\r\n") if line)  # no split characters


def test_control_characters_never_reach_the_feed(client, session_now):
    meeting = MeetingFactory(
        session=session_now,
        title="Tab\there",
        notes="Bring copies\x0bof the\x1b draft\x7f",
        start=soon(2),
    )
    body = get_feed(client).content
    (event,) = IcsCalendarStream.calendar_from_ics(body.decode()).events  # strict parser
    assert event.uid == meeting.uid
    assert "Bring copies of the  draft " in event.description
    assert event.summary == "Tab\there"


def test_304_carries_the_same_validators(client, session_now):
    MeetingFactory(session=session_now, start=soon(2))
    with settled():
        first = get_feed(client)
        again = get_feed(client, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert (again["ETag"], again["Last-Modified"], again["Cache-Control"]) == (
        first["ETag"],
        first["Last-Modified"],
        "no-cache",
    )


def test_repeated_filter_values_count_once(client, session_now):
    MeetingFactory(session=session_now, start=soon(2), room=room("CR3"))
    cal = Calendar.from_ical(get_feed(client, "?room=CR3&room=CR3").content)
    assert str(cal["x-wr-calname"]) == "General Assembly meetings — Conference Room 3"
