"""Times as letters write them; a bare number is no time and a lost hour stays lost."""

from datetime import time

import pytest

from correspondence.extraction.times import parse_time_mentions


@pytest.mark.parametrize(
    ("written", "times"),
    [
        (
            "from 9 a.m. to 12 noon and from 3 p.m. to 6 p.m.",
            [(time(9), time(12)), (time(15), time(18))],
        ),
        ("at 4:00 p.m, in the same room", [(time(16), None)]),
        ("at 10.00 am", [(time(10), None)]),
        ("at 1500 hrs", [(time(15), None)]),
        ("on 20 April, 1000-1300 hrs, in CR 4", [(time(10), time(13))]),
        ("from 1430 to 1600 hours", [(time(14, 30), time(16))]),
        ("at 10h30", [(time(10, 30), None)]),
        ("from 9:00 to 11:00 a.m. EST", [(time(9), time(11))]),
        (
            "from 10 a.m. to 1 p.m. and from 3 to 6 p.m.",
            [(time(10), time(13)), (time(15), time(18))],
        ),
        ("will begin at 11.", [(time(11), None)]),
        ("will begin at 3.", [(time(15), None)]),
        ("at 10 o'clock in the morning", [(time(10), None)]),
        ("at 3 o'clock", [(time(15), None)]),
        ("at am and 4.00 pm", [(None, None), (time(16), None)]),
        ("in 12 rooms on 3 floors", []),
        ("between 10 a.m. and 1 p.m.", [(time(10), time(13))]),
        ("two panels, at 11 a.m. and 3 p.m. respectively", [(time(11), None), (time(15), None)]),
    ],
)
def test_times_as_letters_write_them(written, times):
    assert [(t.begins, t.ends) for t in parse_time_mentions(written)] == times


@pytest.mark.parametrize(
    ("written", "hours"),
    [
        ("Thu 27 Apr    1000-1300    Conference Room 8", [("10:00", "13:00")]),
        ("Thu  4 May    1500-1800    Conference Room 8", [("15:00", "18:00")]),
        ("the 2015-2030 agenda", []),  # years, not the working day
        ("in the years 2001-2005", []),
    ],
)
def test_a_range_of_the_working_day_without_hrs(written, hours):
    found = parse_time_mentions(written)
    assert [(f"{t.begins:%H:%M}", f"{t.ends:%H:%M}") for t in found] == hours


def test_an_hour_of_the_working_day_with_hrs_alone_is_a_time_but_a_duration_is_not():
    assert [(t.begins, t.ends) for t in parse_time_mentions("commencing at 10 hrs in the")] == [
        (time(10), None)
    ]
    assert [(t.begins, t.ends) for t in parse_time_mentions("from 10 hrs to 13 hrs")] == [
        (time(10), time(13))
    ]
    assert parse_time_mentions("each dialogue will last 2 hours; open 24 hrs") == []
