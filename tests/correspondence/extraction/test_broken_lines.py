"""A time, a room or a document's date the lines and sentences of a letter split:
"at 10." / "45 a.m.", "We will meet in Conference Room 2.", "the text of 2 May"."""

from .helpers import meetings_of


def test_a_clock_broken_after_its_point_is_one_time():
    body = "The briefing on Monday, 8 May, will start at 10.\n45 a.m. in Conference Room 7."
    assert meetings_of(body) == [("2023-05-08", "10:45", None, "Conference Room 7", "briefing")]


def test_we_will_meet_in_gives_the_room_of_the_meeting_just_named():
    body = (
        "Informal consultations on the draft decision will be held on Thursday, 11 May, "
        "at 3 p.m. The co-facilitators will walk delegations through the text. We will "
        "meet in Conference Room 8."
    )
    assert meetings_of(body) == [
        ("2023-05-11", "15:00", None, "Conference Room 8", "informal-consultation")
    ]


def test_the_date_of_a_draft_or_a_compilation_is_no_meeting():
    body = (
        "The plenary meeting will be held on 16 May at 10 a.m. The changes since the "
        "draft of 28 April will be explained at the meeting, which should end by noon."
    )
    assert meetings_of(body) == [("2023-05-16", "10:00", None, None, "plenary")]


def test_a_room_said_to_suit_both_meetings_is_the_room_of_both():
    body = (
        "The President will hold a plenary meeting on Monday, 15 May, at 10 a.m., and "
        "another on Wednesday, 17 May, at 3 p.m. The Trusteeship Council Chamber has "
        "been reserved for both."
    )
    assert meetings_of(body) == [
        ("2023-05-15", "10:00", None, "Trusteeship Council Chamber", "plenary"),
        ("2023-05-17", "15:00", None, "Trusteeship Council Chamber", "plenary"),
    ]


def test_a_paper_issued_today_does_not_make_today_a_meeting():
    body = (
        "We invite you to informal consultations on the revised text, issued today. "
        "The consultations will be held on Friday, 24 March, at 10 a.m. in Conference Room 5."
    )
    assert meetings_of(body) == [
        ("2023-03-24", "10:00", None, "Conference Room 5", "informal-consultation")
    ]


def test_a_letter_received_today_does_not_make_today_a_meeting():
    body = (
        "I transmit herewith a letter received today from the co-chairs of the "
        "negotiations. The negotiations will resume on 3 April at 3 p.m."
    )
    assert meetings_of(body) == [("2023-04-03", "15:00", None, None, "negotiation")]


def test_two_days_of_two_months_joined_by_and_are_two_days_not_a_range():
    body = (
        "The first briefing is on Monday, 20 March, at 3 p.m. in Conference Room 9. The "
        "next two briefings will be held on 17 April and 15 May at the same time and place."
    )
    assert meetings_of(body) == [
        ("2023-03-20", "15:00", None, "Conference Room 9", "briefing"),
        ("2023-04-17", "15:00", None, "Conference Room 9", "briefing"),
        ("2023-05-15", "15:00", None, "Conference Room 9", "briefing"),
    ]


def test_between_two_days_of_two_months_is_still_a_range():
    body = "The hearings will take place between 30 March and 3 April in the ECOSOC Chamber."
    assert [m[0] for m in meetings_of(body)] == [
        "2023-03-30",
        "2023-03-31",
        "2023-04-03",
    ]
