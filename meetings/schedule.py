"""Reading and writing the programme of meetings.

Views, commands and (later) tasks call these functions; none of them touches the ORM
for meetings on its own. Every reading function returns data fetched with a fixed
number of queries, whatever the number of meetings.
"""

import calendar
import time as time_module
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gasched.formats import weekday_date

from . import sections, signals
from .enums import MeetingStatus
from .models import CoFacilitator, Deadline, Meeting, Process, Room, Segment, Session
from .timing import NEW_YORK, booked_until

# Changes that calendars must hear about: they raise the meeting's SEQUENCE.
SIGNIFICANT_FIELDS = ("start", "end", "timing", "room_id", "overflow_room_id", "status")


@dataclass(frozen=True)
class ScheduleFilter:
    """What a reader narrowed the programme to; every part combines with the others."""

    kinds: tuple[str, ...] = ()
    processes: tuple[str, ...] = ()  # process slugs
    rooms: tuple[str, ...] = ()  # room codes
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.kinds or self.processes or self.rooms or self.text)

    def apply(self, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
        if self.kinds:
            meetings = meetings.filter(kind__in=self.kinds)
        if self.processes:
            meetings = meetings.filter(process__slug__in=self.processes)
        if self.rooms:
            meetings = meetings.filter(
                Q(room__code__in=self.rooms) | Q(overflow_room__code__in=self.rooms)
            )
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


def listed(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.for_listing()


def group_by_day(meetings: Iterable[Meeting]) -> list[Day]:
    return [
        Day(date=day, meetings=list(group))
        for day, group in groupby(meetings, key=lambda m: m.local_start.date())
    ]


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(0), NEW_YORK)


def today() -> date:
    return timezone.localdate(timezone=NEW_YORK)


def upcoming_meetings(schedule_filter: ScheduleFilter, *, since: date | None = None):
    """Meetings from the start of `since` (today in New York) on, soonest first."""
    since = since or today()
    meetings = Meeting.objects.filter(booked_until__gt=start_of_day(since))
    return schedule_filter.apply(listed(meetings))


def meetings_between(first: date, last: date, schedule_filter: ScheduleFilter) -> list[Day]:
    """Every day from `first` to `last` inclusive, with its meetings (possibly none)."""
    meetings = Meeting.objects.filter(
        start__gte=start_of_day(first), start__lt=start_of_day(last + timedelta(days=1))
    )
    by_day = {day.date: day for day in group_by_day(schedule_filter.apply(listed(meetings)))}
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
    days = [monday + timedelta(days=n) for n in range(5)]
    meetings = Meeting.objects.filter(
        start__gte=start_of_day(days[0]), start__lt=start_of_day(days[-1] + timedelta(days=1))
    )
    rows = {
        room.pk: RoomRow(room, [[] for _ in days]) for room in Room.objects.filter(is_current=True)
    }
    unannounced = RoomRow(None, [[] for _ in days])
    for meeting in schedule_filter.apply(listed(meetings)):
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


def month_weeks(year: int, month: int, schedule_filter: ScheduleFilter) -> list[list[Day]]:
    """The month as calendar weeks (Monday first), each day with its meetings."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    by_day = {d.date: d for d in meetings_between(weeks[0][0], weeks[-1][-1], schedule_filter)}
    return [[by_day[day] for day in week] for week in weeks]


def week_starting(day: date) -> date:
    return day - timedelta(days=day.weekday())


def past_meetings(session: Session, schedule_filter: ScheduleFilter):
    """A session's meetings that have begun, most recent first (the archive)."""
    meetings = Meeting.objects.filter(session=session, start__lt=timezone.now())
    return schedule_filter.apply(listed(meetings)).order_by("-start", "pk")


def meeting_for_page(pk: int) -> Meeting:
    """A meeting with everything its page shows, in a fixed number of queries."""
    return (
        Meeting.objects.select_related("session", "process", "room", "overflow_room", "follows")
        .prefetch_related(
            "segments",
            Prefetch("process__cofacilitators", queryset=CoFacilitator.objects.all()),
            # What other apps show on the page (the letters): one query each.
            *sections.prefetches(sections.MEETING_PAGE),
        )
        .get(pk=pk)
    )


def process_for_page(slug: str) -> Process:
    meetings = listed(Meeting.objects.all())
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


def split_past_and_planned(meetings: Iterable[Meeting]) -> tuple[list[Meeting], list[Meeting]]:
    now = timezone.now()
    past, planned = [], []
    for meeting in meetings:
        (past if meeting.start < now else planned).append(meeting)
    return past, planned


def feed_items(schedule_filter: ScheduleFilter) -> tuple[list[Meeting], list[Deadline]]:
    """What a feed with this filter holds: every meeting from the start of the previous
    session on (subscribers keep their history), and, for a feed of processes only,
    those processes' deadlines. Three queries whatever the number of meetings."""
    current = Session.objects.covering(today()).first()
    previous = current and Session.objects.filter(number=current.number - 1).first()
    since = (previous or current).start_date if current else today() - timedelta(days=366)
    meetings = (
        schedule_filter.apply(Meeting.objects.filter(start__gte=start_of_day(since)))
        .select_related("process", "room", "overflow_room", "follows")
        .prefetch_related("process__cofacilitators")
        .order_by("start", "pk")
    )
    deadlines = []
    only_processes = not (schedule_filter.kinds or schedule_filter.rooms or schedule_filter.text)
    if schedule_filter.processes and only_processes:
        deadlines = list(
            Deadline.objects.filter(
                process__slug__in=schedule_filter.processes, due_date__gte=since
            ).select_related("process")
        )
    return list(meetings), deadlines


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
        .select_related("room", "overflow_room")
    )
    if ignore is not None and ignore.pk:
        meetings = meetings.exclude(pk=ignore.pk)
    return list(meetings)


