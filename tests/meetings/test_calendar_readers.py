"""Every instant right in a client that trusts only the file, over every year the app
holds: libical and ical.js (tests/calendar_parsers.py) read our single-meeting .ics and
the archive's session feeds with nothing but the file's own VTIMEZONE.

The VTIMEZONE states the rule of 2007 only (the one yearly rule Outlook maps); meetings
before 2 a.m. on 11 March 2007 are written in UTC (meetings.feeds.RULE_OF_2007)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse

from meetings import feeds
from tests import calendar_parsers
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at

pytestmark = [pytest.mark.django_db, pytest.mark.parsers]

# 10:00 in New York, and the instant it is: summer and winter before the rule of 2007
# (daylight time began on the first Sunday of April and ended on the last of October),
# either side of its first change, and under it.
TEN_IN_NEW_YORK = [
    (date(1995, 6, 15), "19950615T140000Z"),
    (date(2006, 4, 3), "20060403T140000Z"),  # the day after the old April change
    (date(2006, 10, 30), "20061030T150000Z"),  # the day after the old October change
    (date(2007, 3, 9), "20070309T150000Z"),  # the Friday before the first 2007 change
    (date(2007, 3, 12), "20070312T140000Z"),  # the Monday after it
    (date(2017, 6, 29), "20170629T140000Z"),
]


def session_of(day: date):
    """The General Assembly session (September to September) that holds `day`."""
    first_year = day.year if day.month >= 9 else day.year - 1
    number = first_year - 1945
    return SessionFactory(
        number=number, start_date=date(first_year, 9, 1), end_date=date(first_year + 1, 8, 31)
    )


@pytest.mark.parametrize(("day", "instant"), TEN_IN_NEW_YORK)
def test_a_meeting_at_ten_is_at_the_right_instant_in_every_reader(client, day, instant):
    meeting = MeetingFactory(session=session_of(day), start=at(day, 10), end=at(day, 13))
    body = client.get(reverse("meetings:meeting-ics", args=[meeting.pk])).content
    (event,) = calendar_parsers.read_everywhere(body)  # libical, ical.js and icalendar agree
    assert event.start == instant
    (by_libical,) = calendar_parsers.libical(body)
    (by_icaljs,) = calendar_parsers.icaljs(body)
    assert by_libical.events[0].start == by_icaljs.events[0].start == instant


def test_before_2007_times_are_utc_and_after_they_carry_the_new_york_zone(client):
    old = MeetingFactory(session=session_of(date(2006, 4, 3)), start=at(date(2006, 4, 3), 10))
    new = MeetingFactory(session=session_of(date(2017, 6, 29)), start=at(date(2017, 6, 29), 10))
    old_body = client.get(reverse("meetings:meeting-ics", args=[old.pk])).content
    new_body = client.get(reverse("meetings:meeting-ics", args=[new.pk])).content
    assert b"DTSTART:20060403T140000Z\r\n" in old_body
    assert b"DTEND:20060403T170000Z\r\n" in old_body
    assert b"VTIMEZONE" not in old_body  # nothing refers to one
    assert b"DTSTART;TZID=America/New_York:20170629T100000\r\n" in new_body
    assert new_body.count(b"BEGIN:VTIMEZONE") == 1


def test_a_session_feed_of_every_year_reads_the_same_in_every_reader(client):
    """The archive's feeds hold whole sessions, however old: each is read alike by the
    three readers, at the instants of New York's rules of its time."""
    meetings = [
        (MeetingFactory(session=session_of(day), start=at(day, 10), end=None), instant)
        for day, instant in TEN_IN_NEW_YORK
    ]
    for meeting, instant in meetings:
        feed = reverse("meetings:session-feed", args=[meeting.session.number])
        body = client.get(feed).content
        read = {e.uid: e for e in calendar_parsers.read_everywhere(body)}
        assert read[meeting.uid].start == instant
        assert read[meeting.uid].end == three_hours_after(instant)  # the nominal end


def three_hours_after(instant: str) -> str:
    moment = datetime.strptime(instant, "%Y%m%dT%H%M%S%z") + timedelta(hours=3)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def test_a_calendar_mixing_both_forms_has_one_vtimezone_before_its_events():
    meetings = [
        MeetingFactory(session=session_of(day), start=at(day, 10)) for day, _ in TEN_IN_NEW_YORK
    ]
    body = feeds.build_calendar(meetings, name="Every year", base_url="https://gasched.test")
    assert body.count(b"BEGIN:VTIMEZONE") == 1
    assert body.index(b"BEGIN:VTIMEZONE") < body.index(b"BEGIN:VEVENT")
    starts = [e.start for e in calendar_parsers.read_everywhere(body)]
    assert starts == [instant for _, instant in TEN_IN_NEW_YORK]


def test_a_deadline_at_a_set_time_before_2007_is_written_in_utc():
    meeting = MeetingFactory(session=session_of(date(2006, 7, 3)), start=at(date(2006, 7, 3), 10))
    process = ProcessFactory(session=meeting.session, title="Oceans", slug="oceans")
    process.deadlines.create(
        kind="other", title="Inputs", due_date=date(2006, 7, 5), due_time=time(18)
    )
    body = feeds.build_calendar(
        [], deadlines=process.deadlines.all(), name="Oceans", base_url="https://gasched.test"
    )
    (event,) = calendar_parsers.read_everywhere(body)
    assert (event.start, event.end) == ("20060705T220000Z", "20060705T221500Z")
