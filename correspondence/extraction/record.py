"""What the reading has found so far in a file: proposals, warnings and every mention
with what became of it (a proposal, or why not)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from meetings.enums import MeetingKind, Timing

from .blocks import Block
from .classifying import LETTER_REFERENCE
from .dates import DateMention, parse_date_mentions, parse_full_date
from .heads import DATE_LINE, body_of
from .places import PlatformMention, RoomMention, parse_room_mentions, room_of_its_day
from .resolving import resolve_year
from .results import Extraction, LetterFacts, Mention, ProposedDeadline, ProposedMeeting
from .times import TimeMention, parse_time_mentions
from .vocabulary import clean_space

# How the warning about dates not understood starts (the review page shows those dates
# live, from the mentions, so it leaves this one out: see correspondence.letters).
NOT_UNDERSTOOD_WARNING = "Dates the reading did not understand: "


@dataclass
class Reading:
    """What the reading found so far in the whole file, and every mention in it."""

    text: str
    meetings: list[ProposedMeeting] = field(default_factory=list)
    deadlines: list[ProposedDeadline] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)  # offsets a headed block has read
    plain: set[int] = field(default_factory=set)  # ids of meetings called only "our meeting"
    generic: set[int] = field(default_factory=set)  # ids of those called only "meeting(s)"
    last_made: list[int] = field(default_factory=list)  # the meetings of the last frame
    # ids of the meetings of untitled blocks ("OPENING SEGMENT"): parts of an event
    segments: set[int] = field(default_factory=set)

    # Every meeting marked above, kept alive so that its id() is never another's: a
    # meeting merged away is freed, and a later one could otherwise inherit its marks.
    marked: list[ProposedMeeting] = field(default_factory=list)

    def mark(self, marks: set[int], meeting: ProposedMeeting) -> None:
        marks.add(id(meeting))
        self.marked.append(meeting)

    def copied(self, meeting: ProposedMeeting, copy: ProposedMeeting) -> ProposedMeeting:
        """A copy of a meeting (another session of it) is named as the meeting is."""
        for marks in (self.plain, self.generic):
            if id(meeting) in marks:
                self.mark(marks, copy)
        return copy

    def note(self, offset: int, found, what: str, **outcome) -> None:
        start, end = offset + found.start, offset + found.end
        self.mentions.append(Mention(start, end, what, self.text[start:end], **outcome))

    def add_blocks(
        self, blocks: list[Block], offset: int, letter_index: int, letter_date: date | None
    ) -> None:
        """The meeting each headed block states, its mentions claimed."""
        for block in blocks:
            first_day = resolve_year(block.date.days[0], letter_date, past=block.summary)
            if first_day is None:
                continue
            last_day = resolve_year(block.date.days[-1], letter_date, past=block.summary)
            # "Monday, 8 May - Tuesday, 9 May 2023": the block's meeting on each day.
            days = (last_day - first_day).days if last_day and last_day > first_day else 0
            sittings = block.times[: block.sittings] or [None]
            made = len(self.meetings)
            for day, first in (
                (first_day + timedelta(days=n), sitting)
                for n in range(min(days, 14) + 1)
                for sitting in sittings
            ):
                self.meetings.append(
                    ProposedMeeting(
                        date=day,
                        start=first.begins if first else None,
                        end=first.ends if first else None,
                        timing=Timing.EXACT if first else Timing.DAY,
                        room=block.room.name if block.room else None,
                        kind=block.kind.kind,
                        title=block.title[:400],
                        tentative=False,
                        held=block.summary or bool(letter_date and day < letter_date),
                        source=block.title,
                        letter_index=letter_index,
                    )
                )
                if block.untitled:
                    self.mark(self.segments, self.meetings[-1])
            for found, what in (
                (block.date, "date"),
                *((t, "time") for t in block.times[: block.sittings]),
                *(((block.room, "room"),) if block.room else ()),
            ):
                self.note(offset, found, what, meeting=made)
                self.claimed.add(offset + found.start)
            self.last_made = list(range(made, len(self.meetings)))

    def note_head(self, offset: int, part: str, facts: LetterFacts) -> None:
        """The dates above the salutation: the letter's own, and those it refers to."""
        body_start, body = body_of(part)
        for mention in parse_date_mentions(part[: min(body_start, 3000)]):  # a head is short
            if offset + mention.start not in self.claimed:
                self.note(offset, mention, "date", reason="letter-date", detail="the letter's date")
        # Below the body: a summary's date at its foot, "New York, 24 November 2010".
        foot = body_start + len(body)
        for line in DATE_LINE.finditer(part, foot):
            if parse_full_date(line.group(0)) != facts.date:
                continue  # an annex's heading, not the letter's date again
            for mention in parse_date_mentions(line.group(0)):
                mention.start, mention.end = (
                    mention.start + line.start(),
                    mention.end + line.start(),
                )
                self.note(offset, mention, "date", reason="letter-date", detail="the letter's date")

    def note_tail(self, offset: int, part: str) -> None:
        """The dates below the closing that nothing else noted (an annexed programme, a
        reference line, a note): never silent, and left to staff to judge."""
        body_start, body = body_of(part)
        foot = body_start + len(body)
        noted = set()  # this part's dates (those before it end before its offset)
        for m in reversed(self.mentions):
            if m.start < offset:
                break
            if m.what == "date":
                noted.add(m.start)
        for mention in parse_date_mentions(part[foot:]):
            start = offset + foot + mention.start
            if start in noted:
                continue
            lead = part[max(foot, foot + mention.start - 40) : foot + mention.start]
            reference = LETTER_REFERENCE.search(lead)
            self.mentions.append(
                Mention(
                    start,
                    offset + foot + mention.end,
                    "date",
                    self.text[start : offset + foot + mention.end],
                    reason=(
                        ("resolution-date" if reference.group("what") else "letter-date")
                        if reference
                        else "not-understood"
                    ),
                    detail=clean_space(reference.group(0))
                    if reference
                    else "below the letter's closing: an annex, a reference or a note",
                )
            )

    def extraction(self, letters: list[LetterFacts]) -> Extraction:
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.what))
        misses = [m for m in mentions if m.what == "date" and m.reason == "not-understood"]
        warnings = list(self.warnings)
        if misses:
            warnings.append(
                NOT_UNDERSTOOD_WARNING
                + "; ".join(f'"{m.text}"' for m in misses[:10])
                + ". Check whether they are meetings."
            )
        return Extraction(
            letters=letters,
            meetings=self.meetings,
            deadlines=self.deadlines,
            warnings=warnings,
            text=self.text,
            mentions=mentions,
        )


