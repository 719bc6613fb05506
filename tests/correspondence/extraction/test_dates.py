"""Dates as letters write them."""

import pytest

from correspondence.extraction.dates import parse_date_mentions


@pytest.mark.parametrize(
    ("written", "days", "weekday"),
    [
        ("October 3rd and 4th", [(3, 10, None), (4, 10, None)], None),
        ("May 18th", [(18, 5, None)], None),
        ("Tuesday,9 May 2023", [(9, 5, 2023)], 1),
        ("Tuesday, 9 May 2023", [(9, 5, 2023)], 1),
        ("the 3rd of May", [(3, 5, None)], None),
        ("the 21st and 22nd of April", [(21, 4, None), (22, 4, None)], None),
        ("the 3rd, 4th and the 5th of May 2024", [(3, 5, 2024), (4, 5, 2024), (5, 5, 2024)], None),
        ("Wednesday, the 5th of June", [(5, 6, None)], 2),
        ("Thursday, February 4th, 2021", [(4, 2, 2021)], 3),
        ("23-25 September", [(23, 9, None), (24, 9, None), (25, 9, None)], None),
        ("2 and 3 May", [(2, 5, None), (3, 5, None)], None),
        ("from 30 November to 2 December", [(30, 11, None), (2, 12, None)], None),
        # Spanish- and French-influenced English
        ("the day Wednesday 22 of April", [(22, 4, None)], 2),
        ("16 of January of 2018", [(16, 1, 2018)], None),
    ],
)
def test_dates_as_letters_write_them(written, days, weekday):
    found = parse_date_mentions(f"on {written} in New York")
    assert [(m.days, m.weekday) for m in found] == [(days, weekday)]


def test_a_sentence_without_a_month_names_only_relative_days():
    found = parse_date_mentions("The meeting held this morning and the one of 12.")
    assert [m.relative for m in found] == ["this morning"]


def test_a_date_with_dots_is_day_first_and_a_time_with_a_dot_is_no_date():
    assert [m.days for m in parse_date_mentions("on 02.03.2021 at 10.00 a.m.")] == [[(2, 3, 2021)]]
    assert parse_date_mentions("version 1.2.2021.4 and 10.30 hrs") == []


def test_days_of_the_month_said_alone_take_the_month_said_just_before():
    assert [
        m.days for m in parse_date_mentions("on three Mondays in October, the 15th, 22nd and 29th.")
    ] == [[(15, 10, None), (22, 10, None), (29, 10, None)]]
    assert [
        m.days for m in parse_date_mentions("on 5 February; the third, on debt, on the 19th.")
    ] == [
        [(5, 2, None)],
        [(19, 2, None)],
    ]
    # a century, an anniversary, a session: no days
    assert parse_date_mentions("the 21st century, the 75th anniversary in June") == []
    # no month before: a day of the letter's month (or a later one), said relative
    assert [m.relative for m in parse_date_mentions("on Thursday the 19th at 3 p.m.")] == [
        "this month on 19 thursday"
    ]
