"""Reading a letter: who wrote it to whom, and the meetings and deadlines it announces.

Pure functions over text. No database, no network, no model: the same text always
gives the same result, and a value the letter does not state stays empty (None).
Staff review every proposal before it reaches the schedule (see review.py).

A file may hold several letters: a PGA cover letter followed by the co-facilitators'
letter it encloses. Each is read on its own, because "this morning" and a date
without a year mean different days in each.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import lru_cache

from gasched.validators import BIDI_CONTROLS
from meetings.headquarters import UNHQ_ROOMS, room_key

# --- Vocabulary ------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20|21)\d\d"
DASH = r"\s*(?:-|–|—|to|until|through)\s*"

# The kinds as the office names them (MeetingKind values), in order of precedence: a
# "high-level plenary meeting" is a high-level meeting, an "informal thematic debate"
# a thematic debate.
KIND_PATTERNS: list[tuple[str, str]] = [
    ("thematic-debate", r"thematic\s+debates?|(?:general\s+)?debate"),
    ("high-level", r"high[-\s]level\s+(?:plenary\s+)?(?:meetings?|events?|segment)"),
    ("dialogue", r"(?:interactive\s+)?dialogues?"),
    ("panel", r"panel(?:\s+discussions?)?s?"),
    ("briefing", r"briefings?"),
    (
        "negotiation",
        r"intergovernmental\s+negotiations?|negotiation\s+sessions?|rounds?\s+of\s+(?:intergovernmental\s+)?negotiations|negotiations",
    ),
    (
        "informal-consultation",
        r"informal\s+(?:consultations?|meetings?|sessions?)|consultations?|informals?\b"
        # a bare "informal" is the meeting ("a third informal"), not "an informal retreat"
        r"(?!\s+(?:[a-z-]+\s+)?(?:retreat|meeting|dialogue|briefing|debate|plenary|panel|session|event|segment|General|thematic|interactive|high-level))",
    ),
    ("plenary", r"plenary(?:\s+meetings?)?"),
    ("other", r"meetings?|sessions?|retreat|workshop|event"),
]
KIND_WORDS = {
    "informal-consultation": "informal consultation",
    "negotiation": "intergovernmental negotiation",
    "thematic-debate": "thematic debate",
    "high-level": "high-level meeting",
    "plenary": "plenary meeting",
    "dialogue": "interactive dialogue",
    "panel": "panel",
    "briefing": "briefing",
    "other": "other",
}
DEADLINE_PATTERNS: list[tuple[str, str]] = [
    ("other", r"draft\s+(?:proposals?|resolutions?|decisions?)"),
    ("zero-draft", r"zero\s+draft"),
    ("revised-draft", r"(?:revised|updated|second|new)\s+(?:draft|text|version)|rev\.\s*\d"),
    ("silence", r"silence\s+procedure|under\s+silence"),
    (
        "written-inputs",
        r"(?:written\s+)?(?:inputs|comments|submissions|contributions|proposals|amendments)",
    ),
    ("other", r"deadline|draft|list\s+of\s+speakers|registration"),
]
DEADLINE_TRIGGER = re.compile(
    r"\b(?:circulat\w*|submi\w*|send|sent|shar\w*|deadline|due|COB|close\s+of\s+business"
    r"|no\s+later\s+than|by\s+(?:" + WEEKDAY + r"|" + DAY + r"\s+" + MONTH + r"|\d)|silence)\b",
    re.IGNORECASE,
)

TENTATIVE = re.compile(
    r"\b(?:if\s+(?:needed|necessary|required)|as\s+needed|tentative(?:ly)?|provisional(?:ly)?"
    r"|would\s+be\s+(?:held|convened)|may\s+be\s+(?:held|convened)|could\s+be\s+(?:held|convened)"
    r"|to\s+be\s+confirmed|TBC|subject\s+to\s+confirmation)\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|would|shall|may|could|might|to)\s+(?:(?:now|then|also|still)\s+)?(?:be\s+)?"
    r"(?:held|convened|hold|convene|take\s+place|organi[sz]e|start|begin|resume|continue)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:held|took\s+place|was\s+convened|were\s+convened|convened|concluded|"
    r"this\s+(?:morning|afternoon)'s|yesterday'?s?|last\s+week'?s?|participation\s+in|"
    r"thank(?:s|\s+you)?|grateful)\b",
    re.IGNORECASE,
)
MOVED = re.compile(
    r"\b(?:postponed|rescheduled|re-scheduled|moved|changed|brought\s+forward|instead\s+of|"
    r"now\s+(?:be\s+held|take\s+place)|will\s+now)\b",
    re.IGNORECASE,
)
CANCELLED = re.compile(r"\b(?:cancel(?:l)?ed|will\s+not\s+take\s+place|called\s+off)\b", re.I)
POSTPONED_OPEN = re.compile(
    r"\bpostponed\b(?!\s+(?:to|until|till)\s+(?:" + WEEKDAY + r"|" + DAY + r"|" + MONTH + r"))",
    re.IGNORECASE,
)
# A date that says when a letter was written is not a meeting.
LETTER_REFERENCE = re.compile(
    r"(?:letter|note|communication|resolution|decision|report)s?(?:\s+[\w/.()-]+)?\s+(?:dated|of|received\s+on|"
    r"sent\s+on|issued\s+on)\s*$|\bdated\s*$|\breceived\s+on\s*$",
    re.IGNORECASE,
)
ORDINALS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|additional|further|another"
MORNING = re.compile(r"\bmorning\b", re.I)
AFTERNOON = re.compile(r"\bafternoon\b", re.I)

# Rooms, by every name people write. A bare "ECOSOC" or "Consultations Room" in running
# text rarely names a room, so only names with a room word are looked for.
ROOM_KEY = re.compile(r"room|chamber|hall|^cr[0-9a-e]", re.I)
GENERIC_ROOM = re.compile(
    r"\b(?:Conference\s+Room|Conf\.?\s*Room|Conference\s+Rm\.?|CR)[\s.\-]*(\d{1,2}|[A-E])\b"
    r"(?!\s*(?:\(NLB\)|North\s+Lawn))"
)


def unhq_room_names() -> dict[str, str]:
    """Alias key -> canonical room name, from the shipped table of rooms."""
    names = {}
    for code, name, _building, _booths, _current, aliases in UNHQ_ROOMS:
        for alias in (name, code, *aliases):
            names[room_key(alias)] = name
    return names


# --- Results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str | None = None
    state: str | None = None
    honorific: str | None = None


@dataclass
class LetterFacts:
    date: date | None
    sender: str | None  # "pga", "co-facilitators", "committee-chair" or None
    signatories: list[Signatory]
    addressees: str | None
    subject: str | None
    further_to: list[date]
    text: str


@dataclass
class ProposedMeeting:
    date: date
    start: time | None
    end: time | None
    timing: str  # a meetings.enums.Timing value
    room: str | None
    kind: str  # a meetings.enums.MeetingKind value
    title: str
    tentative: bool
    held: bool
    source: str
    action: str = "announce"  # "announce", "move", "postpone" or "cancel"
    moved_from: date | None = None
    warnings: list[str] = field(default_factory=list)
    letter_index: int = 0  # 0: the letter itself; 1, 2...: its enclosures


@dataclass
class ProposedDeadline:
    date: date
    what: str
    kind: str  # a meetings.enums.DeadlineKind value
    time: time | None
    close_of_business: bool
    source: str
    warnings: list[str] = field(default_factory=list)
    letter_index: int = 0


# --- BEGIN review stand-in: Mention (the extraction package's version replaces it) ----


@dataclass(frozen=True)
class Mention:
    """A date, time, room or platform the text names, and what became of it.

    Offsets point into Extraction.text. `meeting` / `deadline`: the index of the
    proposal in Extraction.meetings / .deadlines it became; otherwise `reason` says why
    not ("letter-date", "back-reference", "resolution-date", "other-organisation",
    "deadline", "held-elsewhere", "not-understood"), `detail` a short phrase.
    """

    start: int
    end: int
    what: str  # "date", "time", "room" or "platform"
    text: str
    meeting: int | None = None
    deadline: int | None = None
    reason: str | None = None
    detail: str = ""


# --- END review stand-in -----------------------------------------------------------------


@dataclass
class Extraction:
    letters: list[LetterFacts]  # the letter, then what it encloses
    meetings: list[ProposedMeeting]
    deadlines: list[ProposedDeadline]
    warnings: list[str]
    text: str = ""  # the normalised text the mentions' offsets point into
    mentions: list[Mention] = field(default_factory=list)

    @property
    def letter(self) -> LetterFacts:
        return self.letters[0]


class ExtractionError(ValueError):
    """The text cannot be read as a letter; the message says why."""


# --- Entry point -----------------------------------------------------------------------


def extract(
    text: str, *, rooms: dict[str, str] | None = None, presidents: tuple[str, ...] = ()
) -> Extraction:
    """Read `text` (one letter, or a letter and its enclosures).

    `rooms` maps alias keys to canonical names (default: the rooms shipped with
    gasched); `presidents` are names known to have been President of the General
    Assembly, so that a letter signed by one of them is known to be the PGA's.
    """
    if not isinstance(text, str):
        raise ExtractionError("A letter is text.")
    text = normalise(text)
    if not text.strip():
        raise ExtractionError("The letter is empty: there is no text to read.")
    room_names = rooms if rooms is not None else unhq_room_names()
    letters, meetings, deadlines, warnings = [], [], [], []
    for index, part in enumerate(split_letters(text)):
        facts = read_letter(part, presidents=presidents)
        letters.append(facts)
        found_meetings, found_deadlines, found_warnings = read_announcements(
            body_of(part), letter_date=facts.date, rooms=room_names
        )
        for item in (*found_meetings, *found_deadlines):
            item.letter_index = index
        meetings += found_meetings
        deadlines += found_deadlines
        warnings += found_warnings
    found = Extraction(letters=letters, meetings=meetings, deadlines=deadlines, warnings=warnings)
    found.text = text
    found.mentions = date_mentions_of(found)
    return found


# --- BEGIN review stand-in: the dates of the text, minimally (replaced by the package) --


def pieces(text: str, *, longest: int = 2000):
    """(offset, piece) for each line of the text, a long line cut after a full stop."""
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.span()
        while end - start > longest:
            cut = text.rfind(". ", start, start + longest)
            cut = cut + 2 if cut > start else start + longest
            yield start, text[start:cut]
            start = cut
        yield start, text[start:end]


def date_mentions_of(found: Extraction) -> list[Mention]:
    """Every date the text names: the proposal it became when one of the letter's
    proposals has that date and was read from the sentence that names it; the letter's
    own date; otherwise not understood. Read line by line (a long line in pieces), so a
    long text costs linear time."""
    text = found.text
    dated = {(m.letter_index, m.date): i for i, m in reversed(list(enumerate(found.meetings)))}
    due = {(d.letter_index, d.date): i for i, d in reversed(list(enumerate(found.deadlines)))}
    starts, parts, cursor = [], [], 0
    for index, part in enumerate(split_letters(text)):
        cursor = text.find(part, cursor)
        line = DATE_LINE.search(part)
        own = (cursor + line.start(), cursor + line.end()) if line else (-1, -1)
        starts.append(cursor)
        parts.append((index, found.letters[index].date, own))
        cursor += len(part)
    mentions: list[Mention] = []
    for base, piece in pieces(text):
        index, letter_date, own = parts[max(bisect.bisect_right(starts, base) - 1, 0)]
        for mention in parse_date_mentions(piece):
            if not mention.days:
                continue
            start, end = base + mention.start, base + mention.end
            said = text[start:end]
            day = resolve_year(mention.days[0], letter_date, past=False)
            meeting, deadline = dated.get((index, day)), due.get((index, day))
            lead = text[max(0, start - 40) : start]
            if own[0] <= start < own[1] or LETTER_REFERENCE.search(lead):
                mentions.append(Mention(start, end, "date", said, reason="letter-date"))
            elif meeting is not None and clean_space(said) in found.meetings[meeting].source:
                mentions.append(Mention(start, end, "date", said, meeting=meeting))
            elif deadline is not None and clean_space(said) in found.deadlines[deadline].source:
                mentions.append(Mention(start, end, "date", said, deadline=deadline))
            else:
                mentions.append(Mention(start, end, "date", said, reason="not-understood"))
    return mentions


# --- END review stand-in -----------------------------------------------------------------


# What gasched.validators refuses in one line of typed text, but line breaks and tabs.
MISLEADING = re.compile("[" + re.escape("".join(BIDI_CONTROLS)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(text: str) -> str:
    """Plain text as the rest expects: no Markdown emphasis, plain quotes, no odd spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters and direction overrides can only mislead in a subject, a title or
    # a name read from the file (gasched.validators refuses them where people type).
    text = MISLEADING.sub("", text)
    text = re.sub(r"[\u00a0\u2000-\u200b\u202f\u3000\t]", " ", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", text)
    # Linear clean-ups only: a pattern that can fail after a long run (say "[ ]+\n" on
    # 100,000 spaces) costs the square of the run, and the text comes from uploads.
    text = re.sub(r" {2,}", " ", text).replace(" \n", "\n")
    return re.sub(r"\n{3,}", "\n\n", text)


# --- Letters and their parts -----------------------------------------------------------

DATE_LINE = re.compile(
    rf"^[ \t]*(?:New\s+York,?[ \t]+)?(?:{WEEKDAY},?[ \t]+)?(?:{DAY}[ \t]+{MONTH},?[ \t]+{YEAR}|{MONTH}[ \t]+{DAY},?[ \t]+{YEAR})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
CLOSING = re.compile(
    r"^[^\n]*?(?:assurances?\s+of\s+(?:my|our)\s+(?:highest|high|most\s+distinguished)\s+consideration"
    r"|Yours\s+(?:sincerely|faithfully)|^Sincerely|^With\s+(?:kind|best)\s+regards)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
SALUTATION = re.compile(
    r"^[ \t]*(?:Excellency|Excellencies|Dear[ \t]+[^\n]{0,60}),[ \t]*$", re.I | re.M
)
ADDRESSEES = re.compile(
    r"^[ \t]*(?:To:?[ \t]+)?(?:All\s+Permanent\s+Representatives|All\s+Member\s+States|"
    r"All\s+Permanent\s+Observers|Permanent\s+Representatives\s+and)",
    re.IGNORECASE | re.MULTILINE,
)
SUBJECT = re.compile(r"^[ \t]*(?:Subject|Re|Ref|Object)[ \t]*:[ \t]*([^\n]+)$", re.I | re.M)


def split_letters(text: str) -> list[str]:
    """The letter, then each enclosed letter: a new dated letter starts after a closing."""
    closings = [m.start() for m in CLOSING.finditer(text)]  # once: linear, not per date
    parts, start = [], 0
    for match in DATE_LINE.finditer(text):
        after = bisect.bisect_left(closings, start)
        if match.start() > start and after < len(closings) and closings[after] < match.start():
            parts.append(text[start : match.start()])
            start = match.start()
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


def body_of(part: str) -> str:
    """The text between the salutation (or the date) and the closing formula."""
    start = 0
    salutation = SALUTATION.search(part)
    if salutation:
        start = salutation.end()
    else:
        dated = DATE_LINE.search(part)
        if dated:
            start = dated.end()
    closing = CLOSING.search(part, start)
    return part[start : closing.start() if closing else len(part)]


def read_letter(part: str, *, presidents: tuple[str, ...] = ()) -> LetterFacts:
    dated = DATE_LINE.search(part)
    letter_date = parse_full_date(dated.group(0)) if dated else None
    subject = SUBJECT.search(part)
    signatories = read_signatories(part)
    letterhead = part[: dated.start()] if dated else ""
    is_pga = bool(re.search(r"president\s+of\s+the\s+general\s+assembly", letterhead, re.I))
    known = {room_key(name) for name in presidents if name}
    if is_pga or any(room_key(s.name) in known for s in signatories):
        signatories = [
            s
            if s.title or (room_key(s.name) not in known and not is_pga)
            else Signatory(s.name, "President of the General Assembly", s.state, s.honorific)
            for s in signatories
        ]
    return LetterFacts(
        date=letter_date,
        sender=sender_of(part, signatories, is_pga=is_pga),
        signatories=signatories,
        addressees=read_addressees(part),
        subject=clean_space(subject.group(1)) if subject else None,
        further_to=further_to(part, letter_date),
        text=part.strip(),
    )


def sender_of(part: str, signatories: list[Signatory], *, is_pga: bool) -> str | None:
    titles = " ".join(s.title or "" for s in signatories)
    if is_pga or "President of the General Assembly" in titles:
        return "pga"
    if re.search(r"\bChair(?:man|person)?\b.*\bCommittee\b", titles):
        return "committee-chair"
    if len(signatories) >= 2 or re.search(r"co-?facilitators'|co-?chairs'|\bwe\b", part, re.I):
        if re.search(r"co-?chairs?", part, re.I):
            return "co-chairs"
        if len(signatories) >= 2 or re.search(r"co-?facilitators?", part, re.I):
            return "co-facilitators"
    return None


HONORIFIC = re.compile(
    r"^(?:(?:H\.\s*E\.|His\s+Excellency|Her\s+Excellency|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|"
    r"Ambassador|Amb\.)\s+)+",
    re.IGNORECASE,
)
TITLE = re.compile(
    r"\b(?P<title>(?:Deputy\s+)?Permanent\s+(?:Representative|Observer)|Charg[eé]\s+d'affaires(?:\s+a\.\s*i\.)?"
    r"|President\s+of\s+the\s+General\s+Assembly|Chair(?:man|person)?\s+of\s+the\s+[\w\s()]+?Committee"
    r"|Co-?[Ff]acilitators?|Co-?[Cc]hairs?)"
    r"(?:\s+of\s+(?P<state>.+?))?\s*(?:to\s+the\s+United\s+Nations)?\s*(?:,\s*New\s+York)?\s*$",
    re.IGNORECASE,
)
NOT_A_NAME = re.compile(
    r"signature|signed|stamp|^\(|^\[|enclosure|^cc\b|^to\b|^all\b|united\s+nations|new\s+york",
    re.IGNORECASE,
)


def read_signatories(part: str) -> list[Signatory]:
    closing = last(CLOSING.finditer(part))
    if closing is None:
        return []
    block = part[closing.end() :]
    addressed = ADDRESSEES.search(block)
    if addressed:
        block = block[: addressed.start()]
    # A title broken over lines ("... of Belgium" / "to the United Nations") is one line.
    lines = [clean_space(line) for line in block.split("\n") if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and re.match(r"^(?:to\s+the\s+United\s+Nations|of\s+|and\s+)", line, re.I):
            joined[-1] += " " + line
        else:
            joined.append(line)
    signatories: list[Signatory] = []
    for line in joined:
        if len(line) > 200 or (NOT_A_NAME.search(line) and not TITLE.search(line)):
            continue
        honorific = HONORIFIC.match(line)
        rest = line[honorific.end() :] if honorific else line
        title = TITLE.search(rest)
        name = clean_space(rest[: title.start()] if title else rest).strip(" ,")
        if (
            title
            and not name
            and re.match(r"co-?(?:facilitators|chairs)\b", title.group("title"), re.I)
        ):
            continue  # "Co-facilitators" under the names labels them all
        if title and not name and signatories and signatories[-1].title is not None:
            # A second role on its own line ("Chair of the Second Committee").
            previous = signatories.pop()
            line_title = clean_space(title.group(0)).strip(" ,")
            signatories.append(
                Signatory(
                    previous.name,
                    f"{previous.title}, {line_title}",
                    previous.state,
                    previous.honorific,
                )
            )
            continue
        if title and not name and signatories and signatories[-1].title is None:
            # The title on the line below the name.
            previous = signatories.pop()
            name, honorific_text = previous.name, previous.honorific
        else:
            honorific_text = clean_space(honorific.group(0)) if honorific else None
        if not name or not looks_like_name(name):
            continue
        state = title.group("state") if title and title.group("state") else None
        if state:
            state = re.sub(r"^the\s+", "", clean_space(state), flags=re.I).strip(" ,.")
        signatories.append(
            Signatory(
                name=name,
                title=clean_space(title.group("title")) if title else None,
                state=state or None,
                honorific=honorific_text,
            )
        )
    return signatories


def looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 8
        and words[0][:1].isupper()
        and not text.endswith((".", ":", ","))
        and not re.search(r"\d", text)
    )


def read_addressees(part: str) -> str | None:
    found = last(ADDRESSEES.finditer(part))
    if found is None:
        return None
    lines = []
    for line in part[found.start() :].split("\n"):
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line.strip())
    text = clean_space(" ".join(lines))
    text = re.sub(r"^To:?\s+", "", text, flags=re.I)
    return re.sub(r"\s*,?\s+New\s+York\.?$", ", New York", text)


def further_to(part: str, letter_date: date | None) -> list[date]:
    """The earlier letters this one refers to ("Further to my letter dated 12 June")."""
    found = []
    pattern = rf"\b(?:further\s+to|refer(?:ence|ring)?\s+to|following\s+up\s+on)\s+(?:my|our|the)\s+(?:\w+\s+){{0,2}}letters?\s+(?:dated|of)\s+((?:{WEEKDAY},?\s+)?(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?)"
    for match in re.finditer(pattern, part, re.IGNORECASE):
        mention = parse_date_mentions(match.group(1))
        if mention and mention[0].days:
            day = resolve_year(mention[0].days[0], letter_date, past=True)
            if day:
                found.append(day)
    return found


def last(matches):
    """The last of an iterator of matches, or None."""
    found = None
    for found in matches:  # noqa: B007 -- keeping the last one is the point
        pass
    return found


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- Dates -----------------------------------------------------------------------------


@dataclass
class DateMention:
    start: int
    end: int
    days: list[tuple[int, int, int | None]]  # (day, month, year or None)
    weekday: int | None = None  # said only for a single day
    relative: str | None = None  # "today", "tomorrow", "this morning", "next week", ...


DAY_MONTH = rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH})"
MONTH_DAY = rf"(?P<m2>{MONTH})\s+(?P<d2>{DAY})"
SINGLE = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?(?:{DAY_MONTH}|{MONTH_DAY}(?!\d))(?:,?\s+(?P<y>{YEAR}))?\b",
    re.IGNORECASE,
)
# "from 8 to 10 June", "4-6 December", "13-15 February 2008", "June 8-10"
RANGE_SAME_MONTH = re.compile(
    rf"(?:from\s+|between\s+)?(?:(?:{WEEKDAY}),?\s+)?(?P<a>{DAY}){DASH.replace('to', 'to|and')}(?:(?:{WEEKDAY}),?\s+)?(?P<b>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b"
    rf"|(?P<m2>{MONTH})\s+(?P<a2>{DAY}){DASH}(?P<b2>{DAY})(?:,?\s+(?P<y2>{YEAR}))?\b",
    re.IGNORECASE,
)
# "from 30 November to 2 December", "from 30 November 2025 to 2 January 2026"
RANGE_TWO_MONTHS = re.compile(
    rf"(?:from\s+|between\s+)?(?:(?:{WEEKDAY}),?\s+)?(?P<a>{DAY})\s+(?P<ma>{MONTH})(?:,?\s+(?P<ya>{YEAR}))?{DASH.replace('to', 'to|and')}(?:(?:{WEEKDAY}),?\s+)?(?P<b>{DAY})\s+(?P<mb>{MONTH})(?:,?\s+(?P<yb>{YEAR}))?\b",
    re.IGNORECASE,
)
# "11 and 12 September", "8, 9 and 10 June"
LIST_SAME_MONTH = re.compile(
    rf"(?P<list>(?:{DAY},?\s+)+(?:and|&)\s+{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b",
    re.IGNORECASE,
)
RELATIVE = re.compile(
    r"\b(?P<rel>this\s+morning|this\s+afternoon|today|tomorrow|yesterday|"
    r"(?:the\s+)?following\s+week|next\s+week|later\s+this\s+week|this\s+week)(?:'s)?\b",
    re.IGNORECASE,
)


