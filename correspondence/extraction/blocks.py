"""Headed blocks: a summary or a note that starts with a title line, a date line and a
room line ("Informal consultation on ..." / "14 May 2019" / "Conference Room 4") states
one meeting, with its room (and its time when a line gives it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from meetings.enums import MeetingKind
from meetings.headquarters import room_key

from .dates import DateMention, parse_date_mentions
from .kinds import KindMention, find_kinds
from .places import RoomMention, parse_room_mentions
from .tables import HAS_DATE
from .times import TimeMention, parse_time_mentions

# A line that is only a date: "14 May 2019", "Wednesday, 5 June 2013", "June 5, 2013";
# or a date and its time or room: "4 June 2013, 10 a.m. - 1 p.m.", "14 May 2019,
# Conference Room 4".
ONLY_A_DATE = re.compile(
    # "Monday, 8 May - Tuesday, 9 May 2023": two days, the year said once.
    r"^(?:[A-Za-z]{0,9},?\s*(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2})"
    r"\s*[-\u2013\u2014]\s*)?"
    r"[A-Za-z]{0,9},?\s*(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2},?),?\s+\d{4}"
    r"(?:\s*[,;:|\u2013\u2014-]?\s+(?P<rest>[^\n]{1,100}))?$"
)
# What else such a line may hold between its date, time and room.
FILLER = re.compile(
    r"^[\s,;:.()|\u2013\u2014-]*(?:(?:from|in|at|the|and|to)\b[\s,;:.()|\u2013\u2014-]*)*$", re.I
)
# "Date:  Thursday, 11 April 2024" / "Time:  10 a.m." / "Venue:  Conference Room 4": the
# labels of a head's lines (blanked, so that what they label stays where it was).
LABEL = re.compile(r"^\s*(?:Date|Day|Time|Hours?|Venue|Place|Location|Room)\s*:(?=\s)", re.I)
SUMMARY_LINE = re.compile(r"^[^\n.]{0,80}\bsummary\b[^\n.]{0,80}$", re.I | re.M)
SUMMARY = re.compile(r"\bsummary\b|\bsummarized\b|\bsummarised\b", re.I)


@dataclass
class Block:
    title: str
    kind: KindMention
    date: DateMention  # offsets into the part
    room: RoomMention | None
    times: list[TimeMention]
    summary: bool
    sittings: int = 1  # "at 10 a.m. and 3 p.m." beside the date: a meeting at each

    @property
    def untitled(self) -> bool:
        """A part of the event the letter names ("OPENING SEGMENT"), of no kind of its own."""
        return self.kind.end == 0 and self.kind.kind == MeetingKind.OTHER


# "at 10 a.m. and 3 p.m.", "from 10 a.m. to 1 p.m. and from 3 to 6 p.m."
AND = re.compile(r"\s*,?\s*(?:and|&)\s+(?:again\s+)?(?:(?:from|at)\s+)?")


RUNS_ON = re.compile(r"\b(?:on|from|of|for|the|in|at|to|and)$")


def headed_blocks(part: str, rooms: dict[str, str]) -> list[Block]:
    """The headed blocks of a letter part, offsets into the part."""
    lines, offset = [], 0
    for line in part.split("\n")[:400]:  # a head is at the top of a page
        lines.append((offset, LABEL.sub(lambda m: " " * len(m.group(0)), line)))
        offset += len(line) + 1
    blocks = []
    for index, (start, line) in enumerate(lines):
        only = ONLY_A_DATE.match(line.strip())
        if not only:
            continue
        dates = [d for d in parse_date_mentions(line) if d.days and d.days[0][2]]
        if len(dates) != 1:
            continue
        same_line = parse_time_mentions(line) if only["rest"] else []
        rooms_beside = parse_room_mentions(line, rooms) if only["rest"] else []
        if only["rest"] and not only_these(line, [*dates, *same_line, *rooms_beside]):
            continue  # more than a time and a room beside the date
        title = title_above(lines, index, rooms)
        if title is None:
            continue
        if RUNS_ON.search(title) and not line.rstrip().endswith("."):
            # "I will convene a High-level Dialogue on" / "Tuesday, 12 February 2019 and
            # ..., in the ECOSOC" / "Chamber, from 10 a.m.": one sentence, no title over a date
            continue
        kinds = [k for k in find_kinds(title) if not k.is_deadline]
        # "OPENING SEGMENT" / "Date: ..." / "Time: ..." / "Venue: ...": a part of the event
        # the letter names, whose title names no kind; only with its hour and room below.
        untitled = not kinds or (kinds[0].kind == MeetingKind.OTHER and len(kinds) == 1)
        if untitled and not SEGMENT.match(title):
            continue
        room, times = None, []
        below_lines = list(lines_below(lines, index))
        consumed = -1
        for at, (below_start, below) in enumerate(below_lines):
            if at == consumed:
                continue  # the second half of a room's name
            if blocks and SAME_AS_ABOVE.search(below) and room is None and not times:
                # "Time and venue: same time and place": the block above's.
                above, end = blocks[-1], below_start + len(below)
                if above.room is not None:
                    room = RoomMention(below_start, end, above.room.name)
                times = [TimeMention(below_start, end, t.begins, t.ends) for t in above.times[:1]]
                continue
            found_rooms = parse_room_mentions(below, rooms) or alias_alone(below, rooms)
            found_times = parse_time_mentions(below)
            if not found_rooms and not found_times and at + 1 < len(below_lines):
                found_rooms = split_room(below, below_lines[at + 1], below_start, rooms)
                if found_rooms and room is None:
                    room, consumed = found_rooms[0], at + 1
                    continue
            if found_rooms and found_rooms[0].start == 0 and room is None:
                # "TC Chamber, 10 a.m.": the room line may give the hour too.
                if found_times and not times and only_these(below, [found_rooms[0], *found_times]):
                    times = [shifted(t, below_start) for t in found_times[:1]]
                room = shifted(found_rooms[0], below_start)
            elif found_times and found_times[0].start == 0 and not times:
                # "10:00 a.m. - 11:30 a.m., Conference Room 6": the hour line may give the
                # room too.
                if (
                    found_rooms
                    and room is None
                    and only_these(below, [*found_times, found_rooms[0]])
                ):
                    room = shifted(found_rooms[0], below_start)
                times = [shifted(t, below_start) for t in found_times]
            else:
                break
        sittings = 1
        if (
            not times
            and len(same_line) > 1
            # (a line that runs on into the next leaves the rest to the sentence's reader)
            and line.rstrip().endswith(".")
            and all(AND.fullmatch(line[a.end : b.start]) for a, b in pairwise(same_line))
        ):
            times, sittings = [shifted(t, start) for t in same_line], len(same_line)
        times = times or [shifted(t, start) for t in same_line[:1]]
        room = room or next((shifted(r, start) for r in rooms_beside[:1]), None)
        if (room is None and not times) or (untitled and (room is None or not times)):
            continue
        date = dates[0]
        blocks.append(
            Block(
                title=title,
                kind=KindMention(0, 0, MeetingKind.OTHER) if untitled else kinds[0],
                date=DateMention(date.start + start, date.end + start, date.days, date.weekday),
                room=room,
                times=times,
                sittings=sittings,
                # A summary's own head or title, not "A summary of the events will be
                # circulated" in the letter above an annexed programme.
                summary=bool(
                    SUMMARY.search(title)
                    or SUMMARY.search(part[: min(400, max(0, start))])
                    or SUMMARY_LINE.search(part[: max(0, start)][-600:])
                ),
            )
        )
    return blocks


def alias_alone(line: str, rooms: dict[str, str]) -> list[RoomMention]:
    """ "Venue: GAH": a line that is only a room's alias, however short."""
    name = rooms.get(room_key(line.strip())) if len(line.strip()) <= 40 else None
    return [RoomMention(0, len(line), name)] if name else []


