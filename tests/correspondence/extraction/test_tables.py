"""Tables as a PDF gives them: each row one line, a cell's words carried over the lines
below put back in it; what is not surely a table stays as it is."""

from datetime import date

from correspondence.extraction import extract
from correspondence.extraction.normalising import normalise

from .helpers import meetings_of

CR = "Conference Room {}".format

PROGRAMME = """The programme of the consultations is as follows:

   Date                    Time               Room             Item
   ---------------------------------------------------------------------
   Monday, 8 May 2023      10 a.m. - 1 p.m.   Trusteeship      Presentation of
                                              Council          the zero draft
                                              Chamber
   Wednesday, 10 May 2023  3 p.m. - 6 p.m.    Conference       First reading
                                              Room 7
   Friday, 12 May 2023     10 a.m. - 1 p.m.   CR 7             Second reading
   (if needed)
"""


def test_a_cell_carried_over_lines_is_put_back_in_its_row():
    text = normalise(PROGRAMME)
    assert (
        "Monday, 8 May 2023, 10 a.m. - 1 p.m., Trusteeship Council Chamber, Presentation of "
        "the zero draft\n\nWednesday, 10 May 2023, 3 p.m. - 6 p.m., Conference Room 7, First "
        "reading\n\nFriday, 12 May 2023 (if needed), 10 a.m. - 1 p.m., CR 7, Second reading"
    ) in text


def test_each_row_of_a_programme_is_a_meeting_with_its_room():
    assert meetings_of(PROGRAMME, dated="2 May 2023") == [
        ("2023-05-08", "10:00", "13:00", "Trusteeship Council Chamber", "informal-consultation"),
        ("2023-05-10", "15:00", "18:00", "Conference Room 7", "informal-consultation"),
        ("2023-05-12", "10:00", "13:00", "Conference Room 7", "informal-consultation"),
    ]


def test_a_room_on_the_line_under_the_time_in_a_table_of_three_columns():
    assert meetings_of(
        "The briefings will be held as follows:\n\n"
        "  Tuesday, 4 April    from 10 a.m.    ECOSOC\n"
        "                                      Chamber\n"
        "  Thursday, 6 April   from 3 p.m.     Conference\n"
        "                                      Room 1\n"
    ) == [
        ("2023-04-04", "10:00", None, "ECOSOC Chamber", "briefing"),
        ("2023-04-06", "15:00", None, "Conference Room 1", "briefing"),
    ]


def test_signatures_in_columns_and_undated_columns_are_no_table():
    signatures = (
        "   Ana Lima                 Piotr Nowak              Sara Haddad\n"
        "   Permanent Representative Permanent Representative Permanent Representative\n"
    )
    assert normalise(signatures) == (
        "Ana Lima Piotr Nowak Sara Haddad\n"
        "Permanent Representative Permanent Representative Permanent Representative\n"
    )
    undated = "Item     Who        Where\nOpening  President  Hall\nClosing  Chair      Hall\n"
    assert normalise(undated) == "Item Who Where\nOpening President Hall\nClosing Chair Hall\n"


def test_prose_with_two_spaces_after_a_full_stop_is_no_table():
    prose = (
        "The consultation is on 3 May.  It meets in CR 4.  All are welcome.\n"
        "The briefing is on 5 May.  It meets in CR 2.  Observers may attend.\n"
    )
    assert "\n\n" not in normalise(prose)


def test_a_memorandum_head_in_columns_is_no_table():
    memo = (
        "INTEROFFICE MEMORANDUM\n\n"
        "TO:      Permanent Representatives       DATE:        14 May 2001\n"
        "FROM:    Chef de Cabinet                 REFERENCE:   PGA/01/12\n\n"
        "SUBJECT: Consultations\n\n"
        "1. The consultations will be held on 29 May 2001 at 3 p.m. in Conference Room 5.\n"
    )
    assert "DATE: 14 May 2001\nFROM:" in normalise(memo)
    assert extract(memo).letter.date == date(2001, 5, 14)


def test_a_table_drawn_with_bars_whose_cells_run_on_over_the_row_below():
    found = meetings_of(
        "We are pleased to share the roadmap below.\n\n"
        "   | Round | Date             | Time        | Venue            |\n"
        "   | 1     | Tuesday,         | 10:00-13:00 | Trusteeship      |\n"
        "   |       | 4 April 2023     |             | Council Chamber  |\n"
        "   | 2     | Thursday,        | 15:00-18:00 | Conference       |\n"
        "   |       | 20 April 2023    |             | Room 3           |\n"
    )
    assert [(m[0], m[1], m[2], m[3]) for m in found] == [
        ("2023-04-04", "10:00", "13:00", "Trusteeship Council Chamber"),
        ("2023-04-20", "15:00", "18:00", "Conference Room 3"),
    ]


