"""iCalendar feeds of the programme, built with the icalendar library.

Every meeting keeps one UID (Meeting.uid) in every export; SEQUENCE comes from the
meeting and rises with each change of time, room or status; DTSTAMP and LAST-MODIFIED
are the meeting's last change, so the same data always gives the same bytes. Times carry
TZID=America/New_York with one hand-written VTIMEZONE in the yearly-rule form Outlook
requires (see shared/standards.md F8). Cancelled and postponed meetings stay in the feed
with STATUS:CANCELLED and a title that says so. No METHOD, no VALARM.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from django.utils.translation import get_language
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vRecur,
)

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


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def add_new_york(event: Event, name: str, moment: datetime) -> None:
    """A New York wall-clock time with its TZID written out: the same bytes icalendar
    makes from an aware datetime, without matching the zone object on every value
    (a third of a large feed's build time)."""
    local = moment.astimezone(NEW_YORK).replace(tzinfo=None)
    event.add(name, local, parameters={"TZID": "America/New_York"})


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
    elif meeting.timing == Timing.FOLLOWING and meeting.follows:
        lines.append(f"Following the adjournment of: {meeting.follows.title}.")
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


def meeting_event(meeting: Meeting, *, base_url: str) -> Event:
    url = base_url + meeting.get_absolute_url()
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", utc(meeting.updated))
    event.add("created", utc(meeting.created))
    event.add("last-modified", utc(meeting.updated))
    event.add("sequence", meeting.sequence)
    event.add("summary", TITLE_PREFIX.get(meeting.status, "") + meeting.title)
    start = meeting.local_start
    if meeting.timing in (Timing.DAY, Timing.WEEK):
        # All-day: the date is known, the time is not (a week: Monday to Friday).
        days = 5 if meeting.timing == Timing.WEEK else 1
        event.add("dtstart", start.date())
        event.add("dtend", start.date() + timedelta(days=days))
        event.add("transp", "TRANSPARENT")
    else:
        # Every timed event gets an explicit end: clients disagree on events without one.
        end = meeting.local_end or start + NOMINAL_LENGTH
        add_new_york(event, "dtstart", start)
        add_new_york(event, "dtend", end)
        event.add("transp", "OPAQUE")
    event.add("status", STATUS[meeting.status])
    event.add("location", location(meeting))
    event.add("url", url)
    event.add("description", description(meeting, url))
    event.add("categories", [label(MeetingKind, meeting.kind, get_language())])
    return event


def deadline_event(deadline: Deadline, *, base_url: str) -> Event:
    """A process milestone as its own event, clearly titled as a deadline."""
    event = Event()
    event.add("uid", deadline.uid)
    event.add("dtstamp", utc(deadline.updated))
    event.add("last-modified", utc(deadline.updated))
    event.add("sequence", 0)
    event.add("summary", f"Deadline: {deadline.title}")
    if deadline.due_time:
        due = datetime.combine(deadline.due_date, deadline.due_time, NEW_YORK)
        add_new_york(event, "dtstart", due)
        add_new_york(event, "dtend", due)
    else:
        event.add("dtstart", deadline.due_date)
        event.add("dtend", deadline.due_date + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED")
    when = "Close of business (New York)." if deadline.close_of_business else ""
    text = [line for line in (when, deadline.notes) if line]
    text += [f"Process: {deadline.process.title}", base_url + deadline.process.get_absolute_url()]
    event.add("description", "\n".join(text))
    event.add("categories", ["Deadline"])
    return event


def build_calendar(
    meetings: Iterable[Meeting],
    *,
    name: str,
    base_url: str,
    deadlines: Iterable[Deadline] = (),
    subscription: bool = True,
) -> bytes:
    """The calendar as bytes. `subscription` adds the feed-only properties (name,
    refresh interval), which a single-meeting download must not carry."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if subscription:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "America/New_York")
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))  # unknown to icalendar: say it
    calendar.add_component(new_york_timezone())
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, base_url=base_url))
    for deadline in deadlines:
        calendar.add_component(deadline_event(deadline, base_url=base_url))
    return calendar.to_ical()
