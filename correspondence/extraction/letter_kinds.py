"""The kind of a meeting the letter names only as "meeting": from the letter's other
meetings, or from the process its writers chair."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from correspondence.enums import Sender
from meetings.enums import MeetingKind

from .results import LetterFacts

if TYPE_CHECKING:
    from .record import Reading


def kinds_from_the_letter(reading: Reading) -> None:
    """A meeting the letter calls only "our meeting" is of the one kind its other
    meetings share ("Following our meeting of 5 February" in a letter of informal
    consultations was the first of them)."""
    kinds_in: dict[int, set] = {}  # letter index -> the kinds its other meetings have
    for m in reading.meetings:
        if id(m) not in reading.plain:
            kinds_in.setdefault(m.letter_index, set()).add(m.kind)
    for meeting in reading.meetings:
        if id(meeting) not in reading.plain:
            continue
        others = kinds_in.get(meeting.letter_index, set())
        if len(others) == 1 and MeetingKind.OTHER not in others:
            meeting.kind = next(iter(others))


# "in our capacity as Co-Chairs of the intergovernmental negotiations on the question of
# equitable representation on ... the Security Council": the IGN, whose meetings are
# all negotiations (the README of the corpus: "IGN meetings are negotiation").
IGN = re.compile(
    # "As Co-Chairs of the intergovernmental negotiations (IGN)": the name and its letters.
    r"\bCo-?Chairs?\s+of\s+the\s+(?:IGN\b|intergovernmental\s+negotiations\s+\(IGN\)"
    r"|intergovernmental\s+negotiations\s+on\s+"
    r"(?:the\s+question\s+of\s+equitable\s+representation|Security\s+Council\s+reform))",
    re.IGNORECASE,
)
# What a meeting of the IGN is called when the letter gives it no kind of its own.
IGN_MEETINGS = (MeetingKind.OTHER, MeetingKind.INFORMAL_CONSULTATION)


def kinds_of_the_process(reading: Reading, letters: list[LetterFacts]) -> None:
    """The meetings the Co-Chairs of the intergovernmental negotiations convene ("an
    informal meeting with Member States", "meetings on Regional representation") are
    negotiations; a briefing or a stocktaking they name keeps its kind."""
    chaired = {
        index
        for index, facts in enumerate(letters)
        if facts.sender == Sender.CO_CHAIRS and IGN.search(facts.text)
    }
    for meeting in reading.meetings:
        if meeting.letter_index in chaired and meeting.kind in IGN_MEETINGS:
            meeting.kind = MeetingKind.NEGOTIATION
