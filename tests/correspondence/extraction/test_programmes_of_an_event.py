"""An event announced in the letter and set out in its annex, the meetings of a process
listed under the sentence that names it, and others' events in the participle ("the
World Health Assembly, meeting in Geneva"): patterns of issue #18 in wordings of their own.
"""

import time
from datetime import date

from correspondence.extraction import extract

from .helpers import letter, meetings_of

GAH, TCC = "General Assembly Hall", "Trusteeship Council Chamber"
CR = "Conference Room {}".format

ANNEX = """

-----
ANNEX

OPENING SEGMENT
Date: Monday, 12 June 2023
Time: 10 a.m. - 1 p.m.
Venue: General Assembly Hall

PANEL ONE: COASTAL FINANCE
Date: Monday, 12 June 2023
Time: 3 p.m. - 6 p.m.
Venue: Trusteeship Council Chamber

PANEL TWO: DATA
Date: Tuesday, 13 June 2023
Time: 10 a.m. - 1 p.m.
Venue: Conference Room 4

WRAP-UP AND CLOSING
Date: Tuesday, 13 June 2023
Time: 4 p.m.
Venue: General Assembly Hall
"""


def test_an_annex_that_sets_out_each_day_of_the_range_replaces_the_range():
    found = meetings_of(
        "I am pleased to share the programme of the thematic debate on resilient coasts, "
        "which I will convene on 12 and 13 June 2023, as set out in the annex." + ANNEX
    )
    assert sorted(found) == [
        ("2023-06-12", "10:00", "13:00", GAH, "thematic-debate"),
        ("2023-06-12", "15:00", "18:00", TCC, "panel"),
        ("2023-06-13", "10:00", "13:00", CR(4), "panel"),
        ("2023-06-13", "16:00", None, GAH, "thematic-debate"),
    ]


def test_a_range_the_annex_covers_only_in_part_stays():
    annex = ANNEX.split("PANEL TWO")[0]  # only the first day set out
    found = meetings_of(
        "The thematic debate on resilient coasts will be held from 12 to 13 June 2023; the "
        "arrangements for its first day are annexed." + annex
    )
    assert ("2023-06-13", None, None, None, "thematic-debate") in found
    assert ("2023-06-12", "10:00", "13:00", GAH, "thematic-debate") in found


def test_untitled_parts_of_a_one_day_event_take_the_letters_kind():
    found = meetings_of(
        "I have the honour to convene a high-level meeting on the fortieth anniversary of "
        "the Convention, to be held during the high-level week, as described in the annex."
        "\n\n-----\nAnnex\n\nOpening segment\nWednesday, 20 September 2023\n"
        "10 a.m. - 11.30 a.m.\nGeneral Assembly Hall\n\nClosing segment\n"
        "Wednesday, 20 September 2023\n5 p.m. - 6 p.m.\nGeneral Assembly Hall\n"
    )
    assert found == [
        ("2023-09-20", "10:00", "11:30", GAH, "high-level"),
        ("2023-09-20", "17:00", "18:00", GAH, "high-level"),
    ]


def test_a_title_without_a_kind_needs_its_hour_and_its_room():
    # A date under a heading with only a room below is an address block, not a meeting.
    found = meetings_of(
        "Please note the closure of the garage for works.\n\nNORTH GARAGE\n"
        "Thursday, 22 June 2023\nConference Room 4\n"
    )
    assert found == []


def test_the_meetings_of_the_ign_outlined_above_a_numbered_list():
    found = meetings_of(
        "As Co-Chairs of the intergovernmental negotiations, we are glad to set out the "
        "meetings of the IGN for the remainder of the session. Delegations will be seated "
        "in the General Assembly Hall.\n\n"
        "1. Monday, 3rd April, 10:00 - 13:00: Working methods and the size of the Council\n"
        "2. Tuesday, 18th April, 15:00 - 18:00: The veto\n\n"
        "All meetings will take place in the General Assembly Hall."
    )
    assert found == [
        ("2023-04-03", "10:00", "13:00", GAH, "negotiation"),
        ("2023-04-18", "15:00", "18:00", GAH, "negotiation"),
    ]


def test_another_assembly_meeting_elsewhere_in_the_participle():
    found = extract(
        "14 March 2023\n\nExcellency,\n\nThe Assembly of the Seabed Compact, meeting in "
        "Kingston from 10 to 21 July 2023, will take up the same question. The World Health "
        "Assembly, meeting from 21 to 26 May 2023, will also consider it.\n\nJane Doe\n"
    ).meetings
    assert found == []


def test_an_event_organised_by_an_institute_or_a_think_tank():
    assert (
        meetings_of(
            "We also draw your attention to a seminar organized by a private research "
            "institute on Wednesday, 5 April 2023, which is not part of our process."
        )
        == []
    )
    # The President's own briefing stays a meeting.
    assert meetings_of(
        "I will hold a briefing organized by my Office on Wednesday, 5 April 2023 at 3 p.m. "
        "in Conference Room 1."
    ) == [("2023-04-05", "15:00", None, CR(1), "briefing")]


SIGNED = (
    "\n\nPlease accept, Excellency, the assurances of our highest consideration.\n\nA. Brandt\n"
)
TABLE = (
    "\n\n                ANNEX\n\n        Indicative programme\n\n"
    "Round   Date                     Time                  Room\n"
    "1st     Monday 8 May 2023        10:00 a.m.-1:00 p.m.  Conference Room 11\n"
    "2nd     Wednesday 17 May 2023    3:00 p.m.-6:00 p.m.   Conference Room 11\n"
    "3rd     Friday 26 May 2023       tbc                   tbc\n"
)


def read(body: str) -> list[tuple]:
    found = extract("2 May 2023\n\nExcellency,\n\n" + body)
    return [
        (m.date.isoformat(), m.start and m.start.strftime("%H:%M"), m.room, m.kind.value)
        for m in found.meetings
    ]


def test_the_programme_the_letter_says_is_annexed_is_read_below_the_closing():
    found = read(
        "We intend to share a zero draft on 3 May 2023 and to hold three rounds of informal "
        "consultations, as set out in the annex to this letter." + SIGNED + TABLE
    )
    assert found == [
        ("2023-05-08", "10:00", CR(11), "informal-consultation"),
        ("2023-05-17", "15:00", CR(11), "informal-consultation"),
        ("2023-05-26", None, None, "informal-consultation"),
    ]


