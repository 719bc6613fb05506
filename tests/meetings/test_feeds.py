"""iCalendar feeds: valid for strict parsers, stable UIDs, honest times, HTTP validators.

Every feed a test fetches is also read by libical and ical.js, which must find no error
and agree with icalendar on every event and instant (tests/calendar_parsers.py)."""

import re
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from meetings import feeds, pagecache, schedule
from meetings.demo import working_days
from meetings.enums import MeetingKind, MeetingStatus, Mode, Participation, Timing
from meetings.models import Meeting, PersonalSchedule
from meetings.timing import new_york_datetime
from tests import calendar_parsers
from tests.factories import (
    CoFacilitatorFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    UserFactory,
    at,
    room,
)

pytestmark = [pytest.mark.django_db, pytest.mark.parsers]

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
    response = client.get(FEED + query, **headers)
    if response.status_code == 200:
        calendar_parsers.read_everywhere(response.content)
    return response


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


def test_deadlines_name_their_process_and_close_of_business_is_all_day(client, session_now):
    process = ProcessFactory(session=session_now, slug="oceans", title="Oceans")
    due = schedule.today() + timedelta(days=5)
    process.deadlines.create(
        kind="zero-draft",
        title="Zero draft circulated",
        due_date=due,
        due_time=time(18),
        close_of_business=True,
    )
    (event,) = Calendar.from_ical(get_feed(client, "?process=oceans").content).walk("VEVENT")
    assert str(event["summary"]) == "Deadline: Zero draft circulated (Oceans)"
    assert (event["dtstart"].dt, event["dtend"].dt) == (due, due + timedelta(days=1))
    assert str(event["transp"]) == "TRANSPARENT"
    assert str(event["description"]) == "Close of business (New York, 18:00)."


def test_a_deadline_at_a_set_time_is_a_short_mark_from_that_time(client, session_now):
    oceans = ProcessFactory(session=session_now, slug="oceans", title="Oceans")
    seas = ProcessFactory(session=session_now, slug="seas", title="Seas")
    due = schedule.today() + timedelta(days=5)
    oceans.deadlines.create(kind="silence", title="Silence ends", due_date=due, due_time=time(12))
    seas.deadlines.create(kind="silence", title="Silence ends", due_date=due)
    body = get_feed(client, "?process=oceans&process=seas").content
    timed, whole_day = sorted(Calendar.from_ical(body).walk("VEVENT"), key=lambda e: str(e["uid"]))
    # In a feed combining processes, each deadline says whose it is.
    assert str(timed["summary"]) == "Deadline: Silence ends (Oceans), 12:00 New York time"
    assert str(whole_day["summary"]) == "Deadline: Silence ends (Seas)"
    assert timed["dtstart"].dt == new_york_datetime(due, time(12))
    assert timed["dtend"].dt - timed["dtstart"].dt == timedelta(minutes=15)  # never zero
    assert str(timed["transp"]) == "TRANSPARENT"
    assert whole_day["dtstart"].dt == due


def test_a_deadline_that_moves_raises_its_sequence(
    client, session_now, django_capture_on_commit_callbacks
):
    process = ProcessFactory(session=session_now, slug="oceans")
    due = schedule.today() + timedelta(days=5)
    deadline = process.deadlines.create(kind="zero-draft", title="Zero draft", due_date=due)

    def sequence_after(**changes) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            for field, value in changes.items():
                setattr(deadline, field, value)
            deadline.save()
        (event,) = Calendar.from_ical(get_feed(client, "?process=oceans").content).walk("VEVENT")
        return event["sequence"]

    assert sequence_after() == 0
    assert sequence_after(notes="By e-mail to the co-facilitators.") == 0  # not a move
    assert sequence_after(due_date=due + timedelta(days=2)) == 1
    assert sequence_after(due_time=time(12)) == 2
    assert sequence_after(close_of_business=True) == 3
    deadline.due_date = due
    deadline.save(update_fields=["due_date", "updated"])  # a partial save counts too
    deadline.refresh_from_db()
    assert deadline.sequence == 4


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


