"""iCalendar feeds of the programme.

The VTIMEZONE comes from the icalendar library; the events are written as content
lines by meetings.ics, because a session's feed holds thousands of them (see there).

Every meeting keeps one UID (Meeting.uid) in every export; SEQUENCE comes from the
meeting and rises with each change of time, room, mode, status or title; DTSTAMP and
LAST-MODIFIED are the event's last change (Meeting.calendar_changed_at), so the same
data always gives the same bytes. Times carry
TZID=America/New_York with one hand-written VTIMEZONE in the yearly-rule form Outlook
requires (see shared/standards.md F8); times before that rule came in are written in UTC
(see `zoned`). Cancelled and postponed meetings stay in the feed with STATUS:CANCELLED
and a title that says so. No METHOD, no VALARM.

Size: Google Calendar stops importing a subscription past about 1 MB (standards S4). The
programme's feeds hold FEED_HISTORY back and everything ahead (`feed_window`; older
meetings are in the archive's per-session feeds), and an event says each thing once:
DESCRIPTION holds only what no other property says (not the title, room, time or link).
"""

from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
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
from .enums import MeetingKind, MeetingStatus, Mode, Participation, Source, Timing
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
# How long a deadline at a set time is drawn (see deadline_lines).
DEADLINE_MARK = timedelta(minutes=15)
# Calendars stay as entered, in English, whatever language the reader browses in: a feed
# or an invitation is the same bytes for every subscriber (and cached as such).
CALENDAR_LANGUAGE = "en"


# How far back the programme's feeds reach: subscribers keep the recent past (minutes,
# follow-ups) without a session's whole history, which the archive's per-session feeds
# hold. With everything ahead, this keeps a session's broadest feed under Google's ~1 MB.
FEED_HISTORY = timedelta(days=60)
# Google Calendar stops importing a subscription past about 1 MB (standards T14), whole:
# the events of a subscribed feed stay below this, leaving room for its head and zone.
SUBSCRIPTION_LIMIT = 950_000

# The VTIMEZONE below states the rule in force since 2 a.m. EST on 11 March 2007 only
# (Outlook reads a VTIMEZONE as one yearly rule: standards F8). Clients that trust the
# file place earlier times by it, wrongly (libical an hour late in the summer of 2006,
# ical.js as if in UTC), so instants before then are written in UTC instead: right in
# every client, and the one VTIMEZONE Outlook maps stays as it is. Adding the 1967-2006
# rules as further observances with RRULE UNTIL would suit full-zone parsers, but Outlook
# reduces a VTIMEZONE to one yearly rule ([MS-OXCICAL]), so which meetings it placed
# right would depend on the rule it kept. The split is by instant, DTEND with DTSTART.
RULE_OF_2007 = datetime(2007, 3, 11, 7, tzinfo=UTC)


def feed_window(now: datetime) -> datetime:
    """The first instant the programme's feeds hold: the start of the New York day
    FEED_HISTORY before `now`. The one definition of the window, for the feeds and for
    whatever caches or fingerprints them."""
    day = now.astimezone(NEW_YORK).date() - FEED_HISTORY
    return datetime.combine(day, time(0), NEW_YORK)


def zoned(name: str, moment: datetime, *, utc: bool) -> str:
    """DTSTART or DTEND of a timed event: New York wall-clock time with its TZID, or the
    instant in UTC when `utc` (see RULE_OF_2007)."""
    if utc:
        return f"{name}:{ics.utc_stamp(moment)}"
    return f"{name};TZID=America/New_York:{ics.local_stamp(moment.astimezone(NEW_YORK))}"


def before_rule_of_2007(moment: datetime) -> bool:
    return moment < RULE_OF_2007


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