def number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()]


def year_or_none(text: str | None) -> int | None:
    return int(text) if text else None


def parse_date_mentions(text: str, *, ranges: bool = True) -> list[DateMention]:
    """Every date a sentence names, as written, in order; ranges expanded to their days.

    Without `ranges`, "from 10 to 12 February" is two dates (a meeting moved from one
    to the other), not three days."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(mention: DateMention) -> None:
        if free(mention.start, mention.end):
            mentions.append(mention)
            taken.append((mention.start, mention.end))

    for match in RANGE_TWO_MONTHS.finditer(text) if ranges else ():
        a = (number(match["a"]), month_number(match["ma"]), year_or_none(match["ya"]))
        b = (number(match["b"]), month_number(match["mb"]), year_or_none(match["yb"]))
        add(DateMention(match.start(), match.end(), [a, b]))
    for match in LIST_SAME_MONTH.finditer(text):
        month, year = month_number(match["m"]), year_or_none(match["y"])
        days = [(number(d), month, year) for d in re.findall(r"\d+", match["list"])]
        add(DateMention(match.start(), match.end(), days))
    for match in RANGE_SAME_MONTH.finditer(text) if ranges else ():
        if match["m"]:
            first, last = number(match["a"]), number(match["b"])
            month, year = month_number(match["m"]), year_or_none(match["y"])
        else:
            first, last = number(match["a2"]), number(match["b2"])
            month, year = month_number(match["m2"]), year_or_none(match["y2"])
        if first < last <= 31 and last - first <= 14:
            days = [(d, month, year) for d in range(first, last + 1)]
            add(DateMention(match.start(), match.end(), days))
    for match in SINGLE.finditer(text):
        day = number(match["d1"] or match["d2"])
        month = month_number(match["m1"] or match["m2"])
        weekday = WEEKDAYS.index(match["wd"].casefold()) if match["wd"] else None
        add(
            DateMention(
                match.start(), match.end(), [(day, month, year_or_none(match["y"]))], weekday
            )
        )
    for match in RELATIVE.finditer(text):
        add(
            DateMention(
                match.start(), match.end(), [], relative=clean_space(match["rel"]).casefold()
            )
        )
    # Ranges are expanded to single days later, when the year is known.
    return sorted(mentions, key=lambda m: m.start)


def parse_full_date(text: str) -> date | None:
    mentions = [m for m in parse_date_mentions(text) if m.days and m.days[0][2]]
    if not mentions:
        return None
    day, month, year = mentions[0].days[0]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_year(
    day_month_year: tuple[int, int, int | None], letter_date: date | None, *, past: bool
) -> date | None:
    """A date without a year is the next one on or after the letter (or the last one
    before it, for what the letter reports as held). None if it cannot exist."""
    day, month, year = day_month_year
    if year is not None:
        return safe_date(year, month, day)
    if letter_date is None:
        return None
    this_year = safe_date(letter_date.year, month, day)
    if past:
        if this_year and this_year <= letter_date:
            return this_year
        return safe_date(letter_date.year - 1, month, day)
    if this_year and this_year >= letter_date:
        return this_year
    return safe_date(letter_date.year + 1, month, day)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- Times -----------------------------------------------------------------------------

CLOCK = r"(?:(?P<{n}h>[01]?\d|2[0-3])(?:[:.](?P<{n}m>[0-5]\d))?\s*(?P<{n}ap>a\.?\s?m\.?|p\.?\s?m\.?)?|(?P<{n}noon>\b(?:12\s+)?noon\b|\bmidday\b))"
TIME_RANGE = re.compile(
    r"(?:from\s+|between\s+)?"
    + CLOCK.format(n="a")
    + r"(?:\s*(?:-|–|—|to|until|and)\s*"
    + CLOCK.format(n="b")
    + r")?(?![\d/])",
    re.IGNORECASE,
)


@dataclass
class TimeMention:
    start: int
    end: int
    begins: time
    ends: time | None


def meridiem(text: str | None) -> str | None:
    if not text:
        return None
    return "pm" if text.lower().startswith("p") else "am"


def clock(hour: int, minute: int, half: str | None) -> time | None:
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if half and not 0 <= hour <= 23:
        return None
    return time(hour, minute)


def parse_time_mentions(text: str) -> list[TimeMention]:
    """Times as letters write them: "10:00 am", "10 a.m.", "3 - 6 p.m.", "15:00", "noon"."""
    found = []
    for match in TIME_RANGE.finditer(text):
        a_half, b_half = meridiem(match["aap"]), meridiem(match["bap"])
        a_is_clock = match["ah"] and (a_half or match["am"])
        b_is_clock = match["bh"] and (b_half or match["bm"])
        if not (a_is_clock or match["anoon"] or (match["bh"] and b_half)):
            continue  # a bare number is not a time
        if match["bh"] is None and match["bnoon"] is None:
            b = None
        elif match["bnoon"]:
            b = time(12)
        elif b_is_clock or a_half:
            b = clock(int(match["bh"]), int(match["bm"] or 0), b_half or a_half)
        else:
            b = None
        if match["anoon"]:
            a = time(12)
        else:
            hour, minute = int(match["ah"]), int(match["am"] or 0)
            half = a_half
            if half is None and b_half:
                # "3 - 6 p.m." is afternoon throughout; "10 - 1 p.m." starts in the morning.
                half = b_half
                if b and clock(hour, minute, b_half) and clock(hour, minute, b_half) >= b:
                    half = "am"
            a = clock(hour, minute, half)
        if a is None:
            continue
        if b is not None and b <= a:
            b = None
        if match["bh"] and b is None and not (b_is_clock or a_half):
            # "10:00 and 15" is not a range: keep the start only.
            pass
        found.append(TimeMention(match.start(), match.end(), a, b))
    return found


# --- Rooms -----------------------------------------------------------------------------


@dataclass
class RoomMention:
    start: int
    end: int
    name: str


@lru_cache(maxsize=8)
def room_pattern(keys: frozenset[str]) -> re.Pattern | None:
    """One pattern for every alias with a room word, in any spacing: the alias key
    "cr3" matches "CR3", "CR 3" and "C.R. 3", and "conferenceroom4nlb" matches
    "Conference Room 4 (NLB)". Cached by the set of aliases, so a room renamed by staff
    gives a new pattern."""
    pieces = [
        r"[\s.\-()]*".join(re.escape(char) for char in key)
        for key in sorted((k for k in keys if ROOM_KEY.search(k)), key=len, reverse=True)
    ]
    if not pieces:
        return None
    return re.compile(r"\b(?:" + "|".join(pieces) + r")(?![\w])", re.IGNORECASE)


def parse_room_mentions(text: str, room_names: dict[str, str]) -> list[RoomMention]:
    pattern = room_pattern(frozenset(room_names))
    found: list[RoomMention] = []
    if pattern:
        for match in pattern.finditer(text):
            name = room_names.get(room_key(match.group(0)))
            if name:
                found.append(RoomMention(match.start(), match.end(), name))
    for match in GENERIC_ROOM.finditer(text):
        if any(m.start <= match.start() < m.end for m in found):
            continue
        name = room_names.get(room_key(f"CR{match.group(1)}"))
        if name:
            found.append(RoomMention(match.start(), match.end(), name))
    return sorted(found, key=lambda m: m.start)


# --- Sentences -------------------------------------------------------------------------

ABBREVIATIONS = re.compile(
    r"\b(?:H\.E|Mr|Ms|Mrs|Dr|Prof|No|Nos|Amb|St|Conf|Rm|e\.g|i\.e|etc|approx|Rev|Add|Corr|"
    r"U\.N|U\.S|a\.i|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.",
)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")


def sentences(body: str) -> list[str]:
    """The sentences of the body, each on one line, abbreviations left whole."""
    protected = ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + "\x00", body)
    # "a.m." and "p.m." end a sentence only when a new sentence visibly starts.
    protected = re.sub(
        r"\b([ap])\.\s?m\.(?=\s+(?:\(|[a-z]|in\b|at\b|Conference|CR|ECOSOC|Trusteeship|General|GA|Room|Chamber|Hall|New\s+York|UN\b|United\s+Nations))",
        lambda m: m.group(0).replace(".", "\x00"),
        protected,
    )
    protected = re.sub(
        r"\b([ap])\.\s?m\.(?=\s*[,;)])", lambda m: m.group(0).replace(".", "\x00"), protected
    )
    protected = re.sub(
        r"\b([ap])\.(?=\s?m\x00)", lambda m: m.group(0).replace(".", "\x00"), protected
    )
    found = []
    for piece in SENTENCE_END.split(protected):
        sentence = clean_space(piece.replace("\x00", "."))
        if sentence:
            found.append(sentence)
    return found


# --- Announcements ---------------------------------------------------------------------


@dataclass
class KindMention:
    start: int
    end: int
    kind: str
    is_deadline: bool = False


NEGATED = re.compile(r"(?:^|\W)(?:no|neither|nor)\s+(?:[\w-]+\s+){0,2}$", re.I)


def find_kinds(sentence: str) -> list[KindMention]:
    found: list[KindMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= k.start or start >= k.end for k in found)

    for kind, pattern in KIND_PATTERNS:
        for match in re.finditer(rf"\b(?:{pattern})\b", sentence, re.IGNORECASE):
            if free(match.start(), match.end()):
                found.append(KindMention(match.start(), match.end(), kind))
    # "No informal consultation will be held on 9 February" announces no meeting.
    found = [k for k in found if not NEGATED.search(sentence[max(0, k.start - 30) : k.start])]
    if DEADLINE_TRIGGER.search(sentence):
        for kind, pattern in DEADLINE_PATTERNS:
            for match in re.finditer(rf"\b(?:{pattern})\b", sentence, re.IGNORECASE):
                if free(match.start(), match.end()):
                    found.append(KindMention(match.start(), match.end(), kind, is_deadline=True))
    return sorted(found, key=lambda k: k.start)


# "the preparations for the debate": a kind named as a topic is not the meeting.
AS_A_TOPIC = re.compile(
    r"\b(?:for|on|to|about|towards)\s+(?:the|these|those|this|that|its|their|our)\s+(?:[\w-]+\s+)?$",
    re.I,
)
DUE_BY = re.compile(
    r"\b(?:by|no\s+later\s+than|not\s+later\s+than|before|until|deadline\s+(?:of|is))\s+"
    r"(?:the\s+)?(?:close\s+of\s+business\s+(?:on\s+)?)?(?:\d.{0,12}on\s+)?$",
    re.I,
)
AFTER_PENALTY = 15  # a kind named before the date is the likelier one


def nearest_kind(
    mention: DateMention, kinds: list[KindMention], sentence: str
) -> KindMention | None:
    """The kind a date belongs to: the nearest one, before it rather than after.

    A specific kind beats a generic "meeting" close by; after "by" or "no later than"
    a date is a deadline when the sentence names one.
    """
    candidates = [
        k for k in kinds if not AS_A_TOPIC.search(sentence[max(0, k.start - 30) : k.start])
    ] or kinds
    if not candidates:
        return None
    if DUE_BY.search(sentence[max(0, mention.start - 40) : mention.start]) and any(
        k.is_deadline for k in candidates
    ):
        candidates = [k for k in candidates if k.is_deadline]

    def distance(k: KindMention) -> int:
        if k.end <= mention.start:
            return mention.start - k.end
        return k.start - mention.end + AFTER_PENALTY

    best = min(distance(k) for k in candidates)
    close = [k for k in candidates if distance(k) <= best + 25]
    pool = [k for k in close if k.kind != "other" or k.is_deadline] or close
    if all(k.is_deadline for k in pool):
        # "written inputs on the revised draft by 10 June": the head of the phrase.
        return min(pool, key=lambda k: (k.kind == "other", k.start))
    return min(pool, key=distance)


def read_announcements(
    body: str, *, letter_date: date | None, rooms: dict[str, str]
) -> tuple[list[ProposedMeeting], list[ProposedDeadline], list[str]]:
    meetings: list[ProposedMeeting] = []
    deadlines: list[ProposedDeadline] = []
    warnings: list[str] = []
    for sentence in sentences(body):
        if len(sentence) > 3000:
            warnings.append(
                f"A sentence of {len(sentence)} characters was skipped as too long to be one."
            )
            continue
        found_meetings, found_deadlines, found_warnings = read_sentence(
            sentence, letter_date=letter_date, rooms=rooms, previous=meetings
        )
        meetings += found_meetings
        deadlines += found_deadlines
        warnings += found_warnings
    return meetings, deadlines, warnings


INSTEAD_OF = re.compile(r"\binstead\s+of\s*$", re.I)
MOVED_TO = re.compile(
    r"(?:postponed|moved|rescheduled|re-scheduled|brought\s+forward|changed|deferred)\s+"
    r"(?:\w+\s+){0,2}(?:to|until|till|for)\s+(?:the\s+)?$",
    re.I,
)
MOVED_FROM = re.compile(
    r"(?:scheduled|planned|foreseen|announced|originally|previously|initially)\s+(?:\w+\s+){0,2}"
    r"(?:for|on)\s*(?:the\s+)?$|instead\s+of\s*$|\bfrom\s*$|\bof\s*$",
    re.I,
)


def moves_in(sentence: str, mentions: list[DateMention]) -> dict[int, int]:
    """Which date is moved to which: {index of the new date: index of the old one}.

    "moved from 29 June to 30 June", "on 30 June instead of 29 June", "the consultation
    of 12 February is postponed to 19 February"."""
    moves = {}
    for index, mention in enumerate(mentions):
        before = sentence[max(0, mention.start - 50) : mention.start]
        if index > 0 and MOVED_TO.search(before):
            moves[index] = index - 1
    for index, mention in enumerate(mentions):
        before = sentence[max(0, mention.start - 50) : mention.start]
        if index in moves.values() or index in moves or not MOVED_FROM.search(before):
            continue
        others = [i for i in range(len(mentions)) if i != index and i not in moves]
        if len(mentions) == 2 and others:
            moves[others[0]] = index
    return moves


