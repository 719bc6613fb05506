"""More patterns of letters as they come (issue #18), each in wordings of its own, written
for this work and not taken from the corpus: a meeting's parts at hours and rooms of their
own, lists and tables whose kind is said once, other bodies' sessions and days observed,
and the OCR and layout slips of old scans."""

import pytest

from correspondence.extraction import extract

from .helpers import letter, meetings_of

GAH, TCC = "General Assembly Hall", "Trusteeship Council Chamber"
CR = "Conference Room {}".format
NLB = "Conference Room {} (North Lawn Building)".format

PARTS = [
    # Sessions, each in its own room.
    (
        "The Assembly will hold an interactive dialogue on mountain peoples on Tuesday, "
        "6 June 2023. The dialogue will consist of two sessions: the morning session, from "
        "10 a.m. to 1 p.m., in Conference Room 2, and the afternoon session, from 3 p.m. to "
        "6 p.m., in Conference Room 3.",
        [
            ("2023-06-06", "10:00", "13:00", CR(2), "dialogue"),
            ("2023-06-06", "15:00", "18:00", CR(3), "dialogue"),
        ],
    ),
    # A panel inside a session is no meeting of its own.
    (
        "The thematic debate will take place on Wednesday, 7 June 2023 in the General "
        "Assembly Hall. The morning session will run from 10 a.m. to 1 p.m. and will open "
        "with my statement, followed by a panel of experts.",
        [("2023-06-07", "10:00", "13:00", GAH, "thematic-debate")],
    ),
    # Panels at their own hours and rooms are meetings of their own.
    (
        "I will convene a thematic debate on coastal cities on Thursday, 8 June 2023. The "
        "debate will open at 10 a.m. in the General Assembly Hall. Panel A, on finance, will "
        "meet from 11.30 a.m. to 1 p.m. in the Trusteeship Council Chamber; Panel B, on "
        "housing, will meet from 3 p.m. to 6 p.m. in Conference Room 4.",
        [
            ("2023-06-08", "10:00", None, GAH, "thematic-debate"),
            ("2023-06-08", "11:30", "13:00", TCC, "panel"),
            ("2023-06-08", "15:00", "18:00", CR(4), "panel"),
        ],
    ),
    # Two panels named once, each at its own hours.
    (
        "The high-level meeting will be held on Friday, 9 June 2023 in the General Assembly "
        "Hall from 10 a.m. to 1 p.m. Two round tables will be held in the afternoon: the "
        "first from 3 p.m. to 4.30 p.m. in Conference Room 1, and the second from 4.30 p.m. "
        "to 6 p.m. in Conference Room 1.",
        [
            ("2023-06-09", "10:00", "13:00", GAH, "high-level"),
            ("2023-06-09", "15:00", "16:30", CR(1), "panel"),
            ("2023-06-09", "16:30", "18:00", CR(1), "panel"),
        ],
    ),
    # "The second panel, from 3 p.m.": another part of panels announced together.
    (
        "I invite you to two panel discussions on drylands, which I will convene on "
        "Monday, 12 June 2023 in Conference Room 4. The first panel, from 10 a.m. to "
        "12.30 p.m., will consider early warning. The second panel, from 3 p.m. to 5.30 p.m., "
        "will address finance.",
        [
            ("2023-06-12", "10:00", "12:30", CR(4), "panel"),
            ("2023-06-12", "15:00", "17:30", CR(4), "panel"),
        ],
    ),
    # The meeting's own hours before "followed by" its next segment, of its own kind.
    (
        "The high-level meeting will be held on Tuesday, 13 June 2023. The opening segment "
        "will take place in the General Assembly Hall from 10 a.m. to 1 p.m. and will be "
        "followed, in the afternoon, by the plenary segment, from 3 p.m. to 6 p.m. in the "
        "same Hall.",
        [
            ("2023-06-13", "10:00", "13:00", GAH, "high-level"),
            ("2023-06-13", "15:00", "18:00", GAH, "high-level"),
        ],
    ),
    # A list of hours below the day's sentence.
    (
        "The General Assembly will hold plenary meetings on Wednesday, 14 June 2023 for the "
        "following elections:\n(a) at 10 a.m., the election of the members of the Council;\n"
        "(b) at 3 p.m., the election of the President of the seventy-eighth session.\n\n"
        "Both meetings will be held in the General Assembly Hall.",
        [
            ("2023-06-14", "10:00", None, GAH, "election"),
            ("2023-06-14", "15:00", None, GAH, "election"),
        ],
    ),
    # A meeting's parts listed by hour and room, the meeting resuming after them.
    (
        "The high-level meeting will take place on Thursday, 15 June 2023, as follows:\n"
        "(a) The opening segment will be held in the General Assembly Hall from 10 a.m. to "
        "11.30 a.m.;\n(b) Round table 1 will be held from 11.45 a.m. to 1 p.m. in the "
        "Trusteeship Chamber;\n(c) The closing segment will resume in the GA Hall at 3 p.m. "
        "and conclude at 6 p.m.",
        [
            ("2023-06-15", "10:00", "11:30", GAH, "high-level"),
            ("2023-06-15", "11:45", "13:00", TCC, "panel"),
            ("2023-06-15", "15:00", "18:00", GAH, "high-level"),
        ],
    ),
    # "on the same day at 3 p.m. in the same room": another meeting that day.
    (
        "I intend to convene an informal meeting of the plenary on Friday, 16 June 2023 at "
        "10 a.m. in Conference Room 4. A second informal meeting of the plenary will be held "
        "on the same day at 3 p.m. in the same room.",
        [
            ("2023-06-16", "10:00", None, CR(4), "plenary"),
            ("2023-06-16", "15:00", None, CR(4), "plenary"),
        ],
    ),
    # "resuming at 3 p.m. and concluding at 6 p.m." is one sitting.
    (
        "The hearing will take place on Monday, 19 June 2023, in two parts: a morning segment "
        "from 10 a.m. to 1 p.m., and an afternoon segment resuming at 3 p.m. and concluding "
        "at 6 p.m., both in the Trusteeship Council Chamber.",
        [
            ("2023-06-19", "10:00", "13:00", TCC, "hearing"),
            ("2023-06-19", "15:00", "18:00", TCC, "hearing"),
        ],
    ),
    # "On each day, the Dialogue will meet ...": the days just named, by sitting.
    (
        "The High-level Dialogue will be held on 20 and 21 June 2023. On each day, the "
        "Dialogue will meet from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. in the "
        "Trusteeship Council Chamber.",
        [
            ("2023-06-20", "10:00", "13:00", TCC, "dialogue"),
            ("2023-06-20", "15:00", "18:00", TCC, "dialogue"),
            ("2023-06-21", "10:00", "13:00", TCC, "dialogue"),
            ("2023-06-21", "15:00", "18:00", TCC, "dialogue"),
        ],
    ),
]

