"""Where a meeting is: the rooms of Headquarters by every name people write, and the
online platforms that make a meeting virtual (no room)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from meetings.headquarters import UNHQ_ROOMS, room_key

# Rooms, by every name people write. A bare "ECOSOC" or "Consultations Room" in running
# text rarely names a room, so only names with a room word are looked for.
ROOM_KEY = re.compile(r"room|chamber|hall|^(?:nlb)?cr[0-9a-e]", re.I)
# Every alias with a room word has one of these in any spacing ("C.R. 3", "Conf. Rm 4").
ROOM_WORD = re.compile(r"r\W*o\W*o\W*m|chamber|hall|c\W*r\W*[0-9a-e]|\brm\b", re.I)
GENERIC_ROOM = re.compile(
    # "Conference Rooms 5 and 6": the first is the meeting's room, the second its overflow.
    r"\b(?:Conference\s+Rooms?|Conf\.?\s*Room|Conf(?:erence|\.)?\s*Rm\.?|CR)[\s.\-]*(?:No\.?\s*)?"
    r"(\d{1,2}|[A-E])\b"
    r"(?!\s*(?:\(NLB\)|\(North\s+Lawn|,?\s+(?:in\s+the\s+|of\s+the\s+)?North\s+Lawn|,?\s+NLB\b))"
)
# "the General Assembly Hall (NLB)": the temporary hall of the North Lawn Building.
NORTH_LAWN_HALL = re.compile(
    r"(?<!Temporary\s)\bGeneral\s+Assembly\s+Hall\s*(?:\(NLB\)|\(North\s+Lawn(?:\s+Building)?\)"
    r"|,?\s+(?:in\s+the\s+|of\s+the\s+)?North\s+Lawn(?:\s+Building)?)"
    # "Temporary GA Hall" in a programme's column
    r"|\bTemporary\s+GA\s+Hall\b"
)
# The rooms of the temporary North Lawn Building (2009-2014), however they are written:
# "Conference Room 4 (NLB)", "Conference Room 2, North Lawn Building", "NLB CR 3".
NORTH_LAWN_ROOM = re.compile(
    r"\b(?:(?:NLB|North\s+Lawn(?:\s+Building)?),?\s+(?:Conference\s+Room|Conf\.?\s*Room|CR)[\s.\-]*(?P<a>[1-8])\b"
    r"|(?:Conference\s+Room|Conf\.?\s*Room|CR)[\s.\-]*(?P<b>[1-8])\s*(?:\(NLB\)|\(North\s+Lawn(?:\s+Building)?\)"
    r"|,?\s+(?:in\s+the\s+|of\s+the\s+)?North\s+Lawn(?:\s+Building)?|,?\s+NLB\b))",
    re.IGNORECASE,
)
# "via the Cisco WebEx platform", "on the Interprefy platform", "virtually".
PLATFORM = re.compile(
    r"\b(?:(?:Cisco\s+)?Web[Ee]x|Zoom|Interprefy|(?:Microsoft|MS)\s+Teams|KUDO|Kudo)\b(?:\s+platform)?"
    r"|\bvirtual(?:ly)?\b(?!\s+(?:all|every|no)\b)|\b(?:held|meet|convened?|take\s+place)\s+online\b",
)
VIRTUAL_WORD = re.compile(r"\bvirtual(?:ly)?\b", re.I)


@lru_cache(maxsize=1)
def unhq_room_names() -> dict[str, str]:
    """Alias key -> canonical room name, from the shipped table of rooms (built once;
    callers only read it)."""
    names = {}
    for code, name, _building, _booths, _current, aliases in UNHQ_ROOMS:
        for alias in (name, code, *aliases):
            names[room_key(alias)] = name
    return names


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
        spaced(key)
        for key in sorted((k for k in keys if ROOM_KEY.search(k)), key=len, reverse=True)
    ]
    if not pieces:
        return None
    return re.compile(r"\b(?:" + "|".join(pieces) + r")(?![\w])", re.IGNORECASE)


def spaced(key: str) -> str:
    """An alias key in any spacing, but a number whole: "Conference Room 1" / "2) 11
    November" is Conference Room 1 and the next item, never Conference Room 12."""
    pattern = re.escape(key[0]) if key else ""
    for before, char in itertools.pairwise(key):
        pattern += ("" if before.isdigit() and char.isdigit() else r"[\s.\-()]*") + re.escape(char)
    return pattern