def test_an_annex_the_body_does_not_announce_as_meetings_stays_unread():
    # The dates are still shown to staff as not understood: never silent.
    found = extract(
        "2 May 2023\n\nExcellency,\n\nI attach, for information, a list of dates of "
        "interest." + SIGNED + TABLE
    )
    assert found.meetings == []
    assert {m.reason for m in found.mentions if m.text.startswith(("Monday", "Wed"))} == {
        "not-understood"
    }


def test_an_annexed_programme_of_another_conference_is_not_the_assemblys():
    found = read(
        "I also draw your attention to the programme of the World Forum on Rivers, annexed "
        "to this letter, where the informal consultations will be discussed."
        + SIGNED
        + "\n\nAnnex\n\nWorld Forum on Rivers - provisional programme\n"
        "Delta City, 8-10 May 2023\n\n"
        "Monday, 8 May         9.30 a.m.   Opening ceremony\n"
        "Tuesday, 9 May       10.00 a.m.   Mayors' round table\n"
    )
    assert found == []


def test_presenting_a_zero_draft_is_a_papers_day_not_a_negotiation():
    assert (
        meetings_of(
            "We intend to present a zero draft on 7 April 2023 and to conduct the negotiations "
            "thereafter in Conference Room 4."
        )
        == []
    )


def test_a_block_at_the_same_time_and_place_as_the_block_above():
    found = meetings_of(
        "The programme of consultations is as follows.\n\n"
        "Informal consultation on the zero draft\nDate: Tuesday, 9 May 2023\n"
        "Time: 10:00 a.m. - 1:00 p.m.\nVenue: Conference Room 12\n\n"
        "Informal consultation, first reading\nDate: Thursday, 18 May 2023\n"
        "Time and venue: same time and place\n"
    )
    assert found == [
        ("2023-05-09", "10:00", "13:00", CR(12), "informal-consultation"),
        ("2023-05-18", "10:00", "13:00", CR(12), "informal-consultation"),
    ]


def test_a_blocks_labels_on_one_line_after_pm():
    found = meetings_of(
        "The arrangements are set out below.\n\nINTERACTIVE HEARING Date: Tuesday, 22 August "
        "2023 Time: 10:00 a.m. - 1:00 p.m. Venue: Trusteeship Chamber\n"
    )
    assert found == [("2023-08-22", "10:00", "13:00", TCC, "hearing")]


def test_a_side_event_of_another_body_or_outside_headquarters():
    assert (
        meetings_of(
            "The World Health Assembly's side event on rare diseases of 20 September 2023 "
            "will be of interest. A reception on 21 September 2023 will take place outside "
            "United Nations Headquarters."
        )
        == []
    )


def test_a_drafting_session_in_a_ruled_table_of_mornings_and_afternoons():
    found = meetings_of(
        "The first drafting session will be held as follows:\n\n"
        "   ----------------------------------------------------------\n"
        "   Day                     Morning        Afternoon      Room\n"
        "   ----------------------------------------------------------\n"
        "   Monday, 15 May          10:00-13:00    15:00-18:00    CR 2\n"
        "   ----------------------------------------------------------\n\n"
        "A second drafting session is planned for the week of 12 June 2023; its dates will "
        "follow."
    )
    assert found == [
        ("2023-05-15", "10:00", "13:00", CR(2), "negotiation"),
        ("2023-05-15", "15:00", "18:00", CR(2), "negotiation"),
    ]


def test_same_room_said_in_a_list_item_without_in_the():
    found = meetings_of(
        "We propose to organize the work of the Group around three thematic meetings. The "
        "proposed programme is as follows:\n\n"
        "1. Tuesday, 4 April (10 a.m. - 1 p.m., Conference Room 2): Organizational meeting "
        "and general debate on the agenda of the Group;\n"
        "2. Tuesday, 18 April (10 a.m. - 1 p.m., same room): Role and authority of the "
        "General Assembly;\n"
        "3. Thursday, 27 April (3 p.m. - 6 p.m., same venue as the previous meeting): "
        "Working methods.\n"
    )
    assert found == [
        ("2023-04-04", "10:00", "13:00", CR(2), "other"),
        ("2023-04-18", "10:00", "13:00", CR(2), "other"),
        ("2023-04-27", "15:00", "18:00", CR(2), "other"),
    ]


def test_an_exchange_of_views_held_and_a_room_read_as_roorn():
    found = extract(
        "16 February 2010\n\nExcellency,\n\nFollowing the initial exchange of views held on "
        "11 February on the review, we thank delegations for their contributions.\n\n"
        "The co-facilitators will convene the next informal consultations on Tuesday, 2 March "
        "2010, from 3:00 to 6:00 p.m. in Conference Roorn 5 (NLB). A further meeting will "
        "take place on Tuesday, 23 March, at the same time and in the same room.\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n"
    ).meetings
    assert [(m.date.isoformat(), m.room, m.kind.value, m.held) for m in found] == [
        ("2010-02-11", None, "informal-consultation", True),
        ("2010-03-02", "Conference Room 5 (North Lawn Building)", "informal-consultation", False),
        ("2010-03-23", "Conference Room 5 (North Lawn Building)", "informal-consultation", False),
    ]


def test_days_of_last_month_without_tense_or_year_are_behind_the_letter():
    found = extract(
        "3 June 2019\n\nExcellency,\n\nTheir informal consultations on 22 May and 29 May "
        "showed broad agreement on most sections.\n\nJane Doe\n"
    ).meetings
    assert [(m.date.isoformat(), m.held) for m in found] == [
        ("2019-05-22", True),
        ("2019-05-29", True),
    ]


def test_the_first_round_of_the_consultations_just_announced_and_a_second():
    found = meetings_of(
        "Having consulted the regional groups, I have decided to convene informal "
        "consultations of the plenary on the outstanding issues. The first round will take "
        "place on Tuesday, 4 April 2023, at l0 a.m. in Conference Room 3. A second round will "
        "be held on Tuesday, 11 April 2023, at 3 p.m., in the same room."
    )
    assert found == [
        ("2023-04-04", "10:00", None, CR(3), "informal-consultation"),
        ("2023-04-11", "15:00", None, CR(3), "informal-consultation"),
    ]


def test_the_reading_continued_in_further_meetings_as_follows():
    found = meetings_of(
        "The facilitators will continue the second reading of the draft in two further "
        "meetings, as follows:\n\n"
        "      - Wednesday, 5 April 2023, at 3.00 p.m., Conference Room 4;\n"
        "      - Monday, 10 April 2023, from 10.00 a.m. to 1.00 p.m., Conference Room 4.\n"
    )
    assert [m[4] for m in found] == ["informal-consultation", "informal-consultation"]