LISTS = [
    # "The schedule is as follows:" and items with a date and hours only; the room after.
    (
        "As Chair of the IGN I share the schedule of its next meetings. The schedule is as "
        "follows:\n- Monday, 3 April 2023, 10 a.m. - 1 p.m.: Categories of membership\n"
        "- Monday, 17 April 2023, 3 p.m. - 6 p.m.: The veto\n\nAll meetings will be held in "
        "Conference Room 3.",
        [
            ("2023-04-03", "10:00", "13:00", CR(3), "negotiation"),
            ("2023-04-17", "15:00", "18:00", CR(3), "negotiation"),
        ],
    ),
    # The kind of a table from the programme a sentence before announced; a weekday cell
    # finished by its date on the next line.
    (
        "We have the honour to share the programme of informal consultations for the coming "
        "weeks. Some will be held in person and others online.\n\n"
        "  Date          Time               Venue\n"
        "  Wednesday,    10 a.m. - 1 p.m.   Conference Room 4\n"
        "  5 April 2023\n"
        "  Wednesday,    10 a.m. - 12 p.m.  Interprefy\n"
        "  12 April 2023\n",
        [
            ("2023-04-05", "10:00", "13:00", CR(4), "informal-consultation"),
            ("2023-04-12", "10:00", "12:00", None, "informal-consultation"),
        ],
    ),
    # Shortened weekdays in a table; the topic cell names no kind of its own.
    (
        "The informal consultations will be held as set out below:\n\n"
        "  Date          Time             Room                 Topic\n"
        "  Tue 4 Apr     10 a.m.-1 p.m.   Conference Room 2    General views\n"
        "  Thu 6 Apr     3 p.m.-6 p.m.    Conference Room 2    Line-by-line negotiations\n",
        [
            ("2023-04-04", "10:00", "13:00", CR(2), "informal-consultation"),
            ("2023-04-06", "15:00", "18:00", CR(2), "informal-consultation"),
        ],
    ),
    # A table row for two days.
    (
        "The IGN will meet on the following dates:\n\n"
        "  Date                 Time            Venue\n"
        "  Monday, 3 April 2023  10:00-13:00     CR 4\n"
        "  20-21 April 2023      1000-1300 hrs   CR 4\n",
        [
            ("2023-04-03", "10:00", "13:00", CR(4), "negotiation"),
            ("2023-04-20", "10:00", "13:00", CR(4), "negotiation"),
            ("2023-04-21", "10:00", "13:00", CR(4), "negotiation"),
        ],
    ),
    # "15 February 3-6 p.m.": a day and its hours, not "February 3-6".
    (
        "The consultations will be held as follows:\n"
        "• Wednesday, 5 April 3-6 p.m., Conference Room 1\n",
        [("2023-04-05", "15:00", "18:00", CR(1), "informal-consultation")],
    ),
    # A numbered programme: each headed item takes its own title; "11 a.m., ECOSOC".
    (
        "Our programme:\n\n1. First reading of the zero draft -\n"
        "Friday, 7 April 2023, 10 a.m.-1 p.m., Conference Room B\n\n"
        "2. Stocktaking meeting with the President of the General Assembly -\n"
        "Friday, 21 April 2023, 11 a.m., ECOSOC\n",
        [
            ("2023-04-07", "10:00", "13:00", "Conference Room B", "informal-consultation"),
            ("2023-04-21", "11:00", None, "ECOSOC Chamber", "stocktaking"),
        ],
    ),
    # Headed blocks one under the other in an annex.
    (
        "The programme of these events is annexed.\n\nAnnex\n\n"
        "Interactive dialogue on cooperatives\nMonday, 8 May 2023, 10 a.m. - 1 p.m.\n"
        "Conference Room 1\nPanel discussion on finance\nMonday, 8 May 2023, 3 p.m. - 5 p.m.\n"
        "Conference Room 1\nStocktaking meeting on the initiative\nTuesday, 16 May 2023, "
        "10 a.m.\nConference Room 2\n",
        [
            ("2023-05-08", "10:00", "13:00", CR(1), "dialogue"),
            ("2023-05-08", "15:00", "17:00", CR(1), "panel"),
            ("2023-05-16", "10:00", None, CR(2), "stocktaking"),
        ],
    ),
]

