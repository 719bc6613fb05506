"""New York wall-clock times, including the daylight-saving edges."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from meetings.enums import Timing
from meetings.timing import (
    NonexistentTime,
    booked_until,
    new_york_datetime,
    period_start,
    zone_abbreviation,
)


def test_summer_meeting_at_ten_is_fourteen_utc():
    assert new_york_datetime(date(2017, 6, 29), time(10)).astimezone(UTC) == datetime(
        2017, 6, 29, 14, tzinfo=UTC
    )


def test_winter_meeting_at_ten_is_fifteen_utc():
    assert new_york_datetime(date(2017, 12, 7), time(10)).astimezone(UTC) == datetime(
        2017, 12, 7, 15, tzinfo=UTC
    )


def test_times_either_side_of_the_march_change():
    before = new_york_datetime(date(2026, 3, 6), time(10))  # Friday, still EST
    after = new_york_datetime(date(2026, 3, 9), time(10))  # Monday, EDT
    assert (before.astimezone(UTC).hour, after.astimezone(UTC).hour) == (15, 14)
    assert (zone_abbreviation(before), zone_abbreviation(after)) == ("EST", "EDT")


def test_time_in_the_spring_gap_is_refused():
    with pytest.raises(NonexistentTime, match="02:30 does not exist in New York"):
        new_york_datetime(date(2026, 3, 8), time(2, 30))


def test_repeated_autumn_hour_means_the_first_occurrence():
    moment = new_york_datetime(date(2026, 11, 1), time(1, 30))
    assert moment.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_morning_and_afternoon_start_at_the_standard_slots():
    day = date(2017, 6, 16)
    assert period_start(day, Timing.MORNING).time() == time(10)
    assert period_start(day, Timing.AFTERNOON).time() == time(15)


def test_week_timing_starts_on_monday():
    assert period_start(date(2017, 7, 13), Timing.WEEK).date() == date(2017, 7, 10)


def test_meeting_without_announced_end_holds_room_for_one_slot():
    start = new_york_datetime(date(2017, 7, 6), time(10))
    assert booked_until(start, None, Timing.EXACT) - start == timedelta(hours=3)


def test_announced_end_is_kept():
    start = new_york_datetime(date(2017, 7, 6), time(10))
    end = new_york_datetime(date(2017, 7, 6), time(11, 30))
    assert booked_until(start, end, Timing.EXACT) == end


def test_day_to_be_announced_holds_the_room_until_local_midnight_on_dst_day():
    start = period_start(date(2026, 3, 8), Timing.DAY)  # the day clocks go forward
    until = booked_until(start, None, Timing.DAY)
    assert until.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    assert until == new_york_datetime(date(2026, 3, 9), time(0))


def test_start_read_back_from_utc_still_books_a_whole_local_day():
    start = period_start(date(2026, 11, 1), Timing.DAY).astimezone(UTC)  # as the DB returns it
    assert booked_until(start, None, Timing.DAY) - start == timedelta(hours=25)
