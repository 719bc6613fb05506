"""Splitting letters and reading their heads: dates (unreadable ones too), senders of
e-mails and memoranda, enclosures."""

from datetime import date

import pytest

from correspondence.extraction import extract

EMAIL = """From: Permanent Mission of Fiji <mission.fiji@example.org>
Sent: Friday, May 24, 2019 4:18 PM
Subject: On behalf of the co-facilitators - Oceans resolution

Excellencies, dear colleagues,

I am writing on behalf of the co-facilitators to share that the informal consultation
will be held on Monday, 3 June at 10 a.m. in Conference Room 7.

With best regards,
Mission of Fiji to the United Nations
"""

MEMO = """UNITED NATIONS                NATIONS UNIES

INTEROFFICE MEMORANDUM

To:      All Permanent Representatives and Permanent Observers
         to the United Nations

From:    Office of the President of the General Assembly

Date:    9 April 2001

Subject: Informal consultations on the draft declaration

1.  The consultations will take place on Monday, 16 April 2001 at 3 p.m. in Conference
    Room 4.

cc: Chef de Cabinet
"""

UNREADABLE = """THE PRESIDENT
OF THE
GENERALASSEMBLY

IS November, 2013

Excel1ency,

I will convene an informal briefing on Thursday, 21 November at l0 a.m. in Conference
Room 2 (NLB).

Please accept, Excellency, the assurances of my highest consideration.

Jane Doe
"""


def test_an_email_on_behalf_of_the_co_facilitators_is_dated_by_its_sent_line():
    found = extract(EMAIL)
    assert (found.letter.date, found.letter.sender) == (date(2019, 5, 24), "co-facilitators")
    # The hour the e-mail was sent is no meeting.
    assert [(m.date, m.start.hour, m.room) for m in found.meetings] == [
        (date(2019, 6, 3), 10, "Conference Room 7")
    ]


def test_a_2001_memorandum_is_read_from_its_body_and_sent_by_the_president():
    found = extract(MEMO)
    assert (found.letter.date, found.letter.sender) == (date(2001, 4, 9), "pga")
    assert [(m.date, m.start.hour) for m in found.meetings] == [(date(2001, 4, 16), 15)]


def test_an_unreadable_dateline_gives_no_date_a_warning_and_the_year_still():
    found = extract(UNREADABLE)
    assert found.letter.date is None
    assert any("could not be read" in w for w in found.warnings)
    assert [(m.date, m.start.hour, m.room) for m in found.meetings] == [
        (date(2013, 11, 21), 10, "Conference Room 2 (North Lawn Building)")
    ]


def test_an_unreadable_dateline_the_print_line_makes_certain_is_read():
    text = UNREADABLE.replace("Jane Doe\n", "Jane Doe\n\n13-59999 (E)    151113\n")
    found = extract(text)
    assert found.letter.date == date(2013, 11, 15)
    assert any("read as 15 November 2013" in w for w in found.warnings)


def test_a_note_dated_again_at_its_foot_is_one_letter():
    found = extract(
        "NOTE\n\n24 November 2010\n\nThe Office of the President of the General Assembly "
        "presents its compliments to the Permanent Missions. The building will be closed "
        "on Thursday, 25 November 2010.\n\nThe Office avails itself of this opportunity to "
        "renew the assurances of its highest consideration.\n\nNew York, 24 November 2010\n"
    )
    assert [facts.date for facts in found.letters] == [date(2010, 11, 24)]
    assert [(m.text, m.reason) for m in found.mentions if m.what == "date"][-1] == (
        "24 November 2010",
        "letter-date",
    )


def test_a_short_enclosed_letter_that_opens_with_its_salutation_is_a_letter_of_its_own():
    found = extract(
        "21 February 2023\n\nExcellency,\n\nI have the honour to transmit herewith a letter "
        "dated 15 February 2023 from the co-facilitators.\n\nPlease accept, Excellency, the "
        "assurances of my highest consideration.\n\nRenata Amaro\n\n---\n\n15 February 2023"
        "\n\nExcellency,\n\nWe will meet on Tuesday, 7 March, 10:00 - 13:00, in Conference "
        "Room 11.\n\nYours sincerely,\nThe co-facilitators\n"
    )
    assert [f.date.isoformat() for f in found.letters] == ["2023-02-21", "2023-02-15"]
    assert [(m.date.isoformat(), m.room) for m in found.meetings] == [
        ("2023-03-07", "Conference Room 11")
    ]


