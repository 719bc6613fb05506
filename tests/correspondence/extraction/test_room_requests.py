"""A memorandum asking for a room for days ("Please book the ECOSOC Chamber for 6-7 June")
asks it for the meetings the letter speaks of; a week it named first is those days."""

from correspondence.extraction import extract

from .helpers import letter, meetings_of


def test_a_room_booked_for_days_gives_the_meetings_just_named_their_days():
    body = (
        "The informal consultations on the draft resolution will resume on 1 June at "
        "3 p.m. in Conference Room 1. Please book Conference Room 1 also for 6-7 June, "
        "at 10 a.m. each day."
    )
    assert meetings_of(body) == [
        ("2023-06-01", "15:00", None, "Conference Room 1", "informal-consultation"),
        ("2023-06-06", "10:00", None, "Conference Room 1", "informal-consultation"),
        ("2023-06-07", "10:00", None, "Conference Room 1", "informal-consultation"),
    ]


def test_a_week_the_letter_then_gives_days_in_is_those_days():
    body = (
        "The negotiations on the draft declaration should go on next week. Please "
        "reserve Conference Room 6 for Tuesday, 21 March, and Thursday, 23 March, at "
        "3 p.m. each day."
    )
    assert meetings_of(body) == [
        ("2023-03-21", "15:00", None, "Conference Room 6", "negotiation"),
        ("2023-03-23", "15:00", None, "Conference Room 6", "negotiation"),
    ]


def test_the_rows_of_a_programme_are_the_parts_of_the_meeting_a_break_is_none():
    body = (
        "The interactive dialogue on ageing will be held on Tuesday, 6 June, in the "
        "ECOSOC Chamber.\n\nPROGRAMME\n\n"
        "09.30 - 12.30     Opening and first round table\n"
        "                  - Remarks by the Chair\n\n"
        "12.30 - 14.30     Break (photo exhibit in the Visitors' Lobby)\n\n"
        "14.30 - 17.30     Second round table and closing"
    )
    assert meetings_of(body) == [
        ("2023-06-06", "09:30", "12:30", "ECOSOC Chamber", "dialogue"),
        ("2023-06-06", "14:30", "17:30", "ECOSOC Chamber", "dialogue"),
    ]


def test_a_programme_dated_by_its_updated_line_gives_its_rows_that_year():
    text = (
        "Updated: 3 May 2023\n\n"
        "INFORMAL CONSULTATIONS ON THE DRAFT DECLARATION\n\n"
        "Date                   Time           Room      Item\n"
        "Tuesday, 9 May         15:00-18:00    CR 2      First reading\n"
        "Friday, 12 May         10:00-13:00    CR 2      Second reading\n"
    )
    found = extract(text)
    assert [(m.date.isoformat(), m.start.strftime("%H:%M")) for m in found.meetings] == [
        ("2023-05-09", "15:00"),
        ("2023-05-12", "10:00"),
    ]


def test_numbered_items_keep_the_kind_their_lead_in_gave_the_list():
    body = (
        "We are pleased to share the dates of the coming negotiating sessions:\n\n"
        "1. Tuesday, 16 May, 10:00 – 13:00, Conference Room 2, on the preamble;\n\n"
        "2. Thursday, 18 May, 15:00 – 18:00, venue to be announced, on the annex."
    )
    assert meetings_of(body) == [
        ("2023-05-16", "10:00", "13:00", "Conference Room 2", "negotiation"),
        ("2023-05-18", "15:00", "18:00", None, "negotiation"),
    ]


def test_a_meeting_of_another_kind_stays_on_the_day_a_consultation_left():
    body = (
        "The informal consultation planned for Tuesday, 11 April has been moved to "
        "Thursday, 13 April, at 10 a.m., since the plenary will hold the election of "
        "the members of the Council on 11 April."
    )
    assert meetings_of(body) == [
        ("2023-04-13", "10:00", None, None, "informal-consultation"),
        ("2023-04-11", None, None, None, "election"),
    ]


def test_a_meeting_moved_in_a_later_sentence_leaves_its_first_day():
    body = (
        "As announced, a panel discussion on youth employment is planned for Monday, "
        "8 May. Owing to the Committee's schedule, the panel discussion has been moved "
        "to Tuesday, 9 May, at 3 p.m., in Conference Room 3."
    )
    found = extract(letter(body))
    assert [
        (m.date.isoformat(), m.moved_from and m.moved_from.isoformat()) for m in found.meetings
    ] == [("2023-05-09", "2023-05-08")]


def test_a_meeting_after_the_adjournment_of_the_one_before_is_another_that_day():
    body = (
        "The plenary will meet on Wednesday, 10 May, at 3 p.m. in the General Assembly "
        "Hall to adopt the draft decision. Immediately after the close of that meeting, "
        "the Assembly will convene a special meeting in observance of the anniversary."
    )
    assert meetings_of(body) == [
        ("2023-05-10", "15:00", None, "General Assembly Hall", "plenary"),
        ("2023-05-10", None, None, None, "other"),
    ]


def test_a_briefing_after_its_adjournment_follows_on_the_same_platform():
    body = (
        "I will convene an informal meeting of the plenary, via Zoom, on Monday, 5 June, "
        "at 11 a.m. Immediately after its adjournment, the Chair of the Committee will "
        "brief delegations on the same platform."
    )
    found = extract(letter(body))
    assert [(m.date.isoformat(), m.kind, m.virtual) for m in found.meetings] == [
        ("2023-06-05", "plenary", True),
        ("2023-06-05", "briefing", True),
    ]


def test_a_day_named_twice_tomorrow_and_by_its_date_is_one_meeting():
    body = "A reminder that the briefing is tomorrow, Wednesday 15 March, in the afternoon."
    assert meetings_of(body) == [("2023-03-15", None, None, None, "briefing")]
