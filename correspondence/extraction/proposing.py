"""Proposals from the frames of each sentence, and every mention accounted for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from correspondence.enums import ProposalAction
from meetings.enums import MeetingKind, Timing

from .blocks import Block
from .classifying import LETTER_REFERENCE, MOVED, TENTATIVE, change_of, is_held, names_another_event
from .dates import DateMention, parse_date_mentions
from .frames import INSTEAD_OF, Clause, moves_in, sentences
from .heads import body_of
from .kinds import DEADLINE_TRIGGER, DUE_BY, KindMention, find_kinds, nearest_kind
from .places import PlatformMention, RoomMention, parse_platform_mentions, parse_room_mentions
from .resolving import days_of, period_of, resolve_year, stated_year
from .results import Extraction, LetterFacts, Mention, ProposedDeadline, ProposedMeeting
from .times import TimeMention, parse_time_mentions
from .vocabulary import DAY, MONTH, ORDINALS, WEEKDAY, clean_space


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
    last_made: list[int] = field(default_factory=list)  # the meetings of the last frame

    def note(self, offset: int, found, what: str, **outcome) -> None:
        start, end = offset + found.start, offset + found.end
        self.mentions.append(Mention(start, end, what, self.text[start:end], **outcome))

    def add_blocks(
        self, blocks: list[Block], offset: int, letter_index: int, letter_date: date | None
    ) -> None:
        """The meeting each headed block states, its mentions claimed."""
        for block in blocks:
            day = resolve_year(block.date.days[0], letter_date, past=block.summary)
            if day is None:
                continue
            index = len(self.meetings)
            first = block.times[0] if block.times else None
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
            for found, what in (
                (block.date, "date"),
                *((t, "time") for t in block.times[:1]),
                *(((block.room, "room"),) if block.room else ()),
            ):
                self.note(offset, found, what, meeting=index)
                self.claimed.add(offset + found.start)
            self.last_made = [index]

    def note_head(self, offset: int, part: str, facts: LetterFacts) -> None:
        """The dates above the salutation: the letter's own, and those it refers to."""
        body_start, _ = body_of(part)
        for mention in parse_date_mentions(part[: min(body_start, 3000)]):  # a head is short
            self.note(offset, mention, "date", reason="letter-date", detail="the letter's date")

    def extraction(self, letters: list[LetterFacts]) -> Extraction:
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.what))
        misses = [m for m in mentions if m.what == "date" and m.reason == "not-understood"]
        warnings = list(self.warnings)
        if misses:
            warnings.append(
                "Dates the reading did not understand: "
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


def read_announcements(
    body: str,
    *,
    offset: int,
    letter_index: int,
    letter_date: date | None,
    rooms: dict[str, str],
    reading: Reading,
) -> None:
    lead_in = None  # "the schedule of the informal consultations:" before a list
    for start, sentence in sentences(body):
        if not (BULLET.match(sentence) or ROW.match(sentence)):
            lead_in = None
        if len(sentence) > 3000:
            reading.warnings.append(
                f"A sentence of {len(sentence)} characters was skipped as too long to be one."
            )
            continue
        read_sentence(
            sentence,
            offset=offset + start,
            letter_index=letter_index,
            letter_date=letter_date,
            rooms=rooms,
            reading=reading,
            lead_in=lead_in,
        )
        if sentence.endswith(":"):
            kinds = [k for k in find_kinds(sentence) if not k.is_deadline]
            lead_in = kinds[-1].kind if kinds else None


# An item of a list: "•  Monday, 6 March 2023: from 10 a.m. to 1 p.m."
# A row of a table: "Tuesday 10 May 2022    10:00 – 13:00    Conference Room 3".
ROW = re.compile(rf"^(?:{WEEKDAY}\b|{DAY}\s+{MONTH}|{MONTH}\s+{DAY})", re.IGNORECASE)
BULLET = re.compile(r"^(?:[•*·▪●◦‣o-]|\(?[a-z0-9]\)|[a-z0-9]\.)\s")


def read_sentence(
    sentence: str,
    *,
    offset: int,
    letter_index: int,
    letter_date: date | None,
    rooms: dict[str, str],
    reading: Reading,
    lead_in: MeetingKind | None = None,
) -> None:
    moved = bool(MOVED.search(sentence))

    def unclaimed(found: list) -> list:
        return [f for f in found if offset + f.start not in reading.claimed]

    all_dates = unclaimed(parse_date_mentions(sentence, ranges=not moved))
    mentions = []
    for m in all_dates:
        reference = LETTER_REFERENCE.search(sentence[max(0, m.start - 40) : m.start])
        if reference:
            reason = "resolution-date" if reference.group("what") else "letter-date"
            reading.note(offset, m, "date", reason=reason, detail=clean_space(reference.group(0)))
        else:
            mentions.append(m)
    times = unclaimed(parse_time_mentions(sentence))
    room_mentions = unclaimed(parse_room_mentions(sentence, rooms))
    platforms = parse_platform_mentions(sentence)
    outcomes: dict[tuple[str, int], dict] = {}
    if not mentions and reading.last_made and (times or room_mentions or platforms):
        carry_on(sentence, times, room_mentions, platforms, reading=reading, outcomes=outcomes)
    if mentions:
        kinds = find_kinds(sentence)
        if lead_in and not [k for k in kinds if not k.is_deadline]:
            kinds.insert(0, KindMention(0, 0, lead_in))  # the kind the list was given
        frame_sentence(
            sentence,
            mentions,
            kinds,
            times,
            room_mentions,
            platforms,
            letter_index=letter_index,
            letter_date=letter_date,
            moved=moved,
            reading=reading,
            outcomes=outcomes,
        )
    for what, found in (
        ("date", mentions),
        ("time", times),
        ("room", room_mentions),
        ("platform", platforms),
    ):
        for item in found:
            outcome = outcomes.get((what, item.start)) or {
                "reason": "not-understood",
                "detail": "no meeting or deadline was read in this sentence",
            }
            reading.note(offset, item, what, **outcome)


def frame_sentence(
    sentence: str,
    mentions: list[DateMention],
    kinds: list[KindMention],
    all_times: list[TimeMention],
    all_rooms: list[RoomMention],
    platforms: list[PlatformMention],
    *,
    letter_index: int,
    letter_date: date | None,
    moved: bool,
    reading: Reading,
    outcomes: dict,
) -> None:
    """The meetings and deadlines of one sentence, a clause for each date."""
    # "at 11 a.m. instead of 10 a.m.", "in CR 2 instead of CR 4": the old one is no longer.
    times = [
        t for t in all_times if not INSTEAD_OF.search(sentence[max(0, t.start - 14) : t.start])
    ]
    room_mentions = [
        r for r in all_rooms if not INSTEAD_OF.search(sentence[max(0, r.start - 14) : r.start])
    ]
    # "on 10, 17 and 24 February, all in Conference Room 2": one room for every date.
    shared_room = (
        room_mentions[:1]
        if len({r.name for r in room_mentions}) == 1
        and room_mentions[0].start > mentions[-1].end
        and re.search(r"\b(?:all|both|each)\b[^,;]{0,12}$", sentence[: room_mentions[0].start])
        else []
    )
    virtual = bool(platforms) and not room_mentions
    moves = moves_in(sentence, mentions) if moved else {}
    previous = reading.meetings
    held_so_far = False
    made: list[int] = []
    for index, mention in enumerate(mentions):
        if index in moves.values():
            continue  # the old date of a move: the proposal is its new date
        kind = nearest_kind(mention, kinds, sentence)
        elsewhere = names_another_event(sentence, kind, mention)
        if elsewhere:
            outcomes[("date", mention.start)] = {
                "reason": elsewhere,
                "detail": "another organisation's event"
                if elsewhere == "other-organisation"
                else "a meeting away from Headquarters",
            }
            continue
        if kind is None:
            continue
        clause = Clause.of(index, mention, mentions, kind, kinds, len(sentence))
        own_times = clause.pick(times)
        own_rooms = clause.pick(room_mentions)
        own_rooms = own_rooms or shared_room
        words = sentence[clause.start : clause.end]
        if not kind.is_deadline and DUE_BY.search(
            sentence[max(0, mention.start - 40) : mention.start]
        ):
            # "responses by Friday, 8 October": a date something is due by is no meeting.
            outcomes[("date", mention.start)] = {"reason": "deadline", "detail": "a deadline"}
            continue
        if kind.is_deadline:
            first = len(reading.deadlines)
            reading.deadlines += deadlines_for(
                mention, kind, sentence, words, own_times, letter_date, letter_index
            )
            if len(reading.deadlines) > first:
                for found in (mention, *own_times):
                    outcomes[(what_of(found), found.start)] = {"deadline": first}
            continue
        held = is_held(sentence, clause.preceding, mention, clause.following)
        held = held_so_far if held is None else held  # "held on 4 June and on 11 June"
        held_so_far = held
        year = stated_year(sentence, mention, letter_date)
        days, said_warnings = days_of(mention, letter_date, past=held, previous=previous, year=year)
        reading.warnings.extend(said_warnings)
        first = len(reading.meetings)
        earlier = previous_in_letter(reading, letter_index)
        kind_said = kind.kind
        if kind_said == MeetingKind.OTHER and ANOTHER_ONE.search(
            sentence[max(0, kind.start - 25) : kind.end]
        ):
            # "a further session", "a second meeting": of the process named before.
            specific = [k for k in kinds if k.kind != MeetingKind.OTHER and not k.is_deadline]
            if specific:
                kind_said = min(specific, key=lambda k: abs(k.start - mention.start)).kind
            elif earlier is not None:
                kind_said = earlier.kind
        plain = kind_said == MeetingKind.OTHER and PLAIN_MEETING.search(
            sentence[max(0, kind.start - 25) : kind.end]
        )
        same = SAME_PLACE.search(words)
        if same and earlier is not None:
            # "at the same time and place", "in the same room": the meeting before's.
            if not own_rooms and earlier.room and re.search(r"place|room|venue", same[0], re.I):
                own_rooms = [RoomMention(same.start(), same.end(), earlier.room)]
            if not own_times and earlier.start and re.search(r"time", same[0], re.I):
                own_times = [TimeMention(same.start(), same.end(), earlier.start, earlier.end)]
        for day, weekday_note in days:
            slots = [
                (t.begins, t.ends, Timing.EXACT if t.begins else Timing.DAY) for t in own_times
            ]
            if not slots:
                slots = [(None, None, period_of(mention, words))]
            for begins, ends, timing in slots:
                meeting = ProposedMeeting(
                    date=day,
                    start=begins,
                    end=ends,
                    timing=timing,
                    room=own_rooms[0].name if own_rooms else None,
                    kind=kind_said,
                    title=title_of(sentence, kind),
                    tentative=bool(TENTATIVE.search(sentence)),
                    held=held,
                    source=sentence,
                    warnings=[weekday_note] if weekday_note else [],
                    letter_index=letter_index,
                    virtual=virtual and not own_rooms,
                )
                origin = mentions[moves[index]] if index in moves else None
                change_of(meeting, words, origin, letter_date, moved=moved)
                reading.meetings.append(meeting)
                if plain:
                    reading.plain.add(id(meeting))
        if len(reading.meetings) > first:
            made.extend(range(first, len(reading.meetings)))
            linked = [mention, *own_times, *own_rooms]
            if index in moves:
                linked.append(mentions[moves[index]])
            if virtual:
                linked += platforms
            for found in linked:
                outcomes[(what_of(found), found.start)] = {"meeting": first}
    if made:
        reading.last_made = made


# "The meeting rose at 12.50 p.m.": the end of a meeting a summary records.
ENDED = re.compile(r"\b(?:rose|adjourned|closed|ended|concluded)\s+at\s*$", re.I)
# "Both meetings will be held in the General Assembly Hall", "It will take place from
# 10 a.m. to 1 p.m.": a sentence that goes on about the meetings just named.
GOES_ON = re.compile(
    r"^(?:It|They|Both|Each|All|These|The\s+(?:two|three|same|above|said)\b|The\s+(?:[\w-]+\s+){0,3}"
    r"(?:meetings?|sessions?|consultations?|debate|dialogue|briefing|hearing|negotiations?|"
    r"plenary|event|segment|panel|informals?)\b)|\b(?:opened|rose|adjourned)\b|"
    r"\b(?:same\s+(?:time|room|venue|place))\b",
    re.I,
)


def carry_on(
    sentence: str,
    times: list[TimeMention],
    room_mentions: list[RoomMention],
    platforms: list[PlatformMention],
    *,
    reading: Reading,
    outcomes: dict,
) -> None:
    """Times, a room or a platform given in the sentence after the meetings they belong
    to. Only what those meetings left open is filled; two time ranges make two sessions."""
    if not GOES_ON.search(sentence) or DEADLINE_TRIGGER.search(sentence):
        return
    if times and followed_by(sentence, times, room_mentions, reading=reading, outcomes=outcomes):
        return
    made = [reading.meetings[i] for i in reading.last_made]
    ends = [t for t in times if ENDED.search(sentence[max(0, t.start - 20) : t.start])]
    starts = [t for t in times if t not in ends]
    for time_mention in ends:
        held = [m for m in made if m.held and m.end is None and m.start is not None]
        held = held or [m for m in reading.meetings if m.held and m.end is None and m.start]
        if held:
            held[-1].end = time_mention.begins
            outcomes[("time", time_mention.start)] = {"meeting": reading.meetings.index(held[-1])}
    names = {r.name for r in room_mentions}
    if len(names) == 1:
        for meeting in made:
            if meeting.room is None and not meeting.virtual:
                meeting.room = room_mentions[0].name
        for r in room_mentions:
            outcomes[("room", r.start)] = {"meeting": reading.last_made[0]}
    elif platforms and not room_mentions:
        for meeting in made:
            if meeting.room is None:
                meeting.virtual = True
        for p in platforms:
            outcomes[("platform", p.start)] = {"meeting": reading.last_made[0]}
    if starts and all(m.start is None for m in made):
        sessions(reading, starts, outcomes)


# "The high-level meeting will be followed in the afternoon by an interactive dialogue,
# from 3 p.m. to 6 p.m.": another meeting on the same day.
FOLLOWED_BY = re.compile(r"\bfollowed\b[^.;]{0,40}?\bby\s+", re.I)


def followed_by(
    sentence: str,
    starts: list[TimeMention],
    room_mentions: list[RoomMention],
    *,
    reading: Reading,
    outcomes: dict,
) -> bool:
    """Whether the sentence names another meeting after the one before."""
    follows = FOLLOWED_BY.search(sentence)
    if not follows:
        return False
    kinds = [
        k
        for k in find_kinds(sentence)
        if k.start >= follows.end() and not k.is_deadline and k.kind != MeetingKind.OTHER
    ]
    before = reading.meetings[reading.last_made[-1]]
    if not kinds or starts[0].begins is None:
        return False
    index = len(reading.meetings)
    reading.meetings.append(
        replace(
            before,
            start=starts[0].begins,
            end=starts[0].ends,
            timing=Timing.EXACT,
            room=room_mentions[0].name if room_mentions else None,
            kind=kinds[0].kind,
            title=title_of(sentence, kinds[0]),
            source=sentence,
            warnings=[],
            action=ProposalAction.ANNOUNCE,
            moved_from=None,
        )
    )
    for found in (starts[0], *room_mentions[:1]):
        outcomes[(what_of(found), found.start)] = {"meeting": index}
    reading.last_made = [index]
    return True


def sessions(reading: Reading, starts: list[TimeMention], outcomes: dict) -> None:
    """Each meeting of the last frame at each of the times given: "in two sessions,
    from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m."."""
    days = [reading.meetings[i] for i in reading.last_made]
    first = min(reading.last_made)
    kept = reading.meetings[:first] + [
        m for i, m in enumerate(reading.meetings[first:], first) if i not in reading.last_made
    ]
    made = []
    for day in days:
        for time_mention in starts:
            made.append(
                replace(
                    day,
                    start=time_mention.begins,
                    end=time_mention.ends,
                    timing=Timing.EXACT,
                    warnings=list(day.warnings),
                )
            )
    # The frame's meetings are the last ones made: replacing them keeps the indices of
    # the mentions noted before them.
    if kept != reading.meetings[:first] or len(reading.meetings) != first + len(days):
        return
    reading.meetings[first:] = made
    reading.last_made = list(range(first, first + len(made)))
    for time_mention in starts:
        outcomes[("time", time_mention.start)] = {"meeting": first}


# "a further session", "a second meeting": one more of what the letter is about.
ANOTHER_ONE = re.compile(
    r"\b(?:further|another|second|third|fourth|fifth|next|additional|follow-up)\s+"
    r"(?:meetings?|sessions?|round)$",
    re.I,
)
# "our meeting of 5 February", "the meeting on 3 April": no word for its kind.
PLAIN_MEETING = re.compile(
    r"\b(?:our|the|that|this|last|previous|yesterday's)\s+(?:meetings?|sessions?)$", re.I
)
SAME_PLACE = re.compile(
    r"\b(?:in|at)\s+the\s+same\s+(?:time\s+and\s+(?:place|venue|room)|time|place|venue|room)\b",
    re.I,
)


def previous_in_letter(reading: Reading, letter_index: int) -> ProposedMeeting | None:
    for meeting in reversed(reading.meetings):
        if meeting.letter_index == letter_index:
            return meeting
    return None


def what_of(found) -> str:
    return {
        DateMention: "date",
        TimeMention: "time",
        RoomMention: "room",
        PlatformMention: "platform",
    }[type(found)]


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