NOT_MEETINGS = [
    # Another body's session, its week not ours.
    "The programme takes account of the session of the Commission on Rural Statistics "
    "(17-21 April 2023).",
    "The Council on Highland Peoples will hold its fifth session from 3 to 7 April 2023 and "
    "the Committee on Upland Farming from 17 to 21 April.",
    "The debate comes ahead of the meeting of States Parties to the Convention on Reefs, "
    "which will be held from 19 to 23 June 2023.",
    "The briefing will address the Commission on Water, whose sixth session will take place "
    "from 24 April to 5 May 2023.",
    "Member States will recall that the Commission on the Status of Farmers, which concludes "
    "on 24 March, will report later.",
    "The Security Council's open debate on regional arrangements is scheduled for 6 April 2023.",
    "The Security Council has scheduled its open debate on working methods for 18 April 2023.",
    "The Board of the Global Seed Facility, meeting on April 22nd in Geneva, will not affect "
    "this schedule.",
    "Its conclusions will feed into the Assembly of the Ocean Transport Compact opening on "
    "14 November 2023.",
    "A summary will go to the conference to be convened by the Food and Agriculture "
    "Organization in Rome from 5 to 7 June 2023.",
    # Days observed, holidays, closures, days counted from.
    "The debate marks International Mountain Day, which falls on 11 December.",
    "By resolution 77/999 the Assembly decided to designate 25 March as the International Day "
    "of Lighthouse Keepers.",
    "We hope to conclude before the spring holiday, which begins on 7 April 2023.",
    "Following the closure of the Conference Building on 9 June 2023 for maintenance, we will "
    "revert.",
    "The Working Group, whose work was suspended after 11 September, will revert.",
    # Papers and statements.
    "A revised text, an informal paper, will be issued on 12 April 2023.",
    "As announced in my statement to the plenary on 15 March 2023, I will revert.",
    "The framework document circulated on 24 July 2022 remains the basis.",
    "We recall the decision of the General Assembly of 14 September 2022.",
    "The report of the Secretary-General of 21 February 2023 is before you.",
    "The building remains closed to in-person meetings until at least 30 June 2023.",
]


@pytest.mark.parametrize(("body", "expected"), PARTS + LISTS)
def test_parts_and_lists_are_read_as_an_officer_reads_them(body, expected):
    assert meetings_of(body) == expected


