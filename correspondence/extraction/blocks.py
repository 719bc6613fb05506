"""Headed blocks: a summary or a note that starts with a title line, a date line and a
room line ("Informal consultation on ..." / "14 May 2019" / "Conference Room 4") states
one meeting, with its room (and its time when a line gives it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from meetings.enums import MeetingKind

from .dates import DateMention, parse_date_mentions
from .kinds import KindMention, find_kinds
from .places import RoomMention, parse_room_mentions
from .times import TimeMention, parse_time_mentions

# A line that is only a date: "14 May 2019", "Wednesday, 5 June 2013", "June 5, 2013";
# or a date and the time: "4 June 2013, 10 a.m. - 1 p.m.".
ONLY_A_DATE = re.compile(
    r"^[A-Za-z]{0,9},?\s*(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2},?),?\s+\d{4}"
    r"(?:\s*[,;:\u2013\u2014-]?\s+(?P<time>(?:from\s+)?\d[^\n]{0,40}))?$"
)
SUMMARY = re.compile(r"\bsummary\b|\bsummarized\b|\bsummarised\b", re.I)


@dataclass
class Block:
    title: str
    kind: KindMention
    date: DateMention  # offsets into the part
    room: RoomMention | None
    times: list[TimeMention]
    summary: bool


def headed_blocks(part: str, rooms: dict[str, str]) -> list[Block]:
    """The headed blocks of a letter part, offsets into the part."""
    lines, offset = [], 0
    for line in part.split("\n")[:400]:  # a head is at the top of a page
        lines.append((offset, line))
        offset += len(line) + 1
    blocks = []
    for index, (start, line) in enumerate(lines):
        only = ONLY_A_DATE.match(line.strip())
        if not only:
            continue
        same_line = parse_time_mentions(line) if only["time"] else []
        if only["time"] and not (same_line and not line[same_line[-1].end :].strip(" .;,")):
            continue  # more than a time after the date
        dates = [d for d in parse_date_mentions(line) if d.days and d.days[0][2]]
        if len(dates) != 1:
            continue
        title = title_above(lines, index)
        if title is None:
            continue
        kinds = [k for k in find_kinds(title) if not k.is_deadline]
        if not kinds or (kinds[0].kind == MeetingKind.OTHER and len(kinds) == 1):
            continue
        room, times = None, []
        for below_start, below in lines_below(lines, index):
            found_rooms = parse_room_mentions(below, rooms)
            found_times = parse_time_mentions(below)
            if found_rooms and found_rooms[0].start == 0 and room is None:
                room = shifted(found_rooms[0], below_start)
            elif found_times and found_times[0].start == 0 and not times:
                times = [shifted(t, below_start) for t in found_times]
            else:
                break
        times = times or [shifted(t, start) for t in same_line[:1]]
        if room is None and not times:
            continue
        date = dates[0]
        blocks.append(
            Block(
                title=title,
                kind=kinds[0],
                date=DateMention(date.start + start, date.end + start, date.days, date.weekday),
                room=room,
                times=times,
                summary=bool(SUMMARY.search(part[: max(0, start)][-600:])),
            )
        )
    return blocks


def title_above(lines: list[tuple[int, str]], index: int) -> str | None:
    """The title above a date line: the paragraph just above it, and the one above that
    when the nearer one is only "Third meeting"; short lines without a full stop."""
    paragraphs: list[list[str]] = [[]]
    for _start, line in reversed(lines[max(0, index - 10) : index]):
        if not line.strip():
            if paragraphs[-1]:
                if len(paragraphs) == 2:
                    break
                paragraphs.append([])
            continue
        paragraphs[-1].insert(0, line.strip())
    title = " ".join(" ".join(p) for p in reversed(paragraphs) if p)
    if not title or len(title) > 300 or title.endswith((".", ",", ":", ";")):
        return None
    return title


def lines_below(lines: list[tuple[int, str]], index: int):
    """The next few non-empty lines under a date line."""
    count = 0
    for start, line in lines[index + 1 : index + 7]:
        if not line.strip():
            continue
        count += 1
        if count > 3:
            return
        yield start, line.strip()


def shifted(found, by: int):
    found.start += by
    found.end += by
    return found
