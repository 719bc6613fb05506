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