@pytest.mark.parametrize("body", NOT_MEETINGS)
def test_other_bodies_days_observed_and_papers_are_no_meetings(body):
    assert meetings_of(body) == []


def test_the_review_page_says_why_a_day_observed_or_a_closure_is_no_meeting():
    found = extract(
        letter(
            "The debate marks International Mountain Day, which falls on 11 December. After "
            "the closure of the Conference Building on 9 June 2023, we will revert."
        )
    )
    reasons = {m.text: m.reason for m in found.mentions if m.what == "date"}
    assert reasons["11 December"] == "observance"
    assert reasons["9 June 2023"] == "closure"


KINDS = [
    # The IGN by its Chair, or on the Co-Chairs' behalf or request.
    (
        "As Chair of the intergovernmental negotiations, I intend to hold a meeting on "
        "Tuesday, 4 April 2023, at 10 a.m.",
        "negotiation",
    ),
    (
        "Sent on behalf of the Co-Chairs of the Intergovernmental Negotiations.\n\nThe "
        "dates are:\n\nThursday, 6 April 2023  10:00-13:00  Trusteeship Council Chamber  Veto",
        "negotiation",
    ),
    # "The first informal meeting" is one of the briefings just announced.
    (
        "Further to my letter of 27 March, I will convene two informal meetings of the "
        "General Assembly to hear briefings by the Secretary-General. The first informal "
        "meeting will take place on Wednesday, 12 April 2023, at 10 a.m.",
        "briefing",
    ),
    # "a final round" of the consultations the letter is about.
    (
        "The informal consultation on Tuesday, 4 April 2023 will take place as planned. "
        "Should further consultations be required, a final round will be held on Tuesday, "
        "11 April 2023 at 10 a.m.",
        "informal-consultation",
    ),
    # The Assembly's general debate is held in plenary.
    ("The general debate will open on Tuesday, 19 September 2023.", "plenary"),
]


@pytest.mark.parametrize(("body", "kind"), KINDS)
def test_the_kind_follows_the_process_and_the_announcement(body, kind):
    assert meetings_of(body)[-1][4] == kind


def test_a_memos_subject_gives_its_list_a_kind():
    text = (
        "INTEROFFICE MEMORANDUM\n\nTo: Chief, Meetings Servicing Section\nFrom: Office of "
        "the President of the General Assembly\nDate: 3 October 2001\nSubject: Informal "
        "consultations on the draft declaration\n\n1. A room could be made available for "
        "the following meetings:\n\n   Tuesday, 16 October 2001, 3.00 p.m. to 6.00 p.m.\n"
        "   Tuesday, 23 October 2001, 10.00 a.m. to 1.00 p.m.\n\n"
        "2. Conference Room 5 would be most suitable.\n"
    )
    assert [(m.date.isoformat(), m.room, m.kind.value) for m in extract(text).meetings] == [
        ("2001-10-16", CR(5), "informal-consultation"),
        ("2001-10-23", CR(5), "informal-consultation"),
    ]


@pytest.mark.parametrize(
    ("body", "dated", "expected"),
    [
        # "circu-" / page number / "lated": joined, then a paper's date.
        (
            "I will convene a meeting of the plenary on Tuesday, 27 April 2010 at 10 a.m. to "
            "discuss the text circu-\n\n2\n\nlated on 9 April 2010.",
            "14 April 2010",
            [("2010-04-27", "10:00", None, None, "plenary")],
        ),
        # "to l.00 p.m." and "Conference Room l".
        (
            "The consultation will be held on Tuesday, 22 September 2009, from 10.00 a.m. to\n"
            "l.00 p.m. in NLB Conference Room l.",
            "14 August 2009",
            [("2009-09-22", "10:00", "13:00", NLB(1), "informal-consultation")],
        ),
        # "at 3 .00 pm".
        (
            "A consultation will take place on Wednesday, 10 August 2011 at 3 .00 pm in "
            "Conference Room 6.",
            "14 July 2011",
            [("2011-08-10", "15:00", None, NLB(6), "informal-consultation")],
        ),
    ],
)
def test_the_slips_of_old_scans_are_mended(body, dated, expected):
    assert meetings_of(body, dated=dated) == expected


def test_a_running_head_with_its_page_number_does_not_cut_a_sentence():
    body = (
        "A second informal consultation will take place on Tuesday, 20 November 2012, at "
        "the same time and\nAd Hoc Working Group on the Revitalization of the Work        2\n"
        "place as the first, which is on Tuesday, 6 November 2012, at 10 a.m. in "
        "Conference Room 2."
    )
    found = meetings_of(body, dated="23 October 2012")
    # One sentence still: both days read, the second with its hour and (in 2012) the
    # North Lawn room.
    assert [m[0] for m in found] == ["2012-11-20", "2012-11-06"]
    assert found[1] == ("2012-11-06", "10:00", None, NLB(2), "informal-consultation")


