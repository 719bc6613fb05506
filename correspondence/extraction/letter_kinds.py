"""The kind of a meeting the letter names only as "meeting": from the letter's other
meetings, or from the process its writers chair."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from correspondence.enums import Sender
from meetings.enums import MeetingKind

from .kinds import AS_A_TOPIC, find_kinds
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


# The IGN's full name, which no other process has.
IGN_NAME = (
    r"\bintergovernmental\s+negotiations\s+on\s+the\s+question\s+of\s+equitable\s+representation"
)
# "in our capacity as Co-Chairs of the intergovernmental negotiations on the question of
# equitable representation on ... the Security Council", "As Chair of the IGN": the IGN,
# whose meetings are all negotiations (the README of the corpus: "IGN meetings are
# negotiation").
IGN = re.compile(
    r"\b(?:Co-?)?Chairs?\s+of\s+the\s+(?:IGN\b|intergovernmental\s+negotiations\b)|" + IGN_NAME,
    re.IGNORECASE,
)
# "Sent on behalf of the Co-Chairs of the Intergovernmental Negotiations": the PGA's office
# sends the Co-Chairs' schedule.
ON_BEHALF = re.compile(
    r"\b(?:on\s+behalf|at\s+the\s+request)\s+of\s+the\s+(?:Co-?)?Chairs?\b"
    # "As Chair of the IGN, I share ...": the letter's writers say who they are.
    r"|\b(?:As|in\s+(?:my|our)\s+capacity\s+as|Writing\s+as)\s+(?:the\s+)?(?:Co-?)?Chairs?\s+of\b",
    re.IGNORECASE,
)
IN_THE_IGN = re.compile(
    r"\b(?:IGN|intergovernmental\s+negotiations\s+on\s+(?:the\s+question\s+of\s+equitable"
    r"|Security\s+Council\s+reform))\b",
    re.IGNORECASE,
)
FULL_NAME = re.compile(IGN_NAME, re.IGNORECASE)
IGN_MEETS = re.compile(
    IN_THE_IGN.pattern + r"[^.;]{0,200}?\bwill\s+(?:commence|begin|start|resume|continue|meet"
    r"|convene|reconvene|be\s+held|take\s+place)\b",
    re.IGNORECASE,
)
IGN_SITTINGS = (MeetingKind.OTHER, MeetingKind.PLENARY, MeetingKind.INFORMAL_CONSULTATION)
CONSULTATIONS_WE_CHAIR = re.compile(
    r"\b(?:co-?chair|co-?facilitat|facilitat|conduct|lead)\w*\s+(?:of\s+)?(?:the\s+)?(?:open-ended\s+)?"
    r"informal\s+consultations\b",
    re.IGNORECASE,
)
# What a meeting of the IGN is called when the letter gives it no kind of its own.
IGN_MEETINGS = (MeetingKind.OTHER, MeetingKind.INFORMAL_CONSULTATION)
FACILITATORS = (Sender.CO_FACILITATORS, Sender.CO_CHAIRS)


FROM_THE_FACILITATORS = re.compile(
    r"\b(?:letter|schedule|programme|communication)\b[^.]{0,120}?\bfrom\s+(?:the\s+)?"
    r"(?:co-?facilitators|Co-?Chairs?)\b",
    re.I,
)


def kinds_of_the_process(reading: Reading, letters: list[LetterFacts]) -> None:
    """The meetings the Co-Chairs of the intergovernmental negotiations convene ("an
    informal meeting with Member States", "meetings on Regional representation") are
    negotiations; a briefing or a stocktaking they name keeps its kind. Other
    co-facilitators' meetings keep the kind of their words, and those of no kind said are
    the informal consultations they facilitate."""
    # "I have the honour to transmit herewith a letter from the co-facilitators": the
    # enclosed letter that does not say who wrote it is theirs
    forwarded = bool(letters) and bool(FROM_THE_FACILITATORS.search(letters[0].text[:3000]))

    def theirs(index: int, facts: LetterFacts) -> bool:
        return facts.sender in FACILITATORS or (index > 0 and forwarded and facts.sender is None)

    chaired = {
        index
        for index, facts in enumerate(letters)
        if IGN.search(facts.text)
        and (theirs(index, facts) or ON_BEHALF.search(facts.text) or FULL_NAME.search(facts.text))
    }
    # "following my consultations on the way forward in the intergovernmental negotiations
    # on Security Council reform, ... the dates of the next meetings": the IGN's.
    naming_the_ign = {index for index, facts in enumerate(letters) if IN_THE_IGN.search(facts.text)}
    for meeting in reading.meetings:
        if meeting.letter_index in chaired and meeting.kind in IGN_MEETINGS:
            meeting.kind = MeetingKind.NEGOTIATION
        elif meeting.kind in IGN_SITTINGS and not meeting.held and IGN_MEETS.search(meeting.source):
            # "the intergovernmental negotiations on ... will commence in an informal
            # plenary of the General Assembly on February 19th": a sitting of the IGN.
            meeting.kind = MeetingKind.NEGOTIATION
        elif id(meeting) in reading.generic and (
            IN_THE_IGN.search(meeting.source) or meeting.letter_index in naming_the_ign
        ):
            # "the programme of the intergovernmental negotiations on Security Council
            # reform, ..., which foresees meetings on 3 and 10 April": the IGN's meetings.
            meeting.kind = MeetingKind.NEGOTIATION
    # "We were honoured to be asked ... to co-chair the informal consultations on the Trust
    # Fund. ... At a first meeting on Monday, 7 February": the consultations' meetings.
    consulting = {
        index
        for index, facts in enumerate(letters)
        if index not in chaired and CONSULTATIONS_WE_CHAIR.search(facts.text)
    }
    # A co-facilitators' or Co-Chairs' letter's meetings of no kind said ("the roadmap
    # below" and its rows) are the informal consultations they facilitate (a working
    # group's too: 154 meetings so in the corpus, 105 `other`).
    facilitated = {
        index
        for index, facts in enumerate(letters)
        if index not in chaired and theirs(index, facts)
    }
    for meeting in reading.meetings:
        if (meeting.letter_index in consulting and id(meeting) in reading.generic) or (
            meeting.letter_index in facilitated
            and meeting.kind == MeetingKind.OTHER
            and id(meeting) not in reading.segments  # a part of the event they set out
        ):
            meeting.kind = MeetingKind.INFORMAL_CONSULTATION


def kinds_of_the_subject(reading: Reading, letters: list[LetterFacts]) -> None:
    """A memo or an e-mail whose subject names one kind ("Subject: Informal consultations
    on the draft declaration") lists meetings of that kind when it calls them only
    "the following meetings"."""
    for index, facts in enumerate(letters):
        if not facts.subject:
            continue
        named = {
            k.kind
            for k in find_kinds(facts.subject)
            if not k.is_deadline
            and k.kind != MeetingKind.OTHER
            and not AS_A_TOPIC.search(facts.subject[max(0, k.start - 30) : k.start])
        }
        if len(named) != 1:
            continue
        kind = next(iter(named))
        own = [m for m in reading.meetings if m.letter_index == index]
        if any(m.kind == kind and id(m) not in reading.generic for m in own):
            # "Subject: Informal briefing by the Controller and programme of work": the
            # subject names the briefing the letter announces, not its other meetings.
            continue
        for meeting in own:
            if id(meeting) in reading.generic:
                meeting.kind = kind


# The parts of an event a programme lists that are no event of their own.
PARTS = (MeetingKind.OTHER, MeetingKind.PANEL)


def kinds_of_the_segments(reading: Reading, letters: list[LetterFacts]) -> None:
    """An annex's "Opening segment" and "Closing segment" are parts of the event the
    letter announces ("the high-level meeting ..., as set out in the annex"): of its kind,
    the first the letter names (a panel is only ever a part)."""
    events: dict[int, MeetingKind] = {}  # letter index -> the event it announces
    for meeting in reading.meetings:
        if id(meeting) not in reading.segments or meeting.kind != MeetingKind.OTHER:
            continue
        if meeting.letter_index not in events:
            text = letters[meeting.letter_index].text
            named = (
                k.kind
                for k in find_kinds(text)
                if not k.is_deadline
                and k.kind not in PARTS
                and not AS_A_TOPIC.search(text[max(0, k.start - 30) : k.start])
            )
            events[meeting.letter_index] = next(named, MeetingKind.OTHER)
        meeting.kind = events[meeting.letter_index]
