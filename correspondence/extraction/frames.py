from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from meetings.enums import MeetingKind

from .dates import DateMention
from .vocabulary import MONTH, WEEKDAY

# --- Sentences -------------------------------------------------------------------------

ABBREVIATIONS = re.compile(
    r"\b(?:H\.E|Mr|Ms|Mrs|Dr|Prof|No|Nos|Amb|St|Conf|Rm|e\.g|i\.e|etc|approx|Rev|Add|Corr|"
    r"U\.N|U\.S|a\.i|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.",
)
# (after a title: "Mr\x00 " once ABBREVIATIONS has protected its full stop)
INITIALS = re.compile(r"(?<=\x00 )(?:[A-Z]\.[ \t]?){1,3}(?=[A-Z][a-z])")
# A sentence ends at a full stop before a capital, at a blank line, or where a bullet
# starts a line ("•  Monday, 6 March 2023: from 10 a.m."); "- and from 3 to 6 p.m." on
# the next line goes on with the same one.
NUMBERED_ENTRY = (
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Final|Last|Next)"
    r"\s+(?:meeting|session|consultation|round|reading|briefing|informal)s?\s*[:\-–]"
)
SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[•*·▪●◦‣o-]\s+[A-Z0-9(])"
    # "following elections:" / "(a) at 10 a.m., ..." / "(b) at 3 p.m., ...": an item each.
    r"|(?<=[:;])\n(?=\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s)"
    # "First meeting: Thursday, 10 February 2022 - ..." / "Second meeting: ...": a line each.
    r"|\n(?=" + NUMBERED_ENTRY + r")"
    # "2. Wednesday, 18 March 2009 (3 p.m.): The question of the veto" / "Both meetings will
    # be held in Conference Room 4.": what follows a list starts a sentence of its own
    r"|\n(?=(?:Both|All|Each|These)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:meetings|sessions|consultations)\b)"
    # "1. Categories of membership" / "Tuesday, ..." / "2. The question of the veto": the
    # next numbered item starts a line
    r"|(?<!Room)\n(?=(?:\d{1,2}|[ivx]{1,4}|[IVX]{1,4})\.[ \t]+[A-Z(])"
    # "a)  First reading: Tuesday, 11 May": an item lettered with a bracket alone
    # ("1) 4 November 2021 (Thursday) - 10 a.m. ...": a numbered one too)
    r"|\n(?=[ \t]*(?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t]+[A-Z0-9])"
    # "(b) Friday, 24 March 2023" / "10:00 a.m. - 1:00 p.m. ...": a lettered item that
    # starts with its day starts a line of its own
    r"|\n(?=[ \t]*\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)[ \t]+"
    rf"(?:{WEEKDAY}|\d{{1,2}}[ \t]+{MONTH}|{MONTH}))"
)


