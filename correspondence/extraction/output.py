"""The shape `import_letter --json` prints and the tests compare."""

from __future__ import annotations

from datetime import date, time

from meetings.enums import MeetingKind

from .results import Extraction, LetterFacts

# --- Output ----------------------------------------------------------------------------


# The kinds in the words `import_letter --json` has always printed.
KIND_WORDS = {
    MeetingKind.INFORMAL_CONSULTATION: "informal consultation",
    MeetingKind.NEGOTIATION: "intergovernmental negotiation",
    MeetingKind.THEMATIC_DEBATE: "thematic debate",
    MeetingKind.HIGH_LEVEL: "high-level meeting",
    MeetingKind.PLENARY: "plenary meeting",
    MeetingKind.DIALOGUE: "interactive dialogue",
    MeetingKind.PANEL: "panel",
    MeetingKind.BRIEFING: "briefing",
    MeetingKind.HEARING: "interactive hearing",
    MeetingKind.ELECTION: "election",
    MeetingKind.STOCKTAKING: "stocktaking meeting",
    MeetingKind.OTHER: "other",
}


def as_json(extraction: Extraction) -> dict:
    """The shape `import_letter --json` prints: dates ISO, times HH:MM New York time."""

    def letter(facts: LetterFacts) -> dict:
        return {
            "date": iso(facts.date),
            "sender": facts.sender,
            "signatories": [
                {"name": s.name, "title": s.title, "state": s.state, "honorific": s.honorific}
                for s in facts.signatories
            ],
            "addressees": facts.addressees,
            "subject": facts.subject,
            "further_to": [iso(d) for d in facts.further_to],
        }

    main = letter(extraction.letter)
    main["enclosures"] = [letter(facts) for facts in extraction.letters[1:]]
    return {
        "letter": main,
        "meetings": [
            {
                "date": iso(m.date),
                "start": hhmm(m.start),
                "end": hhmm(m.end),
                "room": m.room,
                "virtual": m.virtual,
                "kind": KIND_WORDS[m.kind],
                "title": m.title,
                "tentative": m.tentative,
                "held": m.held,
                "timing": m.timing,
                "action": m.action,
                "moved_from": iso(m.moved_from),
                "warnings": m.warnings,
                "source": m.source,
            }
            for m in extraction.meetings
        ],
        "deadlines": [
            {
                "date": iso(d.date),
                "what": d.what,
                "kind": d.kind,
                "time": hhmm(d.time),
                "close_of_business": d.close_of_business,
                "warnings": d.warnings,
                "source": d.source,
            }
            for d in extraction.deadlines
        ],
        "warnings": extraction.warnings,
    }


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def hhmm(moment: time | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None
