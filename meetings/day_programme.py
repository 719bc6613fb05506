"""A day's programme as the Journal prints it, and what comes next when the day holds
nothing (or is a weekend): the next day with meetings and the coming working week.

The day page and its print read a day through `day_programme`; what a cached page shows
(for its fingerprint, meetings.shownpages) through `shown_for_day`. A fixed number of
queries whatever the data: the day's meetings with their organ, session, rooms and
process in one query, their agenda items and their processes' co-facilitators in one
each; the next day and the coming week add a fixed few.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch, QuerySet

from .journal_order import JournalSection, journal_sections
from .models import AgendaItem, CoFacilitator, Meeting
from .schedule import ScheduleFilter, published_between, week_starting, working_days
from .timing import NEW_YORK

# How far ahead "Next meetings" looks: past a long recess, the week and month views.
NEXT_MEETINGS_HORIZON = timedelta(days=92)


def for_journal(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """What an entry of the Journal shows of each meeting, read in three queries."""
    return meetings.select_related("organ", "session").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk")),
        Prefetch("process__cofacilitators", queryset=CoFacilitator.objects.all()),
    )


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def programme_week(day: date) -> date:
    """The Monday of the week a reader means by "this week" on `day`: at a weekend the
    week that is coming, not the one that is ending."""
    monday = week_starting(day)
    return monday + timedelta(days=7) if is_weekend(day) else monday


def first_meeting_day(since: date, schedule_filter: ScheduleFilter) -> date | None:
    """The first day from `since` on with a published meeting the filter chooses (within
    NEXT_MEETINGS_HORIZON), or None: one query on the start index."""
    meetings = published_between(since, since + NEXT_MEETINGS_HORIZON, schedule_filter)
    start = meetings.order_by("start").values_list("start", flat=True).first()
    return start.astimezone(NEW_YORK).date() if start else None


def next_meeting_day(after: date, schedule_filter: ScheduleFilter) -> date | None:
    return first_meeting_day(after + timedelta(days=1), schedule_filter)


@dataclass
class WeekDay:
    date: date
    count: int


@dataclass
class Outlook:
    """What comes next, shown on an empty day or at a weekend."""

    next_day: date | None
    sections: list[JournalSection] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    week: list[WeekDay] = field(default_factory=list)  # the coming working week

    @property
    def monday(self) -> date | None:
        return self.week[0].date if self.week else None


@dataclass
class DayProgramme:
    date: date
    sections: list[JournalSection]
    meetings: list[Meeting]
    outlook: Outlook | None = None

    @property
    def as_at(self) -> datetime | None:
        """The last change of what the page shows (its print's "as at")."""
        shown = self.meetings + (self.outlook.meetings if self.outlook else [])
        latest = max((meeting.updated for meeting in shown), default=None)
        return latest.astimezone(NEW_YORK) if latest else None


def needs_outlook(day: date, meetings: list[Meeting]) -> bool:
    return is_weekend(day) or not meetings


def day_programme(day: date, schedule_filter: ScheduleFilter) -> DayProgramme:
    meetings = list(for_journal(published_between(day, day, schedule_filter)))
    programme = DayProgramme(day, journal_sections(meetings), meetings)
    if needs_outlook(day, meetings):
        programme.outlook = outlook(day, schedule_filter)
    return programme


def outlook(day: date, schedule_filter: ScheduleFilter) -> Outlook:
    """The next day with meetings, its meetings, and the coming working week's days
    with how many meetings each holds."""
    found = Outlook(next_meeting_day(day, schedule_filter))
    if found.next_day is not None:
        found.meetings = list(
            for_journal(published_between(found.next_day, found.next_day, schedule_filter))
        )
        found.sections = journal_sections(found.meetings)
    days = working_days(coming_monday(day))
    counts = dict.fromkeys(days, 0)
    for start in published_between(days[0], days[-1], schedule_filter).values_list(
        "start", flat=True
    ):
        local = start.astimezone(NEW_YORK).date()
        if local in counts:
            counts[local] += 1
    found.week = [WeekDay(d, n) for d, n in counts.items()]
    return found


def coming_monday(day: date) -> date:
    """The Monday of "the coming week" seen from `day`: this week's on a working day
    (its other days may hold meetings), the next one at a weekend."""
    return programme_week(day)


def shown_for_day(day: date, schedule_filter: ScheduleFilter) -> QuerySet[Meeting]:
    """The published meetings the day page shows: the day's, and when it shows what
    comes next, every meeting up to the last day it shows (the next day with meetings or
    the end of the coming working week, whichever is later: a meeting entered in between
    changes what is next). Called only when the schedule changed (meetings.shownpages)."""
    first = first_meeting_day(day, schedule_filter)
    if first == day and not is_weekend(day):
        return published_between(day, day, schedule_filter)
    following = next_meeting_day(day, schedule_filter) if first == day else first
    last = working_days(coming_monday(day))[-1]
    if following is not None:
        last = max(last, following)
    return published_between(day, last, schedule_filter)