def sentences(body: str) -> list[tuple[int, str]]:
    """The sentences of the body with their offsets, each on one line, abbreviations
    left whole."""
    protected = ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + "\x00", body)
    # "Ms. A. Vantongeren", "Mr. J. K. Osei": a name's initials end no sentence.
    protected = INITIALS.sub(lambda m: m.group(0).replace(".", "\x00"), protected)
    # "a.m." and "p.m." end a sentence only when a new sentence visibly starts.
    protected = re.sub(
        r"\b([ap])\.\s?m\.(?=\s+(?:\(|[a-z]|in\b|at\b|Conference|CR|ECOSOC|Trusteeship|General|GA|Room|Chamber|Hall|New\s+York|UN\b|United\s+Nations|EST\b|EDT\b|ET\b|GMT\b|UTC\b|CET\b|NY\b"
        # "Time: 10 a.m. - 1 p.m. Venue: Trusteeship Chamber": the block's next label
        r"|(?:Venue|Room|Place|Location|Platform)\s*:"
        # "9 a.m. - 11 a.m. Ms. Ilse Dragomir (Pelavia)": the row's speaker
        r"|(?:Mr|Ms|Mrs|Dr|H[.\x00]\s?E)[.\x00]\s))",
        lambda m: m.group(0).replace(".", "\x00"),
        protected,
    )
    protected = re.sub(
        r"\b([ap])\.\s?m\.(?=\s*[,;)])", lambda m: m.group(0).replace(".", "\x00"), protected
    )
    # "Monday, 23 September 2019, 9 a.m. - 10 a.m. Opening segment General Assembly Hall":
    # a programme's row goes on to its line's end.
    protected = DATED_ROW.sub(
        lambda row: (
            row[0]
            if WRAPPED.search(protected, max(0, row.start() - 20), row.start())
            else re.sub(
                r"\b[ap]\.\s?m\.(?=[ \t]+[A-Z])", lambda m: m.group(0).replace(".", "\x00"), row[0]
            )
        ),
        protected,
    )
    # "1. Tuesday, 15 March 2011, 10:00 a.m. - 1:00 p.m." / "Role and authority ..." /
    # "Conference Room 4 (NLB)": an item's lines under its day, up to the next item.
    protected = ROW_RUNS_ON.sub(lambda row: row["head"] + row["ap"].replace(".", "\x00"), protected)
    protected = re.sub(
        r"\b([ap])\.(?=\s?m\x00)", lambda m: m.group(0).replace(".", "\x00"), protected
    )
    ends = [(m.start(), m.end()) for m in SENTENCE_END.finditer(protected)]
    # "Indicative programme" / "Monday, 13 March: 10:00-13:00, Conference Room 4": a
    # title over the first row of a list ends where the row starts.
    ends += [(m.end(), m.end() + 1) for m in TITLE_OVER_A_ROW.finditer(protected)]
    found = []
    start = 0
    for end, after in sorted(set(ends)):
        if end < start:
            continue
        found += one_sentence(body, start, end)
        start = after
    return found + one_sentence(body, start, len(body))


TITLE_OVER_A_ROW = re.compile(
    # (a short line: not prose wrapped before its date, "... will be held on")
    rf"(?m)^[ \t]*[A-Z][^\n.,;:\d]{{0,38}}[A-Za-z)]"
    r"(?<!\bon)(?<!\bof)(?<!\bthe)(?<!\band)(?<!\bfrom)(?<!\bto)(?<!\bat)(?<!\bfor)(?<!\bby)"
    r"(?<!\bheld)(?<!\bplace)(?<!\bbe)(?<!\bwill)(?<!\buntil)"
    rf"(?=\n[ \t]*(?:{WEEKDAY}),?[ \t]+"
    rf"(?:the[ \t]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH}|{MONTH}[ \t]+\d)"
    # and the row goes on past its day on its line (a day alone under a heading is a
    # headed block's: "NORTH GARAGE" / "Thursday, 22 June 2023" / "Conference Room 4")
    r"[^\n]*?\d{1,2}[:.]?\d{0,2}\s*(?:[ap]\.?\s?m\b|hrs\b|h\b|[-–]))"
)


# "... on Tuesday," / "21 March from 3 p.m. to 6 p.m. Both meetings ...": a sentence
# wrapped before its date, not a row.
WRAPPED = re.compile(rf"(?:\b{WEEKDAY},?|\b(?:on|and|of|from|until|to|the))[ \t]*\n$", re.I)
DATED_ROW = re.compile(rf"(?m)^(?:{WEEKDAY},?\s+)?\d{{1,2}}\s+{MONTH}\b[^\n]*$")
ROW_RUNS_ON = re.compile(
    rf"(?m)^(?P<head>(?:\d{{1,2}}[.)][ \t]+)?(?:{WEEKDAY},?[ \t]+)?\d{{1,2}}[ \t]+{MONTH}\b"
    r"[^\n]*?\b)(?P<ap>[ap]\.\s?m\.)[ \t]*(?=\n(?![ \t]*(?:\d{1,2}[.)]|[•*·▪●◦‣-])\s)[ \t]*[A-Z])"
)


