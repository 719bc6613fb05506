"""What a later sentence adds to the meetings an earlier one announced, and what it does
not: patterns of issue #18 in wordings of their own."""

import pytest

from correspondence.extraction import extract

from .helpers import letter, meetings_of

GAH, TCC = "General Assembly Hall", "Trusteeship Council Chamber"
CR = "Conference Room {}".format


def test_a_high_level_meetings_days_take_the_hours_of_its_opening_and_closing_plenaries():
    found = meetings_of(
        "The high-level meeting on coastal cities will be held on 18 and 19 April 2023 in "
        "the General Assembly Hall. The opening plenary meeting will start at 10 a.m. on "
        "Tuesday, 18 April; the closing plenary meeting will begin at 3 p.m. on Wednesday, "
        "19 April."
    )
    assert sorted(found) == [
        ("2023-04-18", "10:00", None, GAH, "high-level"),
        ("2023-04-19", "15:00", None, GAH, "high-level"),
    ]


def test_a_plenary_said_for_the_afternoon_is_not_the_morning_sitting_of_that_day():
    found = meetings_of(
        "The high-level meeting on coastal cities will take place on Tuesday, 18 April 2023, "
        "from 10 a.m. to 1 p.m. in the Trusteeship Council Chamber. The general debate will "
        "resume on Tuesday, 18 April, in the afternoon."
    )
    assert ("2023-04-18", "10:00", "13:00", TCC, "high-level") in found
    assert len(found) == 2


def test_a_date_that_starts_a_wrapped_line_of_prose_is_no_row_of_a_table():
    # "... on Tuesday," / "21 March from 3 p.m. to 6 p.m. ... Both" / "meetings will take
    # place in ...": the next sentence starts after "p.m.", and its room is both meetings'.
    found = meetings_of(
        "Instead, we will convene two informal consultations in the following week: on "
        "Tuesday,\n21 March from 3 p.m. to 6 p.m., and on Thursday, 23 March from 10 a.m. to "
        "1 p.m. Both\nmeetings will take place in Conference Room 12."
    )
    assert found == [
        ("2023-03-21", "15:00", "18:00", CR(12), "informal-consultation"),
        ("2023-03-23", "10:00", "13:00", CR(12), "informal-consultation"),
    ]


def test_a_second_at_the_same_time_and_place_is_another_meeting_of_the_kind_before():
    found = meetings_of(
        "We propose the following:\n\n"
        "(a) a first informal consultation, Tuesday, April 4th, 3:00 pm - 6:00 pm, Conference "
        "Room 6;\n(b) a second, at the same time and place, on April 18th;\n"
    )
    assert found == [
        ("2023-04-04", "15:00", "18:00", CR(6), "informal-consultation"),
        ("2023-04-18", "15:00", "18:00", CR(6), "informal-consultation"),
    ]


def test_the_same_hour_and_room_said_after_a_list_of_dates_is_each_dates():
    found = meetings_of(
        "We shall resume the informal consultations on Monday the 3rd of April, at 10.00 a.m. "
        "in Conference Room 5. They will continue on Wednesday the 5th of April and Friday "
        "the 7th of April at the same hour and in the same room."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-03", "10:00", CR(5)),
        ("2023-04-05", "10:00", CR(5)),
        ("2023-04-07", "10:00", CR(5)),
    ]


def test_the_end_of_a_meeting_said_after_its_day_ends_the_hour_said_before_it():
    found = meetings_of(
        "At 10 a.m. on Tuesday, 18 April 2023, the Co-Chairs will convene an opening meeting "
        "of the negotiations, in the General Assembly Hall, ending at 1 p.m. At 3 p.m. on "
        "Thursday, 20 April, we will hold a second meeting, until 6 p.m."
    )
    assert [(m[0], m[1], m[2]) for m in found] == [
        ("2023-04-18", "10:00", "13:00"),
        ("2023-04-20", "15:00", "18:00"),
    ]


def test_the_hours_said_below_a_list_from_one_hour_until_another_are_one_sitting():
    found = meetings_of(
        "The programme is the following:\n\n  1. Thursday 6 April - presentation of the "
        "mapping\n  2. Thursday 13 April - first reading of the draft\n\nThe meetings will be "
        "realized at 10:00 hrs until 13:00 hrs in the Conference Room 5."
    )
    assert [(m[0], m[1], m[2], m[3]) for m in found] == [
        ("2023-04-06", "10:00", "13:00", CR(5)),
        ("2023-04-13", "10:00", "13:00", CR(5)),
    ]


def test_each_day_its_hour_and_the_room_that_ends_the_sentence_theirs():
    found = meetings_of(
        "The informal consultations will continue on 18 April at 3 p.m. and on 25 April at "
        "10 a.m. in Conference Room 6."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-18", "15:00", CR(6)),
        ("2023-04-25", "10:00", CR(6)),
    ]


def test_hours_said_for_all_before_a_list_of_days_on_one_line():
    found = meetings_of(
        "We inform you of the calendar of the informal consultations, which will all take "
        "place in Conference Room 8 from 10h00 to 13h00:\nTuesday 21 March; Tuesday 28 March."
    )
    assert [(m[0], m[1], m[2], m[3]) for m in found] == [
        ("2023-03-21", "10:00", "13:00", CR(8)),
        ("2023-03-28", "10:00", "13:00", CR(8)),
    ]


def test_the_room_and_format_said_above_a_list_of_changes():
    found = meetings_of(
        "The co-chairs inform delegations of the following changes. Meetings will continue "
        "in hybrid format in Conference Room 4, with remote participation on Interprefy.\n\n"
        "- The thematic meeting is moved from 18 April to Tuesday, 25 April, 10 a.m. to 1 p.m.\n"
        "- A first reading of the draft will take place on Tuesday, 2 May at 10 a.m.\n"
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-25", "10:00", CR(4)),
        ("2023-05-02", "10:00", CR(4)),
    ]


def test_a_lettered_or_roman_item_that_starts_with_its_day_is_a_row_of_its_own():
    found = meetings_of(
        "We propose the following negotiating sessions, each in Conference Room 2, from "
        "10 a.m. to 6 p.m., after the conference in Apia from 1 to 4 September:\n\n"
        "  i.   Tuesday 18 April\n  ii.  Tuesday 2 May\n\n"
        "The programme of the second round is as follows:\n\n"
        "  (a) Wednesday, 10 May 2023\n      10:00 a.m. - 1:00 p.m.   General comments\n"
        "  (b) Friday, 12 May 2023\n      3:00 p.m. - 6:00 p.m.    Operative part\n"
    )
    assert [(m[0], m[1], m[2]) for m in found] == [
        ("2023-04-18", "10:00", "18:00"),
        ("2023-05-02", "10:00", "18:00"),
        ("2023-05-10", "10:00", "13:00"),
        ("2023-05-12", "15:00", "18:00"),
    ]