def test_meetings_held_each_day_morning_and_afternoon():
    found = meetings_of(
        "The High-level Dialogue will take place on Tuesday, 9 May 2023 and Wednesday, "
        "10 May 2023 in the General Assembly Hall. Meetings will be held each day from 10 a.m. "
        "to 1 p.m. and from 3 p.m. to 6 p.m."
    )
    assert found == [
        ("2023-05-09", "10:00", "13:00", GAH, "dialogue"),
        ("2023-05-09", "15:00", "18:00", GAH, "dialogue"),
        ("2023-05-10", "10:00", "13:00", GAH, "dialogue"),
        ("2023-05-10", "15:00", "18:00", GAH, "dialogue"),
    ]


def test_a_vacancy_arising_and_a_term_that_expires_are_no_meetings():
    found = meetings_of(
        "The Assembly will hold plenary meetings on Thursday, 19 October 2023, at 10 a.m. in "
        "the General Assembly Hall, for the election of nine members of the Board, to fill the "
        "vacancies arising on 31 December 2023. The members whose term of office expires on "
        "31 December 2023 may be re-elected."
    )
    assert found == [("2023-10-19", "10:00", None, GAH, "election")]


def test_an_enclosed_programme_numbered_in_roman_under_a_dateline_broken_by_the_layout():
    found = extract(
        "                                     New York, 28\nSeptember 2023\n\nExcellency,\n\n"
        "To that end we propose the programme set out in the annex.\n"
        + SIGNED
        + "\n                    ANNEX\n\n   Informal consultations on ocean governance\n"
        "          Indicative programme\n\n"
        "  I.   Thursday, 5 October  - 10.00 a.m.-1.00 p.m.    Conference Room 5\n"
        "       Scientific base\n\n"
        "  II.  Thursday, 12 October - 3.OO p.m.-6.00 p.m.    Conference Room 5\n"
        "       Coordination\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room, m.kind.value) for m in found] == [
        ("2023-10-05", 10, CR(5), "informal-consultation"),
        ("2023-10-12", 15, CR(5), "informal-consultation"),
    ]


def test_a_year_before_a_range_of_the_24_hour_clock():
    found = meetings_of(
        "The programme of informal consultations is as follows:\n\n"
        "1. Wednesday 22 February 2023 - 1000-1300 hrs - Conference Room 12\n"
        "2. Wednesday 1 March 2023 - 1500-1800 hrs - Conference Room 12\n"
    )
    assert [(m[1], m[2]) for m in found] == [("10:00", "13:00"), ("15:00", "18:00")]


def test_the_meetings_of_consultations_the_writers_co_chair():
    found = meetings_of(
        "We were honoured to be asked by the President to co-chair the informal "
        "consultations on the Trust Fund. At a first meeting on Monday, 3 April 2023, at "
        "10 a.m. in Conference Room 1, we will hear the secretariat. A second meeting will "
        "follow on Tuesday, 11 April 2023 at 3 p.m., again in Conference Room 1."
    )
    assert [m[4] for m in found] == ["informal-consultation", "informal-consultation"]


def test_the_ign_programme_named_in_a_presidents_letter_and_its_form_of_stocktaking():
    found = meetings_of(
        "I refer to the programme of the intergovernmental negotiations on Security Council "
        "reform, circulated by the Chair of the negotiations on 14 March 2023, which foresees "
        "meetings on Thursday, 6 April and Thursday, 13 April, each at 10 a.m., in Conference "
        "Room 2. I intend to convene a stocktaking meeting, in the format of an informal "
        "meeting of the plenary, on Tuesday, 25 April 2023 from 10 a.m. to 1 p.m. in the "
        "General Assembly Hall."
    )
    assert found == [
        ("2023-04-06", "10:00", None, CR(2), "negotiation"),
        ("2023-04-13", "10:00", None, CR(2), "negotiation"),
        ("2023-04-25", "10:00", "13:00", GAH, "stocktaking"),
    ]


def test_sittings_each_day_in_the_hall_with_dialogues_in_parallel_elsewhere():
    found = meetings_of(
        "The high-level plenary meeting on oceans will be held on Monday, 25 September and "
        "Tuesday, 26 September 2023. Plenary meetings will be held from 9 a.m. to 1 p.m. and "
        "from 3 p.m. to 6 p.m. each day in the General Assembly Hall, with interactive "
        "dialogues running in parallel in the Trusteeship Council Chamber."
    )
    assert {(m[0], m[1], m[3]) for m in found} == {
        ("2023-09-25", "09:00", GAH),
        ("2023-09-25", "15:00", GAH),
        ("2023-09-26", "09:00", GAH),
        ("2023-09-26", "15:00", GAH),
    }


def test_a_meeting_that_consists_of_segments_at_two_sittings():
    found = meetings_of(
        "The high-level meeting will be held on Thursday, 21 September 2023 in the General "
        "Assembly Hall, and will consist of an opening segment, a plenary segment and a "
        "closing segment, from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. Delegations wishing "
        "to speak in the opening segment may inscribe on the list of speakers, which will be "
        "opened on 4 September 2023."
    )
    assert found == [
        ("2023-09-21", "10:00", "13:00", GAH, "high-level"),
        ("2023-09-21", "15:00", "18:00", GAH, "high-level"),
    ]


def test_dialogues_held_in_the_hall_according_to_the_schedule_below():
    found = meetings_of(
        "The informal dialogues will be held in the General Assembly Hall according to the "
        "following schedule:\n\n"
        "   Tuesday, 18 April      10:00 - 12:00   Ms. A (Republic of Ostravia)\n"
        "   Wednesday, 19 April    10:00 - 12:00   Mr. B (Kolembe)\n"
    )
    assert found == [
        ("2023-04-18", "10:00", "12:00", GAH, "dialogue"),
        ("2023-04-19", "10:00", "12:00", GAH, "dialogue"),
    ]


def test_a_day_alone_over_its_sittings_in_an_annex_with_the_room_said_in_the_letter():
    found = extract(
        "1 April 2023\n\nExcellency,\n\nThe informal dialogues will be held in the General "
        "Assembly Hall according to the schedule in the annex."
        + SIGNED
        + "\n                 Annex\n\n      Schedule of informal dialogues with candidates\n\n"
        "  Tuesday, 11 April 2023\n"
        "      9 a.m. - 11 a.m.       Ms. Ilse Dragomir (Pelavia)\n"
        "      3 p.m. - 5 p.m.        Mr. Tomasz Welch (Ostrava)\n"
        "  Wednesday, 12 April 2023\n"
        "      10 a.m. - 12 noon      Mr. Joaquin Sarai (Caldora)\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room, m.kind.value) for m in found] == [
        ("2023-04-11", 9, GAH, "dialogue"),
        ("2023-04-11", 15, GAH, "dialogue"),
        ("2023-04-12", 10, GAH, "dialogue"),
    ]