def test_a_rows_cells_run_on_where_the_day_and_the_hours_were_left_open():
    found = meetings_of(
        "The programme of work is set out in the table below.\n\n"
        "   Meeting          Date               Time            Venue\n"
        "   First thematic   Tuesday,           10 a.m. -       ECOSOC\n"
        "   debate           4 April            1 p.m.          Chamber\n"
        "   Informal         Tuesday -          10:00 -         Conference\n"
        "   consultations    Wednesday          18:00           Room 1\n"
        "                    18-19 April\n"
    )
    assert [(m[0], m[1], m[2], m[3]) for m in found] == [
        ("2023-04-04", "10:00", "13:00", "ECOSOC Chamber"),
        ("2023-04-18", "10:00", "18:00", "Conference Room 1"),
        ("2023-04-19", "10:00", "18:00", "Conference Room 1"),
    ]


def test_hours_under_a_days_own_are_another_sitting_of_that_day():
    found = meetings_of(
        "Interactive dialogues with the nominees will be held in the Trusteeship Council "
        "Chamber according to the following schedule:\n\n"
        "   Date                     Time                   Nominee\n"
        "   ---------------------------------------------------------------\n"
        "   Tuesday, 18 April 2023   9:00 - 11:00 a.m.      Ms. A. Vantongeren\n"
        "                            11:00 a.m. - 1:00 p.m. Mr. B. Oduya\n"
        "   Wednesday, 19 April 2023 3:00 - 5:00 p.m.       Ms. C. Lindqvist\n"
    )
    assert found == [
        ("2023-04-18", "09:00", "11:00", "Trusteeship Council Chamber", "dialogue"),
        ("2023-04-18", "11:00", "13:00", "Trusteeship Council Chamber", "dialogue"),
        ("2023-04-19", "15:00", "17:00", "Trusteeship Council Chamber", "dialogue"),
    ]


def test_a_room_wrapped_beside_a_days_two_sittings_is_the_room_of_both():
    found = meetings_of(
        "The informal consultations will be held as follows:\n\n"
        "   Date                Time              Room\n"
        "   Monday, 8 May 2023  10 a.m. - 1 p.m.  Conference Room 5\n"
        "   Friday, 12 May 2023 10 a.m. - 1 p.m.  Trusteeship Council\n"
        "                       3 p.m. - 6 p.m.   Chamber\n"
    )
    assert found == [
        ("2023-05-08", "10:00", "13:00", "Conference Room 5", "informal-consultation"),
        ("2023-05-12", "10:00", "13:00", "Trusteeship Council Chamber", "informal-consultation"),
        ("2023-05-12", "15:00", "18:00", "Trusteeship Council Chamber", "informal-consultation"),
    ]


def test_a_table_below_the_sentence_announcing_its_meetings_is_theirs_row_by_row():
    found = meetings_of(
        "I have the honour to inform you of the programme of the informal dialogues with the "
        "candidates. Each dialogue will be held in the Trusteeship Council Chamber. The "
        "dialogues will be webcast.\n\n"
        "   Date                Time                 Candidate\n"
        "   Tuesday 18 April 2023   9 a.m. - 11 a.m.     Ms. A. Vantongeren\n"
        "   Tuesday 18 April 2023   11 a.m. - 1 p.m.     Mr. B. Oduya\n"
        "   Friday 21 April 2023    3 p.m. - 5 p.m.      Ms. C. Lindqvist\n"
    )
    assert found == [
        ("2023-04-18", "09:00", "11:00", "Trusteeship Council Chamber", "dialogue"),
        ("2023-04-18", "11:00", "13:00", "Trusteeship Council Chamber", "dialogue"),
        ("2023-04-21", "15:00", "17:00", "Trusteeship Council Chamber", "dialogue"),
    ]


def test_dates_written_with_dots_in_a_table_day_first():
    found = meetings_of(
        "The meetings of the intergovernmental negotiations will be held in the General "
        "Assembly Hall as follows:\n\n"
        "  Date         Day         Time            Cluster\n"
        "  04.04.2023   Tuesday     10:00 - 13:00   Categories of membership\n"
        "  18.04.2023   Tuesday     10:00 - 13:00   The question of the veto\n"
    )
    assert found == [
        ("2023-04-04", "10:00", "13:00", "General Assembly Hall", "negotiation"),
        ("2023-04-18", "10:00", "13:00", "General Assembly Hall", "negotiation"),
    ]


def test_a_table_whose_first_column_is_the_hours_or_the_room():
    hours_first = meetings_of(
        "As Co-Chairs of the informal consultations, we propose the following:\n\n"
        "Time            Date                          Venue\n"
        "3-6 p.m.        Tuesday, 4 April 2023         Conference Room 6\n"
        "10 a.m.-1 p.m.  Tuesday, 11 April 2023        Conference Room 1\n"
    )
    rooms_first = meetings_of(
        "On behalf of the co-facilitators of the informal consultations:\n\n"
        "Room     | Date              | Hours\nCR 6     | Tuesday, April 4 | 3-6 pm\n"
        "CR 6     | Tuesday, April 11 | 10 am-1 pm\n"
    )
    expected = [
        ("2023-04-04", "15:00", "18:00", CR(6), "informal-consultation"),
        ("2023-04-11", "10:00", "13:00", CR(1), "informal-consultation"),
    ]
    assert hours_first == expected
    assert rooms_first == [expected[0], (*expected[1][:3], CR(6), expected[1][4])]


