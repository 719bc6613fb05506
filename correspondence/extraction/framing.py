"""A sentence's clauses framed into proposals: a meeting or deadline for each date, with
the time, room and kind the clause (or the letter before it) gives it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from correspondence.enums import ProposalAction
from meetings.enums import DeadlineKind, MeetingKind, Timing

from .classifying import TENTATIVE, change_of, is_held, no_meeting
from .dates import DateMention
from .frames import (
    INSTEAD_OF,
    LIST_LINK,
    RESPECTIVELY,
    Clause,
    hours_before_each,
    moves_in,
    respectively,
    shared_along_lists,
)
from .kinds import GENERIC, KindMention, nearest_kind
from .naming import deadlines_for, title_of
from .places import PlatformMention, RoomMention
from .record import Reading, earlier_with, previous_in_letter, what_of
from .resolving import days_of, period_of, resolve_year, stated_year
from .results import ProposedMeeting
from .times import TimeMention
from .vocabulary import last


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
    every_date: list[DateMention] = (),
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
    kind_of = [nearest_kind(mention, kinds, sentence) for mention in mentions]
    clauses, picks = {}, {}
    # "consultations ... on the draft for the High-level Plenary Meeting on Water Security
    # in September, in the Trusteeship Council Chamber": a meeting named as a topic starts
    # no clause of its own
    # ("..., immediately following the adjournment of the plenary meeting in the morning,
    # in the General Assembly Hall": the meeting it follows ends no clause)
    ending = [
        k
        for k in kinds
        if not FOR_THE.search(sentence[max(0, k.start - 30) : k.start])
        and not AFTER_ITS.search(sentence[max(0, k.start - 60) : k.start])
    ]
    for index, mention in enumerate(mentions):
        if kind_of[index] is not None and index not in moves.values():
            clause = Clause.of(index, mention, mentions, kind_of[index], ending, len(sentence))
            clauses[index] = clause
            picks[index] = (clause.pick(times), clause.pick(room_mentions) or shared_room)
    hours_before_each(sentence, mentions, times, picks)
    shared_along_lists(sentence, mentions, kind_of, picks)
    respectively(sentence, mentions, times, room_mentions, picks)
    # "on Wednesday the 18th of May and Wednesday the 25th of May, at the same time and in
    # the same room": what the list's last clause says of sameness is every date's.
    said_until = {}
    for index in sorted(clauses, reverse=True):
        linked = (
            index + 1 in clauses
            and kind_of[index] is kind_of[index + 1]
            and not mentions[index].relative  # "the following week, on Thursday, 13 October"
        )
        linked = linked and LIST_LINK.match(
            sentence[mentions[index].end : mentions[index + 1].start]
        )
        said_until[index] = said_until[index + 1] if linked else clauses[index].end
    for new, old in moves.items():
        # "will now be held on Wednesday, 19 April, instead of Monday, 17 April, at
        # 3 p.m. in Conference Room 1": what follows the old date is the new one's.
        if new in picks and old > new and kind_of[old] is not None:
            after = Clause.of(old, mentions[old], mentions, kind_of[old], kinds, len(sentence))
            after.before = None
            times_after = [t for t in after.pick(times) if t.start >= after.date_end]
            rooms_after = [r for r in after.pick(room_mentions) if r.start >= after.date_end]
            picks[new] = (picks[new][0] or times_after, picks[new][1] or rooms_after)
    for index, mention in enumerate(mentions):
        if index in moves.values():
            continue  # the old date of a move: the proposal is its new date
        kind = kind_of[index]
        why_not = no_meeting(sentence, mention, kind)
        if why_not:
            outcomes[("date", mention.start)] = why_not
            continue
        if kind is None:
            continue
        clause = clauses[index]
        own_times, own_rooms = picks[index]
        words = sentence[clause.start : clause.end]
        if kind.is_deadline and own_rooms and own_times and kind.kind in DRAFTS:
            # "At 10 a.m. on Thursday, 9 November, in Conference Room 11, we will present a
            # revised draft": a draft presented in a room at an hour is presented at a meeting
            kind = KindMention(kind.start, kind.end, MeetingKind.OTHER)
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
        tense_said = held is not None
        if (
            held is None
            and held_so_far
            and index
            and AHEAD.search(sentence, mentions[index - 1].end, mention.start)
        ):
            # "Following the meeting held on 4 April, we propose three informal meetings,
            # on April 19, ...": what is proposed is ahead
            held = False
        held = held_so_far if held is None else held  # "held on 4 June and on 11 June"
        held_so_far = held
        year = stated_year(sentence, mention, letter_date, every_date)
        if letter_date is None and year is None:
            year = year_in_context(mention, every_date, earlier_with(reading, letter_index, "date"))
        origin_day = None
        if mention.relative and index in moves and mentions[moves[index]].days:
            origin_day = resolve_year(mentions[moves[index]].days[0], letter_date, past=False)
        days, said_warnings = days_of(
            mention,
            letter_date,
            past=held,
            previous=previous,
            year=year,
            tense_said=tense_said,
            moved_from=origin_day,
        )
        reading.warnings.extend(said_warnings)
        if days and letter_date and all(letter_date - day > LONG_PAST for day, _ in days):
            # "Since the adoption of the 2030 Agenda on 25 September 2015": history.
            outcomes[("date", mention.start)] = {
                "reason": "past-event",
                "detail": "more than a year before the letter",
            }
            continue
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
        # "at the same time and in the same place": each said, each carried over; "and,
        # in the same room, a second meeting on ...": said before the meeting it is of.
        said_from = clause.preceding if clause.before is not None and index else clause.start
        same_platform = False
        for same in SAME_PLACE.finditer(sentence, said_from, said_until[index]):
            if same.start() < clause.start and sentence[same.end() : clause.start].strip(", "):
                continue  # "on 28 June, in the same Hall, and the election of ...": June's
            # "at the same time and place", "in the same room": the meeting before's, or
            # the one named ("... as the briefing").
            named = [k for k in kinds if not k.is_deadline and k.start >= same.end()]
            of_kind = (
                named[0].kind
                if named
                and named[0].kind != MeetingKind.OTHER  # "as the previous meeting"
                and AS_THE.fullmatch(sentence, same.end(), named[0].start)
                else None
            )
            if not own_rooms and re.search(r"place|room|venue|hall|chamber", same[0], re.I):
                before = earlier_with(reading, letter_index, "room", of_kind)
                if before is not None:
                    own_rooms = [RoomMention(same.start(), same.end(), before.room)]
            if not own_rooms and re.search(r"platform", same[0], re.I):
                # "at the same time and on the same platform": online as the one before
                before = previous_in_letter(reading, letter_index)
                same_platform = before is not None and before.virtual
            if not own_times and re.search(r"time|hour", same[0], re.I):
                before = earlier_with(reading, letter_index, "start", of_kind)
                if before is not None:
                    own_times = [TimeMention(same.start(), same.end(), before.start, before.end)]
        # "on Thursday 15 May and Friday 16 May ... at 10am and 3pm respectively, in
        # Conference Room 1 and Conference Room 2": each day its own hour and room
        paired = len(days) > 1 and bool(RESPECTIVELY.search(sentence, mention.end))
        for at, (day, weekday_note) in enumerate(days):
            day_times, day_rooms = own_times, own_rooms
            if paired and len(own_times) == len(days):
                day_times = [own_times[at]]
            if paired and len(own_rooms) == len(days):
                day_rooms = [own_rooms[at]]
            slots = [
                (t.begins, t.ends, Timing.EXACT if t.begins else Timing.DAY) for t in day_times
            ]
            if not slots:
                slots = [(None, None, period_of(mention, words))]
            for begins, ends, timing in slots:
                meeting = ProposedMeeting(
                    date=day,
                    start=begins,
                    end=ends,
                    timing=timing,
                    room=day_rooms[0].name if day_rooms else None,
                    kind=kind_said,
                    title=title_of(sentence, kind),
                    tentative=bool(TENTATIVE.search(sentence)),
                    held=held,
                    source=sentence,
                    warnings=[weekday_note] if weekday_note else [],
                    letter_index=letter_index,
                    virtual=(virtual or same_platform) and not own_rooms,
                )
                origin = mentions[moves[index]] if index in moves else None
                # "the consultations scheduled for Friday, 8 June, at 10 a.m. in Conference
                # Room 6 have been postponed": the one date's fate may come after its room.
                fate = words
                if len(mentions) == 1:
                    # "I have decided to postpone the high-level meeting scheduled for ..."
                    verb = last(CALLS_OFF.finditer(sentence, 0, clause.start))
                    fate = sentence[verb.start() if verb else clause.start :]
                change_of(meeting, fate, origin, letter_date, moved=moved)
                if meeting.action == ProposalAction.ANNOUNCE and letter_date and day < letter_date:
                    meeting.held = True  # a day before the letter's is behind it
                reading.meetings.append(meeting)
                if plain:
                    reading.mark(reading.plain, meeting)
                if PART_OF_IT.match(sentence[kind.start : kind.end]):
                    # "9 a.m. - 10 a.m. Opening segment": a part of the event the letter names
                    reading.mark(reading.segments, meeting)
                if kind_said == MeetingKind.OTHER and (
                    kind.start == kind.end or GENERIC.match(sentence[kind.start : kind.end])
                ):
                    reading.mark(reading.generic, meeting)
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


def year_in_context(
    mention: DateMention, others: list[DateMention], before: ProposedMeeting | None
) -> int | None:
    """In a letter whose own date cannot be read, the year of a date without one is that
    of the last date before it that has one: in its sentence, or the meeting before."""
    if mention.relative or all(y is not None for _d, _m, y in mention.days):
        return None
    years = [o.days[-1][2] for o in others if o.end <= mention.start and o.days and o.days[-1][2]]
    if years:
        return years[-1]
    return before.date.year if before is not None else None


CALLS_OFF = re.compile(r"\b(?:postpone|postponing|cancel|cancelling|canceling|call\s+off)\b", re.I)
LONG_PAST = timedelta(days=365)  # a meeting further back is history, not one to enter
# "a further session", "a second meeting": one more of what the letter is about.
ANOTHER_ONE = re.compile(
    r"\b(?:further|another|second|third|fourth|fifth|next|additional|follow-up|final|last"
    r"|previous|closing|opening)\s+"
    r"(?:meetings?|sessions?|round)$",
    re.I,
)
PART_OF_IT = re.compile(r"^(?:opening|plenary|closing)\s+segments?$", re.I)
# "our meeting of 5 February", "the meeting on 3 April": no word for its kind.
PLAIN_MEETING = re.compile(
    r"\b(?:our|the|that|this|last|previous|yesterday's)\s+(?:meetings?|sessions?"
    r"|(?:[\w-]+\s+)?exchanges?\s+of\s+views)$",
    re.I,
)
DRAFTS = (DeadlineKind.ZERO_DRAFT, DeadlineKind.REVISED_DRAFT)
WE_TAKE_UP = re.compile(
    r"\b(?:we|they|it|the\s+Co-\s?Chairs|the\s+co-facilitators|the\s+Chair)\s+"
    r"(?:will|shall|would|intend\s+to|plan\s+to)\s+(?:then\s+)?(?:discuss|consider|address"
    r"|take\s+up|turn\s+to|examine|focus\s+on|review)\b",
    re.I,
)
NEXT_OF_THEM = re.compile(
    r"^The\s+(?:second|third|fourth|fifth|next|last|final)\s*,\s*(?:on|from)\b", re.I
)
AFTER_ITS = re.compile(
    r"\b(?:following|after|upon)\s+(?:the\s+)?(?:adjournment|close|closure|conclusion|end)\s+of"
    r"\s+(?:the\s+|its\s+|that\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
FOR_THE = re.compile(r"\b(?:for|on|about)\s+(?:the|its|their|our)\s+(?:[\w-]+\s+)?$", re.I)
AHEAD = re.compile(
    r"\b(?:propos\w*|will|shall|intend\w*|plan\w*|would|next|upcoming|forthcoming)\b", re.I
)
SAME_PLACE = re.compile(
    # "(10 a.m. - 1 p.m., same room)": said in a list's item without "in the"
    # ("at the usual time and room": the meeting before's too)
    r"(?:\b(?:in|at)\s+the\s+|(?<=\()|(?<=[,;]\s))(?:same|usual)\s+(?:(?:time|hour)\s+and\s+(?:place|venue|room)"
    r"|time|hours?|place|venue"
    r"|(?:conference\s+|meeting\s+)?room|hall|chamber)\b"
    r"|\b(?:on|via|through)\s+the\s+same\s+platform\b",
    re.I,
)
# "... at the same time and place as the briefing": the meeting named, not the last one.
AS_THE = re.compile(r"\s+as\s+(?:the|that|this|for\s+the)\s+(?:[\w-]+\s+){0,3}?", re.I)
