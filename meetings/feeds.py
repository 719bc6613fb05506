"""iCalendar feeds of the programme.

The VTIMEZONE comes from the icalendar library; the events are written as content
lines by meetings.ics, because a session's feed holds thousands of them (see there).

Every meeting keeps one UID (Meeting.uid) in every export; SEQUENCE comes from the
meeting and rises with each change of time, room or status; DTSTAMP and LAST-MODIFIED
are the meeting's last change, so the same data always gives the same bytes. Times carry
TZID=America/New_York with one hand-written VTIMEZONE in the yearly-rule form Outlook
requires (see shared/standards.md F8). Cancelled and postponed meetings stay in the feed
with STATUS:CANCELLED and a title that says so. No METHOD, no VALARM.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache

from django.utils import translation
from django.utils.translation import get_language
from icalendar import (
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vRecur,
)

from . import ics
from .enums import MeetingKind, MeetingStatus, Mode, Participation, Timing
from .models import Deadline, Meeting
from .timing import NEW_YORK, NOMINAL_LENGTH

PRODID = "-//United Nations General Assembly//gasched//EN"
REFRESH = timedelta(hours=1)
STATUS = {
    MeetingStatus.TENTATIVE: "TENTATIVE",
    MeetingStatus.SCHEDULED: "CONFIRMED",
    MeetingStatus.POSTPONED: "CANCELLED",  # not at this time: calendars should drop it
    MeetingStatus.CANCELLED: "CANCELLED",
}
TITLE_PREFIX = {MeetingStatus.CANCELLED: "CANCELLED: ", MeetingStatus.POSTPONED: "POSTPONED: "}
HEADQUARTERS = "United Nations Headquarters, New York"
# Calendars stay as entered, in English, whatever language the reader browses in: a feed
# or an invitation is the same bytes for every subscriber (and cached as such).
CALENDAR_LANGUAGE = "en"


def in_calendar_language():
    """Write calendars (names, categories, labels) in CALENDAR_LANGUAGE."""
    return translation.override(CALENDAR_LANGUAGE)


def new_york_timezone() -> Timezone:
    """America/New_York with the rules in force since 2007, as yearly RRULEs."""
    zone = Timezone()
    zone.add("tzid", "America/New_York")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", datetime(2007, 3, 11, 2))  # noqa: DTZ001 -- VTIMEZONE local time
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="2SU"))
    daylight.add("tzoffsetfrom", timedelta(hours=-5))
    daylight.add("tzoffsetto", timedelta(hours=-4))
    daylight.add("tzname", "EDT")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(2007, 11, 4, 2))  # noqa: DTZ001 -- VTIMEZONE local time
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=11, byday="1SU"))
    standard.add("tzoffsetfrom", timedelta(hours=-4))
    standard.add("tzoffsetto", timedelta(hours=-5))
    standard.add("tzname", "EST")
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


@lru_cache(maxsize=512)
def label(choices: type, value: str, language: str) -> str:
    """A choice's translated label, looked up once per build rather than per meeting."""
    return str(choices(value).label)


def location(meeting: Meeting) -> str:
    if meeting.mode == Mode.VIRTUAL:
        return "Virtual meeting"
    parts = [meeting.room.name] if meeting.room else []
    if meeting.overflow_room:
        parts.append(f"overflow: {meeting.overflow_room.name}")
    return ", ".join([*parts, HEADQUARTERS])


def followed_title(meeting: Meeting) -> str:
    """The title of the meeting this one follows: from Meeting.objects.for_calendar(), or
    from the meeting itself (one meeting's .ics)."""
    if hasattr(meeting, "follows_title"):
        return meeting.follows_title
    return meeting.follows.title


def description(meeting: Meeting, url: str) -> str:
    lines = []
    if meeting.timing == Timing.EXACT and meeting.end is None:
        lines.append("End time not announced.")
    elif meeting.timing in (Timing.MORNING, Timing.AFTERNOON):
        period = label(Timing, meeting.timing, get_language())
        lines.append(f"{period} session; exact time not announced.")
    elif meeting.timing == Timing.DAY:
        lines.append("Time to be announced.")
    elif meeting.timing == Timing.WEEK:
        lines.append("Day to be announced (this week).")
    elif meeting.timing == Timing.FOLLOWING and meeting.follows_id:
        lines.append(f"Following the adjournment of: {followed_title(meeting)}.")
    if meeting.process:
        lines.append(f"Process: {meeting.process.title}")
        cofacilitators = "; ".join(str(c) for c in meeting.process.cofacilitators.all())
        if cofacilitators:
            lines.append(f"Co-facilitators: {cofacilitators}")
    participation = label(Participation, meeting.participation, get_language())
    lines.append(f"Participation: {participation}")
    if meeting.is_closed:
        lines.append("Closed meeting.")
    if meeting.mode == Mode.HYBRID:
        lines.append("Hybrid: in person and online.")
    if meeting.documents:
        lines.append("Documents: " + ", ".join(meeting.documents))
    if meeting.notes:
        lines.append("")
        lines.append(meeting.notes)
    lines.append("")
    lines.append(url)
    return "\n".join(lines)


