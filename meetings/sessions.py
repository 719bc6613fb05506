"""The sessions of the General Assembly and their dates."""

from datetime import date, timedelta

from .models import Session

SECOND_WEEK_RULE_FROM = 2023


def opening_day(year: int) -> date:
    """The opening of the regular session held in `year`.

    Rule 1 of the rules of procedure: the Tuesday of the third week of September,
    counting from the first week that contains at least one working day; since the
    78th session (2023) the Tuesday of the second such week. Sessions before the 58th
    followed other rules: enter their real dates in the admin.
    """
    first = date(year, 9, 1)
    monday = first - timedelta(days=first.weekday())
    if first.weekday() >= 5:  # 1 September on a weekend: that week has no working day
        monday += timedelta(days=7)
    weeks_after_first = 1 if year >= SECOND_WEEK_RULE_FROM else 2
    return monday + timedelta(weeks=weeks_after_first, days=1)


def session_dates(number: int) -> tuple[date, date]:
    """From the opening to the day before the next session opens (the 1st met in 1946)."""
    year = 1945 + number
    return opening_day(year), opening_day(year + 1) - timedelta(days=1)


def ensure_session(number: int, *, president: str = "", president_state: str = "") -> Session:
    """The session with this number, created with its rule-based dates if missing."""
    start, end = session_dates(number)
    session, _ = Session.objects.get_or_create(
        number=number,
        defaults={
            "start_date": start,
            "end_date": end,
            "president": president,
            "president_state": president_state,
        },
    )
    return session


def ensure_session_covering(day: date) -> Session:
    """The session a day belongs to, created with its rule-based dates if missing (a
    letter may announce a meeting of a session nobody entered yet)."""
    session = Session.objects.covering(day).first()
    if session is not None:
        return session
    # Sessions open in September: earlier in the year belongs to the one before.
    number = max(day.year - 1945 - (1 if (day.month, day.day) < (9, 1) else 0), 1)
    session = ensure_session(number)
    if not session.start_date <= day <= session.end_date:
        session = ensure_session(number + (1 if day > session.end_date else -1))
    return session
