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
    ],
)
def test_other_words_for_a_meeting(body, kind):
    assert [m[4] for m in meetings_of(body)] == [kind.value]