def test_a_running_head_continued_is_no_meeting():
    body = (
        "The consultations will be held on Wednesday, 3 February 2016, 10 a.m. - 1 p.m.\n\n"
        "Letter from the Chair, 15 January 2016 (continued)\n\n"
        "Delegations are invited to prepare."
    )
    assert [m[0] for m in meetings_of(body, dated="15 January 2016")] == ["2016-02-03"]


MORE = [
    # The room and hours said once above a list of numbered meetings.
    (
        "As Co-Chairs of the IGN we share the programme of the negotiations. All meetings will "
        "be held in the GA Hall from 10 a.m. to 1 p.m.\n"
        "First meeting: Thursday, 6 April 2023 - categories of membership\n"
        "Second meeting: Thursday, 20 April 2023 - the veto\n",
        [
            ("2023-04-06", "10:00", "13:00", GAH, "negotiation"),
            ("2023-04-20", "10:00", "13:00", GAH, "negotiation"),
        ],
    ),
    # A headed block whose hour line gives its room.
    (
        "The programme is annexed.\n\nAnnex\n\nInformal briefing by the Secretariat\n"
        "Tuesday, 11 April 2023\n10:00 a.m. - 11:30 a.m., Conference Room 6\n",
        [("2023-04-11", "10:00", "11:30", CR(6), "briefing")],
    ),
    # "the Assembly will reconvene on" a day, "in the same hall".
    (
        "The General Assembly will hold plenary meetings on Thursday, 13 April 2023, at "
        "10 a.m., in the General Assembly Hall, for the election of five members of the "
        "Council. Should further balloting be required, the Assembly will reconvene on "
        "Friday, 14 April at 10 a.m. in the same hall.",
        [
            ("2023-04-13", "10:00", None, GAH, "election"),
            ("2023-04-14", "10:00", None, GAH, "election"),
        ],
    ),
    # A meeting immediately following the adjournment of another, said within a sentence.
    (
        "The draft resolution will be taken up at a plenary meeting on Tuesday, 18 April "
        "2023, at 11 a.m., in the General Assembly Hall. On the same day, I intend to convene "
        "an informal meeting of the plenary immediately following the adjournment of the "
        "plenary, to hear the facilitator.",
        [
            ("2023-04-18", "11:00", None, GAH, "plenary"),
            ("2023-04-18", None, None, None, "plenary"),
        ],
    ),
    # A page break after "in": the sentence runs on; "/..." and the print line are set apart.
    (
        "The second consultation has been moved to Friday, 21 April 2023, from 10 a.m. to "
        "1 p.m., in\n/...\n23-01234 (E)    140323\n\n- 2 -\n\nConference Room 11.",
        [("2023-04-21", "10:00", "13:00", CR(11), "informal-consultation")],
    ),
    # A room asked for "these meetings" in a memo.
    (
        "The President wishes to hold informal consultations on Tuesday, 25 April 2023, from "
        "10 a.m. to 1 p.m. I should be grateful if Conference Room 5 could be reserved for "
        "these meetings.",
        [("2023-04-25", "10:00", "13:00", CR(5), "informal-consultation")],
    ),
]

MORE_NOT_MEETINGS = [
    "The Council will be elected to fill the vacancies that will occur on 31 December 2023.",
    "The debate prepares the World Youth Skills Day on 15 July.",
    "It follows the ministerial meeting convened by the Intergovernmental Authority on "
    "Development on 19 January 2023.",
    "It follows the discussions held in the Security Council on 14 January 2023.",
    "The Fifth Committee will take up the budget implications at its meeting of October 20th.",
    "The resumed part of the session will open on 8 January 2024.",
]


@pytest.mark.parametrize(("body", "expected"), MORE)
def test_what_is_said_once_or_over_a_page_reaches_its_meetings(body, expected):
    assert meetings_of(body) == expected


@pytest.mark.parametrize("body", MORE_NOT_MEETINGS)
def test_vacancies_observances_and_others_meetings_are_no_meetings(body):
    assert meetings_of(body) == []


