"""Reading and writing the programme of meetings.

Views, commands and (later) tasks call these functions; none of them touches the ORM
for meetings on its own. Every reading function returns data fetched with a fixed
number of queries, whatever the number of meetings.
"""

import calendar
import time as time_module
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Count, F, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gasched.formats import weekday_date

from . import audit, changes, pagecache, sections, signals
from .enums import STATUSES_THAT_FREE_THE_ROOM, MeetingKind, MeetingStatus, Source, Timing
from .feeds import feed_window
from .headquarters import RESERVED_TO_OTHER_ORGANS
from .models import (
    CoFacilitator,
    Deadline,
    EntryToken,
    Meeting,
    Organ,
    Process,
    Room,
    Segment,
    Session,
)
from .timing import NEW_YORK, today, zone_abbreviation


@dataclass(frozen=True)
class ScheduleFilter:
    """What a reader narrowed the programme to; every part combines with the others."""

    kinds: tuple[str, ...] = ()
    processes: tuple[str, ...] = ()  # process slugs
    rooms: tuple[str, ...] = ()  # room codes
    text: str = ""
    organs: tuple[str, ...] = ()  # organ codes: the bodies whose official meetings

    @classmethod
    def canonical(
        cls, *, kinds=(), processes=(), rooms=(), text: str = "", organs=()
    ) -> "ScheduleFilter":
        """The same filter however it was written: values deduplicated and sorted, the
        search's words separated by single spaces."""
        return cls(
            kinds=tuple(sorted(set(kinds))),
            processes=tuple(sorted(set(processes))),
            rooms=tuple(sorted(set(rooms))),
            text=" ".join(text.split()),
            organs=tuple(sorted(set(organs))),
        )

    @property
    def is_empty(self) -> bool:
        return not (self.kinds or self.processes or self.rooms or self.text or self.organs)

    def as_query(self, *, text: bool = True) -> str:
        """The filter as the query string of the schedule pages and feeds."""
        pairs = [("kind", k) for k in self.kinds] + [("process", p) for p in self.processes]
        pairs += [("room", r) for r in self.rooms] + [("organ", o) for o in self.organs]
        if text and self.text:
            pairs.append(("q", self.text))
        return urlencode(pairs)

    def apply(self, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
        if self.kinds:
            meetings = meetings.filter(kind__in=self.kinds)
        if self.processes:
            meetings = meetings.filter(process__slug__in=self.processes)
        if self.rooms:
            meetings = meetings.filter(
                Q(room__code__in=self.rooms) | Q(overflow_room__code__in=self.rooms)
            )
        if self.organs:
            meetings = meetings.filter(organ__code__in=self.organs)
        for word in self.text.split():
            meetings = meetings.filter(
                Q(title__icontains=word)
                | Q(notes__icontains=word)
                | Q(process__title__icontains=word)
                | Q(process__short_title__icontains=word)
                | Q(room__name__icontains=word)
            )
        return meetings


@dataclass
class Day:
    """One day of the programme, as the Journal prints it."""

    date: date
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def morning(self) -> list[Meeting]:
        return [m for m in self.meetings if m.local_start.hour < 13]

    @property
    def afternoon(self) -> list[Meeting]:
        return [m for m in self.meetings if m.local_start.hour >= 13]


@dataclass(frozen=True)
class FilterChoices:
    """What the programme can be filtered by: (value, label) pairs."""

    processes: list[tuple[str, str]]  # a session's processes, and any others named
    rooms: list[tuple[str, str]]  # historical rooms too: the archive filters by them
    organs: list[tuple[str, str]] = field(default_factory=list)
    # The rooms' names in the other languages (Room.names) and the rooms no longer in use.
    room_names: dict[str, dict[str, str]] = field(default_factory=dict)
    historical_rooms: frozenset[str] = frozenset()

    def knows(
        self,
        *,
        kinds: Iterable[str],
        processes: Iterable[str],
        rooms: Iterable[str],
        organs: Iterable[str] = (),
    ):
        """Whether every value names a kind, a process, a room and a body that exist."""
        return (
            self.knows_kinds(kinds=kinds)
            and set(processes) <= {slug for slug, _label in self.processes}
            and set(rooms) <= {code for code, _name in self.rooms}
            and set(organs) <= {code for code, _name in self.organs}
        )

    @staticmethod
    def knows_kinds(*, kinds: Iterable[str], processes=(), rooms=(), organs=()) -> bool:
        """Whether every value is a kind of meeting (and no process, room or body is
        named)."""
        return set(kinds) <= set(MeetingKind.values) and not (processes or rooms or organs)

    def naming(self, slugs: Iterable[str]) -> "FilterChoices":
        """These choices with the processes `slugs` names that are not among them (another
        session's): one query, for those only, and never cached, so that a made-up name
        costs no cache entry."""
        missing = set(slugs) - {slug for slug, _label in self.processes}
        if not missing:
            return self
        others = Process.objects.filter(slug__in=missing).values_list(
            "slug", "title", "short_title"
        )
        named = [(slug, short_title or title) for slug, title, short_title in others]
        return replace(self, processes=[*self.processes, *named])

    def with_organs(self, codes: Iterable[str]) -> "FilterChoices":
        """These choices with the bodies `codes` names that exist: one query, only for a
        filter that names bodies (the filter box offers none: the Journal's bodies are
        chosen by address, as the feed of the plenary and the Main Committees is)."""
        codes = set(codes)
        if not codes:
            return self
        found = Organ.objects.filter(code__in=codes).values_list("code", "name", "short_name")
        organs = [(code, short or name) for code, name, short in found]
        return replace(self, organs=organs)


def filter_choices(day: date) -> FilterChoices:
    """The processes of the session that covers `day`, and every room, in the order readers
    choose from: two queries. Not every process ever stored: after ten sessions that list
    would be most of the page, and rebuilding it after every edit would slow every page
    with the years (another session's process is still accepted when named, see
    FilterChoices.naming, and the search finds it by its title)."""
    found = Process.objects.filter(
        session__start_date__lte=day, session__end_date__gte=day
    ).values_list("slug", "title", "short_title")
    # as str(Process) writes them
    processes = [(slug, short_title or title) for slug, title, short_title in found]
    rooms = list(Room.objects.values_list("code", "name", "names", "is_current"))
    return FilterChoices(
        processes=processes,
        rooms=[(code, name) for code, name, _names, _current in rooms],
        room_names={code: names for code, _name, names, _current in rooms if names},
        historical_rooms=frozenset(code for code, _name, _names, current in rooms if not current),
    )


def session_counts(day: date) -> dict[str, dict[str, int]]:
    """The filter box's counts: how many published meetings of the session that covers
    `day` each kind, process and room finds ({"kind": {value: n}, ...}; a room counts the
    meetings it overflows too). One grouped query, summed here."""
    # the session as a subquery compared by equality: its meetings are read through the
    # index on session, never the whole table (tests/meetings/test_history_queries.py)
    session = Session.objects.filter(start_date__lte=day, end_date__gte=day).values("pk")[:1]
    combinations = (
        Meeting.objects.published()
        .filter(session=Subquery(session))
        .values_list("kind", "process__slug", "room__code", "overflow_room__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {"kind": {}, "process": {}, "room": {}}
    for kind, process, room, overflow, n in combinations:
        for name, value in (
            ("kind", kind),
            ("process", process),
            ("room", room),
            ("room", overflow),
        ):
            if value is not None:
                counts[name][value] = counts[name].get(value, 0) + n
    return counts


def known_filter_values(
    day: date | None = None, named: Iterable[str] = (), organs: Iterable[str] = ()
) -> FilterChoices:
    """filter_choices() for `day` (today by default) from the schedule cache, no query
    while the schedule is unchanged, with the processes `named` that exist (pages, feeds
    and the API check every filter against it)."""
    day = day or today()
    # "named": entries made before the rooms' names and the bodies were added have
    # another identity
    choices = pagecache.fragment(
        "filter-choices", (day, "named"), lambda: filter_choices(day)
    ).value
    return choices.naming(named).with_organs(organs)


def known_counts(day: date | None = None) -> dict[str, dict[str, int]]:
    """session_counts() for `day` (today by default) from the schedule cache: only the
    filter box shows them, so feeds, the API and the check of a filter never count."""
    day = day or today()
    return pagecache.fragment("filter-counts", (day,), lambda: session_counts(day)).value


def listed(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.for_listing()


def group_by_day(meetings: Iterable[Meeting]) -> list[Day]:
    return [
        Day(date=day, meetings=list(group))
        for day, group in groupby(meetings, key=lambda m: m.local_start.date())
    ]


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(0), NEW_YORK)


def upcoming_meetings(schedule_filter: ScheduleFilter, *, since: date | None = None):
    """Meetings from the start of `since` (today in New York) on, soonest first."""
    since = since or today()
    meetings = Meeting.objects.published().still_on_at(start_of_day(since))
    return schedule_filter.apply(listed(meetings))


def published_between(first: date, last: date, schedule_filter: ScheduleFilter):
    """The published meetings the filter chooses that start from `first` to `last`
    inclusive: what a page of those days shows (its fingerprint is taken from it too)."""
    meetings = Meeting.objects.published().filter(
        start__gte=start_of_day(first), start__lt=start_of_day(last + timedelta(days=1))
    )
    return schedule_filter.apply(listed(meetings))


def meetings_between(first: date, last: date, schedule_filter: ScheduleFilter) -> list[Day]:
    """Every day from `first` to `last` inclusive, with its meetings (possibly none)."""
    by_day = {
        day.date: day for day in group_by_day(published_between(first, last, schedule_filter))
    }
    span = (last - first).days + 1
    return [by_day.get(d, Day(date=d)) for d in (first + timedelta(n) for n in range(span))]


@dataclass
class RoomRow:
    room: Room | None  # None: meetings whose room is not announced
    cells: list[list[Meeting]]  # one list per working day


def room_grid(monday: date, schedule_filter: ScheduleFilter) -> tuple[list[date], list[RoomRow]]:
    """The working week by room: which rooms are taken when, and which are free.

    Every current room has a row, so a free room shows as an empty row; a meeting with an
    overflow room appears in both. Two queries whatever the week holds."""
    days = working_days(monday)
    rows = {
        room.pk: RoomRow(room, [[] for _ in days]) for room in Room.objects.filter(is_current=True)
    }
    unannounced = RoomRow(None, [[] for _ in days])
    for meeting in published_between(days[0], days[-1], schedule_filter):
        column = (meeting.local_start.date() - monday).days
        if not 0 <= column < len(days):
            continue
        held = [r for r in (meeting.room_id, meeting.overflow_room_id) if r in rows]
        for room_id in held:
            rows[room_id].cells[column].append(meeting)
        if not held:
            unannounced.cells[column].append(meeting)
    listed_rows = list(rows.values())
    if any(unannounced.cells):
        listed_rows.append(unannounced)
    return days, listed_rows


@dataclass
class RoomDay:
    day: date
    rooms: list[tuple[Room | None, list[Meeting]]]  # the rooms taken, in the grid's order


def rooms_by_day(days: list[date], rows: list[RoomRow]) -> list[RoomDay]:
    """The room grid read day by day, as phones show it: the rooms taken each day."""
    return [
        RoomDay(day, [(row.room, row.cells[column]) for row in rows if row.cells[column]])
        for column, day in enumerate(days)
    ]


def working_days(monday: date) -> list[date]:
    """The days of the room grid: Monday to Friday."""
    return [monday + timedelta(days=n) for n in range(5)]


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day the month calendar shows (whole weeks, Monday first)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return weeks[0][0], weeks[-1][-1]


def month_weeks(year: int, month: int, schedule_filter: ScheduleFilter) -> list[list[Day]]:
    """The month as calendar weeks (Monday first), each day with its meetings."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    by_day = {d.date: d for d in meetings_between(weeks[0][0], weeks[-1][-1], schedule_filter)}
    return [[by_day[day] for day in week] for week in weeks]


def week_starting(day: date) -> date:
    return day - timedelta(days=day.weekday())


def past_meetings(session: Session, schedule_filter: ScheduleFilter):
    """A session's meetings that have begun, most recent first (the archive)."""
    meetings = Meeting.objects.published().filter(session=session, start__lt=timezone.now())
    return schedule_filter.apply(listed(meetings)).order_by("-start", "pk")


def meeting_for_page(pk: int, *, drafts: bool = False) -> Meeting:
    """A meeting with everything its page shows, in a fixed number of queries. A draft
    only when asked (`drafts`: the office's uncached view of it)."""
    meetings = Meeting.objects.all() if drafts else Meeting.objects.published()
    return (
        meetings.select_related(
            "session",
            "process",
            "room",
            "overflow_room",
            "follows",
            "organ",
            *sections.related(sections.MEETING_PAGE),
        )
        .prefetch_related(
            "segments",
            "agenda_items",
            Prefetch("process__cofacilitators", queryset=CoFacilitator.objects.all()),
            # What other apps show on the page (the letters): one query each.
            *sections.prefetches(sections.MEETING_PAGE),
        )
        .get(pk=pk)
    )


def process_for_page(slug: str) -> Process:
    meetings = listed(Meeting.objects.published())
    return (
        Process.objects.select_related("session")
        .prefetch_related(
            "cofacilitators",
            "deadlines",
            Prefetch("meetings", queryset=meetings),
            *sections.prefetches(sections.PROCESS_PAGE),
        )
        .get(slug=slug)
    )


def split_past_and_planned(
    meetings: Iterable[Meeting], *, since: date | None = None
) -> tuple[list[Meeting], list[Meeting]]:
    """Meetings held before `since` (today in New York), and those from then on: the
    day is the boundary, as in the programme, so a page split this way stays true all
    day (and may be cached for the day)."""
    boundary = start_of_day(since or today())
    past, planned = [], []
    for meeting in meetings:
        (past if meeting.start < boundary else planned).append(meeting)
    return past, planned


def feed_items(
    schedule_filter: ScheduleFilter, *, now: datetime | None = None
) -> tuple[list[Meeting], list[Deadline]]:
    """What a feed with this filter holds (feed_contents), read: a fixed number of
    queries whatever the number of meetings."""
    meetings, deadlines = feed_contents(schedule_filter, now=now)
    return list(meetings), list(deadlines)


def feed_contents(
    schedule_filter: ScheduleFilter, *, now: datetime | None = None
) -> tuple[QuerySet[Meeting], QuerySet[Deadline]]:
    """What a feed with this filter holds, not yet read: every meeting in the feeds'
    window (from feeds.feed_window on: the recent past and everything ahead), and, for a
    feed of processes only, those processes' deadlines in it."""
    since = feed_window(now or timezone.now())
    meetings = schedule_filter.apply(
        Meeting.objects.published().filter(start__gte=since).for_calendar()
    ).order_by("start", "pk")
    deadlines = Deadline.objects.none()
    only_processes = not (
        schedule_filter.kinds
        or schedule_filter.rooms
        or schedule_filter.text
        or schedule_filter.organs
    )
    if schedule_filter.processes and only_processes:
        deadlines = Deadline.objects.filter(
            process__slug__in=schedule_filter.processes, due_date__gte=since.date()
        ).select_related("process")
    return meetings, deadlines


def session_feed_contents(
    session: Session, schedule_filter: ScheduleFilter
) -> tuple[QuerySet[Meeting], QuerySet[Deadline]]:
    """A session's meetings, all of them, for the archive's per-session feed (the
    programme's feeds keep only the recent past), not yet read; no deadlines."""
    meetings = schedule_filter.apply(
        Meeting.objects.published().filter(session=session).for_calendar()
    ).order_by("start", "pk")
    return meetings, Deadline.objects.none()


# --- Rooms -----------------------------------------------------------------------


def room_conflicts(
    rooms: Iterable[Room], start: datetime, until: datetime, *, ignore: Meeting | None = None
) -> list[Meeting]:
    """Meetings that hold any of `rooms` (as main or overflow room) in [start, until)."""
    room_ids = [room.pk for room in rooms if room is not None]
    if not room_ids:
        return []
    meetings = (
        Meeting.objects.holding_rooms()
        .overlapping(start, until)
        .filter(Q(room__in=room_ids) | Q(overflow_room__in=room_ids))
        .select_related("room", "overflow_room", "organ")
    )
    if ignore is not None and ignore.pk:
        meetings = meetings.exclude(pk=ignore.pk)
    return list(meetings)


def free_rooms(
    start: datetime, until: datetime, *, ignore: Meeting | None = None, every_room: bool = False
) -> list[Room]:
    """Current rooms that no meeting holds at any moment of [start, until): two queries.
    Rooms reserved to other organs (the Security Council's) only with `every_room`."""
    busy = Meeting.objects.holding_rooms().overlapping(start, until)
    if ignore is not None and ignore.pk:
        busy = busy.exclude(pk=ignore.pk)
    taken = set()
    for room_id, overflow_id in busy.values_list("room_id", "overflow_room_id"):
        taken.update({room_id, overflow_id})
    rooms = Room.objects.filter(is_current=True)
    if not every_room:
        rooms = rooms.exclude(code__in=RESERVED_TO_OTHER_ORGANS)
    return [room for room in rooms if room.pk not in taken]


def describe_slot(meeting: Meeting) -> str:
    start = meeting.local_start
    until = timezone.localtime(meeting.booked_until, NEW_YORK)
    return f"{weekday_date(start)}, {start:%H:%M}–{until:%H:%M}"


def room_taken_error(meeting: Meeting, conflicts: list[Meeting]) -> ValidationError:
    """The message staff see: which meeting holds the room, and which rooms are free."""
    holder = conflicts[0]
    room = (
        meeting.room
        if meeting.room_id in (holder.room_id, holder.overflow_room_id)
        else (meeting.overflow_room)
    )
    free = free_rooms(meeting.start, meeting.booked_until, ignore=meeting)
    if holder.source == Source.JOURNAL:
        # An official meeting, named as the Journal heads it.
        message = _("%(room)s is held by the %(holder)s (from the Journal) (%(slot)s).") % {
            "room": room,
            "holder": holder.official_name or holder.title,
            "slot": describe_slot(holder),
        }
    else:
        message = _("%(room)s is already booked for “%(title)s” (%(slot)s).") % {
            "room": room,
            "title": holder.title,
            "slot": describe_slot(holder),
        }
    if free:
        message += " " + _("Free at that time: %(rooms)s.") % {
            "rooms": ", ".join(r.name for r in free)
        }
    else:
        message += " " + _("No other room is free at that time.")
    field = "room" if room == meeting.room else "overflow_room"
    return ValidationError({field: message}, code="room_taken")


# --- Writing ---------------------------------------------------------------------


DEADLOCK_DETECTED = "40P01"
DEADLOCK_RETRIES = 3


class MeetingChanged(ValidationError):
    """A save from a form opened at an older revision of the meeting: who changed it since,
    when, and what, for the editor to decide with nothing of theirs lost."""

    def __init__(self, message: str, *, revision: int, changes: list[audit.FieldChange]):
        super().__init__(message, code="changed_since_opened")
        self.revision = revision  # the meeting's revision now: a form reopened at it saves
        self.changes = changes


def check_unchanged_since(meeting: Meeting, opened: int | None, *, now: int | None = None):
    """Raise MeetingChanged if the meeting was saved since its form was opened at revision
    `opened` (None: no form to compare with). `now` is the revision just read under lock."""
    if opened is None or meeting.pk is None:
        return
    if now is None:
        now = Meeting.objects.filter(pk=meeting.pk).values_list("revision", flat=True).get()
    if now == opened:
        return
    last, changes = audit.changes_since(meeting, opened)
    when = timezone.localtime(last.when if last else timezone.now(), NEW_YORK)
    said = {
        "user": last.who if last else "",
        "time": f"{when:%H:%M} {zone_abbreviation(when)}",
        "day": weekday_date(when),
    }
    if said["user"]:
        message = _(
            "This meeting was changed by %(user)s at %(time)s on %(day)s since you opened "
            "it; nothing was saved."
        )
    else:  # changed by no one signed in (a script, the demo loader)
        message = _(
            "This meeting was changed at %(time)s on %(day)s since you opened it; nothing "
            "was saved."
        )
    raise MeetingChanged(message % said, revision=now, changes=changes)


def place_in_schedule(meeting: Meeting) -> None:
    """The rules across meetings, the same on every way in: the meeting belongs to the
    session that covers its New York date, and no other meeting holds its rooms.

    Sets the session and booked_until; raises ValidationError keyed by the meeting's
    fields. save_meeting calls it; the admin form too, to show the errors on the form.
    """
    day = meeting.local_start.date()
    sessions = list(Session.objects.covering(day))
    if not sessions:
        raise ValidationError(
            {"start": _("No General Assembly session covers %(day)s.") % {"day": day}},
            code="no_session",
        )
    if meeting.session_id not in {session.pk for session in sessions}:
        meeting.session = sessions[0]
    meeting.booked_until = meeting.holds_room_until()
    check_rooms(meeting)


@transaction.atomic
def save_meeting(
    meeting: Meeting,
    *,
    segments: list[Segment] | None = None,
    expected_revision: int | None = None,
) -> Meeting:
    """Create or change a meeting: its own rules (Meeting.clean), the rules across meetings
    (place_in_schedule), and no silent overwrite of a change made since the editor's form
    was opened at `expected_revision`.

    The application check gives staff a helpful message; on PostgreSQL an exclusion
    constraint also holds when two people save at the same instant, and its violation
    is turned into the same message.
    """
    # Locked: two saves at the same instant must not both pass the revision check, nor
    # give two versions one SEQUENCE. FOR UPDATE OF the meeting only, not its rooms.
    before = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("room", "overflow_room")
        .filter(pk=meeting.pk)
        .first()
        if meeting.pk is not None
        else None
    )
    if meeting.pk is not None and before is None:
        # Deleted since it was opened: saving would quietly bring it back as new.
        raise ValidationError(
            _("This meeting was deleted since you opened it; nothing was saved."),
            code="deleted_since_opened",
        )
    if before is not None:
        check_unchanged_since(meeting, expected_revision, now=before.revision)
    meeting.full_clean(exclude=["booked_until", "session"])  # place_in_schedule sets them
    place_in_schedule(meeting)
    change = changes.calendar_change(before, meeting)
    if before is not None:
        meeting.sequence = before.sequence + (1 if change.significant else 0)
        meeting.calendar_changed_at = before.calendar_changed_at
        meeting.revision = before.revision + 1
    if change.shown:
        meeting.calendar_changed_at = timezone.now()
    for attempt in range(DEADLOCK_RETRIES + 1):
        try:
            with transaction.atomic():
                meeting.save()
            break
        except IntegrityError as error:
            conflicts = room_conflicts(
                [meeting.room, meeting.overflow_room],
                meeting.start,
                meeting.booked_until,
                ignore=meeting,
            )
            if conflicts:
                raise room_taken_error(meeting, conflicts) from error
            raise
        except OperationalError as error:
            # Several bookings of one room saved at the same instant can deadlock in the
            # exclusion constraint; PostgreSQL cancels one. Once the others are through,
            # the room check gives the real answer.
            if getattr(error.__cause__, "pgcode", None) != DEADLOCK_DETECTED:
                raise
            if attempt == DEADLOCK_RETRIES:
                raise ValidationError(
                    {"room": _("Someone is booking this room at this very moment: save again.")},
                    code="room_busy",
                ) from error
            time_module.sleep(0.05 * (attempt + 1))
            check_rooms(meeting)
    # Apps built on meetings react in this same transaction (the invitations' outbox).
    signals.meeting_saved.send(sender=Meeting, meeting=meeting, change=change)
    if segments is not None:
        meeting.segments.all().delete()
        for order, segment in enumerate(segments):
            segment.meeting = meeting
            segment.order = order
        Segment.objects.bulk_create(segments)
    move_followers(meeting)
    return meeting


def move_followers(meeting: Meeting) -> None:
    """Meetings held following the adjournment of `meeting` start when it ends: they move
    with it on the same day (each through save_meeting: its rules, SEQUENCE and outbox),
    and a move to another day is refused while one of them is still on."""
    followers = meeting.followed_by.filter(timing=Timing.FOLLOWING).exclude(
        status__in=STATUSES_THAT_FREE_THE_ROOM
    )
    for follower in followers:
        if follower.start == meeting.booked_until:
            continue
        if follower.local_start.date() != meeting.local_start.date():
            raise ValidationError(
                {
                    "start": _(
                        "“%(title)s” follows this meeting on %(day)s: move it, or change "
                        "how it is timed, first."
                    )
                    % {"title": follower.title, "day": weekday_date(follower.local_start)}
                },
                code="followed",
            )
        follower.start = meeting.booked_until
        save_meeting(follower)


@transaction.atomic
def create_meeting(meeting: Meeting, *, entry_token: str) -> tuple[Meeting, bool]:
    """Save a new meeting from a form that carries a one-time token; the same form sent
    again gives back the meeting it created and creates nothing. Returns the meeting and
    whether it was created now.

    The token is taken first, in this transaction: a second request with it waits on
    the first one's row, then finds it (or, if the first was refused and rolled back,
    takes it itself). A refusal (ValidationError) gives the token back with the rest.
    """
    entry, taken = EntryToken.objects.get_or_create(token=entry_token)
    if not taken and entry.meeting is not None:
        return entry.meeting, False
    saved = save_meeting(meeting)
    entry.meeting = saved
    entry.save(update_fields=["meeting"])
    return saved, True


def check_rooms(meeting: Meeting) -> None:
    """Raise a ValidationError naming the holder and the free rooms if a room is taken
    (booked_until set by place_in_schedule)."""
    if meeting.is_off:
        return
    conflicts = room_conflicts(
        [meeting.room, meeting.overflow_room], meeting.start, meeting.booked_until, ignore=meeting
    )
    if conflicts:
        raise room_taken_error(meeting, conflicts)


@transaction.atomic
def publish_meetings(
    opened: dict[int, int], *, now: datetime | None = None
) -> tuple[list[Meeting], list[Meeting]]:
    """Publish the drafts `opened` names (pk -> the revision the editor previewed): each
    becomes public and its invitations are written, through save_meeting and its
    meeting_saved signal like any save, all in one transaction. A meeting changed since
    its preview refuses the whole publication (MeetingChanged): the editor sends only
    what they saw. Returns (published now, published already: a second click)."""
    now = now or timezone.now()
    meetings = list(
        Meeting.objects.select_for_update(of=("self",))
        .filter(pk__in=list(opened))
        .select_related("room", "overflow_room", "process", "follows")
        .order_by("start", "pk")
    )
    if len(meetings) != len(opened):
        raise ValidationError(
            _("A meeting to publish was deleted since the preview; nothing was published."),
            code="deleted_since_opened",
        )
    done, already = [], []
    for meeting in meetings:
        if meeting.published_at is not None:
            already.append(meeting)
            continue
        check_unchanged_since(meeting, opened[meeting.pk], now=meeting.revision)
        meeting.published_at = now
        done.append(save_meeting(meeting))
    return done, already


def set_meeting_status(
    meeting: Meeting, status: MeetingStatus, *, expected_revision: int | None = None
) -> Meeting:
    """Publish (scheduled), mark tentative, postpone or cancel a meeting, as it was when
    the page was opened at `expected_revision` (see save_meeting).

    Bringing a postponed or cancelled meeting back goes through the room check again.
    """
    meeting.status = status
    return save_meeting(meeting, expected_revision=expected_revision)


@transaction.atomic
def announce_room_renamed(room: Room, *, was: str, now: datetime | None = None) -> list[Meeting]:
    """A room's new name is a change of place in the calendars of the meetings ahead in it
    (their LOCATION): each is judged by changes.calendar_change like any save, and its
    SEQUENCE and calendar stamp move in one UPDATE; invitees of those still on get the
    update ("Room: old name → new name"). Returns the meetings changed."""
    now = now or timezone.now()
    ahead = list(
        Meeting.objects.select_for_update(of=("self",))
        .filter(Q(room=room) | Q(overflow_room=room), booked_until__gt=now)
        .select_related("room", "overflow_room", "process", "follows")
        .order_by("pk")
    )
    old = Room(pk=room.pk, code=room.code, name=was)
    judged = []
    for meeting in ahead:
        before = Meeting(**{f.attname: getattr(meeting, f.attname) for f in Meeting._meta.fields})
        before.room = old if meeting.room_id == room.pk else meeting.room
        before.overflow_room = old if meeting.overflow_room_id == room.pk else meeting.overflow_room
        change = changes.calendar_change(before, meeting)
        if change.significant:
            judged.append((meeting, change))
    Meeting.objects.filter(pk__in=[m.pk for m, _change in judged]).update(
        sequence=F("sequence") + 1, calendar_changed_at=now
    )
    for meeting, change in judged:
        meeting.sequence += 1
        meeting.calendar_changed_at = now
        if not meeting.is_off:  # a cancelled meeting's invitees were told already
            signals.meeting_saved.send(sender=Meeting, meeting=meeting, change=change)
    return [m for m, _change in judged]