def read_sentence(
    sentence: str,
    *,
    letter_date: date | None,
    rooms: dict[str, str],
    previous: list[ProposedMeeting],
) -> tuple[list[ProposedMeeting], list[ProposedDeadline], list[str]]:
    moved = bool(MOVED.search(sentence))
    mentions = [
        m
        for m in parse_date_mentions(sentence, ranges=not moved)
        if not LETTER_REFERENCE.search(sentence[max(0, m.start - 40) : m.start])
    ]
    if not mentions:
        return [], [], []
    kinds = find_kinds(sentence)
    if not kinds:
        return [], [], []
    # "at 11 a.m. instead of 10 a.m.", "in CR 2 instead of CR 4": the old one is no longer.
    times = [
        t
        for t in parse_time_mentions(sentence)
        if not INSTEAD_OF.search(sentence[max(0, t.start - 14) : t.start])
    ]
    room_mentions = [
        r
        for r in parse_room_mentions(sentence, rooms)
        if not INSTEAD_OF.search(sentence[max(0, r.start - 14) : r.start])
    ]
    # "on 10, 17 and 24 February, all in Conference Room 2": one room for every date.
    shared_room = (
        room_mentions[:1]
        if len({r.name for r in room_mentions}) == 1
        and room_mentions[0].start > mentions[-1].end
        and re.search(r"\b(?:all|both|each)\b[^,;]{0,12}$", sentence[: room_mentions[0].start])
        else []
    )
    moves = moves_in(sentence, mentions) if moved else {}
    meetings: list[ProposedMeeting] = []
    deadlines: list[ProposedDeadline] = []
    warnings: list[str] = []
    held_so_far = False
    for index, mention in enumerate(mentions):
        if index in moves.values():
            continue  # the old date of a move: the proposal is its new date
        kind = nearest_kind(mention, kinds, sentence)
        if kind is None or names_another_event(sentence, kind, mention):
            continue
        clause = Clause.of(index, mention, mentions, kind, kinds, len(sentence))
        own_times = clause.pick(times)
        own_rooms = clause.pick(room_mentions)
        own_rooms = own_rooms or shared_room
        words = sentence[clause.start : clause.end]
        if kind.is_deadline:
            deadlines += deadlines_for(mention, kind, sentence, words, own_times, letter_date)
            continue
        held = is_held(sentence, clause.preceding, mention, clause.following)
        held = held_so_far if held is None else held  # "held on 4 June and on 11 June"
        held_so_far = held
        days, said_warnings = days_of(mention, letter_date, past=held, previous=previous)
        warnings += said_warnings
        for day, weekday_note in days:
            slots = [(t.begins, t.ends, "exact") for t in own_times]
            if not slots:
                slots = [(None, None, period_of(mention, words))]
            for begins, ends, timing in slots:
                meeting = ProposedMeeting(
                    date=day,
                    start=begins,
                    end=ends,
                    timing=timing,
                    room=own_rooms[0].name if own_rooms else None,
                    kind=kind.kind,
                    title=title_of(sentence, kind),
                    tentative=bool(TENTATIVE.search(sentence)),
                    held=held,
                    source=sentence,
                    warnings=[weekday_note] if weekday_note else [],
                )
                origin = mentions[moves[index]] if index in moves else None
                change_of(meeting, words, origin, letter_date, moved=moved)
                meetings.append(meeting)
    return meetings, deadlines, warnings