def test_a_bar_table_whose_topic_goes_on_and_an_annex_on_a_conferences_modalities():
    found = extract(
        "1 February 2023\n\nExcellency,\n\nWe attach an indicative programme of work in the "
        "annex to this letter." + SIGNED + "\n                  ANNEX\n"
        "   Indicative programme of informal consultations on the modalities\n"
        "      of the Conference on Inland Fisheries (2024)\n"
        "  Date                 | Time          | Room               | Item\n"
        "  ---------------------+---------------+--------------------+--------------\n"
        "  Thursday 9 February  | 10:00 - 13:00 | Conference Room 3  | Exchange of views\n"
        "  Thursday 9 February  | 15:00 - 18:00 | Conference Room 3  | Exchange (continued)\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found] == [
        ("2023-02-09", 10, CR(3)),
        ("2023-02-09", 15, CR(3)),
    ]


def test_numbered_items_whose_topic_comes_before_their_day():
    found = meetings_of(
        "As Co-Chairs of the intergovernmental negotiations, we propose to devote the meetings "
        "of this session to the key issues. The programme is as follows:\n\n"
        "    1.  Categories of membership\n        Tuesday, 4 April 2023, 10:00 - 13:00\n"
        "    2.  The question of the veto\n        Tuesday, 25 April 2023, 15:00 - 18:00\n\n"
        "  All meetings will be held in the Trusteeship Council Chamber."
    )
    assert found == [
        ("2023-04-04", "10:00", "13:00", TCC, "negotiation"),
        ("2023-04-25", "15:00", "18:00", TCC, "negotiation"),
    ]


def test_a_meeting_convened_to_hear_a_briefing_said_after_its_day_and_room():
    found = meetings_of(
        "I will convene an informal meeting of the General Assembly on Tuesday, 4 April "
        "2023, at 3 p.m. in the Trusteeship Council Chamber, to hear a briefing by the "
        "Under-Secretary-General. We will also hold an open-ended informal meeting on "
        "Wednesday, 5 April 2023 at 10 am in Conference Room 5, at which the Secretariat "
        "will brief delegations on the Fund."
    )
    assert [m[4] for m in found] == ["briefing", "briefing"]


def test_a_joint_debate_and_a_summit_level_meeting():
    found = meetings_of(
        "The joint debate will be held on Monday, 16 October 2023, at 10 a.m. in the General "
        "Assembly Hall. The Summit-level meeting on the review of the Compact will take "
        "place on Monday, 18 September 2023, at 9 a.m. in the General Assembly Hall."
    )
    assert [m[4] for m in found] == ["plenary", "high-level"]


def test_a_programmes_day_with_titled_sittings_beneath():
    found = meetings_of(
        "The programme of the week is as follows.\n\n"
        "Wednesday, 20 September\n"
        "   High-level dialogue on financing for resilient infrastructure\n"
        "   10 a.m. - 1 p.m., Trusteeship Council Chamber\n"
        "   High-level meeting on chronic kidney disease\n"
        "   3 p.m. - 6 p.m., Trusteeship Council Chamber\n"
    )
    assert sorted(found) == [
        ("2023-09-20", "10:00", "13:00", TCC, "dialogue"),
        ("2023-09-20", "15:00", "18:00", TCC, "high-level"),
    ]


def test_a_dateline_beside_the_reference_and_a_schedule_table():
    found = extract(
        "Ref: PM/UN/23/2xx                                   12 May 2023\n\nExcellency,\n\n"
        "We have the honour to inform you of the schedule of consultations for the coming "
        "two weeks:\n\n"
        "   Date                   Time             Venue\n"
        "   Monday, 22 May         10.00 - 13.00    Conference Room 6\n"
        "   Wednesday, 24 May      15.00 - 18.00    Conference Room 8\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n"
    )
    assert found.letter.date.isoformat() == "2023-05-12"
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found.meetings] == [
        ("2023-05-22", 10, CR(6)),
        ("2023-05-24", 15, CR(8)),
    ]


def test_meetings_that_will_all_take_place_on_the_following_dates():
    found = meetings_of(
        "Following the informal meeting we held on 18 January with all Member States, we "
        "propose to organize three meetings. The meetings will all take place in the "
        "Trusteeship Council Chamber from 10 a.m. to 1 p.m., on the following dates:\n\n"
        "  Day        Date         Topic\n"
        "  ---------- ------------ ------------------------------\n"
        "  Tuesday    6 June       Categories of membership\n"
        "  Wednesday  21 June      The question of the veto\n"
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-01-18", None, None),
        ("2023-06-06", "10:00", TCC),
        ("2023-06-21", "10:00", TCC),
    ]


def test_an_annex_day_apart_from_its_sittings_in_the_room_the_letter_names():
    found = extract(
        "24 March 2023\n\nExcellency,\n\nIn consultation with the candidates, I have "
        "scheduled the informal dialogues to take place on Tuesday, 11 April 2023, in the "
        "Trusteeship Council Chamber, in accordance with the programme contained in the "
        "annex to the present letter." + SIGNED + "\n                 Annex\n\n"
        "   Informal dialogues with candidates\n\nTuesday, 11 April 2023\n\n"
        "   9:00 a.m. - 11:00 a.m.    Mr. A (Belmonte)\n"
        "   3:00 p.m. - 5:00 p.m.     Dr. B (Tarvania)\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room, m.kind.value) for m in found] == [
        ("2023-04-11", 9, TCC, "dialogue"),
        ("2023-04-11", 15, TCC, "dialogue"),
    ]


def test_an_e_mail_whose_head_is_one_line_dates_its_meetings():
    found = extract(
        "From: Mission of Ardelle - Political Section Sent: Friday, 22 July 2022\n11:07 To: "
        "All Permanent Missions Subject: Programme of informal consultations\n\n"
        "Excellencies, dear colleagues,\n\nThe first reading will take place on Wednesday 27 "
        "July, full day (10am-1pm and 3pm-6pm), CR 11. The second reading: Tuesday 2 August, "
        "10am-1pm, CR 7.\n\nKind regards,\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found] == [
        ("2022-07-27", 10, CR(11)),
        ("2022-07-27", 15, CR(11)),
        ("2022-08-02", 10, CR(7)),
    ]