def test_items_numbered_with_a_bracket_each_a_line_and_a_room_number_kept_whole():
    found = meetings_of(
        "As co-facilitators, we attach the programme of informal consultations.\n\nAnnex\n"
        "1) 4 April 2023 (Tuesday) - 10 a.m. to 12 p.m. - Conference Room 1\n"
        "2) 11 April 2023 (Tuesday) - 3 p.m. to 5 p.m. - Conference Room 2\n"
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-04", "10:00", CR(1)),
        ("2023-04-11", "15:00", CR(2)),
    ]


def test_a_table_of_two_columns_its_days_shortened_under_a_room_said_for_all():
    found = meetings_of(
        "We write to share the schedule of informal consultations. All meetings will be in "
        "Conference Room 12.\n\n   Day          Time\n   Tue 4 April     10:00-13:00\n"
        "   Tue 4 April     15:00-18:00\n   Thu 13 April    10:00-13:00\n"
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-04", "10:00", CR(12)),
        ("2023-04-04", "15:00", CR(12)),
        ("2023-04-13", "10:00", CR(12)),
    ]


def test_a_lists_title_that_names_a_room_and_hours_first_lines():
    titled = meetings_of(
        "The programme of work is in the list below.\n\nProgramme of informal consultations "
        "(Conference Room 7)\n  * Monday, 3 April: 10:00-13:00, first reading\n"
        "  * Wednesday, 5 April: 15:00-18:00, second reading\n"
    )
    hours_first = meetings_of(
        "We are pleased to announce the informal consultations on the draft resolution:\n\n"
        "  3-6 p.m., Tuesday, 4 April 2023, Conference Room 5\n"
        "  10 a.m.-1 p.m., Tuesday, 11 April 2023, Conference Room 5\n"
    )
    assert [(d, s, r) for d, s, _e, r, _k in titled] == [
        ("2023-04-03", "10:00", CR(7)),
        ("2023-04-05", "15:00", CR(7)),
    ]
    assert [(d, s, r) for d, s, _e, r, _k in hours_first] == [
        ("2023-04-04", "15:00", CR(5)),
        ("2023-04-11", "10:00", CR(5)),
    ]


def test_the_last_word_of_a_room_wrapped_to_the_margin_under_its_row():
    found = meetings_of(
        "The programme of the intergovernmental negotiations is as follows:\n\n"
        "  Meeting 1   Tuesday, 4 April 2023    10 a.m.-1 p.m.    Trusteeship Council\n"
        "Chamber\n"
        "  Meeting 2   Tuesday, 18 April 2023   3 p.m.-6 p.m.     Conference Room 4\n"
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-04", "10:00", "Trusteeship Council Chamber"),
        ("2023-04-18", "15:00", CR(4)),
    ]


def test_a_lists_title_that_gives_the_room_and_hours_of_all_its_days():
    found = meetings_of(
        "We have the honour to enclose the indicative programme of work.\n\n"
        "Programme of informal consultations (all meetings in Conference Room 4, l0 a.m.-1 p.m.)\n"
        "Tuesday, 4 April 2023     Cluster I: humanitarian mandates\n"
        "Tuesday, 11 April 2023    Cluster II: development\n"
    )
    assert [(d, s, e, r) for d, s, e, r, _k in found] == [
        ("2023-04-04", "10:00", "13:00", CR(4)),
        ("2023-04-11", "10:00", "13:00", CR(4)),
    ]


def test_a_line_of_prose_below_a_table_is_no_cell_of_its_last_row():
    found = extract(
        "14 March 2023\n\nExcellency,\n\nWe have the honour to share the programme of the "
        "IGN\nmeetings for the session:\n"
        "  Wed, 5 April     10:00 - 13:00    Trusteeship Council Chamber   Cluster 1\n"
        "  Tue, 18 April    10:00 - 13:00    Trusteeship Council Chamber   Cluster 2\n"
        "A final meeting on the draft Elements paper is foreseen for May, date to be confirmed.\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n"
    ).meetings
    assert [(m.date.isoformat(), f"{m.start:%H:%M}", m.room) for m in found] == [
        ("2023-04-05", "10:00", "Trusteeship Council Chamber"),
        ("2023-04-18", "10:00", "Trusteeship Council Chamber"),
    ]


def test_both_meetings_on_the_line_below_a_list_is_a_sentence_of_its_own():
    found = meetings_of(
        "I have the honour to transmit the following work plan of the informal consultations:\n"
        "1.  Wednesday, 5 April 2023 (3 p.m.): Categories of membership\n"
        "2.  Wednesday, 19 April 2023 (3 p.m.): The question of the veto\n"
        "Both meetings will be held in Conference Room 4."
    )
    assert [(d, s, r) for d, s, _e, r, _k in found] == [
        ("2023-04-05", "15:00", CR(4)),
        ("2023-04-19", "15:00", CR(4)),
    ]