@dataclass
class Clause:
    """The stretch of a sentence that speaks of one date: after it up to the next date
    or the next kind of meeting named; before it only for the first date, or from the
    kind it belongs to ("and a briefing will follow at 3 p.m. on 11 March")."""

    start: int
    end: int
    date_start: int
    date_end: int
    before: int | None  # where the part before the date that is its own begins
    preceding: int
    following: int

    @classmethod
    def of(cls, index, mention, mentions, kind, kinds, length) -> Clause:
        following = mentions[index + 1].start if index + 1 < len(mentions) else length
        preceding = mentions[index - 1].end if index > 0 else 0
        # Another meeting named after the date starts another clause; a generic word
        # ("a further meeting of the negotiations") or the same phrase does not.
        end = min(
            [
                k.start
                for k in kinds
                if mention.end <= k.start < following
                and k is not kind
                and k.kind != "other"
                and not (abs(k.start - kind.end) < 30 or abs(kind.start - k.end) < 30)
            ]
            + [following]
        )
        if index == 0:
            before = 0
        elif preceding <= kind.start < mention.start:
            before = kind.start
        else:
            before = None
        start = before if before is not None else mention.start
        return cls(start, end, mention.start, mention.end, before, preceding, following)

    def pick(self, found: list) -> list:
        """What was said after the date, or else what was said just before it."""
        after = [f for f in found if self.date_end <= f.start < self.end]
        if after or self.before is None:
            return after
        return [f for f in found if self.before <= f.start and f.end <= self.date_start]


