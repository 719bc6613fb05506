"""The kind of a meeting a letter names only as "meeting": from the letter's other
meetings, or from the process its writers chair."""

from correspondence.extraction import extract

IGN = """13 January 2025

Excellency,

We write in our capacity as Co-Chairs of the intergovernmental negotiations on the
question of equitable representation on and increase in the membership of the Security
Council. Having heard the views expressed at the informal meeting with Member States on
16 December 2024, we will convene a meeting on the cluster "Size of an enlarged Council"
on Monday, 3 February 2025, from 10 a.m. to 1 p.m., in Conference Room 1, and a
briefing by the Secretariat on Friday, 7 February 2025, at 3 p.m.

Please accept, Excellency, the assurances of our highest consideration.

Ana Lima                                 Piotr Nowak
Permanent Representative of Ostra         Permanent Representative of Velm

Co-Chairs of the intergovernmental negotiations
"""


def test_the_meetings_the_ign_co_chairs_convene_are_negotiations():
    found = extract(IGN)
    assert [(m.date.isoformat(), m.kind, m.held) for m in found.meetings] == [
        ("2024-12-16", "negotiation", True),
        ("2025-02-03", "negotiation", False),
        ("2025-02-07", "briefing", False),  # a kind of its own stays
    ]


def test_co_facilitators_of_other_negotiations_hold_informal_consultations():
    text = IGN.replace(
        "Co-Chairs of the intergovernmental negotiations on the\nquestion of "
        "equitable representation",
        "co-facilitators of the negotiations on the\nquestion of fair representation",
    ).replace("Co-Chairs", "Co-facilitators")
    found = extract(text)
    # "a meeting on the cluster ...": what co-facilitators convene, unless named otherwise
    assert [m.kind for m in found.meetings] == [
        "informal-consultation",
        "informal-consultation",
        "briefing",
    ]


def test_co_chairs_who_name_the_ign_by_its_letters_convene_negotiations():
    text = IGN.replace(
        "We write in our capacity as Co-Chairs of the intergovernmental negotiations on the\n"
        "question of equitable representation on and increase in the membership of the "
        "Security\nCouncil.",
        "Writing as Co-Chairs of the intergovernmental negotiations (IGN), we set out our plans.",
    )
    found = extract(text)
    assert [(m.date.isoformat(), m.kind) for m in found.meetings][1] == (
        "2025-02-03",
        "negotiation",
    )


ROADMAP = """25 January 2023

Excellency,

In our capacity as co-facilitators of the intergovernmental process on the ocean
declaration, we are pleased to share the roadmap below:

- Tuesday, 7 February 2023, 10 a.m. - 1 p.m., Trusteeship Council Chamber
- Tuesday, 21 February 2023, 3 p.m. - 6 p.m., Conference Room 3

Please accept, Excellency, the assurances of our highest consideration.

Ana Lima                                 Piotr Nowak
Permanent Representative of Ostra         Permanent Representative of Velm

Co-facilitators
"""


def test_the_meetings_co_facilitators_list_without_a_kind_are_informal_consultations():
    found = extract(ROADMAP)
    assert [(m.date.isoformat(), m.kind) for m in found.meetings] == [
        ("2023-02-07", "informal-consultation"),
        ("2023-02-21", "informal-consultation"),
    ]


def test_the_meetings_a_working_groups_co_chairs_list_are_informal_consultations():
    # The writers of the corpus call them so 154 times, `other` 105 times.
    text = ROADMAP.replace(
        "co-facilitators of the intergovernmental process on the ocean\ndeclaration",
        "Co-Chairs of the Ad Hoc Working Group on the revitalization of the work of the "
        "General Assembly",
    ).replace("Co-facilitators\n", "Co-Chairs\n")
    assert {m.kind for m in extract(text).meetings} == {"informal-consultation"}


def test_the_meetings_of_a_letter_on_the_way_forward_in_the_ign_are_negotiations():
    found = extract(
        IGN.replace(
            "We write in our capacity as Co-Chairs of the intergovernmental negotiations on the\n"
            "question of equitable representation on and increase in the membership of the "
            "Security\nCouncil.",
            "Following my consultations on the way forward in the intergovernmental "
            "negotiations on Security Council reform, I share the dates of the next meetings.",
        ).replace(
            "we will convene a meeting on the cluster",
            "the meetings will take place on Monday, 27 January 2025 and on the cluster",
        )
    )
    assert {m.kind for m in found.meetings if m.date.isoformat() == "2025-01-27"} == {"negotiation"}


def test_the_ign_that_will_commence_in_an_informal_plenary_meets_in_negotiations():
    found = extract(
        "4 February 2025\n\nExcellency,\n\nI have the honour to inform you that the "
        "intergovernmental negotiations on Security Council reform will commence in an "
        "informal plenary of the General Assembly on February 19th, at 10 a.m. in Conference "
        "Room 4.\n\nAccept, Excellency, the assurances of my highest consideration.\n\nJane Doe\n"
    )
    assert [(m.date.isoformat(), m.kind) for m in found.meetings] == [("2025-02-19", "negotiation")]


def test_the_meetings_of_the_co_chairs_of_the_informal_consultations_are_consultations():
    found = extract(
        "3 October 2023\n\nExcellency,\n\nIn our capacity as co-chairs of the informal "
        "consultations of the plenary on system-wide coherence, we intend to hold a first "
        "meeting on Wednesday, 25 October 2023. The meeting will start at 10 a.m. in "
        "Conference Room 1.\n\nPlease accept, Excellency, the assurances of our highest "
        "consideration.\n"
    )
    assert [(m.date.isoformat(), m.kind) for m in found.meetings] == [
        ("2023-10-25", "informal-consultation")
    ]


def test_an_enclosed_letter_forwarded_as_the_co_facilitators_lists_their_consultations():
    found = extract(
        "3 April 2023\n\nExcellency,\n\nI have the honour to forward the attached letter from "
        "the co-facilitators of the preparatory process, outlining their schedule.\n\nPlease "
        "accept, Excellency, the assurances of my highest consideration.\n\nA. President\n\n"
        "31 March 2023\n\nExcellency,\n\nWe are pleased to share the following schedule:\n\n"
        "   1.  Tuesday, 18 April: 10 am - 1 pm, Conference Room 1\n"
        "   2.  Thursday, 27 April: 3 pm - 6 pm, Conference Room 1\n\nPlease accept, "
        "Excellency, the assurances of our highest consideration.\n\nA. One    B. Two\n"
    ).meetings
    assert {m.kind.value for m in found} == {"informal-consultation"}
    assert len(found) == 2