def test_days_said_by_the_weekday_ahead_of_the_letter():
    # The letter is of Tuesday, 14 March 2023.
    found = meetings_of(
        "I will convene an informal meeting of the plenary next Tuesday at 10 a.m. in the "
        "General Assembly Hall, and a briefing on Thursday next at 3 p.m. in Conference Room 4."
    )
    assert [(m[0], m[1], m[4]) for m in found] == [
        ("2023-03-21", "10:00", "plenary"),
        ("2023-03-16", "15:00", "briefing"),
    ]


def test_the_following_day_is_the_day_after_the_meeting_named_before():
    found = meetings_of(
        "The first round will be held on Monday, 3 April 2023, and the second round on the "
        "following day. Both meetings will take place from 3 p.m. to 6 p.m. in Conference "
        "Room 2."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-03", "15:00", CR(2)),
        ("2023-04-04", "15:00", CR(2)),
    ]


def test_a_day_said_again_by_how_far_off_it_is_is_one_day():
    found = meetings_of(
        "The thematic debate will take place on the 27th of March, a week from Monday next, "
        "at 10 a.m. in the General Assembly Hall."
    )
    assert [m[0] for m in found] == ["2023-03-27"]


def test_days_proposed_after_a_meeting_held_are_ahead():
    found = meetings_of(
        "Following the organizational meeting held on 7 March, we propose three informal "
        "consultations, on March 21, March 28 and April 4. Each will start at 10 a.m."
    )
    assert [(m[0], m[1]) for m in found] == [
        ("2023-03-07", None),
        ("2023-03-21", "10:00"),
        ("2023-03-28", "10:00"),
        ("2023-04-04", "10:00"),
    ]


def test_the_hours_of_a_debate_said_before_its_panel_are_the_debates():
    found = meetings_of(
        "I will convene an informal thematic debate on rural development on Monday, 17 April "
        "2023. The plenary segment will be held from 10 a.m. to 1 p.m. in the General Assembly "
        "Hall, followed by a panel discussion with experts from 3 to 5 p.m. in Conference Room 2."
    )
    assert found == [
        ("2023-04-17", "10:00", "13:00", GAH, "thematic-debate"),
        ("2023-04-17", "15:00", "17:00", CR(2), "panel"),
    ]


def test_another_commission_that_will_meet_is_no_meeting_of_the_assembly():
    found = meetings_of(
        "An informal thematic debate will be held on Thursday, 6 April 2023 in the General "
        "Assembly Hall. The Commission on Sustainable Development will meet from 17 to 28 April "
        "2023, and I trust that the outcome of our debate will inform its deliberations."
    )
    assert [m[0] for m in found] == ["2023-04-06"]


def test_elections_held_at_plenary_meetings_named_after_them_are_elections():
    found = meetings_of(
        "The General Assembly will hold elections of the President of the seventy-eighth "
        "session, of the Vice-Presidents and of the chairs of the Main Committees, as well as "
        "of five non-permanent members of the Security Council, at plenary meetings on Friday, "
        "2 June 2023, at 10 a.m., in the General Assembly Hall."
    )
    assert found == [("2023-06-02", "10:00", None, GAH, "election")]


def test_the_opening_said_apart_is_the_first_sitting_of_each_day_that_sits_twice():
    found = meetings_of(
        "The high-level meeting on HIV/AIDS will be convened from 18 to 19 April 2023 in the "
        "General Assembly Hall, with the opening segment on 18 April at 9 a.m. The plenary "
        "will meet each day from 9 a.m. to 1 p.m. and from 3 p.m. to 6 p.m."
    )
    assert [(m[0], m[1], m[2], m[3]) for m in found] == [
        ("2023-04-18", "09:00", "13:00", GAH),
        ("2023-04-18", "15:00", "18:00", GAH),
        ("2023-04-19", "09:00", "13:00", GAH),
        ("2023-04-19", "15:00", "18:00", GAH),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "The meeting will consist of an opening segment at 9 a.m., a plenary segment and two "
        "panels, and will close by 6 p.m.",
        "The meeting will open at 9 a.m. and is expected to conclude by 6 p.m.",
    ],
)
def test_when_a_meeting_closes_is_its_end_no_deadline(said):
    found = meetings_of(
        "The high-level meeting on primary care will be held on Monday, 17 April 2023, in the "
        "General Assembly Hall. " + said
    )
    assert [(m[0], m[1], m[2]) for m in found] == [("2023-04-17", "09:00", "18:00")]


