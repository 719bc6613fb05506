"""Resolving: years from context, back-references merged into the meeting they name."""

from datetime import date

import pytest

from correspondence.extraction import extract

from .helpers import letter, meetings_of


def test_a_range_whose_year_is_stated_nearby_takes_that_year():
    assert [
        m[0]
        for m in meetings_of(
            "The 2019 high-level meeting on universal health coverage will be held from "
            "23-25 September.",
            dated="14 March 2019",
        )
    ] == ["2019-09-23", "2019-09-24", "2019-09-25"]


def test_a_letter_of_december_about_january_is_about_next_year():
    assert [
        m[0]
        for m in meetings_of(
            "I will convene an informal meeting of the plenary on Thursday, 23 January, at 3 p.m.",
            dated="16 December 2002",
        )
    ] == ["2003-01-23"]


def test_a_back_reference_is_the_meeting_it_names_with_the_earlier_time_and_room():
    found = extract(
        letter(
            "We will hold an informal consultation on Thursday, 14 October 2021 at 10 a.m. in "
            "the ECOSOC Chamber. At the 14 October meeting we will report on the responses.",
            dated="30 September 2021",
        )
    )
    assert [(m.date, m.start.hour, m.room) for m in found.meetings] == [
        (date(2021, 10, 14), 10, "ECOSOC Chamber")
    ]
    back = [m for m in found.mentions if m.what == "date" and m.reason == "back-reference"]
    assert [(m.text, m.detail) for m in back] == [("14 October", "the meeting of 14 October")]


def test_two_meetings_of_one_day_in_one_sentence_stay_two():
    assert meetings_of(
        "The informal consultations will be held on Tuesday, 14 January at am and 4.00 pm in "
        "Conference Room 1 (NLB).",
        dated="20 December 2013",
    ) == [
        (
            "2014-01-14",
            None,
            None,
            "Conference Room 1 (North Lawn Building)",
            "informal-consultation",
        ),
        (
            "2014-01-14",
            "16:00",
            None,
            "Conference Room 1 (North Lawn Building)",
            "informal-consultation",
        ),
    ]


def test_a_year_stated_before_a_date_is_its_year_never_the_year_before():
    assert [
        m[0]
        for m in meetings_of(
            "The 2020 high-level meeting on universal health coverage will be held from "
            "23-25 September.",
            dated="14 March 2019",
        )
    ] == ["2020-09-23", "2020-09-24", "2020-09-25"]


def test_a_year_far_from_the_letter_is_no_context():
    assert [
        m[0]
        for m in meetings_of(
            "Since its adoption in 2015, the Agenda has been reviewed; an informal consultation "
            "will be held on 5 May.",
            dated="14 March 2023",
        )
    ] == ["2023-05-05"]


def test_the_days_of_one_list_share_a_year():
    assert [
        m[0]
        for m in meetings_of(
            "I thank delegations for the informal consultations held on 3, 10 and 17 March.",
            dated="14 March 2023",
        )
    ] == ["2023-03-03", "2023-03-10", "2023-03-17"]


def test_our_meeting_is_of_the_kind_the_letters_other_meetings_share():
    assert [
        m[4]
        for m in meetings_of(
            "Following our meeting of Monday, 5 February, we thank delegations. The second "
            "informal consultation will take place on Thursday, 22 February 2024 at 10 a.m.",
            dated="7 February 2024",
        )
    ] == ["informal-consultation", "informal-consultation"]


def test_the_year_of_another_date_is_not_stated_for_this_one():
    assert meetings_of(
        "Pursuant to resolution 77/1 of 3 January 2024, a briefing will be held on 20 April.",
        dated="14 March 2023",
    ) == [("2023-04-20", None, None, None, "briefing")]


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("On Monday, 6 March, delegations met in an informal consultation.", "2023-03-06"),
        ("An informal consultation on Wednesday, 6 March followed.", "2024-03-06"),
        ("The informal consultation will be held on Monday, 20 March.", "2023-03-20"),
    ],
)
def test_a_weekday_says_the_year_when_the_words_do_not(body, day):
    assert [m[0] for m in meetings_of(body, dated="14 March 2023")] == [day]