def test_the_feed_holds_sixty_days_back_and_everything_ahead(client, session_now):
    previous = SessionFactory(
        number=80,
        start_date=session_now.start_date - timedelta(days=365),
        end_date=session_now.start_date - timedelta(days=1),
    )
    recent = MeetingFactory(session=session_now, start=soon(-59))
    older = MeetingFactory(session=session_now, start=soon(-61))
    of_the_previous_session = MeetingFactory(
        session=previous, start=at(previous.start_date + timedelta(days=10), 10)
    )
    far_ahead = MeetingFactory(session=session_now, start=soon(250))
    process = ProcessFactory(session=session_now, slug="oceans")
    process.deadlines.create(kind="other", title="Kept", due_date=soon(-59).date())
    process.deadlines.create(kind="other", title="Gone", due_date=soon(-61).date())
    uids = set(events(get_feed(client).content))
    assert {recent.uid, far_ahead.uid} <= uids
    assert not {older.uid, of_the_previous_session.uid} & uids
    titles = [
        str(e["summary"])
        for e in Calendar.from_ical(get_feed(client, "?process=oceans").content).walk("VEVENT")
    ]
    assert titles == [f"Deadline: Kept ({process})"]


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
    # the fingerprint of what the feed holds, meetings, co-facilitators, agenda items:
    # an unfiltered feed names no process or room, so it needs none of the filter choices
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


# --- Size: a session's broadest feed under Google's ~1 MB ----------------------------

PROCESS_TOPICS = [
    "Revitalization of the work of the General Assembly",
    "Security Council reform",
    "Financing for development",
    "Oceans and the law of the sea",
    "Countering terrorism strategy review",
    "Biodiversity beyond national jurisdiction",
    "Small island developing States",
    "Digital cooperation",
]
OTHER_TITLES = [
    (MeetingKind.PLENARY, "Plenary meeting of the General Assembly"),
    (MeetingKind.BRIEFING, "Briefing by the President of the General Assembly"),
    (MeetingKind.THEMATIC_DEBATE, "Thematic debate of the General Assembly"),
]
SLOTS = [(time(10), time(13)), (time(13, 15), time(14, 30)), (time(15), time(18))]
ROOM_CODES = ["CR1", "CR2", "CR3", "CR4", "CR5", "CR6"]  # 18 (room, slot) pairs a day