# "the Vienna Forum held from 13 to 15 February": an event that is not a GA meeting.
OTHER_EVENT = re.compile(
    r"\b(?:Forum|Summit|Conference(?!\s+(?:Room|Rm))|Expo|Congress|Symposium|Festival|Games)\b"
    r"[^.;]{0,30}?\b(?:held|took\s+place|taking\s+place|to\s+be\s+held|will\s+take\s+place)\b"
)


def names_another_event(sentence: str, kind: KindMention, mention: DateMention) -> bool:
    between = sentence[kind.end : mention.start] if kind.end <= mention.start else ""
    return bool(OTHER_EVENT.search(between))


def change_of(
    meeting: ProposedMeeting,
    words: str,
    origin: DateMention | None,
    letter_date: date | None,
    *,
    moved: bool,
) -> None:
    """What the letter does to the meeting of this date, from the words of its clause."""
    if origin is not None and origin.days:
        meeting.action = "move"
        meeting.moved_from = resolve_year(origin.days[0], letter_date, past=False)
    elif CANCELLED.search(words):
        meeting.action = "cancel"
    elif POSTPONED_OPEN.search(words):
        meeting.action = "postpone"
    elif moved and MOVED.search(words):
        # A change of time or room on the same day ("will now take place in Conference
        # Room 2 instead of Conference Room 4"): moved from its own date.
        meeting.action = "move"
        meeting.moved_from = meeting.date