@pytest.mark.parametrize(
    "dateline",
    [
        "New York, the 2nd of February 2023",
        "New York, 2 of February of 2023",
        "New York, le 2 February 2023",
    ],
)
def test_a_dateline_in_the_words_of_another_language_dates_the_letter(dateline):
    found = extract(
        f"{dateline}\nExcellency,\n\nAll the informal consultations will take place from "
        "10h00 to 13h00 in the Conference\nRoom 2 :\n\n  - Tuesday 14 February : general "
        "exchange of views\n  - Tuesday 28 February : cluster I\n\nPlease accept, Excellency, "
        "the assurance of our highest consideration.\n"
    )
    assert found.letters[0].date == date(2023, 2, 2)
    assert [(m.date.isoformat(), m.start.hour, m.room, m.kind) for m in found.meetings] == [
        ("2023-02-14", 10, "Conference Room 2", "informal-consultation"),
        ("2023-02-28", 10, "Conference Room 2", "informal-consultation"),
    ]


def test_an_e_mails_sent_date_cut_by_a_line_break_is_the_letters_date():
    facts = extract(
        "From: Office of the President Sent: Monday, May\n10, 2021 4:12 PM To: All "
        "Permanent Missions Subject: Rescheduled\n\nExcellencies,\n\nThe informal "
        "consultations will be held on Friday, May 14th, at 10 a.m.\n\nBest regards\n"
    )
    assert facts.letters[0].date == date(2021, 5, 10)
    assert [m.date for m in facts.meetings] == [date(2021, 5, 14)]


def test_an_enclosed_letters_dateline_and_salutation_on_one_line_start_a_letter():
    found = extract(
        "20 March 2023\n\nExcellency,\n\nI have the honour to transmit herewith a letter "
        "from the co-facilitators.\n\nPlease accept, Excellency, the assurances of my "
        "highest consideration.\n\nA. President\n\n20 March 2023 Excellency,\n\nThe first "
        "informal consultation will take place on Monday, 3 April 2023 from 3 to 6 p.m. in "
        "Conference Room 1, followed by a second on Monday, 17 April 2023 from 10 a.m. to "
        "1 p.m. in the same room.\n\nCo-facilitators\n"
    )
    assert [(m.date.day, m.start.hour, m.room, m.letter_index) for m in found.meetings] == [
        (3, 15, "Conference Room 1", 1),
        (17, 10, "Conference Room 1", 1),
    ]


def test_an_enclosed_letter_without_a_date_of_its_own_is_read_as_of_the_cover():
    found = extract(
        "20 March 2023\n\nExcellency,\n\nI have the honour to transmit herewith a letter "
        "from the co-facilitators concerning their programme of work.\n\nPlease accept, "
        "Excellency, the assurances of my highest consideration.\n\nA. President\n\n-----\n\n"
        "Excellency,\n\nWe are pleased to announce the following:\n\n1. A first informal "
        "consultation on Wednesday, 5 April, 10 a.m. to 1 p.m., in Conference Room 11;\n"
        "2. A second informal consultation on Wednesday, 12 April, at the same time and "
        "place.\n\nCo-facilitators\n"
    )
    assert len(found.letters) == 2
    assert [(m.date, m.start.hour, m.room, m.letter_index) for m in found.meetings] == [
        (date(2023, 4, 5), 10, "Conference Room 11", 1),
        (date(2023, 4, 12), 10, "Conference Room 11", 1),
    ]


def test_a_short_enclosure_whose_body_starts_on_its_salutations_line_is_a_letter():
    found = extract(
        "1 March 2023\n\nExcellency,\n\nI have the honour to transmit herewith a letter from "
        "the co-facilitators.\n\nPlease accept, Excellency, the assurances of my highest "
        "consideration.\n\n* * *\n\n28 February 2023\nExcellency, we shall hold informal "
        "consultations on Thursday, 16 March, 3 p.m. to 6 p.m., in Conference Room 6.\n"
    )
    assert [(m.date, m.start.hour, m.letter_index) for m in found.meetings] == [
        (date(2023, 3, 16), 15, 1)
    ]


def test_a_short_note_dated_at_its_foot_is_read_above_its_date():
    found = extract(
        "NOTE TO ALL DELEGATIONS\n\nThe Chair of the intergovernmental negotiations wishes to "
        "inform delegations that the next meeting will take place on Tuesday, 2 February "
        "2010 at 3.00 p.m. in Conference Room 4, and the following on Tuesday, 16 February "
        "at the same time and place.\n\nNew York, 15 January 2010\n"
    )
    assert found.letters[0].date == date(2010, 1, 15)
    assert [(m.date, m.start.hour) for m in found.meetings] == [
        (date(2010, 2, 2), 15),
        (date(2010, 2, 16), 15),
    ]
