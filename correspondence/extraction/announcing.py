"""A meeting a sentence announces without a date ("I will convene an informal meeting of
the General Assembly to hear a briefing ..."), for the sentences after it that date it
("The meeting will be held on 25 November")."""

from __future__ import annotations

import re

from meetings.enums import MeetingKind

from .dates import DateMention
from .kinds import AS_A_TOPIC, find_kinds, nearest_kind

# "The meeting will be held on ...", "It will take place on ...": the one just announced.
# "We intend to hold them on 23-25 June": the consultations just announced.
THAT_MEETING = re.compile(
    # "... the dates of the next two informal consultations. The first will be held on"
    # ("The first, on adaptation finance, will be on 5 February")
    r"^The\s+(?:first|second)(?:\s+one)?(?:,[^.;,]{1,60},)?\s+(?:will|is\s+to|would)\b|"
    # "The first informal meeting will take place on 13 May": the first of those announced.
    r"^(?:The|This|That)\s+(?:(?:first|second|third|next|last)\s+)?(?:informal\s+)?meetings?\b"
    # "I have decided to convene informal consultations ... The first round will take place"
    r"|^The\s+(?:first|opening)\s+(?:round|session)\b"
    r"|^It\s+will\b"
    # "The meeting will be held in Conference Room 4. Its date is Thursday, 7 September"
    r"|^Its\s+date\s+(?:is|will\s+be)\b"
    r"|^[^.;]{0,40}\b(?:hold|convene|conduct)\s+them\b",
    re.I,
)
# "I will convene an informal meeting ...", "I intend to hold a briefing ...".
CONVENES = re.compile(
    r"\b(?:convene|hold|organi[sz]e|host|conduct)\b|\bdates?\s+of\s+the\s+next\b"
    # "informal dialogues with the candidates will be held in the Trusteeship Council Chamber"
    r"|\bwill\s+(?:be\s+held|take\s+place)\b"
    r"|\bnext\s+(?:two|three|four)\b"
    # "I am pleased to announce a series of three interactive dialogues"
    r"|\b(?:announce|schedule)\s+(?:a|an|the|two|three|four)\b"
    # "I have the pleasure to invite you to two informal meetings of the plenary"
    r"|\binvite\s+(?:you|your\s+delegation|delegations|Member\s+States)\s+to\s+"
    r"(?:a|an|the|two|three|four|our)\b",
    re.I,
)


def announced_kind(sentence: str) -> MeetingKind | None:
    """The kind of the meeting a sentence without a date announces, if it announces one:
    the kind nearest its end, as if its date followed."""
    convenes = CONVENES.search(sentence)
    if not convenes:
        return None
    kinds = [k for k in find_kinds(sentence) if not k.is_deadline]
    # "I will convene an informal meeting of the General Assembly to hear a briefing by the
    # Secretary-General on ... the Climate Finance Roundtable": what is convened comes first.
    after = [
        k
        for k in kinds
        if k.start >= convenes.end()
        and k.kind != MeetingKind.OTHER
        and not AS_A_TOPIC.search(sentence[max(0, k.start - 30) : k.start])
    ]
    if after and convenes.group(0).lower() != "will be held":
        return after[0].kind
    end = len(sentence)
    kind = nearest_kind(DateMention(end, end, []), kinds, sentence) if kinds else None
    return kind.kind if kind is not None and kind.kind != MeetingKind.OTHER else None