def test_an_enclosure_dated_under_a_speck_and_a_further_revision():
    found = extract(
        "10 March 2023\n\nExcellency,\n\nI have the honour to transmit the letter of the "
        "co-facilitators.\n\nPlease accept, Excellency, the assurances of my highest "
        "consideration.\n\nA. President\n\n\n ~ 9 March 2023\n\nExcellency,\n\nThe second "
        "informal consultation will take place on Thursday, 30 March (10:00 am, ECOSOC "
        "Chamber). We would circulate a further revision on 7 April, before a final informal "
        "consultation on Wednesday, 12 April (10:00 am, CR4).\n\nPlease accept, Excellency, "
        "the assurances of our highest consideration.\n"
    ).meetings
    assert [(m.date.isoformat(), m.room, m.letter_index) for m in found] == [
        ("2023-03-30", "ECOSOC Chamber", 1),
        ("2023-04-12", CR(4), 1),
    ]


def test_numbered_meetings_in_an_annex_in_the_room_said_after_it():
    found = extract(
        "20 January 2023\n\nExcellency,\n\nA tentative schedule of the intergovernmental "
        "negotiations is attached as an annex to this letter. All meetings will be held in "
        "Conference Room 1." + SIGNED + "\n                 Annex\n"
        "   Intergovernmental negotiations - tentative schedule\n\n"
        "   Meeting 1    Thursday, 2 February      10 a.m. - 1 p.m.   Overall discussion\n"
        "   Meeting 2    Thursday, 16 February     3 p.m. - 6 p.m.    The veto\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found] == [
        ("2023-02-02", 10, CR(1)),
        ("2023-02-16", 15, CR(1)),
    ]


def test_dialogues_announced_in_a_room_then_their_days_said_candidate_by_candidate():
    found = meetings_of(
        "I have the honour to inform you that informal dialogues with the candidates for the "
        "post of Ombudsperson will be held in the Trusteeship Council Chamber.\n\nEach "
        "dialogue will last two hours. Candidates will appear in the order in which their "
        "nominations were received: the first candidate on Tuesday, 11 April 2023 from 10 "
        "a.m. to 12 noon; the second on Wednesday, 12 April, from 3 to 5 p.m."
    )
    assert found == [
        ("2023-04-11", "10:00", "12:00", TCC, "dialogue"),
        ("2023-04-12", "15:00", "17:00", TCC, "dialogue"),
    ]


def test_a_one_paragraph_letter_whose_room_shares_a_line_with_the_closing():
    found = extract(
        "6 December 2022\n\nExcellency,\n\nThe General Assembly will hold a meeting of the "
        "plenary for action on draft resolution A/77/L.xx on Monday, 12 December 2022, at 10 "
        "a.m. in the General\nAssembly Hall. Please accept, Excellency, the assurances of my "
        "highest\nconsideration.\n"
    ).meetings
    assert [(m.date.isoformat(), m.room, m.kind.value) for m in found] == [
        ("2022-12-12", GAH, "plenary")
    ]


def test_what_is_convened_comes_before_the_topics_it_hears_about():
    found = meetings_of(
        "I will convene an informal meeting of the General Assembly to hear a briefing by the "
        "Secretary-General on his priorities and on the preparations for the Climate Finance "
        "Roundtable. The meeting will be held on Tuesday, 14 February 2023, at 3 p.m. in the "
        "Trusteeship Council Chamber."
    )
    assert [m[4] for m in found] == ["briefing"]


def test_bullets_of_consultations_the_writers_were_asked_to_facilitate():
    found = meetings_of(
        "We have been asked by the President to facilitate informal consultations on the "
        "draft resolution on demining. We would like to propose the following schedule:\n\n"
        "• Tuesday, 4 April - 10:00 am to 1:00 pm, Conference Room 6\n"
        "• Tuesday, 11 April - 3:00 pm to 6:00 pm, Conference Room 6\n"
    )
    assert [m[4] for m in found] == ["informal-consultation", "informal-consultation"]


def test_the_room_said_above_a_table_that_ends_with_as_follows():
    found = meetings_of(
        "I will convene informal dialogues with the candidates in the Trusteeship Council "
        "Chamber as follows:\n\n"
        "     Monday, 17 April 2023    10.00 - 12.00   Ms. K (Kestel)\n"
        "                              15.00 - 17.00   Mr. I (Varamo)\n"
    )
    assert found == [
        ("2023-04-17", "10:00", "12:00", TCC, "dialogue"),
        ("2023-04-17", "15:00", "17:00", TCC, "dialogue"),
    ]


def test_a_meeting_that_will_consist_of_two_segments_at_their_hours():
    found = meetings_of(
        "The high-level meeting will take place on Tuesday, 26 September 2023, in the General "
        "Assembly Hall. In accordance with the modalities, the meeting will consist of an "
        "opening plenary segment from 9 a.m. to 1 p.m., and a plenary segment from 3 p.m. "
        "to 6 p.m."
    )
    assert found == [
        ("2023-09-26", "09:00", "13:00", GAH, "high-level"),
        ("2023-09-26", "15:00", "18:00", GAH, "high-level"),
    ]


def test_further_rounds_just_before_their_days_after_a_draft_presented():
    found = meetings_of(
        "We wish to convene the first informal consultation on Friday, 6 October 2023 from "
        "10:00 to 13:00 in the Economic and Social Council Chamber. We intend to present a "
        "first draft at that meeting, and to hold a further round on Friday, 20 October 2023, "
        "at the same time and venue."
    )
    assert found == [
        ("2023-10-06", "10:00", "13:00", "ECOSOC Chamber", "informal-consultation"),
        ("2023-10-20", "10:00", "13:00", "ECOSOC Chamber", "informal-consultation"),
    ]


def test_a_working_group_that_will_meet_on_three_days_at_an_hour_in_a_room():
    found = meetings_of(
        "I wish to inform you that the Working Group will meet on 16, 17 and 19 May 2023. Each "
        "meeting will begin at 10 a.m. and will be held in Conference Room 2. The Commission "
        "on Rural Women will meet from 22 to 26 May."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-05-16", "10:00", CR(2)),
        ("2023-05-17", "10:00", CR(2)),
        ("2023-05-19", "10:00", CR(2)),
    ]


def test_a_transmitted_programme_whose_rows_go_on_past_am():
    found = extract(
        "10 September 2023\n\nExcellency,\n\nI have the honour to transmit the programme of the "
        "high-level meeting on rural health, to be held on Monday, 18 September 2023, at "
        "Headquarters." + SIGNED + "\nAnnex\n\nProgramme\n\nMonday, 18 September 2023\n"
        "9 a.m. - 10 a.m.      Opening segment          General Assembly Hall\n"
        "10 a.m. - 1 p.m.      Plenary segment          General Assembly Hall\n"
    ).meetings
    assert [(m.start.hour, m.room, m.kind.value) for m in found] == [
        (9, GAH, "high-level"),
        (10, GAH, "high-level"),
    ]