def is_held(sentence: str, preceding: int, mention: DateMention, following: int) -> bool | None:
    """Whether the letter reports the meeting as already held ("the consultations held
    on 4 June", "this morning's informal") rather than announcing it: the tense nearest
    before the date decides ("thank you for ... the consultations that will be held")."""
    if mention.relative in ("this morning", "this afternoon", "yesterday"):
        return not FUTURE.search(sentence[preceding:following])
    raw_lead = sentence[preceding : mention.start]
    # "will be held" speaks of the future: blank it out before looking for "held".
    lead = FUTURE.sub(lambda m: " " * len(m.group(0)), raw_lead)
    past, future = last(PAST.finditer(lead)), last(FUTURE.finditer(raw_lead))
    if past and (future is None or past.start() > future.start()):
        return True
    if future:
        return False
    tail = sentence[mention.end : following]
    if not PAST.search(tail) and not FUTURE.search(tail):
        return None  # nothing said here: as the date before it in the sentence
    return bool(PAST.search(tail)) and not FUTURE.search(sentence[preceding:following])


def days_of(
    mention: DateMention,
    letter_date: date | None,
    *,
    past: bool,
    previous: list[ProposedMeeting],
) -> tuple[list[tuple[date, str | None]], list[str]]:
    """The days a mention names, with a note when its weekday contradicts the date."""
    if mention.relative:
        return relative_day(mention.relative, letter_date, previous), []
    if letter_date is None and any(year is None for _d, _m, year in mention.days):
        return [], ["A date without a year in an undated letter was left out: add it by hand."]
    days = []
    resolved = [resolve_year(d, letter_date, past=past) for d in mention.days]
    if any(day is None for day in resolved):
        return [], [f"A date that does not exist ({describe(mention.days[0])}) was left out."]
    if len(resolved) == 2 and len(mention.days) == 2 and resolved[0].month != resolved[1].month:
        first, last = resolved
        if last < first:  # "from 30 December to 2 January": the range runs into next year
            last = safe_date(last.year + 1, last.month, last.day)
        if last is None or (last - first).days > 14:
            return [], []
        resolved = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        resolved = [d for d in resolved if d.weekday() < 5] or resolved
    for day in resolved:
        note = None
        if mention.weekday is not None and day.weekday() != mention.weekday:
            note = (
                f"The letter says {WEEKDAYS[mention.weekday].title()}, but "
                f"{day:%-d %B %Y} is a {day:%A}: check the date."
            )
        days.append((day, note))
    return days, []