# How far a room or hours said once may be from the meeting that took them: a list's
# first item, or its last when they are said below it.
SAID_APART_REACH = 1500


def credit_said_apart(reading: Reading, part_starts: list[int], rooms: dict[str, str]) -> None:
    """A room, hours or platform said once for the meetings of a list ("The informal
    consultations will be held in Conference Room 4, from 10 a.m. to 1 p.m., on the
    following dates:", or "All meetings will be held in ..." below them) became no
    meeting in its own sentence, but the meetings took it: link it to the nearest one
    that has it with no mention of its own, rather than call it not understood."""
    where: dict[int, int] = {}  # a meeting: where its date is said
    has_own: set[tuple[int, str]] = set()
    for mention in reading.mentions:
        if mention.meeting is not None:
            has_own.add((mention.meeting, mention.what))
            if mention.what == "date":
                where.setdefault(mention.meeting, mention.start)

    def part_of(offset: int) -> int:
        return bisect.bisect_right(part_starts, offset)

    last: dict[str, tuple[int, int]] = {}  # what: where it was said, and the meeting
    for at, mention in enumerate(reading.mentions):
        if mention.what == "date" or mention.reason != "not-understood":
            continue
        takes = taken_by(mention, rooms)
        said, index = last.get(mention.what, (None, None))
        if index is not None and 0 <= mention.start - said <= 40 and takes(reading.meetings[index]):
            # "virtually on the WebEx platform": one phrase, one meeting
            reading.mentions[at] = replace(mention, meeting=index, reason=None, detail="")
            continue
        part = part_of(mention.start)
        near = [
            (abs(start - mention.start), index)
            for index, start in where.items()
            if abs(start - mention.start) <= SAID_APART_REACH
            and (index, mention.what) not in has_own
            and part_of(start) == part
            and takes(reading.meetings[index])
        ]
        if near:
            index = min(near)[1]
            reading.mentions[at] = replace(mention, meeting=index, reason=None, detail="")
            has_own.add((index, mention.what))
            last[mention.what] = (mention.end, index)


def taken_by(mention: Mention, rooms: dict[str, str]):
    """Whether a meeting took what a room, time or platform mention says (read once)."""
    if mention.what == "room":
        named = {r.name for r in parse_room_mentions(mention.text, rooms)}
        if len(named) != 1:
            return lambda meeting: False
        name = named.pop()
        return lambda meeting: meeting.room == room_of_its_day(name, meeting.date, rooms)
    if mention.what == "time":
        said = parse_time_mentions(mention.text)
        if not said:
            return lambda meeting: False
        hour = said[0].begins
        return lambda meeting: hour in (meeting.start, meeting.end)
    return lambda meeting: meeting.virtual and meeting.room is None


def previous_in_letter(reading: Reading, letter_index: int) -> ProposedMeeting | None:
    for meeting in reversed(reading.meetings):
        if meeting.letter_index == letter_index:
            return meeting
        if meeting.letter_index < letter_index:
            return None  # the letters are read in order: none of this one's before
    return None


def earlier_with(
    reading: Reading, letter_index: int, what: str, kind: MeetingKind | None = None
) -> ProposedMeeting | None:
    """The meeting "the same room" or "the same time" points back to: the latest before
    it in this letter that has one, a meeting called off included ("the consultations of
    11 May in Conference Room 3 are cancelled; the next on 16 May in the same room"), and
    of the kind named when one is ("as the briefing")."""
    for meeting in reversed(reading.meetings):
        if meeting.letter_index < letter_index:
            return None  # the letters are read in order: none of this one's before
        if (
            meeting.letter_index == letter_index
            and getattr(meeting, what) is not None
            and (kind is None or meeting.kind == kind)
        ):
            return meeting
    return None


def what_of(found) -> str:
    return {
        DateMention: "date",
        TimeMention: "time",
        RoomMention: "room",
        PlatformMention: "platform",
    }[type(found)]