def test_a_note_dated_as_at_under_its_title_with_an_item_moved_from_its_previous_day():
    found = extract(
        "                  NOTE TO DELEGATIONS\n     Informal consultations on the draft "
        "resolution\n              *** REVISED PROGRAMME ***\n              (as at 24 March "
        "2023)\n\nThe co-facilitators wish to inform delegations that the programme has been "
        "revised as follows:\n\n"
        "  - First reading:   Monday 27 March,  10 a.m. - 1 p.m.,  Conference Room 6\n"
        "  - Second reading:  Tuesday 4 April,  3 p.m. - 6 p.m.,  Conference Room 6\n"
        "                     [previously Monday 3 April]\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.moved_from) for m in found] == [
        ("2023-03-27", 10, None),
        ("2023-04-04", 15, date(2023, 4, 3)),
    ]


def test_french_style_days_the_tuesday_5_of_march():
    found = meetings_of(
        "The consultations will take place the Tuesday 21 of March 2023, from 10h00 to 13h00, "
        "in the Conference Room 3."
    )
    assert found == [("2023-03-21", "10:00", "13:00", CR(3), "informal-consultation")]


def test_data_sharing_in_a_title_is_no_deadline():
    found = meetings_of(
        "I have the pleasure to invite your delegation to the first informal consultation on "
        "the draft resolution on ocean data sharing, to be held on Friday, October 20, 2023, "
        "from 10:00 AM to 12:00 PM (EDT), via Interprefy."
    )
    assert found == [("2023-10-20", "10:00", "12:00", None, "informal-consultation")]


def test_sittings_of_a_dialogue_as_well_as_round_tables_in_parallel_elsewhere():
    found = meetings_of(
        "The High-level Dialogue will be held on 23 and 24 May 2023. The Dialogue will consist "
        "of plenary meetings from l0 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. on each of the "
        "two days, in the General Assembly Hall, as well as four round tables to be held in "
        "Conference Room 4 in parallel with the plenary. Heads of delegation wishing to speak "
        "are requested to inscribe their names with the General Assembly Affairs Branch "
        "beginning on Tuesday, 2 May 2023."
    )
    assert {(m[0], m[1], m[3]) for m in found} == {
        ("2023-05-23", "10:00", GAH),
        ("2023-05-23", "15:00", GAH),
        ("2023-05-24", "10:00", GAH),
        ("2023-05-24", "15:00", GAH),
    }


def test_morning_and_afternoon_sessions_of_a_meeting_moved_and_a_retreat_elsewhere():
    found = meetings_of(
        "The hearing, previously announced for Monday, 24 April 2023, will now be held on "
        "Monday, 1 May 2023, in Conference Room 4. The revised programme is as follows:\n\n"
        "Morning session (10:00 - 13:00) Opening segment\n"
        "Afternoon session (15:00 - 18:00) Closing segment\n\n"
        "I thank those who took part in the retreat held in Port Lissane on 20 and 21 April, "
        "and I will brief you at 3 p.rn. on Friday, 5 May 2023 in Conference Room 2."
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-05-01", "10:00", CR(4)),
        ("2023-05-01", "15:00", CR(4)),
        ("2023-05-05", "15:00", CR(2)),
    ]


def test_someone_will_brief_member_states_at_an_informal_meeting():
    found = meetings_of(
        "I have invited the Controller to brief the membership at an informal meeting of the "
        "General Assembly on Monday, 8 May 2023, at 10 a.m. in the Trusteeship Council "
        "Chamber. I will also brief Member States in an informal meeting of the General "
        "Assembly on Tuesday, 16 May at 3:00 p.m. in the Trusteeship Council Chamber."
    )
    assert [m[4] for m in found] == ["briefing", "briefing"]