def describe(day_month_year: tuple[int, int, int | None]) -> str:
    day, month, year = day_month_year
    names = [
        n for n, v in MONTHS.items() if (v == month and len(n) > 3) or (n == "may" and v == month)
    ]
    return f"{day} {names[0].title()}" + (f" {year}" if year else "")


def relative_day(
    relative: str, letter_date: date | None, previous: list[ProposedMeeting]
) -> list[tuple[date, str | None]]:
    if letter_date is None:
        return []
    if relative in ("this morning", "this afternoon", "today", "this week", "later this week"):
        return [(letter_date if "week" not in relative else monday_of(letter_date), None)]
    if relative == "tomorrow":
        return [(letter_date + timedelta(days=1), None)]
    if relative == "yesterday":
        return [(letter_date - timedelta(days=1), None)]
    # "the following week": the week after the last meeting named before it.
    anchor = previous[-1].date if previous and "following" in relative else letter_date
    return [(monday_of(anchor) + timedelta(days=7), None)]


def period_of(mention: DateMention, words: str) -> str:
    if mention.relative in ("this morning",):
        return "morning"
    if mention.relative in ("this afternoon",):
        return "afternoon"
    if mention.relative and "week" in mention.relative:
        return "week"
    morning, afternoon = MORNING.search(words), AFTERNOON.search(words)
    if morning and not afternoon:
        return "morning"
    if afternoon and not morning:
        return "afternoon"
    return "day"


