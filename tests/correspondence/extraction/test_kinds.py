"""The kind follows the letter's words: plans, actions and elections count."""

import pytest

from meetings.enums import MeetingKind

from .helpers import meetings_of


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "I have accordingly set aside plenary meetings on 20 April for this purpose.",
            MeetingKind.PLENARY,
        ),
        (
            "We intend to present the draft decision to the Assembly for action on 14 July.",
            MeetingKind.PLENARY,
        ),
        (
            "The election of the members of the Committee will take place on 12 June.",
            MeetingKind.ELECTION,
        ),
        (
            "I have set aside plenary meetings on 7 June for the election, beginning at 10 a.m.",
            MeetingKind.ELECTION,
        ),
        ("The multi-stakeholder hearing will be hosted on 4 May.", MeetingKind.HEARING),
        (
            "A High-level Dialogue on Financing for Development will be held on 20 September.",
            MeetingKind.DIALOGUE,
        ),
        (
            "I will convene an open briefing for Member States and observers on 30 March.",
            MeetingKind.BRIEFING,
        ),
        (
            "We convene a stocktaking meeting of the intergovernmental negotiations on 17 June",
            MeetingKind.STOCKTAKING,
        ),
        (
            "We intend to convene the first two IGN meetings on October 3rd.",
            MeetingKind.NEGOTIATION,
        ),
        (
            "A first reading of the zero draft will take place on May 18th.",
            MeetingKind.INFORMAL_CONSULTATION,
        ),
        ("I will convene an informal meeting of the plenary on 23 April.", MeetingKind.PLENARY),
        (
            "I will hold informal consultations of the plenary on 15 April.",
            MeetingKind.INFORMAL_CONSULTATION,
        ),
        ("I will convene a high-level plenary meeting on 3 December.", MeetingKind.HIGH_LEVEL),
        (
            "The General Assembly will take action on the draft resolution on 25 April.",
            MeetingKind.PLENARY,
        ),
        (
            "The Assembly is expected to take a decision on the report on Tuesday, 2 May.",
            MeetingKind.PLENARY,
        ),
        ("The General Assembly will vote on the draft text on 9 May.", MeetingKind.PLENARY),
        (
            "Action on the draft resolution will be taken on 5 May in the General Assembly Hall.",
            MeetingKind.PLENARY,
        ),
        ("The adoption of the draft declaration is scheduled for 5 May.", MeetingKind.PLENARY),
        ("The Assembly will consider the draft resolution on 5 May.", MeetingKind.PLENARY),
        (
            "The President of the Security Council will brief the General Assembly on 5 May.",
            MeetingKind.BRIEFING,
        ),
        (
            "The Assembly will hold the election of the President of the seventy-eighth "
            "session on Thursday, 1 June, at 10 a.m.",
            MeetingKind.ELECTION,
        ),
        ("A second session will be held on 9 May.", MeetingKind.OTHER),
    ],
)
def test_the_kind_follows_the_words(body, kind):
    assert [m[4] for m in meetings_of(body)] == [kind.value]


def test_the_new_kinds_have_their_labels():
    assert (
        MeetingKind.HEARING.label,
        MeetingKind.ELECTION.label,
        MeetingKind.STOCKTAKING.label,
    ) == (
        "Interactive hearing",
        "Election",
        "Stocktaking meeting",
    )


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("A round table on financing will be held on 5 April.", MeetingKind.PANEL),
        ("The third negotiating session will be held on 5 April.", MeetingKind.NEGOTIATION),
        ("A seminar for delegates will be held on 5 April.", MeetingKind.OTHER),
        ("A commemorative ceremony will be held on 5 April at 10 a.m.", MeetingKind.OTHER),
        ("The solemn commemoration will take place on 5 April.", MeetingKind.OTHER),
    ],
)
def test_other_words_for_a_meeting(body, kind):
    assert [m[4] for m in meetings_of(body)] == [kind.value]


@pytest.mark.parametrize(
    "body",
    [
        "The list of speakers for the debate will be opened on Monday, 3 April 2023.",
        "The list of speakers for the high-level meeting will close on 3 April at 6 p.m.",
        "Inscriptions on the list of speakers for the plenary meeting open on 27 March.",
    ],
)
def test_a_list_of_speakers_opens_and_closes_but_never_meets(body):
    assert meetings_of(body) == []
