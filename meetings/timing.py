"""New York wall-clock rules for meetings. Pure functions; no models, no database.

Every meeting of the General Assembly is announced in New York time, so dates and
times typed by staff or read from letters are New York wall-clock times, converted
here once and stored aware (UTC in the database).
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from .enums import Timing

NEW_YORK = ZoneInfo("America/New_York")

# The standard UN meeting slots: morning 10 a.m.-1 p.m., afternoon 3-6 p.m. A meeting
# whose end was not announced holds its room for one such slot.
MORNING = (time(10), time(13))
AFTERNOON = (time(15), time(18))
NOMINAL_LENGTH = timedelta(hours=3)


def today() -> date:
    """Today in New York, whatever the server's clock zone."""
    return timezone.localdate(timezone=NEW_YORK)


class NonexistentTime(ValueError):
    """A wall-clock time skipped by the spring daylight-saving change in New York."""


def new_york_datetime(day: date, at: time) -> datetime:
    """The aware datetime for a New York date and wall-clock time.

    A time in the spring-forward gap (02:00-02:59 on the second Sunday of March) does
    not exist and raises NonexistentTime rather than silently moving by an hour. In the
    autumn repeated hour the first (daylight) occurrence is taken, as people mean it.
    """
    candidate = datetime.combine(day, at, tzinfo=NEW_YORK)
    round_trip = candidate.astimezone(ZoneInfo("UTC")).astimezone(NEW_YORK)
    if round_trip.replace(tzinfo=None) != candidate.replace(tzinfo=None):
        raise NonexistentTime(f"{at:%H:%M} does not exist in New York on {day:%-d %B %Y}")
    return candidate


def period_start(day: date, timing: str, at: time | None = None) -> datetime:
    """The start column for a meeting announced with this much precision."""
    if timing == Timing.EXACT:
        if at is None:
            raise ValueError("a meeting at a set time needs its time")
        return new_york_datetime(day, at)
    if timing == Timing.MORNING:
        return new_york_datetime(day, MORNING[0])
    if timing == Timing.AFTERNOON:
        return new_york_datetime(day, AFTERNOON[0])
    if timing == Timing.WEEK:
        return new_york_datetime(day - timedelta(days=day.weekday()), time(0))
    # DAY, and FOLLOWING until the meeting it follows is known
    return new_york_datetime(day, at or time(0))


def booked_until(start: datetime, end: datetime | None, timing: str) -> datetime:
    """Until when a meeting holds its room: its announced end, or the slot it implies."""
    if end is not None:
        return end
    local_start = start.astimezone(NEW_YORK)
    if timing == Timing.DAY:
        # wall-clock arithmetic: the next local midnight, 23 or 25 hours on DST days
        return datetime.combine(local_start.date() + timedelta(days=1), time(0), NEW_YORK)
    if timing == Timing.WEEK:
        return datetime.combine(local_start.date() + timedelta(days=7), time(0), NEW_YORK)
    return local_start + NOMINAL_LENGTH


def zone_abbreviation(moment: datetime) -> str:
    """EDT or EST, as the Journal prints it beside New York times."""
    return moment.astimezone(NEW_YORK).tzname() or "New York time"