def test_a_list_below_a_room_and_hours_said_once_is_of_meetings_however_bare():
    body = (
        "As Co-Chairs of the IGN we share our programme. All meetings will be held in the "
        "Trusteeship Council Chamber from 10 a.m. to 1 p.m.\n"
        "• Thursday, 6 April: categories of membership\n"
        "• Thursday, 20 April: the question of the veto\n"
    )
    assert meetings_of(body) == [
        ("2023-04-06", "10:00", "13:00", TCC, "negotiation"),
        ("2023-04-20", "10:00", "13:00", TCC, "negotiation"),
    ]


def test_a_hearing_hosted_virtually_in_two_segments():
    body = (
        "The multi-stakeholder hearing will be held on Tuesday,11 April 2023. The hearing will "
        "be hosted virtually on the Interprefy platform, with a morning segment from 10 a.m. "
        "to 1 p.m. and an afternoon segment from 3 p.m. to 5 p.m."
    )
    found = extract(letter(body)).meetings
    assert [(m.start.hour, m.end.hour, m.virtual, m.room) for m in found] == [
        (10, 13, True, None),
        (15, 17, True, None),
    ]


def test_a_postponement_said_after_the_room_postpones_the_meeting():
    body = (
        "Further to my memorandum of 21 March, the informal consultations scheduled for "
        "Friday, 14 April 2023, at 10 a.m. in Conference Room 6 have been postponed until "
        "further notice."
    )
    [meeting] = extract(letter(body)).meetings
    assert (meeting.date.isoformat(), meeting.action.value) == ("2023-04-14", "postpone")


def test_scheduled_maintenance_is_no_meeting_but_a_debate_on_maintenance_is():
    assert (
        meetings_of("Owing to scheduled maintenance of the platform on 19 April, we revert.") == []
    )
    assert meetings_of(
        "I will convene a thematic debate on the maintenance of peace on Tuesday, 18 April 2023."
    ) == [("2023-04-18", None, None, None, "thematic-debate")]


def test_a_memo_asks_a_room_for_dated_lines_below():
    text = (
        "INTEROFFICE MEMORANDUM\n\nTo: Chief, Meetings Servicing Section\nFrom: Office of "
        "the President of the General Assembly\nDate: 2 April 2001\nSubject: Informal "
        "consultations on the draft declaration\n\n1. I should be grateful if Conference "
        "Room 5 could be reserved, with interpretation, on the following dates:\n"
        "    Tuesday, 10 April 2001, 1500 - 1800 hrs\n"
        "    Tuesday, 17 April 2001, 1000 - 1300 hrs\n\n"
        "2. The Preparatory Committee's session begins on 7 May 2001.\n"
    )
    assert [
        (m.date.isoformat(), m.start.hour, m.room, m.kind.value) for m in extract(text).meetings
    ] == [
        ("2001-04-10", 15, CR(5), "informal-consultation"),
        ("2001-04-17", 10, CR(5), "informal-consultation"),
    ]


def test_a_dated_line_that_runs_on_is_no_list():
    body = (
        "The co-facilitators will convene the first consultation on\n"
        "Tuesday, 9 May 2023 at 10.00 am in Conference Room 6, and the second on\n"
        "Friday, 12 May 2023 at 3 pm in the same room."
    )
    assert meetings_of(body) == [
        ("2023-05-09", "10:00", None, CR(6), "informal-consultation"),
        ("2023-05-12", "15:00", None, CR(6), "informal-consultation"),
    ]


@pytest.mark.parametrize(
    ("above", "room", "virtual"),
    [
        (
            "Unless otherwise indicated, each meeting will begin at 10 a.m. and will be held in "
            "the Trusteeship Council Chamber:",
            TCC,
            False,
        ),
        (
            "We share the programme of our informal consultations. The consultations will be "
            "held virtually on the WebEx platform. Links will follow.",
            None,
            True,
        ),
    ],
)
def test_what_is_said_above_a_list_in_other_words_reaches_its_items(above, room, virtual):
    body = (
        f"{above}\n• Tuesday, 11 April 2023, 10 a.m.: working methods\n"
        "• Tuesday, 25 April 2023, 10 a.m.: the agenda\n"
    )
    found = extract(letter(body)).meetings
    assert [(m.date.isoformat(), m.room, m.virtual) for m in found] == [
        ("2023-04-11", room, virtual),
        ("2023-04-25", room, virtual),
    ]


def test_a_table_of_dates_in_figures_day_first():
    body = (
        "As Co-Chairs of the IGN we share the schedule. All meetings will take place in the "
        "General Assembly Hall.\n\n"
        "Date                 Time           Topic\n"
        "06/04/2023 (Thu)     10:00-13:00    Categories of membership\n"
        "20/04/2023 (Thu)     15:00-18:00    The veto\n"
    )
    assert meetings_of(body) == [
        ("2023-04-06", "10:00", "13:00", GAH, "negotiation"),
        ("2023-04-20", "15:00", "18:00", GAH, "negotiation"),
    ]


