"""What the letter calls a meeting (its title) and a deadline, in the letter's words."""

from __future__ import annotations

import re
from datetime import date

from meetings.enums import MeetingKind

from .dates import DateMention
from .kinds import KindMention
from .resolving import days_of
from .results import ProposedDeadline
from .times import TimeMention
from .vocabulary import MONTH, ORDINALS, WEEKDAY, clean_space


def title_of(sentence: str, kind: KindMention) -> str:
    """What the letter calls the meeting: "Third informal consultation", "Informal
    thematic debate on human trafficking". Only the letter's own words."""
    label = {
        MeetingKind.INFORMAL_CONSULTATION: "informal consultation",
        MeetingKind.NEGOTIATION: "intergovernmental negotiations",
        MeetingKind.THEMATIC_DEBATE: "thematic debate",
        MeetingKind.HIGH_LEVEL: "high-level meeting",
        MeetingKind.PLENARY: "plenary meeting",
        MeetingKind.DIALOGUE: "interactive dialogue",
        MeetingKind.PANEL: "panel discussion",
        MeetingKind.BRIEFING: "briefing",
        MeetingKind.HEARING: "interactive hearing",
        MeetingKind.ELECTION: "election",
        MeetingKind.STOCKTAKING: "stocktaking meeting",
    }.get(kind.kind)
    said = clean_space(sentence[kind.start : kind.end])
    lead = sentence[max(0, kind.start - 60) : kind.start]
    words = []
    ordinal = re.search(rf"\b({ORDINALS})\s+(?:[\w-]+\s+){{0,2}}$", lead, re.I)
    if ordinal:
        words.append(ordinal.group(1).lower())
    if (
        re.search(r"\binformal\s+(?:[\w-]+\s+){0,3}$", lead, re.I)
        and kind.kind != MeetingKind.INFORMAL_CONSULTATION
    ):
        words.append("informal")
    part_of = re.search(
        r"\b((?:opening|closing)\s+(?:plenary|session|segment)\s+of\s+the)\s+$", lead, re.I
    )
    if part_of:
        words = [part_of.group(1).lower()]
    if label is None:
        label = said.lower()
        if label.endswith("s") and not label.endswith("ss"):
            label = label[:-1]
    words.append(label)
    topic = re.match(
        r"\s+on\s+(?!(?:"
        + WEEKDAY
        + r"|\d|"
        + MONTH
        + r"|the\s+(?:following|next)|that\b))([^,;()]{3,120}?)"
        r"(?=\s+(?:on|at|in|from|with|to\s+be|will|would|shall|is|are|was|were|which|that"
        r"|and\s+(?:will|would))\b|[,;.()]|$)",
        sentence[kind.end :],
        re.I,
    )
    title = " ".join(words)
    if topic:
        title += " on " + clean_space(topic.group(1))
    return title[:1].upper() + title[1:]


DEADLINE_WHAT = re.compile(
    r"^(?P<what>.+?)(?=\s+(?:to\s+(?:all|member|delegations)|on\s|by\s|no\s+later|before\s|at\s"
    r"|until\s|will\s|would\s|is\s|are\s|shall\s|should\s|must\s|may\s|can\s)|[,;.()]|$)",
    re.IGNORECASE,
)


def deadlines_for(
    mention: DateMention,
    kind: KindMention,
    sentence: str,
    clause: str,
    own_times: list[TimeMention],
    letter_date: date | None,
    letter_index: int = 0,
) -> list[ProposedDeadline]:
    days, _ = days_of(mention, letter_date, past=False, previous=[])
    if not days:
        return []
    what = DEADLINE_WHAT.match(sentence[kind.start :])
    text = clean_space(what.group("what")) if what else clean_space(sentence[kind.start : kind.end])
    text = text[:1].upper() + text[1:]
    close_of_business = bool(
        re.search(r"\bCOB\b|close\s+of\s+business|end\s+of\s+(?:the\s+)?day", clause, re.I)
    )
    due = own_times[0].begins if own_times else None
    return [
        ProposedDeadline(
            date=day,
            what=text[:300],
            kind=kind.kind,
            time=due,
            close_of_business=close_of_business,
            source=sentence,
            warnings=[note] if note else [],
            letter_index=letter_index,
        )
        for day, note in days
    ]