def test_a_hall_closed_a_retreat_a_government_hosts_and_a_framed_e_mail_head():
    assert (
        meetings_of(
            "Finally, the Assembly Hall will be closed from 7 to 10 June for maintenance work. "
            "The Government of Montreval has kindly offered to host an informal retreat of "
            "Permanent Representatives on the agenda at Glen Harrow from 28 to 30 June 2023."
        )
        == []
    )
    found = extract(
        "|From: Mission of Estavia\n|Sent: Thursday, 2 March 2023 11:07\n|To: All Missions\n"
        "|Subject: Informal consultations\n\nDear colleagues,\n\nThe first informal "
        "consultation will be held on Thursday, 9 March, at 10 a.m. in Conference Room 7.\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour) for m in found] == [("2023-03-09", 10)]


def test_one_sitting_a_sentence_gives_twice_is_one_meeting():
    found = meetings_of(
        "The Dialogue will be held in the General Assembly Hall on 4 May and 5 May 2023. The "
        "meetings will take place from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. on the "
        "first day, and from 10 a.m. to 1 p.m. on the second day."
    )
    assert len(found) == len(set(found))


def test_a_debate_rescheduled_in_the_sentence_after_and_the_informal_economy():
    found = extract(
        "1 June 2023\n\nExcellency,\n\nI wish to refer to my letter of 19 May 2023 concerning "
        "the informal thematic debate on 'Youth employment and the informal economy', which "
        "was scheduled to take place on Wednesday, 7 June 2023.\n\nI have decided to "
        "reschedule the debate. It will now be held on Tuesday, 20 June 2023, starting at "
        "10 a.m. in the Trusteeship Council Chamber.\n\nJane Doe\n"
    ).meetings
    assert [(m.date.isoformat(), m.kind.value, m.moved_from) for m in found] == [
        ("2023-06-20", "thematic-debate", date(2023, 6, 7))
    ]


def test_two_sittings_said_above_a_list_give_each_day_both():
    found = meetings_of(
        "As Co-Chairs of the intergovernmental negotiations, we write to share our schedule. "
        "The IGN will meet as follows, each time from 10 a.m. to 1 p.m. and from 3 p.m. to "
        "6 p.m., in the Trusteeship Council Chamber:\n\n"
        "   - Thursday, 9 February 2023: categories of membership;\n"
        "   - Thursday, 16 March 2023: the question of the veto.\n"
    )
    assert sorted(found) == [
        ("2023-02-09", "10:00", "13:00", TCC, "negotiation"),
        ("2023-02-09", "15:00", "18:00", TCC, "negotiation"),
        ("2023-03-16", "10:00", "13:00", TCC, "negotiation"),
        ("2023-03-16", "15:00", "18:00", TCC, "negotiation"),
    ]


def test_plenary_sittings_and_dialogues_held_in_parallel_elsewhere():
    found = meetings_of(
        "The summit will be convened as a high-level plenary meeting of the General Assembly "
        "from 25 to 26 September 2023. Plenary meetings will be held each day from 9 a.m. to "
        "1 p.m. and from 3 p.m. to 9 p.m. in the General Assembly Hall, and six interactive "
        "dialogues will be held in parallel in the Trusteeship Council Chamber."
    )
    assert {(m[0], m[1], m[3]) for m in found} == {
        ("2023-09-25", "09:00", GAH),
        ("2023-09-25", "15:00", GAH),
        ("2023-09-26", "09:00", GAH),
        ("2023-09-26", "15:00", GAH),
    }


def test_an_annex_whose_hour_and_room_the_next_sentence_gives_at_am():
    found = extract(
        "1 November 2023\n\nExcellency,\n\nThe Chair of the intergovernmental negotiations, "
        "H.E. Mr. O. Renstrom, has shared with me the programme of the meetings he intends to "
        "convene, which is contained in the annex to this letter. All meetings will begin at "
        "10 a.m. and will be held in Conference Room 1." + SIGNED + "\nAnnex\n\n"
        "Programme of the intergovernmental negotiations\n\nDate\n\nCluster\n\n"
        "Tuesday, 21 November 2023\n\nCategories of membership\n\n"
        "Tuesday, 5 December 2023\n\nQuestion of the veto\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found] == [
        ("2023-11-21", 10, CR(1)),
        ("2023-12-05", 10, CR(1)),
    ]


def test_a_decade_in_the_sentence_above_a_list_is_no_month():
    found = meetings_of(
        "As co-facilitators on the Decade of Action, we share the schedule of informal "
        "consultations, all to be held at Headquarters in Conference Room 8:\n\n"
        "  * Monday 6 March: 10 a.m. - 1 p.m. - first reading\n"
    )
    assert found == [("2023-03-06", "10:00", "13:00", CR(8), "informal-consultation")]


def test_the_hall_of_the_north_lawn_and_an_assembly_read_as_assernbly():
    found = meetings_of(
        "The Assembly will hold the election on Friday, 21 October 2011, at 10 a.m. in the "
        "General Assembly Hall (NLB). A plenary meeting will be held on Tuesday, "
        "25 October 2011, at 3 p.m. in the General Assernbly Hall.",
        dated="30 September 2011",
    )
    assert [(m[0], m[3]) for m in found] == [
        ("2011-10-21", "Temporary General Assembly Hall (North Lawn Building)"),
        ("2011-10-25", GAH),
    ]


def test_a_range_of_days_with_their_weekdays_gives_every_day_and_a_closure_is_none():
    found = meetings_of(
        "- Friday 22 September to Sunday 24 September: the summit, a high-level plenary "
        "meeting of the General Assembly.\n\nThe Headquarters complex remained closed from "
        "30 October to 1 November 2023 after the storm."
    )
    assert [m[0] for m in found] == ["2023-09-22", "2023-09-23", "2023-09-24"]


def test_a_table_whose_cells_dot_leaders_part():
    found = meetings_of(
        "The programme of informal consultations is as follows:\n\n"
        "Monday, 3 April 2023 ........................ 10:00-13:00 ...... CR 1\n"
        "Friday, 14 April 2023 ....................... 10:00-13:00 ...... CR 6\n"
        "                                              15:00-18:00 ...... CR 6\n"
    )
    assert [(m[0], m[1], m[3]) for m in found] == [
        ("2023-04-03", "10:00", CR(1)),
        ("2023-04-14", "10:00", CR(6)),
        ("2023-04-14", "15:00", CR(6)),
    ]


def test_a_long_run_of_dots_is_read_in_linear_time():
    started = time.monotonic()
    meetings_of("a" + "." * 200_000 + "b")
    assert time.monotonic() - started < 5


def test_a_rooms_alias_alone_in_a_tables_cell_after_the_hours():
    found = meetings_of(
        "The schedule of informal consultations is as follows:\n\n"
        "  Date          Time          Room      Topic\n"
        "  Thu 12 Oct    10:00-13:00   CR 3      Presentation of zero draft\n"
        "  Thu  2 Nov    10:00-13:00   ECOSOC    Second reading\n"
    )
    assert [(m[0], m[3]) for m in found] == [
        ("2023-10-12", CR(3)),
        ("2023-11-02", "ECOSOC Chamber"),
    ]


def test_the_hours_and_room_said_for_all_meetings_just_before_the_annex_is_announced():
    found = extract(
        "26 January 2023\n\nExcellency,\n\nAs Co-Chairs of the intergovernmental negotiations "
        "on Security Council reform, we share the programme of work. All meetings will begin "
        "at 10 a.m. and be held in the Trusteeship Council Chamber, unless otherwise indicated. "
        "The programme is annexed." + SIGNED + "\n                 Annex\n\n"
        "   1.  Tuesday, 7 February 2023         Categories of membership\n"
        "   2.  Tuesday, 28 February 2023        The question of the veto\n"
    ).meetings
    assert [(m.date.isoformat(), m.start.hour, m.room) for m in found] == [
        ("2023-02-07", 10, TCC),
        ("2023-02-28", 10, TCC),
    ]


def test_the_hours_and_room_said_with_the_annex_are_those_of_the_dates_it_lists():
    found = read(
        "As co-chairs of the working group, we enclose its programme of work (see annex). "
        "Meetings will be held from 3 p.m. to 6 p.m. in Conference Room 9 unless indicated "
        "otherwise." + SIGNED + "\n\n                      Annex\n\n          Programme of work\n\n"
        "Tuesday 9 May 2023\nTuesday 23 May 2023      Trusteeship Council Chamber\n"
    )
    assert found == [
        ("2023-05-09", "15:00", CR(9), "informal-consultation"),
        ("2023-05-23", "15:00", TCC, "informal-consultation"),
    ]


def test_the_sittings_of_an_event_that_name_no_room_sit_in_the_events_room():
    found = meetings_of(
        "The General Assembly will convene its interactive dialogue on ageing on Tuesday, "
        "9 May 2023 and Wednesday, 10 May 2023 in the ECOSOC Chamber.\n\n"
        "The programme is as follows:\n\n"
        "- Tuesday, 9 May, 10 a.m. to 1 p.m.: opening and first exchange;\n"
        "- Tuesday, 9 May, 3 p.m. to 6 p.m.: thematic discussion on pensions;\n"
        "- Wednesday, 10 May, 3 p.m. to 5 p.m.: round table, Conference Room 6;\n"
        "- Wednesday, 10 May, 5 p.m. to 6 p.m.: closing plenary.",
        dated="20 April 2023",
    )
    rooms = {(day, start): (room, kind) for day, start, _end, room, kind in found}
    assert rooms[("2023-05-09", "15:00")] == ("ECOSOC Chamber", "dialogue")
    assert rooms[("2023-05-10", "15:00")] == (CR(6), "panel")  # its own room
    # the closing plenary of the dialogue is one of its sittings
    assert rooms[("2023-05-10", "17:00")] == ("ECOSOC Chamber", "dialogue")


def test_a_day_programme_whose_title_cell_wraps_keeps_the_day_for_the_rows_below():
    body = (
        "The high-level meeting on coastal erosion will be held on 6 June 2012 in the "
        "Temporary General Assembly Hall.\n\n"
        "Programme\n\n"
        " Wednesday, 6 June 2012\n"
        "   10 a.m. - 1 p.m.    Round table: Sediment budgets    Conference Room 3 (NLB)\n"
        "                       and shoreline planning\n"
        "   10 a.m. - 1 p.m.    Plenary statements                Temporary GA Hall\n"
        "   3 p.m. - 6 p.m.     Plenary statements (concluded)    Temporary GA Hall\n"
    )
    found = meetings_of(body, dated="2 May 2012")
    hall = "Temporary General Assembly Hall (North Lawn Building)"
    assert (
        "2012-06-06",
        "10:00",
        "13:00",
        "Conference Room 3 (North Lawn Building)",
        "panel",
    ) in found
    assert ("2012-06-06", "10:00", "13:00", hall, "high-level") in found
    assert ("2012-06-06", "15:00", "18:00", hall, "high-level") in found
    # "(concluded)": the last sitting, still to come
    assert not [m for m in extract(letter(body, "2 May 2012")).meetings if m.held]


def test_a_summit_the_assembly_holds_in_its_hall_is_no_other_organisations_event():
    found = meetings_of(
        "The high-level plenary meeting of the Summit on Inland Waterways, which will be "
        "held on 14 June 2023 in the General Assembly Hall, will open at 10 a.m.",
        dated="20 April 2023",
    )
    assert [(d, room) for d, _s, _e, room, _k in found] == [("2023-06-14", GAH)]
    assert (
        meetings_of(
            "The high-level meeting of the Summit of the Andean Community will be held on 14 "
            "June 2023 in Quito."
        )
        == []
    )


def test_those_who_attend_in_person_say_where_a_hybrid_meeting_sits():
    found = meetings_of(
        "The informal briefing on the humanitarian appeal will be held in a hybrid format on "
        "Monday, 5 June 2023, from 3 p.m. to 5 p.m. Delegations may attend in person in "
        "Conference Room 2, while briefers will join online.",
        dated="20 April 2023",
    )
    assert found == [("2023-06-05", "15:00", "17:00", CR(2), "briefing")]


def test_a_high_level_plenary_said_alone_is_high_level():
    found = meetings_of(
        "The midterm review of the Water Action Decade will take place on 8 June 2023 in "
        "the General Assembly Hall, from 10 a.m. to 1 p.m., as a high-level plenary.",
        dated="20 April 2023",
    )
    assert found == [("2023-06-08", "10:00", "13:00", GAH, "high-level")]


def test_a_timetable_whose_rows_start_with_the_week_is_of_the_process_it_sets_out():
    body = (
        "We have the honour to share the indicative timetable for the intergovernmental "
        "negotiations on the ocean data compact.\n\n"
        "  Week      Date               Time          Room\n"
        "  --------  -----------------  ------------  -----------\n"
        "  Week 1    Tue 11 Apr 2023    10:00-13:00   CR 5\n"
        "  Week 2    Wed 19 Apr 2023    15:00-18:00   CR 5\n"
    )
    assert meetings_of(body) == [
        ("2023-04-11", "10:00", "13:00", CR(5), "negotiation"),
        ("2023-04-19", "15:00", "18:00", CR(5), "negotiation"),
    ]


def test_bullets_that_give_only_hours_are_the_sittings_of_the_days_event():
    found = meetings_of(
        "I will convene an interactive hearing with civil society on Friday, 9 June 2023 in "
        "the ECOSOC Chamber. The programme is set out below.\n\n"
        "Programme\n"
        "  •  10:00 – 10:15   Opening\n"
        "  •  10:15 – 13:00   Panel 1: Skills for the green transition\n"
        "  •  15:00 – 17:45   Panel 2: Youth in rural economies\n"
        "  •  17:45 – 18:00   Closing\n",
        dated="20 April 2023",
    )
    assert [(start, kind) for _d, start, _e, _r, kind in found] == [
        ("10:00", "hearing"),
        ("10:15", "panel"),
        ("15:00", "panel"),
        ("17:45", "hearing"),
    ]
    assert {room for *_, room, _k in found} == {"ECOSOC Chamber"}


def test_a_date_time_venue_block_under_the_programme_of_an_event_is_its_meetings():
    found = meetings_of(
        "I have the honour to transmit the programme of the thematic debate on "
        "resilient ports:\n\n"
        "Date:   Tuesday, 11 April and Wednesday, 12 April 2023\n"
        "Time:   10:00 a.m. to 1:00 p.m.\n"
        "Venue:  Trusteeship Council Chamber\n"
    )
    assert found == [
        ("2023-04-11", "10:00", "13:00", TCC, "thematic-debate"),
        ("2023-04-12", "10:00", "13:00", TCC, "thematic-debate"),
    ]


def test_a_programmes_numbered_days_are_no_range():
    found = meetings_of(
        "I have the pleasure to share the programme of the high-level meeting on coastal "
        "cities:\n\n"
        "DAY 1 - Monday, 17 April\n"
        "   10:00 - 13:00   Plenary segment, General Assembly Hall\n"
        "   15:00 - 18:00   Interactive dialogue, ECOSOC Chamber\n"
        "DAY 2 - Tuesday, 18 April\n"
        "   10:00 - 13:00   Plenary segment (continued), General Assembly Hall\n"
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-17", "10:00", GAH),
        ("2023-04-17", "15:00", "ECOSOC Chamber"),
        ("2023-04-18", "10:00", GAH),
    ]


def test_the_general_assembly_hall_north_lawn_building_is_the_temporary_hall():
    found = meetings_of(
        "The high-level meeting will take place on 8 June 2011 in the General Assembly Hall, "
        "North Lawn Building, from 10 a.m. to 1 p.m.",
        dated="2 May 2011",
    )
    assert [r for *_, r, _k in found] == ["Temporary General Assembly Hall (North Lawn Building)"]