def test_a_resolution_number_or_a_symbol_is_no_date_in_figures():
    assert meetings_of("Pursuant to resolution 72/5 and document A/72/471, we will revert.") == []


def test_a_block_whose_venue_is_a_bare_alias():
    body = (
        "The programme is annexed.\n\nAnnex\n\n"
        "Plenary meeting for action on the draft decision\n"
        "   Date:  Thursday, 13 April 2023\n   Time:  10:00\n   Venue: GAH\n"
    )
    assert meetings_of(body) == [("2023-04-13", "10:00", None, GAH, "plenary")]


@pytest.mark.parametrize(
    "body",
    [
        "As Co-Chairs, appointed by the President of the General Assembly on 8 March 2023, "
        "we write.",
        "The fourth session of the Intergovernmental Conference will be convened by its own "
        "President from 27 March to 7 April 2023.",
    ],
)
def test_appointments_and_conferences_convened_by_their_own_are_no_meetings(body):
    assert meetings_of(body) == []


def test_dates_all_to_be_held_in_a_room():
    body = (
        "The Co-Chairs propose the following dates for the meetings of the intergovernmental "
        "negotiations, all to be held in Conference Room 4:\n"
        "• Thursday, 6 April 2023 10:00 - 13:00\n• Thursday, 20 April 2023 15:00 - 18:00\n"
    )
    assert [m[3] for m in meetings_of(body)] == [CR(4), CR(4)]


def test_the_weekday_says_the_year_when_the_year_nearby_does_not_fit():
    body = (
        "We thank delegations for the first informal consultation on the resolution for the "
        "2024 review conference, held on Friday, 10 March."
    )
    assert meetings_of(body) == [("2023-03-10", None, None, None, "informal-consultation")]


def test_the_election_will_be_held_goes_on_about_the_election_just_named():
    body = (
        "The General Assembly will proceed to the election of the members of the Council on "
        "Monday, 17 April 2023. The election will be held at a plenary meeting in the General "
        "Assembly Hall at 11 a.m."
    )
    assert meetings_of(body) == [("2023-04-17", "11:00", None, GAH, "election")]


def test_a_table_drawn_with_bars():
    body = (
        "As Co-Chairs of the IGN we share the programme:\n"
        "| Date                    | Time        | Room        |\n"
        "|-------------------------|-------------|-------------|\n"
        "| Tuesday, 4th April      | 10am - 1pm  | CR 4        |\n"
        "| Tuesday, 18th April     | 3pm - 6pm   | TC Chamber  |\n"
    )
    assert meetings_of(body) == [
        ("2023-04-04", "10:00", "13:00", CR(4), "negotiation"),
        ("2023-04-18", "15:00", "18:00", TCC, "negotiation"),
    ]


def test_panels_both_in_one_room_then_the_meeting_closes():
    body = (
        "The high-level meeting will be held on Tuesday, 19 September 2023. The opening "
        "segment will take place from 9 to 10 a.m. in the General Assembly Hall. Panel 1 will "
        "be held from 10 a.m. to 1 p.m. and panel 2 from 3 to 5.30 p.m., both in Conference "
        "Room 4. The closing segment will follow from 5.30 to 6 p.m. in the General Assembly "
        "Hall."
    )
    assert meetings_of(body) == [
        ("2023-09-19", "09:00", "10:00", GAH, "high-level"),
        ("2023-09-19", "10:00", "13:00", CR(4), "panel"),
        ("2023-09-19", "15:00", "17:30", CR(4), "panel"),
        ("2023-09-19", "17:30", "18:00", GAH, "high-level"),
    ]


def test_a_named_year_gives_a_list_no_kind():
    body = (
        "The President intends to convene informal consultations of the plenary on the "
        "follow-up to the Year of Dialogue among Civilizations, as follows:\n"
        "  - Thursday, 13 April 2023, 1500 hrs to 1800 hrs\n"
    )
    assert meetings_of(body)[0][4] == "informal-consultation"


def test_a_body_that_has_concluded_its_session_in_brackets():
    body = (
        "Now that the Commission for Social Development has concluded its session (3 to 14 "
        "April), we invite you to informal consultations on April 25th and 26th, from 10:00 to "
        "13:00 on both days, in Conference Room 4."
    )
    assert [m[0] for m in meetings_of(body)] == ["2023-04-25", "2023-04-26"]


