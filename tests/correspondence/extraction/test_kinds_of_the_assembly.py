"""Words that look like one kind but name another: a plenary's debate of an agenda item,
a week of the general debate, negotiations held in informal plenary, a council's debate."""

import pytest

from .helpers import meetings_of

KINDS = [
    (
        # the Assembly's plenary debates its agenda items
        "The joint debate on agenda items 14 and 117 is scheduled for Tuesday, 9 May, "
        "at 3 p.m. in the General Assembly Hall.",
        [("2023-05-09", "15:00", None, "General Assembly Hall", "plenary")],
    ),
    (
        # the general debate week is when something happened, not the meeting announced
        "You are invited to a briefing on the side events of the general debate week, "
        "to be held on Friday, 12 May, at 10 a.m. in Conference Room 2.",
        [("2023-05-12", "10:00", None, "Conference Room 2", "briefing")],
    ),
    (
        # the negotiations meet in informal plenary; they stay negotiations
        "The Chair will resume the intergovernmental negotiations in informal plenary "
        "on 4 May at 10 a.m. in Conference Room 1.",
        [("2023-05-04", "10:00", None, "Conference Room 1", "negotiation")],
    ),
]


@pytest.mark.parametrize(("body", "meetings"), KINDS)
def test_the_kind_is_the_meeting_s_not_the_words_around_it(body, meetings):
    assert meetings_of(body) == meetings


def test_a_debate_the_council_itself_holds_is_no_meeting_of_the_assembly():
    body = (
        "The Assembly will take up the report in plenary on 20 April at 10 a.m. The "
        "Council itself will hold its annual open debate on 11 April."
    )
    assert meetings_of(body) == [("2023-04-20", "10:00", None, None, "plenary")]


def test_them_are_the_consultations_just_announced_not_the_plenary_named_after():
    body = (
        "The President has asked us to conduct informal consultations on the draft "
        "declaration. We plan to hold them on 8-9 May, at 3 p.m. each day, in Conference "
        "Room 4, and to report to the plenary in June."
    )
    assert meetings_of(body) == [
        ("2023-05-08", "15:00", None, "Conference Room 4", "informal-consultation"),
        ("2023-05-09", "15:00", None, "Conference Room 4", "informal-consultation"),
    ]


def test_a_meeting_convened_to_hear_a_briefing_is_the_briefing():
    body = (
        "I have reserved the morning of Friday, 19 May for an informal meeting of the "
        "Assembly to hear a briefing by the facilitators, at 10 a.m. in Conference Room 6."
    )
    assert meetings_of(body) == [("2023-05-19", "10:00", None, "Conference Room 6", "briefing")]


def test_the_session_of_an_agency_s_executive_board_is_no_meeting_of_the_assembly():
    body = (
        "The dialogue will be held on 2 May at 3 p.m. in the ECOSOC Chamber. The dialogue "
        "comes well before the annual session of the UNDP Executive Board (5-8 June)."
    )
    assert meetings_of(body) == [("2023-05-02", "15:00", None, "ECOSOC Chamber", "dialogue")]


def test_an_election_with_a_long_name_held_at_a_plenary_meeting_takes_its_hour():
    body = (
        "The plenary will meet on Thursday, 20 April, at 3 p.m. The election of eighteen "
        "members of the Economic and Social Council to fill the seats falling vacant will "
        "take place on Friday, 21 April, at the plenary meeting at 10 a.m."
    )
    assert meetings_of(body) == [
        ("2023-04-20", "15:00", None, None, "plenary"),
        ("2023-04-21", "10:00", None, None, "election"),
    ]
