"""Headed blocks: title line, date line, room line (and a time line) make one meeting."""

from datetime import date

from correspondence.extraction import extract
from correspondence.extraction.blocks import headed_blocks
from correspondence.extraction.normalising import normalise
from correspondence.extraction.places import unhq_room_names

NOTE = """NOTE FROM THE OFFICE OF THE PRESIDENT OF THE GENERAL ASSEMBLY

3 June 2013

Informal briefing on the revitalization of the work of the General Assembly

Wednesday, 5 June 2013
Conference Room 1 (NLB)
3 p.m. - 5 p.m.

The President of the General Assembly will brief Member States.
"""


def test_a_headed_block_gives_its_date_room_and_time():
    text = normalise(NOTE)
    [block] = headed_blocks(text, unhq_room_names())
    assert (block.kind.kind, block.room.name, block.times[0].begins.hour, block.summary) == (
        "briefing",
        "Conference Room 1 (North Lawn Building)",
        15,
        False,
    )
    assert text[block.date.start : block.date.end] == "Wednesday, 5 June 2013"


def test_a_dateline_under_a_letterhead_is_no_headed_block():
    text = normalise("THE PRESIDENT\nOF THE\nGENERAL ASSEMBLY\n\n19 March 2008\n\nExcellency,\n")
    assert headed_blocks(text, unhq_room_names()) == []


def test_a_title_above_a_third_meeting_line_gives_the_kind():
    text = normalise(
        "Co-Chairs' Summary\n\nIntergovernmental negotiations on Security Council reform\n\n"
        "Third meeting\n\n7 March 2023\n\nTrusteeship Council Chamber\n\n1. The Co-Chairs opened "
        "the meeting.\n"
    )
    [block] = headed_blocks(text, unhq_room_names())
    assert (block.kind.kind, block.room.name, block.summary) == (
        "negotiation",
        "Trusteeship Council Chamber",
        True,
    )


SUMMARY = """President of the General Assembly

Summary of the informal interactive dialogue on youth employment

4 June 2013, 10 a.m. - 1 p.m.
Conference Room 2 (NLB)

1. On 4 June 2013, the President of the General Assembly convened an informal
interactive dialogue on youth employment. Resolution 67/198 of 20 December 2012 was
recalled.

2. The President indicated that this summary would be transmitted to Member States.

11 June 2013
"""


def test_a_date_line_may_give_the_time_and_a_summary_dated_at_its_foot_is_read():
    found = extract(SUMMARY)
    assert found.letter.date == date(2013, 6, 11)
    assert [
        (m.date.isoformat(), m.start.hour, m.end.hour, m.room, m.kind, m.held)
        for m in found.meetings
    ] == [("2013-06-04", 10, 13, "Conference Room 2 (North Lawn Building)", "dialogue", True)]
    reasons = [(m.text, m.reason) for m in found.mentions if m.what == "date"]
    assert reasons == [
        ("4 June 2013", None),
        ("4 June 2013", "back-reference"),
        ("20 December 2012", "resolution-date"),
        ("11 June 2013", "letter-date"),
    ]


def test_an_american_date_line_heads_a_block():
    text = normalise(
        "Briefing on the revitalization of the General Assembly\n\nJune 5, 2013\n"
        "Trusteeship Council Chamber\n"
    )
    [block] = headed_blocks(text, unhq_room_names())
    assert (block.kind.kind, block.room.name) == ("briefing", "Trusteeship Council Chamber")


def test_a_date_line_may_give_the_room_and_time_beside_the_date():
    text = normalise(
        "Co-facilitators' summary of the informal consultation on oceans\n\n"
        "Tuesday, 14 May 2019, Conference Room 4, 10 a.m. - 1 p.m.\n\n"
        "The co-facilitators opened the meeting.\n"
    )
    [block] = headed_blocks(text, unhq_room_names())
    assert (block.room.name, block.times[0].begins.hour, block.summary) == (
        "Conference Room 4",
        10,
        True,
    )


def test_a_date_line_with_more_than_a_time_and_a_room_heads_no_block():
    text = normalise(
        "Informal consultation on oceans\n\n14 May 2019, Conference Room 4, by invitation only\n"
    )
    assert headed_blocks(text, unhq_room_names()) == []


LABELLED = """Summary by the President of the General Assembly

  Informal meeting of the plenary on the rule of law

  Day:    Monday, 9 October 2023
  Venue:  Trusteeship Council Chamber
  Time:   3 p.m. - 6 p.m.

1. The meeting heard 30 speakers.

16 October 2023
"""


def test_a_head_whose_lines_are_labelled_gives_its_date_room_and_time():
    text = normalise(LABELLED)
    [block] = headed_blocks(text, unhq_room_names())
    assert (block.kind.kind, block.room.name, block.times[0].begins.hour, block.summary) == (
        "plenary",
        "Trusteeship Council Chamber",
        15,
        True,
    )
    assert text[block.date.start : block.date.end] == "Monday, 9 October 2023"
    assert text[block.room.start : block.room.end] == "Trusteeship Council Chamber"
    assert text[block.times[0].start : block.times[0].end].startswith("3 p.m.")


SPLIT_ROOM = """NOTE TO MEMBER STATES

Informal consultations on the draft resolution on road safety

Date:   Tuesday, 7 May 2024
Room:   Trusteeship
        Council Chamber
Time:   10 a.m. - 1 p.m.

The consultations are open to all delegations.
"""


def test_a_room_broken_over_two_lines_of_a_head_is_one_room():
    text = normalise(SPLIT_ROOM)
    [block] = headed_blocks(text, unhq_room_names())
    assert (block.room.name, block.times[0].begins.hour, block.times[0].ends.hour) == (
        "Trusteeship Council Chamber",
        10,
        13,
    )
    assert " ".join(text[block.room.start : block.room.end].split()) == (
        "Trusteeship Council Chamber"
    )