def split_room(
    line: str, after: tuple[int, str], start: int, rooms: dict[str, str]
) -> list[RoomMention]:
    """A room's name broken over two lines ("Conference" / "Room 12"), read as one and
    spanning both (offsets into the part)."""
    after_start, after_line = after
    found = parse_room_mentions(f"{line} {after_line}", rooms)
    if not found or found[0].start != 0 or found[0].end <= len(line) + 1:
        return []
    return [RoomMention(start, after_start + found[0].end - len(line) - 1, found[0].name)]


def only_these(line: str, found: list) -> bool:
    """Whether the line holds nothing but what was found in it (and a few words)."""
    rest, at = [], 0
    for item in sorted(found, key=lambda f: f.start):
        rest.append(line[at : item.start])
        at = max(at, item.end)
    rest.append(line[at:])
    return bool(FILLER.match(" ".join(rest)))


def title_above(lines: list[tuple[int, str]], index: int, rooms: dict[str, str]) -> str | None:
    """The title above a date line: the paragraph just above it, and the one above that
    when the nearer one is only "Third meeting"; short lines without a full stop. In a
    programme of blocks set one under the other, the title stops at the room or date line
    of the block above."""
    paragraphs: list[list[str]] = [[]]
    for _start, line in reversed(lines[max(0, index - 10) : index]):
        if any(paragraphs) and line.strip() and ends_a_block(line.strip(), rooms):
            break
        if RULE.match(line):
            break  # "-----": the page's or the annex's rule above the title
        if not line.strip():
            if paragraphs[-1]:
                if len(paragraphs) == 2:
                    break
                paragraphs.append([])
            continue
        paragraphs[-1].insert(0, line.strip())
    # "4. First reading ... Conference Room B" / "5. Stocktaking meeting ... -": in a
    # numbered list the title is the item just above, not the items before it.
    items = [at for at, line in enumerate(paragraphs[0]) if ITEM.match(line)]
    if items:
        paragraphs = [paragraphs[0][items[-1] :]]
    title = " ".join(" ".join(p) for p in reversed(paragraphs) if p)
    if not title or len(title) > 300 or title.endswith((".", ",", ":", ";")):
        return None

    if HAS_DATE.search(" ".join(paragraphs[0])):
        return None  # the row of a table above, not a title
    return title


