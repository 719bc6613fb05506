"""Classifying frames: announced, held, moved, another's event, a letter's date."""

from datetime import date

import pytest

from correspondence.extraction import extract

from .helpers import letter, meetings_of


@pytest.mark.parametrize(
    ("body", "held"),
    [
        (
            "Following our meeting of Monday, 5 February, I am pleased to share the summary.",
            [("2024-02-05", True)],
        ),
        (
            "This follows the consultations which I hosted on 2 and 3 February.",
            [("2024-02-02", True), ("2024-02-03", True)],
        ),
        ("The multi-stakeholder hearing will be hosted on 4 May.", [("2024-05-04", False)]),
    ],
)
def test_meetings_already_held_are_proposed_as_held(body, held):
    found = extract(letter(body, dated="14 February 2024"))
    assert [(m.date.isoformat(), m.held) for m in found.meetings] == held


def test_a_rescheduled_meeting_is_one_meeting_moved_from_its_first_date():
    found = extract(
        letter(
            "The informal meeting first planned for Tuesday, 7 November will now take place "
            "on Thursday, 9 November at 3 pm in Conference Room 2.",
            dated="1 November 2023",
        )
    )
    assert [(m.date, m.start.hour, m.room, m.action, m.moved_from) for m in found.meetings] == [
        (date(2023, 11, 9), 15, "Conference Room 2", "move", date(2023, 11, 7))
    ]


@pytest.mark.parametrize(
    ("body", "written", "reason"),
    [
        ("My letter of 2 March refers to the informal consultations.", "2 March", "letter-date"),
        (
            "The letter dated 30 October on the consultations is attached.",
            "30 October",
            "letter-date",
        ),
        (
            "In resolution 74/306 of 15 September the Assembly decided to hold a meeting.",
            "15 September",
            "resolution-date",
        ),
        (
            "Ahead of the Climate Change Conference, which the Government of Denmark will host "
            "in Copenhagen from 7 to 18 December, I will convene a thematic debate on 22 October.",
            "from 7 to 18 December",
            "other-organisation",
        ),
        (
            "The panel will meet ahead of the World Health Assembly, which will take place in "
            "Geneva from 19 to 24 May.",
            "from 19 to 24 May",
            "other-organisation",
        ),
        (
            "Delegations may tell us for the meeting by Friday, 8 October whether they attend.",
            "Friday, 8 October",
            "deadline",
        ),
    ],
)
def test_dates_that_are_not_meetings_say_why(body, written, reason):
    found = extract(letter(body, dated="5 October 2009"))
    assert [(m.reason, m.meeting) for m in found.mentions if m.text == written] == [(reason, None)]
    assert all(m.date.isoformat() == "2009-10-22" for m in found.meetings)


def test_another_organisations_event_is_not_proposed():
    assert meetings_of(
        "Ahead of the Climate Change Conference, which the Government of Denmark will host in "
        "Copenhagen from 7 to 18 December 2009, I will convene an informal thematic debate on "
        "Thursday, 22 October 2009 at 10 a.m. in the General Assembly Hall.",
        dated="5 October 2009",
    ) == [("2009-10-22", "10:00", None, "General Assembly Hall", "thematic-debate")]


def test_a_meeting_named_at_its_date_is_not_reported_as_held():
    found = extract(
        letter("The zero draft will be discussed at the informal consultation on 12 April at 3 pm.")
    )
    assert [(m.date, m.held) for m in found.meetings] == [(date(2023, 4, 12), False)]


@pytest.mark.parametrize(
    ("body", "meetings"),
    [
        (
            "The plenary meetings for the election of five non-permanent members of the "
            "Security Council for the term of office beginning on 1 January 2024 will be held "
            "on Tuesday, 6 June 2023, at 10 a.m.",
            [("2023-06-06", "10:00", None, None, "election")],
        ),
        (
            "The election of the judges, whose terms will begin on 6 February 2024, will take "
            "place on 9 November.",
            [("2023-11-09", None, None, None, "election")],
        ),
        (
            "The members elected will serve for a three-year term starting on 1 January 2024. "
            "The elections will take place on 8 June.",
            [("2023-06-08", None, None, None, "election")],
        ),
        ("The newly elected members will serve from 1 January 2024 to 31 December 2025.", []),
        ("The judges elected will take office on 6 February 2024.", []),
    ],
)
def test_the_start_of_a_term_of_office_is_no_meeting(body, meetings):
    assert meetings_of(body) == meetings


def test_the_start_of_a_term_says_why_it_is_no_meeting():
    found = extract(letter("Their term of office begins on 1 January 2024."))
    assert [(m.text, m.reason) for m in found.mentions if m.what == "date"][-1] == (
        "1 January 2024",
        "term-of-office",
    )


@pytest.mark.parametrize(
    "body",
    [
        "The informal consultation of 6 March was productive.",  # no tense: before the letter
        "On Monday, 6 March, delegations exchanged views in an informal consultation.",
        "Following the informal consultation of Monday, 6 March, we circulate a new text.",
    ],
)
def test_a_meeting_before_the_letter_was_held(body):
    found = extract(letter(body, dated="14 March 2023"))
    assert [(m.date.isoformat(), m.held) for m in found.meetings] == [("2023-03-06", True)]


def test_the_present_tense_speaks_of_what_is_ahead():
    assert meetings_of(
        "Meetings of the Fifth Committee are held in Conference Room 3 on 18 April."
    ) == [("2023-04-18", None, None, "Conference Room 3", "other")]


@pytest.mark.parametrize(
    "body",
    [
        "The informal consultation of Friday, 21 April will not be held.",
        "The briefing foreseen for 21 April will no longer take place.",
        "The meeting on 21 April has been called off.",
    ],
)
def test_a_meeting_that_will_not_be_held_is_cancelled(body):
    found = extract(letter(body, dated="14 March 2023"))
    assert [(m.date.isoformat(), m.action) for m in found.meetings] == [("2023-04-21", "cancel")]


@pytest.mark.parametrize(
    "body",
    [
        "The Security Council will hold an open debate on 20 April.",
        "The Economic and Social Council will convene a special meeting on 20 April.",
        "The Secretary-General will brief Member States in Geneva on 3 May.",
        "The Human Rights Council will hold its fifty-third session from 19 June to 14 July.",
    ],
)
def test_another_organ_or_a_city_elsewhere_is_no_meeting_of_the_assembly(body):
    assert meetings_of(body) == []


def test_an_election_of_another_organ_s_members_is_the_assembly_s():
    assert meetings_of(
        "The General Assembly will hold the election of the members of the Economic and "
        "Social Council on 8 June."
    ) == [("2023-06-08", None, None, None, "election")]


@pytest.mark.parametrize(
    "body",
    [
        "Since the high-level meeting on 25 September 2015, much has changed.",
        "The World Summit held on 14 September 2005 set out the responsibility to protect.",
        "I recall the high-level meeting of 20 September 2021 on this question.",
    ],
)
def test_a_meeting_more_than_a_year_before_the_letter_is_history(body):
    found = extract(letter(body, dated="14 March 2023"))
    assert found.meetings == []
    assert [m.reason for m in found.mentions if m.what == "date"][-1] in (
        "past-event",
        "other-organisation",
    )