def description(meeting: Meeting) -> str:
    """What a calendar entry needs beyond its other properties, each said once: never the
    title, room, time or link again (SUMMARY, LOCATION, DTSTART/DTEND and URL say them),
    nor the process when the title names it, nor the usual participation."""
    lines = []
    official = meeting.official_name
    if official and official.casefold() not in meeting.title.casefold():
        lines.append(official)  # "General Assembly, 45th plenary meeting"
    if meeting.status_reason:  # why it is off (SUMMARY and STATUS say that it is)
        lines.append(f"Reason: {meeting.status_reason}")
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
        if not names_process(meeting.title, meeting.process):
            lines.append(f"Process: {meeting.process.title}")
        cofacilitators = "; ".join(str(c) for c in meeting.process.cofacilitators.all())
        if cofacilitators:
            lines.append(f"Co-facilitators: {cofacilitators}")
    if meeting.participation != Participation.MEMBER_STATES:
        participation = label(Participation, meeting.participation, get_language())
        lines.append(f"Participation: {participation}")
    if meeting.is_closed:
        lines.append("Closed meeting.")
    if meeting.mode == Mode.HYBRID:
        lines.append("Hybrid: in person and online.")
    lines += [agenda_line(item) for item in meeting.agenda_items.all()]
    if meeting.documents:
        lines.append("Documents: " + ", ".join(meeting.documents))
    if meeting.notes:
        lines.append(meeting.notes)
    if meeting.source == Source.JOURNAL:
        lines.append("From the Journal of the United Nations.")
    return "\n".join(lines)


def agenda_line(item) -> str:
    """ "Agenda item 13: Culture of peace (A/79/345)", as the Journal lists it."""
    number = f"Agenda item {item.number}: " if item.number else "Agenda item: "
    documents = f" ({', '.join(item.documents)})" if item.documents else ""
    return f"{number}{item.title}{documents}"


def names_process(title: str, process) -> bool:
    """Whether a meeting's title already names its process (by its short or full title)."""
    folded = title.casefold()
    return any(name and name.casefold() in folded for name in (process.short_title, process.title))


def meeting_lines(
    meeting: Meeting,
    *,
    base_url: str,
    language: str,
    dtstamp: datetime | None = None,
    sequence: int | None = None,
) -> list[str]:
    """The VEVENT of a meeting. DTSTAMP is the meeting's last change and SEQUENCE its own
    unless given: an invitation stamps the time it is sent and the version it carries.
    Only an invitation says when the meeting was first entered (CREATED): in a feed,
    where DTSTAMP is already the last revision, it would be one more line per meeting."""
    # The event's own last change (changes.calendar_change), not the row's last save.
    changed = meeting.calendar_changed_at
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.uid}",
        f"DTSTAMP:{ics.utc_stamp(changed if dtstamp is None else dtstamp)}",
    ]
    if dtstamp is not None:
        lines.append(f"CREATED:{ics.utc_stamp(meeting.created)}")
    lines += [
        f"LAST-MODIFIED:{ics.utc_stamp(changed)}",
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
        # Busy (TRANSP:OPAQUE) is the default for a timed event: not written.
        end = meeting.local_end or start + NOMINAL_LENGTH
        utc = before_rule_of_2007(start)
        lines += [zoned("DTSTART", start, utc=utc), zoned("DTEND", end, utc=utc)]
    lines += [
        f"STATUS:{STATUS[meeting.status]}",
        "LOCATION:" + ics.text(location(meeting)),
        f"URL:{base_url + meeting.get_absolute_url()}",
    ]
    about = description(meeting)
    if about:
        lines.append("DESCRIPTION:" + ics.text(about))
    lines += [
        "CATEGORIES:" + ics.text(label(MeetingKind, meeting.kind, language)),
        "END:VEVENT",
    ]
    return lines


def deadline_lines(deadline: Deadline, *, base_url: str) -> list[str]:
    """A process milestone as its own event, titled as a deadline of its process (a feed
    may combine several processes, and calendars merge feeds). SEQUENCE rises when it
    moves (Deadline.save). A deadline at a set time is a moment: shown as a short mark
    (DEADLINE_MARK) from that time, since clients draw a zero-length event as an hour or
    a whole day (standards F16); one at close of business, or with no time, is all-day
    on its date. Transparent either way: it blocks nobody's free/busy."""
    title = f"Deadline: {deadline.title} ({deadline.process})"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{deadline.uid}",
        f"DTSTAMP:{ics.utc_stamp(deadline.updated)}",
        f"LAST-MODIFIED:{ics.utc_stamp(deadline.updated)}",
        f"SEQUENCE:{deadline.sequence}",
    ]
    if deadline.due_time and not deadline.close_of_business:
        due = datetime.combine(deadline.due_date, deadline.due_time, NEW_YORK)
        utc = before_rule_of_2007(due)
        lines += [
            "SUMMARY:" + ics.text(f"{title}, {deadline.due_time:%H:%M} New York time"),
            zoned("DTSTART", due, utc=utc),
            zoned("DTEND", due + DEADLINE_MARK, utc=utc),
        ]
    else:
        lines += [
            "SUMMARY:" + ics.text(title),
            f"DTSTART;VALUE=DATE:{ics.date_stamp(deadline.due_date)}",
            f"DTEND;VALUE=DATE:{ics.date_stamp(deadline.due_date + timedelta(days=1))}",
        ]
    when = ""
    if deadline.close_of_business:
        at = f", {deadline.due_time:%H:%M}" if deadline.due_time else ""
        when = f"Close of business (New York{at})."
    text = [line for line in (when, deadline.notes) if line]
    lines += [
        "TRANSP:TRANSPARENT",
        "STATUS:CONFIRMED",
        f"URL:{base_url + deadline.process.get_absolute_url()}",
    ]
    if text:
        lines.append("DESCRIPTION:" + ics.text("\n".join(text)))
    lines += ["CATEGORIES:Deadline", "END:VEVENT"]
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
    limit: int | None = SUBSCRIPTION_LIMIT,
) -> bytes:
    """The calendar as bytes. `subscription` adds the feed-only properties (name,
    refresh interval), which a single-meeting download must not carry; a subscription
    keeps its events within `limit` bytes (see nearest_within). Always in
    CALENDAR_LANGUAGE; `name` is given by the caller, who writes it in_calendar_language()."""
    with in_calendar_language():
        return _build_calendar(
            meetings,
            name=name,
            base_url=base_url,
            deadlines=deadlines,
            subscription=subscription,
            limit=limit if subscription else None,
        )