def test_rooms_and_hours_asked_above_the_dates():
    text = (
        "INTEROFFICE MEMORANDUM\n\nTo: Chief, Meetings Servicing Section\nFrom: Office of "
        "the President of the General Assembly\nDate: 1 March 2001\nSubject: Informal "
        "consultations on the report\n\n1. I should be grateful if you could make the "
        "following rooms available, with interpretation, from 1500 to 1800 hrs:\n"
        "   Tuesday, 13 March 2001      Conference Room 5\n"
        "   Tuesday, 20 March 2001      Conference Room 6\n\n2. Thank you.\n"
    )
    assert [
        (m.date.isoformat(), m.start and m.start.hour, m.room) for m in extract(text).meetings
    ] == [("2001-03-13", 15, CR(5)), ("2001-03-20", 15, CR(6))]


def test_a_numbered_table_whose_last_cells_wrap_to_the_margin():
    body = (
        "I transmit the schedule of the intergovernmental negotiations, as communicated to me "
        "by their Chair.\n\n"
        "Meeting    Date                  Time            Venue                  Cluster\n"
        "1          Tuesday, 4 April     10am-1pm        Conference Room 2\n"
        "Categories of membership\n"
        "2          Tuesday, 18 April    3pm-6pm         Conference Room 2      Veto\n"
    )
    assert [(m[0], m[1], m[3]) for m in meetings_of(body)] == [
        ("2023-04-04", "10:00", CR(2)),
        ("2023-04-18", "15:00", CR(2)),
    ]


def test_a_room_reserved_for_dates_in_a_memo_and_a_postponement_said_first():
    text = (
        "INTEROFFICE MEMORANDUM\n\nTo: Chief, Meetings Servicing Section\nFrom: Office of "
        "the President of the General Assembly\nDate: 1 February 2001\nSubject: Room request\n\n"
        "1. The President wishes to convene open-ended informal consultations on the event.\n"
        "2. I should be grateful if Conference Room 5 could be reserved on Thursday, 22 "
        "February 2001, from 1500 hrs to 1800 hrs.\n"
    )
    [meeting] = extract(text).meetings
    assert (meeting.date.isoformat(), meeting.room, meeting.kind.value) == (
        "2001-02-22",
        CR(5),
        "informal-consultation",
    )
    body = (
        "I have decided to postpone the high-level meeting scheduled for Monday, 24 April 2023, "
        "to a later date to be determined."
    )
    [meeting] = extract(letter(body)).meetings
    assert meeting.action.value == "postpone"


def test_two_panels_both_in_the_same_room_as_the_opening():
    body = (
        "I will convene a high-level interactive dialogue on Thursday, 13 April 2023. The "
        "opening segment will begin at 10 a.m. in the Trusteeship Council Chamber. Two panels "
        "will follow: the first from 11.30 a.m. to 1 p.m., and the second from 3 p.m. to "
        "5.30 p.m., both in the same room."
    )
    assert [(m[1], m[3], m[4]) for m in meetings_of(body)] == [
        ("10:00", TCC, "dialogue"),
        ("11:30", TCC, "panel"),
        ("15:00", TCC, "panel"),
    ]


def test_the_first_and_the_second_of_the_next_two_consultations():
    body = (
        "On behalf of the co-facilitators, please find below the dates of the next two "
        "informal consultations. The first will be held on Wednesday, April 12, from 10:00 "
        "a.m. to 1:00 p.m., and the second on Wednesday, April 19th, from 4:00 p.m, to "
        "6:00 p.m., both in Conference Room 1."
    )
    assert meetings_of(body) == [
        ("2023-04-12", "10:00", "13:00", CR(1), "informal-consultation"),
        ("2023-04-19", "16:00", "18:00", CR(1), "informal-consultation"),
    ]


def test_the_ign_by_its_full_name_in_the_presidents_letter():
    body = (
        "The intergovernmental negotiations on the question of equitable representation on "
        "and increase in the membership of the Security Council will continue according to "
        "the following programme. All meetings will take place in Conference Room 2 from "
        "10 a.m. to 1 p.m.:\n1. Wednesday, 5 April: categories of membership;\n"
        "2. Wednesday, 19 April: the question of the veto.\n"
    )
    assert [(m[0], m[3], m[4]) for m in meetings_of(body)] == [
        ("2023-04-05", CR(2), "negotiation"),
        ("2023-04-19", CR(2), "negotiation"),
    ]
