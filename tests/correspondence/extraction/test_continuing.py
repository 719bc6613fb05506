"""Sentences that go on about the meetings just named, and meetings named by what they
share with the one before ("at the same time and place", "a third round")."""

from .helpers import meetings_of


def test_the_next_sentence_gives_the_sessions_and_the_room():
    assert meetings_of(
        "I will convene a thematic debate on Monday, 22 March. The thematic debate will be "
        "held in two sessions, from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. Both "
        "sessions will be held in the Trusteeship Council Chamber."
    ) == [
        ("2023-03-22", "10:00", "13:00", "Trusteeship Council Chamber", "thematic-debate"),
        ("2023-03-22", "15:00", "18:00", "Trusteeship Council Chamber", "thematic-debate"),
    ]


def test_a_meeting_followed_by_another_that_day():
    assert meetings_of(
        "I will convene a high-level plenary meeting on Tuesday, 3 December at 10 a.m. in "
        "the General Assembly Hall. The high-level plenary meeting will be followed in the "
        "afternoon by an interactive dialogue, from 3 p.m. to 6 p.m. in the Trusteeship "
        "Council Chamber.",
        dated="12 November 2019",
    ) == [
        ("2019-12-03", "10:00", None, "General Assembly Hall", "high-level"),
        ("2019-12-03", "15:00", "18:00", "Trusteeship Council Chamber", "dialogue"),
    ]


def test_the_same_time_and_place_carry_over():
    assert meetings_of(
        "The first meeting of the intergovernmental negotiations will be held on 10 April "
        "at 10 a.m. in the ECOSOC Chamber. A second meeting is planned for 24 April, at "
        "the same time and place."
    ) == [
        ("2023-04-10", "10:00", None, "ECOSOC Chamber", "negotiation"),
        ("2023-04-24", "10:00", None, "ECOSOC Chamber", "negotiation"),
    ]


def test_a_third_round_at_the_same_time_and_place_is_another_consultation():
    assert meetings_of(
        "The second round of informal consultations will take place on Monday, 15 May 2017, "
        "from 10 a.m. to 1 p.m. in Conference Room 11. A third round is scheduled for "
        "Friday, 26 May 2017, at the same time and place.",
        dated="1 May 2017",
    ) == [
        ("2017-05-15", "10:00", "13:00", "Conference Room 11", "informal-consultation"),
        ("2017-05-26", "10:00", "13:00", "Conference Room 11", "informal-consultation"),
    ]


def test_another_part_of_the_meeting_at_its_own_time_is_another_meeting():
    assert meetings_of(
        "I will convene an interactive dialogue on Thursday, 20 April, in the ECOSOC "
        "Chamber. The morning segment, from 10 a.m. to noon, will hear experts. The "
        "afternoon segment, from 3 to 6 p.m., in the same room, will be an open exchange."
    ) == [
        ("2023-04-20", "10:00", "12:00", "ECOSOC Chamber", "dialogue"),
        ("2023-04-20", "15:00", "18:00", "ECOSOC Chamber", "dialogue"),
    ]


def test_another_part_in_a_room_of_its_own():
    assert meetings_of(
        "The high-level meeting will be held on 20 April at 10 a.m. in the General Assembly "
        "Hall. The closing session, at 4 p.m., will be held in Conference Room 4."
    ) == [
        ("2023-04-20", "10:00", None, "General Assembly Hall", "high-level"),
        ("2023-04-20", "16:00", None, "Conference Room 4", "high-level"),
    ]


def test_a_sentence_about_the_same_time_names_no_other_part():
    assert meetings_of(
        "The briefing will be held on 20 April at 10 a.m. in Conference Room 4. The "
        "briefing will start at 10 a.m. sharp."
    ) == [("2023-04-20", "10:00", None, "Conference Room 4", "briefing")]


def test_a_meeting_followed_that_day_by_another_in_the_same_sentence():
    assert meetings_of(
        "Delegations are invited to a briefing on 18 April at 10 a.m. in Conference Room 3, "
        "followed by informal consultations at 11.30 a.m. in the same room."
    ) == [
        ("2023-04-18", "10:00", None, "Conference Room 3", "briefing"),
        ("2023-04-18", "11:30", None, "Conference Room 3", "informal-consultation"),
    ]


def test_the_sentence_after_a_list_goes_on_about_all_its_meetings():
    assert meetings_of(
        "We wish to convene the next informal consultations, as follows:\n"
        "• Thursday, 20 April, 10 a.m. to 1 p.m.: first reading;\n"
        "• Tuesday, 25 April, 3 p.m. to 6 p.m.: second reading.\n\n"
        "Both meetings will be held in the General Assembly Hall."
    ) == [
        ("2023-04-20", "10:00", "13:00", "General Assembly Hall", "informal-consultation"),
        ("2023-04-25", "15:00", "18:00", "General Assembly Hall", "informal-consultation"),
    ]