def nearest_within(events: list[tuple[datetime, list[bytes]]], limit: int, now: datetime):
    """The events to keep when all of them would pass `limit` bytes: what is ahead,
    soonest first, then the recent past, latest first, as long as they fit; in their
    own order. A calendar past Google's limit is not shortened but dropped whole, so a
    broad feed of a session entered far ahead keeps its nearest months instead."""
    sizes = [sum(map(len, lines)) for _, lines in events]
    if sum(sizes) <= limit:
        return events, None
    starts = [start for start, _ in events]
    ahead = sorted((i for i, start in enumerate(starts) if start >= now), key=starts.__getitem__)
    past = sorted(
        (i for i, start in enumerate(starts) if start < now), key=starts.__getitem__, reverse=True
    )
    kept, size = [], 0
    for i in ahead + past:
        if size + sizes[i] > limit:
            break
        kept.append(i)
        size += sizes[i]
    last_ahead = max((starts[i] for i in kept if starts[i] >= now), default=None)
    return [events[i] for i in sorted(kept)], (len(kept), len(events), last_ahead)


def _build_calendar(meetings, *, name, base_url, deadlines, subscription, limit) -> bytes:
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
    items = [
        (
            meeting.start,
            [
                ics.fold(line)
                for line in meeting_lines(meeting, base_url=base_url, language=language)
            ],
        )
        for meeting in meetings
    ]
    items += [
        (
            datetime.combine(deadline.due_date, deadline.due_time or time(), NEW_YORK),
            [ics.fold(line) for line in deadline_lines(deadline, base_url=base_url)],
        )
        for deadline in deadlines
    ]
    if limit is not None:
        # Split at the start of the New York day: the same bytes all day for the same
        # content (the feed cache renews its stamps daily, not hourly).
        today = datetime.combine(datetime.now(NEW_YORK).date(), time(), NEW_YORK)
        items, trimmed = nearest_within(items, limit, today)
        if trimmed:
            kept, total, last_ahead = trimmed
            until = f" up to {last_ahead.astimezone(NEW_YORK):%d %B %Y}" if last_ahead else ""
            head.append(
                "X-WR-CALDESC:"
                + ics.text(
                    f"The {kept} nearest of {total} events{until}: calendar programs stop "
                    "reading larger files. Subscribe by process, room or kind for the rest."
                )
            )
    events = [line for _, lines in items for line in lines]
    out = [ics.fold(line) for line in head]
    # The VTIMEZONE goes before the events that use it, and only when one does: a
    # calendar of meetings before 2007 (written in UTC) has none to refer to.
    if any(b";TZID=America/New_York:" in line for line in events):
        out.append(vtimezone_bytes())
    out += events
    out.append(b"END:VCALENDAR\r\n")
    return b"".join(out)