def one_sentence(body: str, start: int, end: int) -> list[tuple[int, str]]:
    """The sentence between two offsets, on one line and as long as it is in the text,
    so that what is found in it can be marked in the text (normalise() left no runs of
    spaces and no spaces at the start of a line)."""
    piece = body[start:end]
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    sentence = stripped.rstrip().replace("\n", " ")
    return [(start, sentence)] if sentence else []


INSTEAD_OF = re.compile(r"\binstead\s+of\s*$", re.I)
MOVED_TO = re.compile(
    r"(?:postponed|moved|rescheduled|re-scheduled|brought\s+forward|changed|deferred)\s+"
    r"(?:\w+\s+){0,2}(?:to|until|till|for)\s+(?:the\s+)?"
    # "moved to the following Thursday, 20 March"
    rf"(?:(?:following|next)\s+{WEEKDAY},?\s+)?$",
    re.I,
)
MOVED_FROM = re.compile(
    r"(?:scheduled|planned|foreseen|announced|originally|previously|initially)\s+(?:\w+\s+){0,2}"
    # ("planned for this Thursday (13 March)")
    rf"(?:for|on)\s*(?:the\s+)?(?:(?:this|next)\s+{WEEKDAY}\s*\(\s*)?$"
    r"|instead\s+of\s*$|\bfrom\s*$|\bof\s*$"
    # "Wednesday 2 April, 3 p.m. ... [previously Tuesday 1 April]"
    r"|[\[(]\s*(?:previously|originally|formerly)\s*$",
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
                and k.kind != MeetingKind.OTHER
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


# "on Monday, 18 October, and Tuesday, 19 October", "on 24 March; 31 March; and 7 April":
# nothing but a link between two dates.
LIST_LINK = re.compile(
    # ("on Wednesday, 3 October and again on Wednesday, 10 October")
    r"^[\s,;]*(?:(?:and|or|as\s+well\s+as|&)\s+)?(?:again\s+)?(?:(?:on|from)\s+)?(?:the\s+)?$",
    re.I,
)


ENDS_THE_SENTENCE = re.compile(r"[\s.)]*$")
SAME = re.compile(r"\bsame\b", re.I)
FOR_ALL = re.compile(r"\b(?:all|each|both)\b", re.I)
ROOM_FOR_ALL = re.compile(r",\s*(?:(?:all|both|each)\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)


Picks = dict[int, tuple[list, list]]  # each date's (times, rooms), by its index


def shared_along_lists(
    sentence: str, mentions: list[DateMention], kinds: list, picks: Picks
) -> None:
    """What a list of dates shares: "on Monday, 18 October, and Tuesday, 19 October
    2004, in the General Assembly Hall" gives both days the Hall (and the times said
    after the last date); "in the General Assembly Hall, on Tuesday, 14 November at
    10 a.m., and on Wednesday, 15 November at 3 p.m." gives both the Hall, said before
    the first date of the same meeting."""
    if not picks:
        return
    said_after_the_last(sentence, mentions, kinds, picks)
    room_set_apart(sentence, mentions, kinds, picks)
    room_said_before(sentence, mentions, kinds, picks)


# "from 10 a.m. to 1 p.m. and from 3 to 6 p.m. on 23 June, and from 10 a.m. to 1 p.m. on
# 24 June": each date's hours said just before it
HOURS_THEN_ON = re.compile(
    r"(?:[ap]\.?\s?m\.?|\d\d)\s*(?:(?:EDT|EST|ET|New\s+York\s+time)\s*)?(?:,\s*)?on\s+(?:the\s+)?$",
    re.I,
)


def hours_before_each(
    sentence: str, mentions: list[DateMention], times: list, picks: Picks
) -> None:
    if len(mentions) < 2 or set(picks) != set(range(len(mentions))):
        return
    if any(t.start >= mentions[-1].end for t in times):
        return  # hours after the last date too: each date's are after it
    if (
        times
        and HOURS_THEN_ON.search(sentence, max(0, mentions[0].start - 30), mentions[0].start)
        and all(t.end <= mentions[0].start for t in times)
        and all(LIST_LINK.match(sentence[a.end : b.start]) for a, b in pairwise(mentions))
    ):
        # "from 10:00 to 12:00 EDT on Wednesday, 6 May, Wednesday, 13 May and Wednesday,
        # 20 May": the hours of every date of the list
        for index in picks:
            picks[index] = (times, picks[index][1])
        return
    if not all(HOURS_THEN_ON.search(sentence, max(0, m.start - 30), m.start) for m in mentions):
        return
    starts = [0, *(m.end for m in mentions[:-1])]
    for index, mention in enumerate(mentions):
        before = [t for t in times if starts[index] <= t.start < mention.start]
        picks[index] = (before or picks[index][0], picks[index][1])


RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def respectively(
    sentence: str, mentions: list[DateMention], times: list, rooms: list, picks: Picks
) -> None:
    """ "on Thursday 15 May and Friday 16 May ... at 10am and 3pm respectively, in
    Conference Room 1 and Conference Room 2": each date its own hour and room, in order."""
    if len(mentions) < 2 or set(picks) != set(range(len(mentions))):
        return
    if not RESPECTIVELY.search(sentence, mentions[-1].end):
        return
    after = mentions[-1].end
    if any(mentions[0].start <= t.start < after for t in times):
        return  # each date said with its own hours
    times = [t for t in times if t.start >= after]
    rooms = [r for r in rooms if r.start >= after]
    for index in picks:
        own_times, own_rooms = picks[index]
        if len(times) == len(mentions):
            own_times = [times[index]]
        if len(rooms) == len(mentions):
            own_rooms = [rooms[index]]
        picks[index] = (own_times, own_rooms)


def said_after_the_last(
    sentence: str, mentions: list[DateMention], kinds: list, picks: Picks
) -> None:
    for index in range(len(mentions) - 2, -1, -1):
        after = index + 1
        if index not in picks or after not in picks or kinds[index] is not kinds[after]:
            continue
        if not LIST_LINK.match(sentence[mentions[index].end : mentions[after].start]):
            continue
        times, rooms = picks[index]
        picks[index] = (times or picks[after][0], rooms or picks[after][1])


def room_set_apart(sentence: str, mentions: list[DateMention], kinds: list, picks: Picks) -> None:
    """The room set apart by a comma after the last date is every date's: "on Monday,
    17 April from 10 a.m. to 1 p.m. and on Wednesday, 19 April from 3 to 6 p.m., in
    Conference Room 7"."""
    rooms = [r for r in picks.get(max(picks), ([], []))[1] if r.start > mentions[-1].end]
    if (
        len({r.name for r in rooms}) == 1
        and len({id(kinds[i]) for i in picks}) == 1
        and (
            ROOM_FOR_ALL.search(sentence, 0, rooms[0].start)
            # "on 19 April at 3 p.m. and on 26 April at 10 a.m. in Conference Room 6.": each
            # day its hour, and the room that ends the sentence theirs
            or (
                len(picks) > 1
                and all(picks[i][0] for i in picks)
                and ENDS_THE_SENTENCE.match(sentence, rooms[-1].end)
                and not SAME.search(sentence)  # "at am in the same room": a room of its own
            )
        )
        and not any(r for i in picks for r in picks[i][1] if r.start < mentions[-1].end)
    ):
        for index in picks:
            picks[index] = (picks[index][0], picks[index][1] or rooms[:1])


def room_said_before(sentence: str, mentions: list[DateMention], kinds: list, picks: Picks) -> None:
    first = min(picks)
    rooms_before = [r for r in picks[first][1] if r.end <= mentions[first].start]
    # "consultations, which will all take place in Conference Room 8 from 10h00 to 13h00:
    # Tuesday 14 October; Tuesday 21 October": the hours too, when said for all
    times_before = [t for t in picks[first][0] if t.end <= mentions[first].start]
    if not FOR_ALL.search(sentence, 0, mentions[first].start):
        times_before = []
    for index in sorted(picks) if rooms_before or times_before else ():
        if index == first or kinds[index] is not kinds[first]:
            continue
        times, rooms = picks[index]
        if rooms:
            rooms_before = []  # a room of its own: the ones after it are not the first one's
        picks[index] = (times or times_before, rooms or rooms_before)