def free_rooms(start: datetime, until: datetime, *, ignore: Meeting | None = None) -> list[Room]:
    """Current rooms that no meeting holds at any moment of [start, until): two queries."""
    busy = Meeting.objects.holding_rooms().overlapping(start, until)
    if ignore is not None and ignore.pk:
        busy = busy.exclude(pk=ignore.pk)
    taken = set()
    for room_id, overflow_id in busy.values_list("room_id", "overflow_room_id"):
        taken.update({room_id, overflow_id})
    return [room for room in Room.objects.filter(is_current=True) if room.pk not in taken]


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

# The General Assembly first met on 10 January 1946; nothing is planned years ahead.
EARLIEST_MEETING_DATE = date(1946, 1, 10)
PLANNING_HORIZON = timedelta(days=5 * 366)


def check_meeting_date(day: date) -> None:
    latest = today() + PLANNING_HORIZON
    if not EARLIEST_MEETING_DATE <= day <= latest:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": EARLIEST_MEETING_DATE.isoformat(), "last": latest.isoformat()},
            code="date_out_of_range",
        )


def session_for(day: date) -> Session:
    session = Session.objects.covering(day).first()
    if session is None:
        raise ValidationError(
            {"date": _("No General Assembly session covers %(day)s.") % {"day": day}},
            code="no_session",
        )
    return session


@transaction.atomic
def save_meeting(meeting: Meeting, *, segments: list[Segment] | None = None) -> Meeting:
    """Create or change a meeting, keeping its rooms free of double bookings.

    The application check gives staff a helpful message; on PostgreSQL an exclusion
    constraint also holds when two people save at the same instant, and its violation
    is turned into the same message.
    """
    meeting.full_clean(exclude=["booked_until"])
    check_rooms(meeting)
    _bump_sequence_if_significant(meeting)
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
    signals.meeting_saved.send(sender=Meeting, meeting=meeting)
    if segments is not None:
        meeting.segments.all().delete()
        for order, segment in enumerate(segments):
            segment.meeting = meeting
            segment.order = order
        Segment.objects.bulk_create(segments)
    return meeting


def check_rooms(meeting: Meeting) -> None:
    """Raise a ValidationError naming the holder and the free rooms if a room is taken."""
    meeting.booked_until = booked_until(meeting.start, meeting.end, meeting.timing)
    if meeting.room_id and meeting.room_id == meeting.overflow_room_id:
        raise ValidationError({"overflow_room": _("The overflow room must differ from the room.")})
    if meeting.is_off:
        return
    conflicts = room_conflicts(
        [meeting.room, meeting.overflow_room], meeting.start, meeting.booked_until, ignore=meeting
    )
    if conflicts:
        raise room_taken_error(meeting, conflicts)


def _bump_sequence_if_significant(meeting: Meeting) -> None:
    if meeting.pk is None:
        return
    # Locked: two saves at the same instant must not give two versions one SEQUENCE.
    before = (
        Meeting.objects.select_for_update()
        .filter(pk=meeting.pk)
        .values(*SIGNIFICANT_FIELDS, "sequence")
        .get()
    )
    if any(before[name] != getattr(meeting, name) for name in SIGNIFICANT_FIELDS):
        meeting.sequence = before["sequence"] + 1


def set_meeting_status(meeting: Meeting, status: MeetingStatus) -> Meeting:
    """Publish (scheduled), mark tentative, postpone or cancel a meeting.

    Bringing a postponed or cancelled meeting back goes through the room check again.
    """
    meeting.status = status
    return save_meeting(meeting)
