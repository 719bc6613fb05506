"""Every date, time, room and platform mention is accounted for, with offsets into the
text staff see; a date not understood is a warning, never silent."""

from correspondence.extraction import Mention, extract, sentence_at

from .helpers import letter, meetings_of


def test_every_mention_points_into_the_text_and_names_its_meeting():
    found = extract(
        letter(
            "An informal consultation will be held on 21 March at 10 a.m. in Conference Room 4 "
            "via the Cisco WebEx platform. My letter of 2 March refers."
        )
    )
    assert all(found.text[m.start : m.end] == m.text for m in found.mentions)
    assert [(m.what, m.text, m.meeting, m.reason) for m in found.mentions] == [
        ("date", "14 March 2023", None, "letter-date"),
        ("date", "21 March", 0, None),
        ("time", "10 a.m.", 0, None),
        ("room", "Conference Room 4", 0, None),
        ("platform", "Cisco WebEx platform", None, "not-understood"),
        ("date", "2 March", None, "letter-date"),
    ]


def test_a_date_not_understood_is_a_warning():
    found = extract(letter("The Secretariat will be closed on 22 March for maintenance."))
    assert found.meetings == []
    assert [(m.text, m.reason) for m in found.mentions if m.what == "date"][-1] == (
        "22 March",
        "not-understood",
    )
    assert any('"22 March"' in w for w in found.warnings)


def test_mention_is_a_frozen_record():
    mention = Mention(0, 5, "date", "5 May")
    assert (mention.meeting, mention.deadline, mention.reason, mention.detail) == (
        None,
        None,
        None,
        "",
    )


def test_the_sentence_at_a_mention_is_the_one_that_holds_it():
    found = extract(
        letter("A first sentence here.\nThe briefing will be held on 22 March at\n3 p.m.")
    )
    [mention] = [m for m in found.mentions if m.text == "22 March"]
    assert (
        sentence_at(found.text, mention.start) == "The briefing will be held on 22 March at 3 p.m."
    )


def test_an_item_of_a_list_with_a_room_and_no_kind_is_of_the_kind_of_the_others():
    assert meetings_of(
        "We propose the following schedule:\n"
        "• Monday, 17 April, 10 a.m. - 1 p.m., Conference Room 1: presentation of the "
        "zero draft;\n"
        "• Wednesday, 19 April, 3 p.m. - 6 p.m., Conference Room 6: first reading;\n"
        "• Friday, 21 April, 10 a.m., ECOSOC Chamber: second reading."
    ) == [
        ("2023-04-17", "10:00", "13:00", "Conference Room 1", "informal-consultation"),
        ("2023-04-19", "15:00", "18:00", "Conference Room 6", "informal-consultation"),
        ("2023-04-21", "10:00", None, "ECOSOC Chamber", "informal-consultation"),
    ]


def test_items_that_say_only_meeting_take_the_kind_the_others_name():
    assert meetings_of(
        "The programme is as follows:\n"
        "- 3 April: first IGN meeting, from 10 a.m. to 1 p.m., Conference Room 1;\n"
        "- 10 April: meeting on regional representation, from 10 a.m. to 1 p.m., "
        "Conference Room 2."
    ) == [
        ("2023-04-03", "10:00", "13:00", "Conference Room 1", "negotiation"),
        ("2023-04-10", "10:00", "13:00", "Conference Room 2", "negotiation"),
    ]


def test_an_item_without_a_room_or_a_kind_is_no_meeting():
    assert (
        meetings_of(
            "Please note the following dates:\n• Monday, 17 April: zero draft;\n"
            "• Friday, 21 April: comments."
        )
        == []
    )


def test_dates_below_the_closing_are_marked_never_silent():
    found = extract(
        letter("A briefing will be held on 20 April at 10 a.m. in Conference Room 1.")
        + "\nRef: PGA/77/2023/045 of 3 April 2023\n\nAnnex\n\nProgramme\n\nThursday, 20 April "
        "2023\n10:00 - 10:30 Opening segment\n"
    )
    assert [(m.text, m.reason) for m in found.mentions if m.what == "date"][-2:] == [
        ("3 April 2023", "letter-date"),
        ("Thursday, 20 April 2023", "not-understood"),
    ]
    assert any('"Thursday, 20 April 2023"' in w for w in found.warnings)
    assert len(found.meetings) == 1


def test_a_timeline_of_deadlines_and_meetings_gives_the_meetings_and_the_deadlines():
    found = extract(
        letter(
            "The timeline is as follows:\n• 3 April: circulation of the zero draft;\n"
            "• 10 April, 10 a.m., Conference Room 4: first reading;\n"
            "• 17 April: deadline for written inputs;\n"
            "• 24 April, 3 p.m., Conference Room 4: second reading;\n"
            "• 5 May: adoption in the General Assembly Hall."
        )
    )
    assert [(m.date.isoformat(), m.room, m.kind) for m in found.meetings] == [
        ("2023-04-10", "Conference Room 4", "informal-consultation"),
        ("2023-04-24", "Conference Room 4", "informal-consultation"),
        ("2023-05-05", "General Assembly Hall", "plenary"),
    ]
    assert [(d.date.isoformat(), d.kind) for d in found.deadlines] == [
        ("2023-04-03", "zero-draft"),
        ("2023-04-17", "written-inputs"),
    ]


def test_the_room_and_hours_said_above_a_list_are_its_meetings_not_misunderstood():
    found = extract(
        letter(
            "The informal consultations will be held in Conference Room 4, from 10 a.m. to "
            "1 p.m., on the following dates:\n\n- Monday, 3 April 2023\n- Wednesday, 12 April "
            "2023\n\nConference Room 8 will be closed for maintenance in April."
        )
    )
    assert [(m.date.day, m.room) for m in found.meetings] == [
        (3, "Conference Room 4"),
        (12, "Conference Room 4"),
    ]
    marks = [(m.text, m.meeting, m.reason) for m in found.mentions if m.what != "date"]
    assert marks == [
        ("Conference Room 4", 0, None),
        ("from 10 a.m. to 1 p.m.", 0, None),
        # a room no meeting took stays for staff to judge
        ("Conference Room 8", None, "not-understood"),
    ]


def test_the_room_said_below_a_list_and_the_platform_said_above_it_are_its_meetings():
    found = extract(
        letter(
            "Please find below the next informal consultations, which will be held virtually "
            "on the WebEx platform:\n\n- Tuesday, 4 April 2023, 10:00-12:00\n"
            "- Tuesday, 11 April 2023, 10:00-12:00\n\nOn Friday, 14 April 2023 we will meet "
            "in person from 3 p.m. to 6 p.m. in the Trusteeship Council Chamber.\n\n"
            "Both virtual meetings will be opened by the co-facilitators."
        )
    )
    assert [(m.date.day, m.virtual, m.room) for m in found.meetings] == [
        (4, True, None),
        (11, True, None),
        (14, False, "Trusteeship Council Chamber"),
    ]
    platforms = [(m.text, m.meeting, m.reason) for m in found.mentions if m.what == "platform"]
    assert platforms[:2] == [("virtually", 0, None), ("WebEx platform", 0, None)]