@lru_cache(maxsize=8)
def bare_room_pattern(keys: frozenset[str]) -> re.Pattern | None:
    """The aliases without a room word ("ECOSOC", "GAH"), only where a place is said:
    "in the ECOSOC", "in GAH", "11 a.m., ECOSOC" ("the ECOSOC review" is the Council, not
    its chamber)."""
    pieces = [
        spaced(key)
        for key in sorted((k for k in keys if not ROOM_KEY.search(k)), key=len, reverse=True)
    ]
    if not pieces:
        return None
    return re.compile(
        # "Friday, 23 March 2018, 11 a.m., ECOSOC": after a time, the place of an item.
        r"(?:\b(?:in|at)\s+(?:the\s+)?|(?<=m\.,\s)|(?<=[ap]m,\s)|(?<=hrs,\s)|(?<=noon,\s)"
        # "Thu  3 Nov   10:00-13:00   ECOSOC": a table's room cell after the hours
        r"|(?<=\d:\d\d,\s))(?P<room>"
        + "|".join(pieces)
        + r")\b(?!'|\s+(?:[a-z]+\s+)?(?:review|session|segment|resolution|decision|forum|report"
        r"|President|Bureau|members?)\b)",
        re.IGNORECASE,
    )


def parse_room_mentions(text: str, room_names: dict[str, str]) -> list[RoomMention]:
    pattern = room_pattern(frozenset(room_names))
    found: list[RoomMention] = []
    for match in NORTH_LAWN_ROOM.finditer(text):
        name = room_names.get(room_key(f"NLB CR{match['a'] or match['b']}"))
        if name:
            found.append(RoomMention(match.start(), match.end(), name))
    for match in NORTH_LAWN_HALL.finditer(text):
        name = room_names.get(room_key("Temporary General Assembly Hall"))
        if name:
            found.append(RoomMention(match.start(), match.end(), name))
    if pattern and ROOM_WORD.search(text):  # the long pattern only where a room may be
        for match in pattern.finditer(text):
            name = room_names.get(room_key(match.group(0)))
            if name and not any(m.start <= match.start() < m.end for m in found):
                found.append(RoomMention(match.start(), match.end(), name))
    bare = bare_room_pattern(frozenset(room_names))
    for match in bare.finditer(text) if bare else ():
        name = room_names.get(room_key(match["room"]))
        if name and not any(m.start <= match.start("room") < m.end for m in found):
            found.append(RoomMention(match.start("room"), match.end("room"), name))
    for match in GENERIC_ROOM.finditer(text):
        if any(m.start <= match.start() < m.end for m in found):
            continue
        name = room_names.get(room_key(f"CR{match.group(1)}"))
        if name:
            found.append(RoomMention(match.start(), match.end(), name))
    return sorted(found, key=lambda m: m.start)


# --- Platforms -------------------------------------------------------------------------


@dataclass
class PlatformMention:
    start: int
    end: int


def parse_platform_mentions(text: str) -> list[PlatformMention]:
    """Online platforms and "virtually": a meeting held there has no room."""
    found = []
    for match in PLATFORM.finditer(text):
        found.append(PlatformMention(match.start(), match.end()))
    for match in VIRTUAL_WORD.finditer(text):  # "Virtual" at the start of a sentence
        if match.group(0)[0].isupper() and not any(p.start == match.start() for p in found):
            found.append(PlatformMention(match.start(), match.end()))
    return sorted(found, key=lambda p: p.start)


# While the Capital Master Plan closed the Conference Building (2010-2012), the numbered
# conference rooms the Assembly met in were those of the North Lawn Building.
NORTH_LAWN_YEARS = (date(2010, 1, 1), date(2012, 12, 31))
NUMBERED_ROOM = re.compile(r"^Conference Room ([1-8])$")


def room_of_its_day(name: str | None, day: date | None, room_names: dict[str, str]) -> str | None:
    """The room a name meant on the day of the meeting: "Conference Room 4" in October
    2012 is Conference Room 4 of the North Lawn Building."""
    numbered = NUMBERED_ROOM.match(name or "")
    if numbered is None or day is None or not NORTH_LAWN_YEARS[0] <= day <= NORTH_LAWN_YEARS[1]:
        return name
    return room_names.get(room_key(f"NLB CR{numbered[1]}"), name)
