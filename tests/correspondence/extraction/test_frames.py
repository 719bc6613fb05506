"""Joining mentions into frames: sentences with their offsets, lists under a lead-in,
sessions and rooms given in the next sentence, headed blocks."""

import pytest

from correspondence.extraction import extract
from correspondence.extraction.frames import sentences

from .helpers import letter, meetings_of


def test_sentences_keep_their_place_in_the_text():
    body = "First one at 10 a.m. in CR 4.\nIt goes on\nhere. Second one."
    found = sentences(body)
    assert [s for _, s in found] == [
        "First one at 10 a.m. in CR 4.",
        "It goes on here.",
        "Second one.",
    ]
    assert all(body[start : start + len(s)].replace("\n", " ") == s for start, s in found)


def test_two_sessions_in_a_day_are_two_meetings():
    assert meetings_of(
        "The consultations will take place on 21 March from 9 a.m. to 12 noon and from "
        "3 p.m. to 6 p.m. in Conference Room 1."
    ) == [
        ("2023-03-21", "09:00", "12:00", "Conference Room 1", "informal-consultation"),
        ("2023-03-21", "15:00", "18:00", "Conference Room 1", "informal-consultation"),
    ]


def test_a_bulleted_list_takes_the_kind_of_its_lead_in_and_lines_run_on():
    body = (
        "We share the schedule of the informal consultations:\n"
        "•  Monday, 3 April: from 10 a.m. to 1 p.m.\n"
        "   and from 3 to 6 p.m. (Conference Room 4)\n"
        "•  Wednesday, 5 April: from 10 a.m. to 1 p.m. (Conference Room 4)"
    )
    assert meetings_of(body) == [
        ("2023-04-03", "10:00", "13:00", "Conference Room 4", "informal-consultation"),
        ("2023-04-03", "15:00", "18:00", "Conference Room 4", "informal-consultation"),
        ("2023-04-05", "10:00", "13:00", "Conference Room 4", "informal-consultation"),
    ]


def test_a_headed_block_is_one_meeting_with_its_room():
    text = (
        "Summary by the co-facilitators\n\nInformal consultation on the draft resolution\n\n"
        "14 May 2019\n\nConference Room 4\n\n1. The co-facilitators opened the meeting at "
        "10.15 a.m.\n\n2. The meeting rose at 12.50 p.m.\n"
    )
    found = extract(text)
    assert [
        (m.date.isoformat(), m.start.strftime("%H:%M"), m.end.strftime("%H:%M"), m.room, m.held)
        for m in found.meetings
    ] == [("2019-05-14", "10:15", "12:50", "Conference Room 4", True)]


def test_a_letter_without_meetings_proposes_none():
    assert extract(letter("I have the honour to transmit the report of 3 May.")).meetings == []


def test_the_rows_of_a_table_under_a_lead_in_are_meetings():
    assert meetings_of(
        "The informal consultations are scheduled as follows:\n\n"
        "Tuesday 10 May 2022    10:00 – 13:00    Conference Room 3\n"
        "Thursday 12 May 2022    15:00 – 18:00    Conference Room 3"
    ) == [
        ("2022-05-10", "10:00", "13:00", "Conference Room 3", "informal-consultation"),
        ("2022-05-12", "15:00", "18:00", "Conference Room 3", "informal-consultation"),
    ]


GA, TCC = "General Assembly Hall", "Trusteeship Council Chamber"


@pytest.mark.parametrize(
    ("body", "meetings"),
    [
        (
            "The high-level meeting will be held on Monday, 17 April, and Tuesday, 18 April "
            "2023, in the General Assembly Hall.",
            [
                ("2023-04-17", None, None, GA, "high-level"),
                ("2023-04-18", None, None, GA, "high-level"),
            ],
        ),
        (
            "Informal consultations will take place on Thursday, 20 April and on Friday, "
            "21 April, from 10 a.m. to 1 p.m., in Conference Room 5.",
            [
                ("2023-04-20", "10:00", "13:00", "Conference Room 5", "informal-consultation"),
                ("2023-04-21", "10:00", "13:00", "Conference Room 5", "informal-consultation"),
            ],
        ),
        (
            "I intend to convene informal meetings of the plenary, in the Trusteeship Council "
            "Chamber, on Monday, 17 April at 10 a.m., and on Tuesday, 18 April at 3 p.m.",
            [
                ("2023-04-17", "10:00", None, TCC, "plenary"),
                ("2023-04-18", "15:00", None, TCC, "plenary"),
            ],
        ),
        (
            "Informal consultations will take place on Monday, 17 April from 10:00 am - "
            "1:00 pm and on Wednesday, 19 April from 3:00 pm - 6:00 pm, in Conference Room 7.",
            [
                ("2023-04-17", "10:00", "13:00", "Conference Room 7", "informal-consultation"),
                ("2023-04-19", "15:00", "18:00", "Conference Room 7", "informal-consultation"),
            ],
        ),
        (
            "A briefing will be held on 17 April at 10 a.m. and a dialogue on 18 April at "
            "3 p.m., in Conference Room 7.",
            [
                ("2023-04-17", "10:00", None, None, "briefing"),
                ("2023-04-18", "15:00", None, "Conference Room 7", "dialogue"),
            ],
        ),
        (
            "A briefing will be held on 17 April in Conference Room 1, and an interactive "
            "dialogue on 18 April.",
            [
                ("2023-04-17", None, None, "Conference Room 1", "briefing"),
                ("2023-04-18", None, None, None, "dialogue"),
            ],
        ),
    ],
)
def test_dates_listed_one_after_another_share_their_room_and_times(body, meetings):
    assert meetings_of(body) == meetings


def test_a_meeting_moved_takes_the_time_and_room_said_after_its_old_date():
    found = extract(
        letter(
            "The briefing will now be held on Wednesday, 19 April, instead of Monday, "
            "17 April, at 3 p.m. in Conference Room 1."
        )
    )
    assert [
        (m.date.isoformat(), m.start.hour, m.room, m.moved_from.isoformat()) for m in found.meetings
    ] == [("2023-04-19", 15, "Conference Room 1", "2023-04-17")]