def meeting_lines(
    meeting: Meeting,
    *,
    base_url: str,
    language: str,
    dtstamp: datetime | None = None,
    sequence: int | None = None,
) -> list[str]:
    """The VEVENT of a meeting. DTSTAMP is the meeting's last change and SEQUENCE its own
    unless given: an invitation stamps the time it is sent and the version it carries."""
    url = base_url + meeting.get_absolute_url()
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.uid}",
        f"DTSTAMP:{ics.utc_stamp(meeting.updated if dtstamp is None else dtstamp)}",
        f"CREATED:{ics.utc_stamp(meeting.created)}",
        f"LAST-MODIFIED:{ics.utc_stamp(meeting.updated)}",
        f"SEQUENCE:{meeting.sequence if sequence is None else sequence}",
        "SUMMARY:" + ics.text(TITLE_PREFIX.get(meeting.status, "") + meeting.title),
    ]
    start = meeting.local_start
    if meeting.timing in (Timing.DAY, Timing.WEEK):
        # All-day: the date is known, the time is not (a week: Monday to Friday).
        days = 5 if meeting.timing == Timing.WEEK else 1
        lines += [
            f"DTSTART;VALUE=DATE:{ics.date_stamp(start.date())}",
            f"DTEND;VALUE=DATE:{ics.date_stamp(start.date() + timedelta(days=days))}",
            "TRANSP:TRANSPARENT",
        ]
    else:
        # Every timed event gets an explicit end: clients disagree on events without one.
        end = (meeting.local_end or start + NOMINAL_LENGTH).astimezone(NEW_YORK)
        lines += [
            f"DTSTART;TZID=America/New_York:{ics.local_stamp(start)}",
            f"DTEND;TZID=America/New_York:{ics.local_stamp(end)}",
            "TRANSP:OPAQUE",
        ]
    lines += [
        f"STATUS:{STATUS[meeting.status]}",
        "LOCATION:" + ics.text(location(meeting)),
        f"URL:{url}",
        "DESCRIPTION:" + ics.text(description(meeting, url)),
        "CATEGORIES:" + ics.text(label(MeetingKind, meeting.kind, language)),
        "END:VEVENT",
    ]
    return lines


def deadline_lines(deadline: Deadline, *, base_url: str) -> list[str]:
    """A process milestone as its own event, clearly titled as a deadline."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{deadline.uid}",
        f"DTSTAMP:{ics.utc_stamp(deadline.updated)}",
        f"LAST-MODIFIED:{ics.utc_stamp(deadline.updated)}",
        "SEQUENCE:0",
        "SUMMARY:" + ics.text(f"Deadline: {deadline.title}"),
    ]
    if deadline.due_time:
        due = ics.local_stamp(datetime.combine(deadline.due_date, deadline.due_time))
        lines += [f"DTSTART;TZID=America/New_York:{due}", f"DTEND;TZID=America/New_York:{due}"]
    else:
        lines += [
            f"DTSTART;VALUE=DATE:{ics.date_stamp(deadline.due_date)}",
            f"DTEND;VALUE=DATE:{ics.date_stamp(deadline.due_date + timedelta(days=1))}",
        ]
    when = "Close of business (New York)." if deadline.close_of_business else ""
    text = [line for line in (when, deadline.notes) if line]
    text += [f"Process: {deadline.process.title}", base_url + deadline.process.get_absolute_url()]
    lines += [
        "TRANSP:TRANSPARENT",
        "STATUS:CONFIRMED",
        "DESCRIPTION:" + ics.text("\n".join(text)),
        "CATEGORIES:Deadline",
        "END:VEVENT",
    ]
    return lines


@lru_cache(maxsize=1)
def vtimezone_bytes() -> bytes:
    return new_york_timezone().to_ical()


def build_calendar(
    meetings: Iterable[Meeting],
    *,
    name: str,
    base_url: str,
    deadlines: Iterable[Deadline] = (),
    subscription: bool = True,
) -> bytes:
    """The calendar as bytes. `subscription` adds the feed-only properties (name,
    refresh interval), which a single-meeting download must not carry. Always in
    CALENDAR_LANGUAGE; `name` is given by the caller, who writes it in_calendar_language()."""
    with in_calendar_language():
        return _build_calendar(
            meetings, name=name, base_url=base_url, deadlines=deadlines, subscription=subscription
        )


def _build_calendar(meetings, *, name, base_url, deadlines, subscription) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if subscription:
        head += [
            "NAME:" + ics.text(name),
            "X-WR-CALNAME:" + ics.text(name),
            "X-WR-TIMEZONE:America/New_York",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
    language = get_language()
    out = [ics.fold(line) for line in head]
    out.append(vtimezone_bytes())
    for meeting in meetings:
        out += [
            ics.fold(line) for line in meeting_lines(meeting, base_url=base_url, language=language)
        ]
    for deadline in deadlines:
        out += [ics.fold(line) for line in deadline_lines(deadline, base_url=base_url)]
    out.append(b"END:VCALENDAR\r\n")
    return b"".join(out)