def title_of(sentence: str, kind: KindMention) -> str:
    """What the letter calls the meeting: "Third informal consultation", "Informal
    thematic debate on human trafficking". Only the letter's own words."""
    label = {
        "informal-consultation": "informal consultation",
        "negotiation": "intergovernmental negotiations",
        "thematic-debate": "thematic debate",
        "high-level": "high-level meeting",
        "plenary": "plenary meeting",
        "dialogue": "interactive dialogue",
        "panel": "panel discussion",
        "briefing": "briefing",
    }.get(kind.kind)
    said = clean_space(sentence[kind.start : kind.end])
    lead = sentence[max(0, kind.start - 60) : kind.start]
    words = []
    ordinal = re.search(rf"\b({ORDINALS})\s+(?:[\w-]+\s+){{0,2}}$", lead, re.I)
    if ordinal:
        words.append(ordinal.group(1).lower())
    if (
        re.search(r"\binformal\s+(?:[\w-]+\s+){0,3}$", lead, re.I)
        and kind.kind != "informal-consultation"
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
        + r"|the\s+(?:following|next)|that\b))([^,;()]{3,120}?)(?=\s+(?:on|at|in|from|with|to\s+be|will|would|shall|is|are|was|were|which|that|and\s+(?:will|would))\b|[,;.()]|$)",
        sentence[kind.end :],
        re.I,
    )
    title = " ".join(words)
    if topic:
        title += " on " + clean_space(topic.group(1))
    return title[:1].upper() + title[1:]


DEADLINE_WHAT = re.compile(
    r"^(?P<what>.+?)(?=\s+(?:to\s+(?:all|member|delegations)|on\s|by\s|no\s+later|before\s|at\s|until\s|will\s|would\s|is\s|are\s|shall\s)|[,;.()]|$)",
    re.IGNORECASE,
)


def deadlines_for(
    mention: DateMention,
    kind: KindMention,
    sentence: str,
    clause: str,
    own_times: list[TimeMention],
    letter_date: date | None,
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
        )
        for day, note in days
    ]


# --- Output ----------------------------------------------------------------------------


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