def programme(session, days: list[date], count: int, processes) -> list[Meeting]:
    """`count` meetings over `days`, as the office enters them: most for a process
    (titled by it, with two co-facilitators), some plenaries and briefings; a note on
    one in five, a document on one in three, every fourth open beyond Member States,
    every tenth hybrid. Each holds its own (room, day, slot). Deterministic."""
    rooms = [room(code) for code in ROOM_CODES]
    per_day, extra = divmod(count, len(days))
    meetings, n = [], 0
    for index, day in enumerate(days):
        for k in range(per_day + (index < extra)):
            begin, end = SLOTS[k % 3]
            process = processes[n % len(processes)] if n % 10 < 7 else None
            kind, title = OTHER_TITLES[n % 3]
            if process:
                kind = MeetingKind.INFORMAL_CONSULTATION
                title = f"Informal consultation: {process.short_title}"
            meeting = Meeting(
                session=session,
                process=process,
                kind=kind,
                title=title,
                start=new_york_datetime(day, begin),
                end=new_york_datetime(day, end),
                room=rooms[k // 3],
                notes="Delegations are invited to bring the revised draft." if n % 5 == 0 else "",
                documents=[f"A/{session.number}/{100 + n % 900}"] if n % 3 == 0 else [],
                participation=(
                    Participation.MEMBERS_AND_OBSERVERS
                    if n % 4 == 0
                    else Participation.MEMBER_STATES
                ),
                mode=Mode.HYBRID if n % 10 == 0 else Mode.IN_PERSON,
                published_at=new_york_datetime(day, begin) - timedelta(days=30),
            )
            meeting.booked_until = meeting.holds_room_until()  # bulk_create skips save()
            meetings.append(meeting)
            n += 1
    return meetings


def processes_of(session) -> list:
    processes = []
    for n, topic in enumerate(PROCESS_TOPICS):
        process = ProcessFactory(
            session=session,
            title=f"{topic}: consultations, track {n % 2 + 1}",
            short_title=f"{topic} ({n % 2 + 1})",
        )
        CoFacilitatorFactory(process=process, name="H.E. Ms. Amina Diallo", state="Senegal")
        CoFacilitatorFactory(process=process, name="H.E. Mr. Lars Eriksen", state="Norway")
        processes.append(process)
    return processes


def test_a_session_sized_feed_stays_under_a_megabyte(client):
    """The defect: the feed held the current and the previous session, 4,000 meetings
    each, far past the ~1 MB after which Google Calendar silently stops importing a
    subscription (standards S4). Now: the previous session ended 46 days ago with 4,000
    meetings; the current one has its first 45 days and the eight weeks ahead that
    have been announced, at the same pace (16 a working day). The broadest feed keeps 60
    days back and everything ahead, in compact events."""
    today = schedule.today()
    current = SessionFactory(
        number=81, start_date=today - timedelta(days=45), end_date=today + timedelta(days=319)
    )
    previous = SessionFactory(
        number=80,
        start_date=current.start_date - timedelta(days=364),
        end_date=current.start_date - timedelta(days=1),
    )
    earlier = programme(
        previous,
        working_days(previous.start_date, previous.end_date),
        4000,
        processes_of(previous),
    )
    announced = working_days(current.start_date, today + timedelta(days=56))
    ahead = programme(current, announced, 16 * len(announced), processes_of(current))
    Meeting.objects.bulk_create(earlier + ahead)
    inside = MeetingFactory(session=previous, start=soon(-59), title="Fifty-nine days ago")
    outside = MeetingFactory(session=previous, start=soon(-61), title="Sixty-one days ago")

    body = get_feed(client).content

    uids = set(events(body))
    assert inside.uid in uids
    assert outside.uid not in uids
    in_window = Meeting.objects.filter(start__gte=feeds.feed_window(timezone.now()))
    assert len(uids) == in_window.count() > 1300
    assert len(body) < 1_000_000


def test_a_whole_session_entered_ahead_keeps_its_nearest_meetings_under_a_megabyte(client):
    """A session entered in full, a year of meetings ahead: more than even compact events
    fit in 1 MB, and Google drops a larger calendar whole. The feed keeps what is
    soonest, says so in its description, and stays under the limit."""
    today = schedule.today()
    current = SessionFactory(
        number=81, start_date=today - timedelta(days=10), end_date=today + timedelta(days=354)
    )
    days = working_days(today + timedelta(days=1), current.end_date)
    Meeting.objects.bulk_create(programme(current, days, 4000, processes_of(current)))
    recent = MeetingFactory(session=current, start=soon(-3), title="Three days ago")
    nearest = Meeting.objects.filter(start__gte=timezone.now()).order_by("start").first()
    farthest = Meeting.objects.order_by("start").last()

    body = get_feed(client).content

    assert len(body) < 1_000_000
    uids = set(events(body))
    assert nearest.uid in uids
    assert farthest.uid not in uids
    assert recent.uid not in uids  # the past goes first: what is ahead matters more
    calendar = Calendar.from_ical(body)
    assert "nearest" in str(calendar["X-WR-CALDESC"])
    assert 1000 < len(uids) < 4000


def test_a_feed_within_the_limit_is_whole_and_says_nothing_of_it(client, session_now):
    MeetingFactory(session=session_now, start=soon(2))
    calendar = Calendar.from_ical(get_feed(client).content)
    assert "X-WR-CALDESC" not in calendar
    assert len(calendar.walk("VEVENT")) == 1


# --- Compact events: each thing said once --------------------------------------------


def vevent_text(body: bytes, uid: str) -> str:
    """One event's content lines, unfolded."""
    unfolded = body.replace(b"\r\n ", b"").decode()
    start = unfolded.index(f"UID:{uid}\r\n")
    return unfolded[start : unfolded.index("END:VEVENT", start)]


def test_an_event_says_each_thing_once(client, session_now):
    process = ProcessFactory(
        session=session_now, title="Oceans and the law of the sea", short_title="Oceans"
    )
    named = MeetingFactory(
        session=session_now,
        process=process,
        title="Informal consultation on Oceans",
        start=soon(2),
        room=room("CR3"),
    )
    plain = MeetingFactory(session=session_now, title="Plenary", start=soon(3), room=room("CR4"))
    unnamed = MeetingFactory(
        session=session_now, process=process, title="Zero draft reading", start=soon(4)
    )
    body = get_feed(client).content
    text = vevent_text(body, named.uid)
    assert text.count(f"/meetings/{named.pk}/") == 1  # the URL property only
    assert text.count("Conference Room 3") == 1  # LOCATION only
    # the title names the process, the rest is the usual: nothing to add, no description
    assert "DESCRIPTION" not in text
    assert "DESCRIPTION" not in vevent_text(body, plain.uid)
    assert "Process: Oceans and the law of the sea" in vevent_text(body, unnamed.uid)
    # busy is the default (TRANSP:OPAQUE), and CREATED is for invitations only
    assert b"TRANSP:OPAQUE" not in body
    assert b"CREATED:" not in body
    assert b"Participation: All Member States" not in body


def test_every_other_participation_is_said(client, session_now):
    meeting = MeetingFactory(
        session=session_now, start=soon(2), participation=Participation.INVITATION
    )
    assert "Participation: By invitation" in str(
        events(get_feed(client).content)[meeting.uid]["description"]
    )


# --- Only GET and HEAD ---------------------------------------------------------------


@pytest.fixture
def calendar_addresses(session_now):
    """Every address that serves a calendar or a feed."""
    meeting = MeetingFactory(session=session_now, start=soon(2))
    personal = PersonalSchedule.objects.create(user=UserFactory(), token="t" * 43)
    return [
        FEED,
        FEED + "?room=CR3",
        reverse("meetings:personal-feed", args=[personal.token]),
        reverse("meetings:session-feed", args=[session_now.number]),
        reverse("meetings:meeting-ics", args=[meeting.pk]),
        reverse("meetings:changes-feed"),
    ]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_feeds_answer_other_methods_with_405(calendar_addresses, method):
    client = Client(enforce_csrf_checks=True)  # as a real client: no CSRF token
    for address in calendar_addresses:
        response = getattr(client, method)(address, data="x", content_type="text/plain")
        assert (response.status_code, response["Allow"]) == (405, "GET, HEAD"), address
        assert client.get(address).status_code == 200


# --- The archive's per-session feeds -------------------------------------------------


def test_a_session_feed_holds_all_its_meetings_and_only_them(client, session_now):
    previous = SessionFactory(
        number=80,
        start_date=session_now.start_date - timedelta(days=365),
        end_date=session_now.start_date - timedelta(days=1),
    )
    old = MeetingFactory(session=previous, start=at(previous.start_date + timedelta(days=10), 10))
    in_cr3 = MeetingFactory(
        session=previous, start=at(previous.start_date + timedelta(days=11), 10), room=room("CR3")
    )
    current = MeetingFactory(session=session_now, start=soon(2))
    address = reverse("meetings:session-feed", args=[80])
    response = client.get(address)
    assert response.status_code == 200
    cal = Calendar.from_ical(response.content)
    assert sorted(str(e["uid"]) for e in cal.walk("VEVENT")) == sorted([old.uid, in_cr3.uid])
    assert str(cal["x-wr-calname"]) == "General Assembly meetings (80th session)"
    calendar_parsers.read_everywhere(response.content)
    filtered = Calendar.from_ical(client.get(address + "?room=CR3").content)
    assert [str(e["uid"]) for e in filtered.walk("VEVENT")] == [in_cr3.uid]
    assert current.uid not in events(response.content)
    assert client.get(reverse("meetings:session-feed", args=[12])).status_code == 404
    assert client.get(address + "?room=nowhere").status_code == 400


def test_the_archive_links_each_session_to_its_feed(client, session_now):
    feed = reverse("meetings:session-feed", args=[81])
    assert f'href="{feed}"' in client.get(reverse("meetings:archive")).content.decode()
    page = client.get(reverse("meetings:archive-session", args=[81]) + "?room=CR3")
    assert f'href="http://testserver{feed}?room=CR3"' in page.content.decode()