def test_a_draft_presented_in_a_room_at_an_hour_is_presented_at_a_meeting():
    found = meetings_of(
        "At 10 a.m. on Thursday, 6 April, in Conference Room 11, we will present a revised "
        "draft. Comments on the revised draft are welcome by 20 April."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [("2023-04-06", "10:00", CR(11))]


def test_one_hour_and_room_said_below_for_all_the_meetings_above():
    found = meetings_of(
        "The first meeting will take place on Tuesday, 4 April, on the categories of "
        "membership. We will meet again on 20 April to consider the question of the veto. A "
        "final meeting is planned for Tuesday, 2 May.\n\nAll meetings will start at 10 a.m. and "
        "be held in Conference Room 1."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-04", "10:00", CR(1)),
        ("2023-04-20", "10:00", CR(1)),
        ("2023-05-02", "10:00", CR(1)),
    ]


def test_the_room_of_the_round_tables_is_not_the_plenarys():
    found = meetings_of(
        "The High-level Dialogue on Remittances will be held on 18 and 19 April 2023. The "
        "plenary meetings will be held each day from 10 a.m. to 1 p.m. and from 3 p.m. to "
        "6 p.m. in the General Assembly Hall, and the six interactive round tables in the "
        "Trusteeship Council Chamber."
    )
    assert {m[3] for m in found} == {GAH}
    assert len(found) == 4


def test_a_meeting_named_as_a_topic_does_not_take_the_room_said_after_it():
    found = meetings_of(
        "At 10 a.m. from Tuesday 18 April to Thursday 20 April, I will hold informal "
        "consultations on the draft outcome for the High-level Plenary Meeting on Water in "
        "September, in the Trusteeship Council Chamber."
    )
    assert [(m[0], m[1], m[3], m[4]) for m in found] == [
        (f"2023-04-{day}", "10:00", TCC, "informal-consultation") for day in (18, 19, 20)
    ]


def test_what_the_last_of_a_semicolon_list_of_days_says_is_every_days():
    found = meetings_of(
        "The further consultations will take place on 24 March; 31 March; and 7 April, all "
        "from 3 to 6 p.m. in Conference Room 2."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-03-24", "15:00", CR(2)),
        ("2023-03-31", "15:00", CR(2)),
        ("2023-04-07", "15:00", CR(2)),
    ]


def test_items_lettered_with_a_bracket_alone_each_take_what_is_said_above():
    found = meetings_of(
        "The consultations will be held in person in the General Assembly Hall with one "
        "delegate per Member State:\n  a)  First reading: Tuesday, 11 April, 10:00 a.m. – "
        "1:00 p.m.\n  b)  Second reading: Tuesday, 18 April, 3:00 p.m. – 6:00 p.m.\n"
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-11", "10:00", GAH),
        ("2023-04-18", "15:00", GAH),
    ]


def test_the_days_a_process_will_take_up_after_its_first_meeting_are_its_meetings():
    found = meetings_of(
        "We intend to hold the first informal consultation on 4 April 2023, devoted to an "
        "overview. On 18 April 2023 we will discuss the first cluster; on 2 May 2023, the "
        "second cluster.\n\nAll meetings will begin at 10 a.m. in the General Assembly Hall."
    )
    assert [(m[0], m[1], m[3], m[4]) for m in found] == [
        (day, "10:00", GAH, "informal-consultation")
        for day in ("2023-04-04", "2023-04-18", "2023-05-02")
    ]


def test_all_meetings_save_one_take_the_hours_said_for_all_and_the_room():
    found = meetings_of(
        "We propose the following dates for the IGN meetings: Thursday, 6th April (opening "
        "meeting); Thursday, 20th April, in the afternoon, from 3 to 6 p.m. (regional "
        "representation); and Thursday, 4th May (the veto). Save for the second meeting, all "
        "meetings will be held from 10 a.m. to 1 p.m. All meetings will take place in the "
        "Trusteeship Council Chamber."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-06", "10:00", TCC),
        ("2023-04-20", "15:00", TCC),
        ("2023-05-04", "10:00", TCC),
    ]


def test_all_in_a_room_said_with_the_last_item_is_every_items():
    found = meetings_of(
        "Negotiations will be held as follows:\n (a) Tuesday, 4 April 2023, 10 a.m.-1 p.m.;\n"
        " (b) Tuesday, 18 April 2023, 3-6 p.m.,\nall in Conference Room 1.\n"
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-04", "10:00", CR(1)),
        ("2023-04-18", "15:00", CR(1)),
    ]


def test_hours_said_for_all_before_days_that_each_give_their_room():
    found = meetings_of(
        "We invite you to the following meetings, all at 10 a.m.: Thursday, 6 April, in the "
        "Trusteeship Council Chamber, for an opening exchange; Thursday, 13 April, in "
        "Conference Room 5, on gender; and Thursday, 20 April, also in Conference Room 5."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-06", "10:00", TCC),
        ("2023-04-13", "10:00", CR(5)),
        ("2023-04-20", "10:00", CR(5)),
    ]


def test_the_room_said_last_above_a_table_after_an_earlier_date():
    found = meetings_of(
        "Further to our appointment on 10 January as Co-Chairs, we share the schedule of IGN "
        "meetings for the session, to be held in the General Assembly Hall:\n\n"
        "  Date                       Time                 Cluster(s)\n"
        "  Thursday, 6 April          10 a.m. - 1 p.m.     Categories of membership\n"
        "  Thursday, 20 April         3 p.m. - 6 p.m.      Regional representation\n"
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-06", "10:00", GAH),
        ("2023-04-20", "15:00", GAH),
    ]


def test_another_commission_that_held_its_session_is_no_meeting():
    found = meetings_of(
        "The high-level meeting will be held on Thursday, 20 April 2023 in the General "
        "Assembly Hall. The opening plenary will begin at 10 a.m. and the meeting will "
        "continue until 6 p.m. The Commission on the Status of Women held its session from "
        "6 to 17 March 2023."
    )
    assert found == [("2023-04-20", "10:00", "18:00", GAH, "high-level")]


def test_all_meetings_to_be_held_virtually_above_a_numbered_list():
    found = meetings_of(
        "We propose to meet as follows, all meetings to be held virtually on the Interprefy "
        "platform from 10:00 to 12:00:\n1. Monday, 3 April - general views\n2. Monday, "
        "17 April - first reading of the zero draft\n"
    )
    assert [(m[0], m[1], m[2], m[3]) for m in found] == [
        ("2023-04-03", "10:00", "12:00", None),
        ("2023-04-17", "10:00", "12:00", None),
    ]


def test_this_meeting_has_been_cancelled_calls_off_the_meeting_just_named():
    found = extract(
        letter(
            "I refer to my letter dated 1 March 2023 announcing an informal meeting of the "
            "plenary, to be held on Tuesday, 21 March at 10 a.m. in Conference Room 4. I wish "
            "to inform you that this meeting has been cancelled. A new date will follow."
        )
    )
    assert [(m.date.isoformat(), m.action) for m in found.meetings] == [("2023-03-21", "cancel")]


def test_the_room_before_followed_by_is_the_first_parts():
    found = meetings_of(
        "The high-level meeting will be held on Monday, 17 April 2023. The opening segment "
        "will begin at 9 a.m. in the General Assembly Hall, followed by the plenary segment "
        "and two interactive panels in Conference Room 1."
    )
    assert found == [("2023-04-17", "09:00", None, GAH, "high-level")]


def test_plenary_meetings_said_for_each_of_the_days_of_a_range_are_its_sittings():
    found = meetings_of(
        "The high-level meeting on inland waters will take place from 17 to 18 April 2023. "
        "Plenary meetings will be held from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. on "
        "each of the two days in the General Assembly Hall, while four round tables will "
        "take place in Conference Room 4."
    )
    assert found == [
        ("2023-04-17", "10:00", "13:00", GAH, "high-level"),
        ("2023-04-17", "15:00", "18:00", GAH, "high-level"),
        ("2023-04-18", "10:00", "13:00", GAH, "high-level"),
        ("2023-04-18", "15:00", "18:00", GAH, "high-level"),
    ]


def test_plenary_meetings_said_with_a_high_level_meeting_are_its_sittings_not_a_new_clause():
    found = meetings_of(
        "I wish to recall that the High-level Plenary Meeting on inland waters will take "
        "place from 17 to 18 April 2023, with plenary meetings each day from 9 a.m. to 1 p.m. "
        "in the Trusteeship Council Chamber."
    )
    assert found == [
        ("2023-04-17", "09:00", "13:00", TCC, "high-level"),
        ("2023-04-18", "09:00", "13:00", TCC, "high-level"),
    ]


def test_a_day_just_before_the_letter_after_the_conclusion_of_the_negotiations_is_behind_it():
    found = extract(
        letter(
            "Following the conclusion of the intergovernmental negotiations on 6 March, I intend "
            "to convene an informal meeting of the plenary on Tuesday, 28 March 2023 at 3 p.m. "
            "in the General Assembly Hall."
        )
    ).meetings
    assert [(m.date.isoformat(), m.held) for m in found] == [
        ("2023-03-06", True),
        ("2023-03-28", False),
    ]


def test_the_same_room_as_a_meeting_called_off_is_its_room():
    found = extract(
        letter(
            "The informal consultations scheduled for Friday, 17 March 2023 in Conference "
            "Room 3 are cancelled. The co-facilitators will hold their next informal "
            "consultations on Wednesday, 22 March 2023 from 3 to 6 p.m. in the same room."
        )
    ).meetings
    assert [(m.date.day, m.action.value, m.start and m.start.hour, m.room) for m in found] == [
        (17, "cancel", None, CR(3)),
        (22, "announce", 15, CR(3)),
    ]


def test_another_bodys_forum_meeting_virtually_and_a_past_briefing_said_as_a_verb():
    found = extract(
        letter(
            "On 6 March, the Secretary-General briefed Member States virtually on the response "
            "to the floods. I note that the forum of the Economic and Social Council is meeting "
            "virtually from 20 to 24 March. I will convene a virtual informal meeting of the "
            "plenary on Thursday, 30 March 2023, from 10 a.m. to 12 p.m. via the WebEx platform. "
            "On Thursday, 6 April, at the same time and on the same platform, the Controller "
            "will brief Member States on the budget."
        )
    ).meetings
    assert [(m.date.isoformat(), m.kind.value, m.held, m.virtual) for m in found] == [
        ("2023-03-06", "briefing", True, True),
        ("2023-03-30", "plenary", False, True),
        ("2023-04-06", "briefing", False, True),
    ]


def test_hours_said_for_each_of_the_meetings_listed_below():
    found = meetings_of(
        "Taking into account the views expressed, we propose the following meetings, each "
        "from 10 a.m. to 1 p.m.:\n\n  1. Tuesday, 4 April - General Assembly Hall: the veto;\n"
        "  2. Tuesday, 18 April - Trusteeship Council Chamber: regional representation."
    )
    assert [(d, s, e, r) for d, s, e, r, _k in found] == [
        ("2023-04-04", "10:00", "13:00", GAH),
        ("2023-04-18", "10:00", "13:00", TCC),
    ]


def test_to_postpone_a_meeting_scheduled_for_one_day_to_another_is_a_move_not_a_range():
    found = extract(
        letter(
            "We have decided to postpone the informal consultation scheduled for Thursday, "
            "23 March to Tuesday, 28 March 2023, at 10 a.m. in Conference Room 6."
        )
    ).meetings
    assert [(m.date.isoformat(), m.action.value, str(m.moved_from)) for m in found] == [
        ("2023-03-28", "move", "2023-03-23")
    ]


def test_a_break_said_within_the_hours_of_the_day_makes_two_sittings():
    found = meetings_of(
        "The high-level meeting on coastal cities will be convened on Thursday, 20 April "
        "2023, in the General Assembly Hall. The meeting will open at 10 a.m. and is expected "
        "to conclude by 6 p.m., with a break from 1 to 3 p.m."
    )
    assert found == [
        ("2023-04-20", "10:00", "13:00", GAH, "high-level"),
        ("2023-04-20", "15:00", "18:00", GAH, "high-level"),
    ]


def test_we_will_meet_from_and_again_from_are_the_sittings_of_the_day_just_named():
    found = meetings_of(
        "The next informal consultation will take place on Monday, 17 April 2023, in "
        "Conference Room 2. We will meet from 10 a.m. to 1 p.m. and again from 3 p.m. to "
        "6 p.m."
    )
    assert found == [
        ("2023-04-17", "10:00", "13:00", CR(2), "informal-consultation"),
        ("2023-04-17", "15:00", "18:00", CR(2), "informal-consultation"),
    ]


def test_the_following_weekday_is_the_first_after_the_meeting_named_before():
    found = meetings_of(
        "The first reading will take place on Thursday, 6 April 2023, from 10 a.m. to 1 p.m. "
        "in Conference Room 5. We would then like to hold a second reading on the following "
        "Tuesday, at 3 p.m., in the same room."
    )
    assert found == [
        ("2023-04-06", "10:00", "13:00", CR(5), "informal-consultation"),
        ("2023-04-11", "15:00", None, CR(5), "informal-consultation"),
    ]


def test_the_room_said_before_the_hours_of_two_round_tables_is_the_room_of_both():
    found = meetings_of(
        "The high-level meeting on coastal cities will be held on Monday, 17 April 2023, in "
        "the General Assembly Hall at 9 a.m. In parallel, two interactive round tables will "
        "be held in Conference Room 4, the first from 10 a.m. to 1 p.m. and the second from "
        "3 p.m. to 6 p.m."
    )
    assert found == [
        ("2023-04-17", "09:00", None, GAH, "high-level"),
        ("2023-04-17", "10:00", "13:00", CR(4), "panel"),
        ("2023-04-17", "15:00", "18:00", CR(4), "panel"),
    ]


def test_items_numbered_in_roman_in_brackets_are_each_a_meeting_of_the_annexed_programme():
    found = extract(
        "14 March 2023\n\nExcellency,\n\nPlease find in the annex the tentative programme of "
        "work for the session. All meetings will take place in Conference Room 11.\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n\n"
        "Co-Chairs\n\nAnnex\n\n(i)   Thursday, March 23rd, 10:00 am: organizational meeting\n"
        "(ii)  Thursday, April 6th, 3:00 pm: role and authority of the General Assembly\n"
        "(iii) Thursday, April 20th, 10:00 am: selection of the Secretary-General\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found] == [
        ("2023-03-23", 10, CR(11)),
        ("2023-04-06", 15, CR(11)),
        ("2023-04-20", 10, CR(11)),
    ]


def test_we_propose_to_meet_on_a_day_and_would_then_take_up_clusters_on_others():
    found = meetings_of(
        "In our capacity as co-facilitators, we propose to meet on Thursday, 23rd March at "
        "10:00 a.m. in Conference Room 6 to hear general comments. We would then take up "
        "the first cluster on Thursday, 30th March, 3.00 p.m., also in Conference Room 6."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-03-23", "10:00", CR(6)),
        ("2023-03-30", "15:00", CR(6)),
    ]


def test_the_day_after_tomorrow_and_meetings_that_will_both_be_held_are_ahead():
    found = extract(
        letter(
            "Following this morning's informal consultation, we will meet again the day after "
            "tomorrow at 3 p.m. in Conference Room 8. The high-level week will open on Monday, "
            "20 March and continue on Tuesday, 21 March, and the high-level meetings on water "
            "and on soils will both be held on Thursday, 23 March."
        )
    ).meetings
    assert [(m.date.isoformat(), m.held) for m in found] == [
        ("2023-03-14", True),
        ("2023-03-16", False),
        ("2023-03-20", False),
        ("2023-03-21", False),
        ("2023-03-23", False),
    ]


def test_panels_with_hours_of_their_own_and_no_room_are_held_where_their_event_is():
    found = meetings_of(
        "I will convene the multi-stakeholder hearing on Wednesday, 19 April 2023, in the "
        "Trusteeship Council Chamber. The hearing will comprise an opening session from "
        "10 a.m. to 10.30 a.m. and two interactive panels. Panel one, on equity, will run "
        "from 10.30 a.m. to 1 p.m.; panel two, on financing, from 3 p.m. to 6 p.m."
    )
    assert found == [
        ("2023-04-19", "10:00", "10:30", TCC, "hearing"),
        ("2023-04-19", "10:30", "13:00", TCC, "panel"),
        ("2023-04-19", "15:00", "18:00", TCC, "panel"),
    ]


def test_a_title_line_over_a_list_without_bullets_starts_no_sentence_of_the_first_row():
    found = meetings_of(
        "We enclose the indicative programme of informal consultations.\n\nIndicative "
        "programme\nMonday, 3 April: 10:00-13:00, Conference Room 4\nMonday, 17 April: "
        "15:00-18:00, Conference Room 12\n"
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-03", "10:00", CR(4)),
        ("2023-04-17", "15:00", CR(12)),
    ]


def test_at_the_usual_time_and_room_is_the_meeting_befores():
    found = meetings_of(
        "The informal consultation will be held on Thursday, 6 April 2023, from 3 to 6 p.m. "
        "in Conference Room 6. The co-facilitators also intend to hold a further round on "
        "Thursday, 13 April, at the usual time and room."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-06", "15:00", CR(6)),
        ("2023-04-13", "15:00", CR(6)),
    ]


def test_the_room_and_hours_said_before_the_day_from_until_are_no_deadline():
    found = meetings_of(
        "In the General Assembly Hall, and from 10 a.m. until 1 p.m. on Tuesday, 28 March "
        "2023, I shall convene an informal thematic debate on freshwater."
    )
    assert found == [("2023-03-28", "10:00", "13:00", GAH, "thematic-debate")]


def test_a_room_given_as_a_field_and_the_time_that_remains_go_on_about_the_meeting():
    room_field = meetings_of(
        "The next informal consultation will take place next Monday, March 20, at 3:00 pm. "
        "Room: Conference Room 1."
    )
    time_remains = meetings_of(
        "The informal consultation on Friday 17 March will now be held in Conference Room 11 "
        "instead of Conference Room 7. The time remains 10:00 to 13:00."
    )
    assert [(d, s, r) for d, s, _e, r, _k in room_field] == [("2023-03-20", "15:00", CR(1))]
    assert [(d, s, r) for d, s, _e, r, _k in time_remains] == [("2023-03-17", "10:00", CR(11))]


def test_asked_that_consultations_be_held_is_ahead_and_and_again_on_shares_the_hours():
    asked = extract(
        letter(
            "The facilitators have asked that the next round of informal consultations be held "
            "on Wednesday, 22 March at 10 a.m. in Conference Room 5."
        )
    ).meetings
    again = meetings_of(
        "We will convene informal consultations on Wednesday, 22 March and again on "
        "Wednesday, 29 March, in each case from 3 to 6 p.m. in Conference Room 6."
    )
    assert [(m.date.isoformat(), m.held) for m in asked] == [("2023-03-22", False)]
    assert [(d, s, r) for d, s, _e, r, _k in again] == [
        ("2023-03-22", "15:00", CR(6)),
        ("2023-03-29", "15:00", CR(6)),
    ]


def test_this_thursday_with_its_date_in_brackets_moved_to_the_following_thursday():
    found = extract(
        letter(
            "The informals planned for this Thursday (16 March) are moved to the following "
            "Thursday, 23 March, 10am-1pm, Conference Room 3.",
            dated="13 March 2023",
        )
    ).meetings
    assert [(m.date.isoformat(), m.action.value, str(m.moved_from)) for m in found] == [
        ("2023-03-23", "move", "2023-03-16")
    ]
    alone = extract(
        letter(
            "The consultation planned for next Tuesday (21 March) will be moved to the "
            "following Tuesday.",
            dated="14 March 2023",
        )
    ).meetings
    assert [(m.date.isoformat(), str(m.moved_from)) for m in alone] == [
        ("2023-03-28", "2023-03-21")
    ]


def test_the_co_chairs_will_take_up_and_both_meetings_are_in_the_hall():
    found = meetings_of(
        "I am pleased to share the programme of the IGN co-chairs. From 10 a.m. to 1 p.m. "
        "on Thursday, 6 April 2023, the Co-\nChairs will take up the question of the veto. "
        "At 3 p.m. on Thursday, 20 April 2023, they will address the size of an enlarged "
        "Council. Both meetings are in the General Assembly Hall."
    )
    assert found == [
        ("2023-04-06", "10:00", "13:00", GAH, "negotiation"),
        ("2023-04-20", "15:00", None, GAH, "negotiation"),
    ]


def test_meetings_that_resume_each_day_until_an_hour_in_a_venue_said_apart():
    found = meetings_of(
        "I will convene the high-level thematic debate from 4 to 5 May 2023. Meetings will be "
        "held from 10 a.m. to 1 p.m. and resume at 3 p.m. each day until 6 p.m. The venue "
        "is the General Assembly Hall."
    )
    assert found == [
        ("2023-05-04", "10:00", "13:00", GAH, "thematic-debate"),
        ("2023-05-04", "15:00", "18:00", GAH, "thematic-debate"),
        ("2023-05-05", "10:00", "13:00", GAH, "thematic-debate"),
        ("2023-05-05", "15:00", "18:00", GAH, "thematic-debate"),
    ]


def test_a_bureau_meeting_with_delegations_and_a_documents_date_in_a_summary():
    bureau = meetings_of(
        "The Bureau of the Working Group will meet with delegations on Tuesday, 21 March at "
        "3 p.m. in Conference Room 5."
    )
    summary = extract(
        "Co-Chairs' summary of the IGN meeting of Thursday, 9 March 2023\n\nThe meeting took "
        "place in the General Assembly Hall from 10 a.m. to 1 p.m. The Co-Chairs recalled the "
        "framework document of 31 July 2015.\n\n14 March 2023\n"
    ).meetings
    assert [(d, s, r) for d, s, _e, r, _k in bureau] == [("2023-03-21", "15:00", CR(5))]
    assert [m.date.isoformat() for m in summary] == ["2023-03-09"]


def test_consultations_announced_for_next_week_then_the_first_and_the_second_days():
    found = meetings_of(
        "As co-facilitators, we intend to hold informal consultations next week. The first "
        "will be on Tuesday, 21 March, at 10 a.m.; the second on Thursday, 23 March, at 3 p.m. "
        "Both will be held in Conference Room 6."
    )
    assert found == [
        ("2023-03-21", "10:00", None, CR(6), "informal-consultation"),
        ("2023-03-23", "15:00", None, CR(6), "informal-consultation"),
    ]


def test_a_meeting_announced_beside_a_term_of_office_then_its_room_then_its_date():
    found = meetings_of(
        "As my successor assumes office on 12 September 2023, I will hold a final stocktaking "
        "meeting on the Goals. The meeting will be held in Conference Room 4. Its date is "
        "Thursday, 7 September 2023, starting at 10 a.m.",
        dated="28 August 2023",
    )
    assert found == [("2023-09-07", "10:00", None, CR(4), "stocktaking")]


def test_it_will_take_up_on_a_day_is_another_meeting_of_the_working_group():
    found = meetings_of(
        "From 10 a.m. to 1 p.m. on Wednesday, 22 March 2023, the Working Group will hold its "
        "first thematic meeting. From 3 to 6 p.m. on Wednesday, 5 April, it will take up the "
        "working methods. Both meetings will take place in Conference Room 3."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-03-22", "10:00", CR(3)),
        ("2023-04-05", "15:00", CR(3)),
    ]


def test_postponed_and_will_now_be_held_on_a_day_is_a_move_and_a_room_not_in_is_given_up():
    moved = extract(
        letter(
            "The high-level meeting has been postponed and will now be held on Wednesday, "
            "24 May 2023, from 10 a.m. to 1 p.m. in the General Assembly Hall."
        )
    ).meetings
    reminder = meetings_of(
        "The informal meeting of the plenary will take place tomorrow, Wednesday, 15 March, "
        "at 10 a.m. Please note the change of venue: the meeting will be held in Conference "
        "Room 1, and not in Conference Room 2 as previously indicated."
    )
    assert [(m.date.isoformat(), m.action.value) for m in moved] == [("2023-05-24", "move")]
    assert [(d, s, r) for d, s, _e, r, _k in reminder] == [("2023-03-15", "10:00", CR(1))]


def test_we_will_meet_and_the_day_with_no_on_between():
    found = meetings_of(
        "On behalf of the co-facilitators: next week we will meet Monday 20 March 10am-1pm in "
        "CR8 and Thursday 23 March 3pm-6pm in CR12."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-03-20", "10:00", CR(8)),
        ("2023-03-23", "15:00", CR(12)),
    ]


def test_voting_that_will_take_place_in_time_slots_is_an_election_of_two_sittings():
    found = meetings_of(
        "Voting will take place in the General Assembly Hall on Wednesday, 14 June, in time "
        "slots: 9 a.m. to 12 noon and 3 p.m. to 6 p.m."
    )
    assert found == [
        ("2023-06-14", "09:00", "12:00", GAH, "election"),
        ("2023-06-14", "15:00", "18:00", GAH, "election"),
    ]


def test_a_series_announced_then_the_first_with_its_topic_set_apart():
    found = meetings_of(
        "I am pleased to announce a series of interactive dialogues on financing. The first, "
        "on adaptation finance, will be on 5 April; the second, on private capital, on 12 "
        "April."
    )
    assert [(d, k) for d, _s, _e, _r, k in found] == [
        ("2023-04-05", "dialogue"),
        ("2023-04-12", "dialogue"),
    ]


def test_grateful_if_delegates_could_attend_asks_for_a_meeting_ahead():
    found = extract(
        letter(
            "The President would be grateful if Vice-Presidents could attend an informal "
            "meeting this Thursday (16 March) at 11.30 a.m."
        )
    ).meetings
    assert [(m.date.isoformat(), m.held) for m in found] == [("2023-03-16", False)]


def test_the_room_and_hours_said_for_a_series_before_its_days_are_theirs():
    found = meetings_of(
        "I am pleased to announce a series of three interactive dialogues on financing. All "
        "three will be held in the ECOSOC Chamber from 3 p.m. to 5 p.m. The first, on "
        "adaptation finance, will be on 5 April; the second, on private capital, on 12 April."
    )
    assert found == [
        ("2023-04-05", "15:00", "17:00", "ECOSOC Chamber", "dialogue"),
        ("2023-04-12", "15:00", "17:00", "ECOSOC Chamber", "dialogue"),
    ]


def test_all_meetings_said_in_a_room_before_two_meetings_in_prose_that_sit_each_day():
    found = meetings_of(
        "As Co-Chairs, we share the programme for the first two meetings. All meetings will "
        "be held in Conference Room 4.\n\nThe first meeting, on Thursday 6 April, will "
        "address the categories of membership; the second, on Friday 21 April, will take up "
        "the question of the veto. On each of these days we will meet from 10 a.m. to 1 p.m. "
        "and from 3 p.m. to 6 p.m."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-06", "10:00", CR(4)),
        ("2023-04-06", "15:00", CR(4)),
        ("2023-04-21", "10:00", CR(4)),
        ("2023-04-21", "15:00", CR(4)),
    ]


def test_the_assembly_will_elect_and_the_elections_follow_on_the_tuesday_after():
    found = meetings_of(
        "The General Assembly will elect the President of its seventy-eighth session on "
        "Thursday, 1 June 2023, at 10 a.m. in the General Assembly Hall. The elections of the "
        "non-permanent members of the Security Council will follow on the Tuesday after, also "
        "at 10 a.m.",
        dated="2 May 2023",
    )
    assert [(d, s, k) for d, s, _e, _r, k in found] == [
        ("2023-06-01", "10:00", "election"),
        ("2023-06-06", "10:00", "election"),
    ]


def test_the_second_on_a_day_is_the_next_of_the_meetings_named_before():
    found = meetings_of(
        "As Co-Chairs of the intergovernmental negotiations, we share the programme. The "
        "first meeting, on Thursday, 6 April, will address the veto. The second, on Thursday, "
        "20 April, will address the size of an enlarged Council. All meetings will be held "
        "from 10 a.m. to 1 p.m. in the General Assembly Hall."
    )
    assert found == [
        ("2023-04-06", "10:00", "13:00", GAH, "negotiation"),
        ("2023-04-20", "10:00", "13:00", GAH, "negotiation"),
    ]


def test_a_day_of_the_month_said_alone_is_of_the_letters_month_or_the_next():
    found = meetings_of(
        "The co-facilitators will hold a first reading on the 21st at 10 a.m. in Conference "
        "Room 2, and a second reading on the 4th from 3 p.m. to 6 p.m. in the same room. "
        "A stocktaking meeting will follow next month on the 11th, at 10 a.m.",
        dated="9 October 2023",
    )
    assert [(d, s) for d, s, *_ in found] == [
        ("2023-10-21", "10:00"),  # still ahead this month
        ("2023-11-04", "15:00"),  # the 4th has passed: next month's
        ("2023-11-11", "10:00"),
    ]


def test_a_weekday_said_alone_is_the_next_one_only_in_a_letter_that_named_no_day_before():
    alone = meetings_of(
        "We will hold informal consultations on Wednesday at 3 p.m. in Conference Room 8.",
        dated="13 March 2023",  # a Monday
    )
    assert alone == [("2023-03-15", "15:00", None, CR(8), "informal-consultation")]
    again = meetings_of(
        "The informal consultations will take place on Wednesday, 22 March 2023 at 3 p.m. in "
        "Conference Room 8. On Wednesday we will take up the preamble.",
        dated="13 March 2023",
    )
    assert [d for d, *_ in again] == ["2023-03-22"]  # not also the 15th


def test_a_day_read_as_a_letter_l_before_its_month_is_a_one():
    found = meetings_of(
        "I will convene an informal meeting of the plenary on Friday, l December 2023, at "
        "10 a.m. in the General Assembly Hall.",
        dated="20 November 2023",
    )
    assert found == [("2023-12-01", "10:00", None, GAH, "plenary")]


def test_the_hours_said_before_each_date_are_that_dates():
    found = meetings_of(
        "The hearings will take place from 10 a.m. to 1 p.m. and from 3 to 6 p.m. on "
        "Thursday, 13 April, and from 10 a.m. to 1 p.m. on Friday, 14 April, in the "
        "Trusteeship Council Chamber."
    )
    assert [(d, s, e) for d, s, e, _r, _k in found] == [
        ("2023-04-13", "10:00", "13:00"),
        ("2023-04-13", "15:00", "18:00"),
        ("2023-04-14", "10:00", "13:00"),
    ]
    assert {r for _d, _s, _e, r, _k in found} == {TCC}


def test_a_working_group_that_will_resume_its_work_on_days_meets_on_them():
    found = meetings_of(
        "The Chair has asked that Missions be informed that the Working Group will resume "
        "its substantive work on 18 and 19 April 2023. Meetings will be held each day from "
        "10 a.m. to 1 p.m. in Conference Room 4."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-18", "10:00", CR(4)),
        ("2023-04-19", "10:00", CR(4)),
    ]


def test_a_line_by_line_reading_of_the_draft_is_a_meeting():
    found = meetings_of(
        "We will hold a line-by-line reading of the revised draft on Tuesday, 4 April 2023, "
        "from 3 p.m. to 6 p.m. in Conference Room 9."
    )
    assert found == [("2023-04-04", "15:00", "18:00", CR(9), "informal-consultation")]


def test_the_draft_a_reading_is_of_is_no_paper_due():
    found = meetings_of(
        "We are pleased to share the schedule for the first reading of the draft: 18-19 April "
        "2023, from 10 a.m. to 1 p.m., Conference Room 12."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-18", "10:00", CR(12)),
        ("2023-04-19", "10:00", CR(12)),
    ]


def test_a_table_under_the_schedule_for_the_next_round_is_of_that_round():
    body = (
        "I have the honour to inform you of the schedule for the next round.\n\n"
        "    Tuesday, 4 April      Categories of membership          10 a.m. - 1 p.m.\n"
        "    Tuesday, 18 April     Regional representation           3 p.m. - 6 p.m.\n\n"
        "All meetings will be held in Conference Room 1."
    )
    assert [(d, s, r) for d, s, _e, r, _k in meetings_of(body)] == [
        ("2023-04-04", "10:00", CR(1)),
        ("2023-04-18", "15:00", CR(1)),
    ]


def test_the_nth_of_this_month_and_a_weekday_then_the_nth():
    found = meetings_of(
        "The facilitator will convene informal consultations on the 16th of this month at "
        "10 a.m. in Conference Room 7, and again on Wednesday the 22nd at the same time and "
        "place.",
        dated="6 March 2023",
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-03-16", "10:00", CR(7)),
        ("2023-03-22", "10:00", CR(7)),
    ]


def test_a_weekday_with_the_nth_picks_the_month_whose_nth_falls_on_it():
    # the 19th of March, April and May 2023 is a Sunday, a Wednesday and a Friday: no
    # Thursday the 19th soon enough to be meant, and a Wednesday the 19th in April
    assert meetings_of("We will meet on Thursday the 19th at 3 p.m.", dated="6 March 2023") == []
    found = meetings_of("We will meet on Wednesday the 19th at 3 p.m.", dated="6 March 2023")
    assert [d for d, *_ in found] == ["2023-04-19"]


def test_a_working_group_named_in_full_that_will_resume_its_work_meets():
    found = meetings_of(
        "I wish to inform you that the Open-ended Working Group on the Question of Equitable "
        "Representation on and Increase in the Membership of the Security Council will resume "
        "its work from 18 to 19 April 2023. Meetings will be held from 10 a.m. to 1 p.m. in "
        "Conference Room 4."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-18", "10:00", CR(4)),
        ("2023-04-19", "10:00", CR(4)),
    ]


def test_the_working_group_will_meet_next_and_expert_exchanges_are_meetings():
    found = meetings_of(
        "The Working Group will meet next on Monday, 17 April at 10 a.m. in Conference Room 1 "
        "to take up its second cluster. We would also like to invite delegations to two "
        "expert exchanges: on Tuesday 18 April, 1.15 p.m. to 2.30 p.m., in Conference Room "
        "B, and on Thursday 20 April at the same hour in Conference Room C."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-17", "10:00", CR(1)),
        ("2023-04-18", "13:15", "Conference Room B"),
        ("2023-04-20", "13:15", "Conference Room C"),
    ]


def test_the_negotiations_on_the_membership_of_the_security_council_are_the_assemblys():
    found = meetings_of(
        "The Chair of the intergovernmental negotiations on the question of equitable "
        "representation on and increase in the membership of the Security Council will "
        "convene meetings on the following dates: Thursday, 13 April and Thursday, 27 April, "
        "each from 10 a.m. to 1 p.m., in the Trusteeship Council Chamber."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-13", "10:00", TCC),
        ("2023-04-27", "10:00", TCC),
    ]
    # the Council's own meeting is still its own
    assert meetings_of("The Security Council will convene an open debate on 13 April 2023.") == []


def test_balloting_that_will_continue_that_afternoon_is_a_second_meeting_there():
    found = meetings_of(
        "The plenary meetings for the election of five non-permanent members of the Security "
        "Council will be held on Tuesday, 6 June 2023, at 10 a.m. in the General Assembly "
        "Hall. Should additional rounds of balloting be required, they will continue that "
        "afternoon at 3 p.m."
    )
    assert [(d, s, r, k) for d, s, _e, r, k in found] == [
        ("2023-06-06", "10:00", GAH, "election"),
        ("2023-06-06", "15:00", GAH, "election"),
    ]


def test_a_date_line_that_runs_on_into_the_next_is_no_block_under_a_title():
    found = meetings_of(
        "I will convene a High-level Dialogue on financing for development on\n"
        "Tuesday, 11 April 2023 and Wednesday, 12 April 2023, in the ECOSOC\n"
        "Chamber, from 10 a.m. to 6 p.m. on both days."
    )
    assert found == [
        ("2023-04-11", "10:00", "18:00", "ECOSOC Chamber", "dialogue"),
        ("2023-04-12", "10:00", "18:00", "ECOSOC Chamber", "dialogue"),
    ]


def test_another_bodys_session_to_be_held_and_a_summit_the_consultation_is_about():
    found = meetings_of(
        "The debate is a contribution to the session of the Commission on Sustainable "
        "Development to be held from 24 April to 5 May 2023. The next informal consultation "
        "on the draft outcome of the 2023 Water Summit will be held on Tuesday, 18 April at "
        "10 a.m. in Conference Room 4."
    )
    assert found == [("2023-04-18", "10:00", None, CR(4), "informal-consultation")]


def test_balloting_that_will_resume_the_following_monday_is_another_election_meeting():
    found = meetings_of(
        "The General Assembly will hold plenary meetings for the election of five members of "
        "the International Court of Justice on Monday, 10 April 2023, at 10 a.m. in the "
        "General Assembly Hall. Should the required majority not be obtained, balloting will "
        "resume the following Monday at 10 a.m."
    )
    assert [(d, s, r, k) for d, s, _e, r, k in found] == [
        ("2023-04-10", "10:00", GAH, "election"),
        ("2023-04-17", "10:00", None, "election"),  # no room said, none invented
    ]


def test_the_hours_said_before_a_list_of_dates_are_every_dates():
    found = meetings_of(
        "The meetings will be held on the WebEx platform from 10:00 to 12:00 EDT on "
        "Wednesday, 5 April, Wednesday, 12 April and Wednesday, 19 April."
    )
    assert [(d, s, e) for d, s, e, _r, _k in found] == [
        ("2023-04-05", "10:00", "12:00"),
        ("2023-04-12", "10:00", "12:00"),
        ("2023-04-19", "10:00", "12:00"),
    ]


def test_a_note_issued_at_its_foot_is_dated_there():
    text = (
        "NOTE\n"
        "Programme of meetings of the General Assembly, week of 17 April 2023\n\n"
        "  Monday, 17 April    10:00   General Assembly Hall   Plenary: report of the Council\n"
        "  Tuesday, 18 April   15:00   CR 4    Briefing by the Chair of the Fifth Committee\n\n"
        "Issued by the Office of the President, Friday, 14 April 2023\n"
    )
    found = extract(text)
    assert found.letter.date.isoformat() == "2023-04-14"
    assert [(m.date.isoformat(), m.kind.value) for m in found.meetings] == [
        ("2023-04-17", "plenary"),
        ("2023-04-18", "briefing"),
    ]


def test_hours_from_10_to_1_and_from_3_to_6_are_the_working_day():
    found = meetings_of(
        "We will convene informal consultations on Tuesday, 18 April 2023, from 10 to 1 in "
        "Conference Room 6, and on Tuesday, 25 April 2023, from 3 to 6 in Conference Room 6. "
        "Paragraphs from 2 to 4 of the annex will be taken up first."
    )
    assert [(d, s, e) for d, s, e, _r, _k in found] == [
        ("2023-04-18", "10:00", "13:00"),
        ("2023-04-25", "15:00", "18:00"),
    ]


def test_each_from_hours_with_a_clock_colon_before_a_list_of_dates():
    body = (
        "We propose to hold three virtual informal consultations on the Interprefy platform, "
        "each from 10:00 a.m. to 12:00 p.m. New York time:\n\n"
        "  - Thursday, 6 April 2023;\n"
        "  - Thursday, 13 April 2023.\n"
    )
    assert [(d, s, e, r) for d, s, e, r, _k in meetings_of(body)] == [
        ("2023-04-06", "10:00", "12:00", None),
        ("2023-04-13", "10:00", "12:00", None),
    ]
    assert all(m.virtual for m in extract(letter(body)).meetings)


def test_our_appointment_said_before_a_comma_dates_nothing():
    found = meetings_of(
        "Following our appointment as co-chairs, we intend to hold an informal consultation "
        "on Tuesday, 18 April at 10:00 a.m. in Conference Room 3."
    )
    assert found == [("2023-04-18", "10:00", None, CR(3), "informal-consultation")]


def test_dates_hours_and_rooms_said_respectively_pair_in_order():
    found = meetings_of(
        "The IGN meetings on Thursday 13 April and Friday 14 April will be held at 10am and "
        "3pm respectively, in Conference Room 1 and Conference Room 2."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-13", "10:00", CR(1)),
        ("2023-04-14", "15:00", CR(2)),
    ]
    # each date with its own hours already: "respectively" pairs nothing more
    found = meetings_of(
        "Round tables will be held in Conference Room 4 on Monday, 17 April at 3 p.m. and on "
        "Tuesday, 18 April at 10 a.m. and 3 p.m. respectively."
    )
    assert [(d, s) for d, s, *_ in found] == [
        ("2023-04-17", "15:00"),
        ("2023-04-18", "10:00"),
        ("2023-04-18", "15:00"),
    ]


def test_an_invitation_to_two_meetings_announces_them_and_a_closure_is_none():
    found = meetings_of(
        "I have the pleasure to invite you to two informal meetings of the plenary on the "
        "development agenda. The first will be held on Wednesday, 19 April 2023 at 10 a.m. "
        "and the second on Friday, 21 April at 3 p.m., both in Conference Room 1. As a result "
        "of the closure of United Nations Headquarters from 24 to 26 April 2023, no other "
        "meeting is planned."
    )
    assert [(d, s, r, k) for d, s, _e, r, k in found] == [
        ("2023-04-19", "10:00", CR(1), "plenary"),
        ("2023-04-21", "15:00", CR(1), "plenary"),
    ]


def test_the_declaration_of_a_high_level_meeting_is_what_consultations_are_on():
    found = meetings_of(
        "Following the first and second readings of the draft political declaration of the "
        "high-level meeting on migration, held on 28 March 2023 and 4 April 2023, informal "
        "consultations on the draft political declaration of the high-level meeting will be "
        "held on 18 April 2023 from 10 a.m. to 1 p.m. in Conference Room 2."
    )
    assert [(d, k) for d, _s, _e, _r, k in found] == [
        ("2023-03-28", "informal-consultation"),
        ("2023-04-04", "informal-consultation"),
        ("2023-04-18", "informal-consultation"),
    ]


def test_a_clock_whose_hour_was_lost_is_no_midnight_and_a_programme_of_work_has_a_kind():
    found = meetings_of(
        "The President will convene an informal briefing on Tuesday, 18 April 2023 at .00 "
        "a.m. in Conference Room 2."
    )
    assert found == [("2023-04-18", None, None, CR(2), "briefing")]
    body = (
        "I have the honour to transmit the programme of work of the intergovernmental "
        "negotiations on Security Council reform.\n\n"
        "    Thursday, 20 April 2023     Categories of membership\n"
        "    Thursday, 4 May 2023     The question of the veto\n\n"
        "All meetings will take place from 10 a.m. to 1 p.m. in the General Assembly Hall."
    )
    assert [(d, s, r, k) for d, s, _e, r, k in meetings_of(body)] == [
        ("2023-04-20", "10:00", GAH, "negotiation"),
        ("2023-05-04", "10:00", GAH, "negotiation"),
    ]


def test_a_meeting_moved_from_its_room_to_a_platform_is_no_longer_in_the_room():
    found = extract(
        letter(
            "The informal meeting of the plenary scheduled for Tuesday, 18 April, at 10 a.m. will "
            "be held virtually through WebEx instead of in the General Assembly Hall."
        )
    ).meetings
    assert [(m.date.isoformat(), m.room, m.virtual) for m in found] == [("2023-04-18", None, True)]
    found = extract(
        letter(
            "Due to the occupancy limits, the informal consultations on Tuesday, 18 April at 10 "
            "a.m. will no longer be held in Conference Room 1. They will instead take place "
            "virtually on Interprefy."
        )
    ).meetings
    assert [(m.date.isoformat(), m.room, m.virtual, m.action) for m in found] == [
        ("2023-04-18", None, True, "announce")
    ]


def test_the_meeting_one_follows_ends_no_clause_and_the_room_after_it_is_the_meetings():
    found = meetings_of(
        "An informal meeting of the plenary to hear a progress report on system-wide coherence "
        "will be held on Tuesday, 18 April 2023, immediately following the adjournment of the "
        "plenary meeting in the morning, in the General Assembly Hall."
    )
    assert found == [("2023-04-18", None, None, GAH, "plenary")]
