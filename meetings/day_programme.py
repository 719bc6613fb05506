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

from django.db.models import (
    Case,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from .journal_order import JournalSection, journal_sections
from .models import AgendaItem, CoFacilitator, Meeting
from .schedule import (
    ScheduleFilter,
    group_by_day,
    published_between,
    start_of_day,
    week_starting,
    working_days,
)
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


def this_week(day: date) -> date:
    """The Monday of the week a reader means by "this week" on `day`: at a weekend the
    week that is coming, not the one that is ending."""
    monday = week_starting(day)
    return monday + timedelta(days=7) if is_weekend(day) else monday


def next_meeting_day(after: date, schedule_filter: ScheduleFilter) -> date | None:
    """The first day after `after` with a published meeting the filter chooses (within
    NEXT_MEETINGS_HORIZON), or None: one query on the start index."""
    meetings = published_between(
        after + timedelta(days=1), after + NEXT_MEETINGS_HORIZON, schedule_filter
    )
    start = meetings.order_by("start").values_list("start", flat=True).first()
    return start.astimezone(NEW_YORK).date() if start else None


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
    return this_week(day)


# A New York day is 23 to 25 hours long: the first start of a day plus this is past its
# end, whatever the clocks did.
PAST_THE_DAY = timedelta(hours=26)


def reaching_past(meetings: QuerySet[Meeting], floor: datetime):
    """SQL for the later of `floor` and the end of the day of the first of `meetings`
    (a little past it: PAST_THE_DAY), computed inside the query that uses it."""
    first = Subquery(meetings.order_by("start").values("start")[:1])
    after = ExpressionWrapper(first + Value(PAST_THE_DAY), output_field=DateTimeField())
    return Greatest(Value(floor), Coalesce(after, Value(floor)))


def shown_for_day(day: date, schedule_filter: ScheduleFilter) -> QuerySet[Meeting]:
    """The published meetings the day page shows: the day's, and when it shows what
    comes next (a weekend, an empty day), every meeting up to the last day it shows (the
    next day with meetings or the end of the coming working week, whichever is later: a
    meeting entered in between changes what is next). One query for its fingerprint
    (meetings.shownpages): the bounds are subqueries of it."""
    end_of_friday = start_of_day(working_days(coming_monday(day))[-1] + timedelta(days=1))
    after_day = published_between(
        day + timedelta(days=1), day + NEXT_MEETINGS_HORIZON, schedule_filter
    )
    outlook_end = reaching_past(after_day, end_of_friday)
    end_of_day = start_of_day(day + timedelta(days=1))
    if is_weekend(day):
        until = outlook_end
    else:
        on_the_day = published_between(day, day, schedule_filter)
        until = Case(
            When(Exists(on_the_day), then=Value(end_of_day)),
            default=outlook_end,
            output_field=DateTimeField(),
        )
    return published(schedule_filter).filter(start__gte=start_of_day(day), start__lt=until)


def published(schedule_filter: ScheduleFilter) -> QuerySet[Meeting]:
    return schedule_filter.apply(Meeting.objects.published())


# --- The programme's home list, a week at a time ------------------------------------

# Pages of the home list: seven days each, from today; as far as meetings are planned.
DAYS_A_PAGE = 7
LAST_PAGE = 262  # five years of weeks (models.PLANNING_HORIZON)


@dataclass
class ProgrammeWeek:
    """One page of the home list: seven days from `first`, the days that hold meetings,
    and when none does, the next day that does."""

    number: int
    first: date
    days: list
    next_day: date | None = None

    @property
    def last(self) -> date:
        return self.first + timedelta(days=DAYS_A_PAGE - 1)

    @property
    def previous_monday(self) -> date:
        """The week before the first page's, in the week view (the past is there)."""
        return week_starting(self.first) - timedelta(days=7)

    @property
    def has_next(self) -> bool:
        return self.number < LAST_PAGE


def page_days(number: int, today: date) -> tuple[date, date]:
    """The first and last day of page `number` (1: today and the six days after)."""
    first = today + timedelta(days=DAYS_A_PAGE * (min(max(number, 1), LAST_PAGE) - 1))
    return first, first + timedelta(days=DAYS_A_PAGE - 1)


def programme_week(number: int, today: date, schedule_filter: ScheduleFilter) -> ProgrammeWeek:
    first, last = page_days(number, today)
    meetings = published_between(first, last, schedule_filter)
    week = ProgrammeWeek(min(max(number, 1), LAST_PAGE), first, group_by_day(meetings))
    if not week.days:
        week.next_day = next_meeting_day(last, schedule_filter)
    return week


def shown_for_week(number: int, today: date, schedule_filter: ScheduleFilter):
    """What page `number` shows: its days' meetings, or up to the next day with meetings
    when they hold none (in one query, as shown_for_day)."""
    first, last = page_days(number, today)
    end_of_last = start_of_day(last + timedelta(days=1))
    ahead = published_between(first, first + NEXT_MEETINGS_HORIZON, schedule_filter)
    until = reaching_past(ahead, end_of_last)
    return published(schedule_filter).filter(start__gte=start_of_day(first), start__lt=until)