def ends_a_block(line: str, rooms: dict[str, str]) -> bool:
    """Whether the line is the date line or the room line of a block."""
    if ONLY_A_DATE.match(line):
        return True
    found = parse_room_mentions(line, rooms)
    return bool(found) and found[0].start == 0 and only_these(line, found)


SAME_AS_ABOVE = re.compile(
    r"^\s*(?:[\w ]{0,20}:\s*)?(?:the\s+)?same\s+time\s+and\s+(?:place|venue|room)\b", re.I
)
RULE = re.compile(r"^\s*[-_=*~.]{3,}\s*$")
# The title of a part of a programme: "OPENING SEGMENT", "Interactive panel: Financing",
# "Closing" (short, no sentence).
SEGMENT = re.compile(r"^[A-Z][\w'-]*(?:[ :,&/-]+[\w'-]+){0,7}$")
ITEM = re.compile(r"^(?:\d{1,2}[.)]|\(?[a-z0-9]{1,3}\)|[•*·▪-])\s")


def lines_below(lines: list[tuple[int, str]], index: int):
    """The next few non-empty lines under a date line."""
    count = 0
    for start, line in lines[index + 1 : index + 7]:
        if not line.strip():
            continue
        count += 1
        if count > 3:
            return
        yield start + len(line) - len(line.lstrip()), line.strip()


def shifted(found, by: int):
    found.start += by
    found.end += by
    return found
