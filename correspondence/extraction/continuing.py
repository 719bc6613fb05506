"""Sentences that go on about the meetings just named: their sessions ("in two sessions,
from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m."), their room ("Both meetings will be
held in the General Assembly Hall"), a platform, the hour a summarised meeting rose,
and the meeting that follows one the same day."""

from __future__ import annotations

import re
from dataclasses import replace

from correspondence.enums import ProposalAction
from meetings.enums import MeetingKind, Timing

from .kinds import DEADLINE_TRIGGER, find_kinds
from .naming import title_of
from .places import PlatformMention, RoomMention
from .record import Reading, what_of
from .resolving import ADJOURNMENT_WITHIN, AFTER_ADJOURNMENT
from .results import ProposedMeeting
from .times import TimeMention

# "The meeting rose at 12.50 p.m.": the end of a meeting a summary records.
ENDED = re.compile(r"\b(?:rose|adjourned|closed|ended|concluded)\s+at\s*$", re.I)
# "Both meetings will be held in the General Assembly Hall", "It will take place from
# 10 a.m. to 1 p.m.": a sentence that goes on about the meetings just named.
GOES_ON = re.compile(
    r"^(?:It|They|Both|Each|All|These|The\s+(?:two|three|same|above|said)\b|The\s+(?:[\w-]+\s+){0,3}"
    r"(?:meetings?|sessions?|consultations?|debate|dialogue|briefing|hearing|negotiations?|"
    r"plenary|events?|segments?|panels?|informals?|hearings?|debates?|dialogues?|briefings?"
    r"|elections?|stocktaking|readings?)\b)"
    r"|\b(?:opened|rose|adjourned)\b|"
    r"\b(?:same\s+(?:time|room|venue|place))\b"
    # "We will meet in Conference Room 1.": where the meeting just named is held.
    # "Room: Conference Room 1.", "The time remains 10:00 to 13:00."
    r"|^(?:Room|Venue|Location|Place|Time|Hours?)\s*:"
    r"|^The\s+(?:time|hours?|room|venue)\s+(?:remains?|stays?|is\s+unchanged)\b"
    r"|^The\s+(?:venue|room|location)\s+(?:is|will\s+be)\b"
    # "We will meet from 10 a.m. to 1 p.m. and again from 3 p.m. to 6 p.m."
    r"|^We\s+(?:will|shall|are\s+to)\s+meet\s+(?:in|from|at|between)\b"
    # "Member States will participate in person in the General Assembly Hall, while
    # speakers join remotely": where a hybrid meeting just named sits
    r"|\b(?:participate|attend|be\s+present|take\s+part)\s+in\s+person\s+in\b"
    # "Conference Room 4 would be suitable for both.": the room of the meetings just named.
    r"|\b(?:suitable|reserved|booked|requested|used)\s+for\s+(?:both|all|each|them)\b"
    # "On each day, the Dialogue will meet from 10 a.m. to 1 p.m. and from 3 p.m.".
    r"|^On\s+(?:each|both|that|the\s+same)\s+(?:of\s+(?:these|the|those)\s+)?days?\b"
    # "Morning session (10:00 - 13:00) Opening segment ..."
    r"|^(?:Morning|Afternoon|Evening)\s+(?:session|sitting|meeting)s?\b"
    # "Meetings will be held each day from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m."
    # "Plenary meetings will be held from 9 a.m. to 2 p.m. ... on each of the three days"
    r"|^(?:(?:Plenary|Informal|Formal)\s+)?(?:Meetings|Sessions)\s+(?:will|shall|would|are\s+to)\b"
    r"|\b(?:each|every)\s+day\b|\bon\s+each\s+of\s+the\s+(?:two|three|four|five|[2-5])\s+days\b"
    r"|\b(?:the|this|that|each|both)\s+(?:[\w-]+\s+){0,3}(?:meetings?|sessions?|consultations?"
    r"|debate|dialogue|briefing|hearing|negotiations?|plenary|event|segment|panel|informals?)"
    r"\s+(?:will|would|shall)\s+(?:meet|be\s+(?:held|hosted|convened|conducted)|take\s+place|run"
    # "The plenary meetings will continue daily from 10 a.m. to 1 p.m. and 3 p.m. to 6 p.m."
    r"|continue"
    r"|open|start|begin|convene|consist|comprise)\b"
    # "Given the restrictions at Headquarters, both meetings will be held virtually".
    r"|\b(?:both\s+|all\s+(?:the\s+|of\s+the\s+|[a-z]+\s+)?|each\s+of\s+the\s+)meetings\b",
    re.I,
)


WILL = re.compile(r"\b(?:will|shall)\b", re.I)
# "Conference Room 5 would be most suitable": the room asked for the meetings just named.
ROOM_FOR_THEM = re.compile(
    r"^(?:The\s+)?(?:(?:NLB\s+)?Conference\s+Room|Trusteeship|ECOSOC|Economic|General\s+Assembly\s+Hall)"
    r"[^,;.]{0,40}?\b(?:would|will|is|has\s+been)\s+(?:be\s+)?(?:most\s+|very\s+|particularly\s+)?"
    r"(?:suitable|preferred|requested|reserved|booked|available)\b"
    # "I should be grateful if Conference Room 5 could be reserved for these meetings"
    r"|\b(?:could|would|should|can|might|may)\s+(?:again\s+|also\s+)?be\s+(?:reserved"
    r"|made\s+available|booked|allocated|assigned)\s+(?:to\s+us\s+)?(?:again\s+)?for\s+"
    r"(?:these|those|that|this|the|both|all|our|its|them)\b",
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
    if not reading.last_made:
        return  # no meeting named before: nothing goes on
    row = PROGRAMME_ROW.match(sentence)
    if row and times and times[0].start == 0:
        programme_row(sentence, times[0], reading=reading, outcomes=outcomes)
        return
    if times and panels_of_the_day(
        sentence, times, room_mentions, reading=reading, outcomes=outcomes
    ):
        return
    if not (GOES_ON.search(sentence) or ROOM_FOR_THEM.search(sentence)) or DEADLINE_TRIGGER.search(
        sentence
    ):
        return
    if times and followed_by(sentence, times, room_mentions, reading=reading, outcomes=outcomes):
        return
    if ALL_OF_THEM.search(sentence) and all_said_above(
        times, room_mentions, reading=reading, outcomes=outcomes
    ):
        return
    # "Following the meeting held on 4 April, we propose three meetings ... Each will start
    # at 10 a.m.": what goes on is said of those ahead, not of the one held
    if WILL.search(sentence):
        reading.last_made = [
            i for i in reading.last_made if not reading.meetings[i].held
        ] or reading.last_made
    made = [reading.meetings[i] for i in reading.last_made]
    aside = ASIDE.search(sentence)
    if aside and any(r.start < aside.start() for r in room_mentions):
        # "... each day in the General Assembly Hall, with interactive dialogues running in
        # parallel in the Trusteeship Council Chamber": the aside's room is its own.
        room_mentions = [r for r in room_mentions if r.start < aside.start()]
    ends = [t for t in times if ENDED.search(sentence[max(0, t.start - 20) : t.start])]
    starts = [t for t in times if t not in ends]
    for time_mention in ends:
        held = [m for m in made if m.held and m.end is None and m.start is not None]
        held = held or [m for m in reading.meetings if m.held and m.end is None and m.start]
        if held:
            held[-1].end = time_mention.begins
            outcomes[("time", time_mention.start)] = {"meeting": reading.meetings.index(held[-1])}
    follows = FOLLOWED_BY.search(sentence)
    if follows and len({r.name for r in room_mentions}) > 1:
        # "The opening segment will begin at 9 a.m. in the General Assembly Hall, followed
        # by ... two interactive panels in Conference Room 1": the room before is its own.
        room_mentions = [r for r in room_mentions if r.start < follows.start()]
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
    if len(starts) > 1 and EACH_DAY.search(sentence) and first_sitting_said(reading, starts):
        made = [reading.meetings[i] for i in reading.last_made]
    if starts and all(m.start is None for m in made):
        # "the morning session, from 10 a.m. to 1 p.m., in NLB Conference Room 2, and the
        # afternoon session, from 3 p.m. to 5.30 p.m., in NLB Conference Room 3": a room
        # for each session.
        own = rooms_of_sessions(starts, room_mentions) if len(names) > 1 else None
        sessions(reading, starts, outcomes, rooms=own)
        if own:
            for r in room_mentions:
                outcomes[("room", r.start)] = {"meeting": reading.last_made[0]}
    elif starts and made and ANOTHER_PART.search(sentence):
        another_part(reading, starts[0], room_mentions if len(names) == 1 else [], outcomes)


# "All meetings will start at 10 a.m. and be held in Conference Room 1 (NLB).": below the
# letter's meetings, what each of them left open.
ALL_OF_THEM = re.compile(
    # ("Both meetings are in the General Assembly Hall.")
    r"\b(?:All|Both|Each\s+of\s+the|All\s+of\s+the|All\s+the|Both\s+the)\s+(?:[\w-]+\s+)?"
    r"(?:meetings|sessions|consultations)\s+(?:will|shall|are\s+to|are)\b",
    re.I,
)


def all_said_above(
    times: list[TimeMention], room_mentions: list[RoomMention], *, reading: Reading, outcomes: dict
) -> bool:
    """One hour and one room for all the letter's meetings ahead said before (whether
    there were any): "We will meet on 20 March ..., and on 8 April .... All meetings will
    start at 10 a.m. and be held in Conference Room 1 (NLB)." """
    if len(times) > 1 or len({r.name for r in room_mentions}) > 1:
        return False
    letter = reading.meetings[reading.last_made[-1]].letter_index
    ahead = [
        i
        for i, m in enumerate(reading.meetings)
        if m.letter_index == letter and not m.held and m.action == ProposalAction.ANNOUNCE
    ]
    if len(ahead) < 2:
        return False
    for i in ahead:
        meeting = reading.meetings[i]
        if times and meeting.start is None:
            meeting.start, meeting.end, meeting.timing = (
                times[0].begins,
                times[0].ends,
                Timing.EXACT,
            )
        if room_mentions and meeting.room is None and not meeting.virtual:
            meeting.room = room_mentions[0].name
    for found in (*times, *room_mentions):
        outcomes[(what_of(found), found.start)] = {"meeting": ahead[0]}
    return True


EACH_DAY = re.compile(
    r"\b(?:each|every)\s+day\b|\bdaily\b|\bon\s+each\s+of\s+the\s+(?:two|three|four|five|[2-5])\s+days\b",
    re.I,
)


def first_sitting_said(reading: Reading, starts: list[TimeMention]) -> bool:
    """ "... from 8 to 10 June, with the opening segment on 8 June at 9 a.m. The plenary will
    meet each day from 9 a.m. to 1 p.m. and from 3 p.m. to 6 p.m.": the opening, said
    apart, is the first sitting of its day; the days then sit at each of the hours. The
    opening is let go, its mentions given to its day (whether it was)."""
    made = reading.last_made
    timed = [i for i in made if reading.meetings[i].start is not None]
    days = {reading.meetings[i].date: i for i in made if reading.meetings[i].start is None}
    if (
        not timed
        or not days
        or timed != list(range(len(reading.meetings) - len(timed), len(reading.meetings)))
        or any(
            reading.meetings[i].date not in days or reading.meetings[i].start != starts[0].begins
            for i in timed
        )
    ):
        return False
    moved = {i: days[reading.meetings[i].date] for i in timed}
    reading.mentions[:] = [
        replace(m, meeting=moved[m.meeting]) if m.meeting in moved else m for m in reading.mentions
    ]
    del reading.meetings[timed[0] :]
    reading.last_made = [i for i in made if i not in moved]
    return True


ASIDE = re.compile(
    r",\s+(?:and|with|while|whereas|as\s+well\s+as)\b[^.;]{0,100}\bin\s+parallel\b"
    # "..., and the round tables in the Trusteeship Council Chamber"
    r"|,\s+(?:and|while|whereas)\s+the\s+(?:[\w-]+\s+){0,3}(?:round[-\s]?tables|panels|side\s+events)\b"
    # "..., while three round tables will take place in Conference Room 4 (NLB)"
    r"|,\s+(?:while|whereas)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:round[-\s]?tables|panels"
    r"|side\s+events)\s+(?:will|would|are\s+to)\b",
    re.I,
)


# "an opening segment and first panel from 10 a.m. to 1 p.m., and a second panel and
# closing segment from 3 p.m.": the meeting's own sessions, panels among their parts.
PARTS = re.compile(
    r"\b(?:segments?|sessions?)\s+and\b|\band\s+(?:[\w-]+\s+)?(?:segments?|sessions?)\b"
    r"|\bconsist\w*",
    re.I,
)


BOTH_SAME_ROOM = re.compile(
    r"\b(?:both|all|each)\s+in\s+the\s+same\s+(?:room|hall|chamber)\b", re.I
)
PLURAL = re.compile(r"(?:panel(?:\s+discussion)?s|round[-\s]?tables)\b", re.I)


def panels_of_the_day(
    sentence: str,
    times: list[TimeMention],
    room_mentions: list[RoomMention],
    *,
    reading: Reading,
    outcomes: dict,
) -> bool:
    """Panels or round tables of the meeting just named, each at hours (and in a room) of
    its own: "Panel I ... will meet from 11.30 a.m. to 1 p.m. in the General Assembly
    Hall; Panel II ... from 3 p.m. to 6 p.m. in Conference Room 4" are two meetings."""
    made = [reading.meetings[i] for i in reading.last_made]
    if len({m.date for m in made}) != 1 or made[0].kind == MeetingKind.PANEL:
        return False
    panels = [k for k in find_kinds(sentence) if k.kind == MeetingKind.PANEL]
    if not panels or any(t.begins is None for t in times) or PARTS.search(sentence):
        return False
    parts = []
    after = [t for t in times if t.start >= panels[0].end]
    if len(panels) == 1 and len(after) > 1 and PLURAL.match(sentence, panels[0].start):
        # "Two panels will be held ...: the first ..., from 3 p.m. to 4.30 p.m. in
        # Conference Room 4, and the second ..., from 4.30 p.m. to 6 p.m.": one a time.
        bounds = [t.start for t in after[1:]] + [len(sentence)]
        for time_mention, bound in zip(after, bounds, strict=True):
            rooms = [r for r in room_mentions if time_mention.end <= r.start < bound]
            parts.append((panels[0], time_mention, rooms[:1]))
    else:
        bounds = [p.start for p in panels[1:]] + [len(sentence)]
        for panel, bound in zip(panels, bounds, strict=True):
            own = [t for t in times if panel.end <= t.start < bound]
            if len(own) != 1:
                return False
            rooms = [r for r in room_mentions if own[0].end <= r.start < bound]
            parts.append((panel, own[0], rooms[:1]))
    # "Panel 1 ... from 10 a.m. to 1 p.m. and panel 2 from 3 to 5.30 p.m., both in
    # Conference Room 4": one room for all of them.
    shared = [r for r in room_mentions if r.start > parts[-1][1].end]
    if shared and re.search(r"\b(?:both|all|each)\b[^,;]{0,12}$", sentence[: shared[0].start]):
        parts = [(panel, t, rooms or shared[:1]) for panel, t, rooms in parts]
    # "two round tables will be held in Conference Room 4, the first from 10 a.m. to 1 p.m.
    # and the second from 3 p.m. to 6 p.m.": the room said between the panels and their
    # hours is all of theirs
    said = [r for r in room_mentions if panels[-1].end <= r.start < parts[0][1].start]
    if len({r.name for r in said}) == 1:
        parts = [(panel, t, rooms or said[:1]) for panel, t, rooms in parts]
    if not room_mentions and made[-1].room:
        # "The hearing will comprise ... three interactive panels." / "Panel one ... will
        # run from 10.30 a.m. to 1 p.m.; panel two ...": no room of their own, the event's
        here = [RoomMention(0, 0, made[-1].room)]
        parts = [(panel, t, here) for panel, t, _rooms in parts]
    same = BOTH_SAME_ROOM.search(sentence, parts[-1][1].end)
    if same and made[-1].room:
        # "Two panels will follow: the first ..., and the second ..., both in the same room"
        here = [RoomMention(same.start(), same.end(), made[-1].room)]
        parts = [(panel, t, rooms or here) for panel, t, rooms in parts]
    # "The plenary segment will be held from 10 a.m. to 1 p.m. in the General Assembly
    # Hall, followed by a panel discussion from 3 to 5 p.m. in Conference Room 2"
    own_hours_first(times, room_mentions, panels[0].start, reading, outcomes)
    for panel, time_mention, rooms in parts:
        that_day(
            reading,
            made[-1],
            sentence,
            time_mention,
            room=rooms[0].name if rooms else None,
            kind=MeetingKind.PANEL,
            title=title_of(sentence, panel),
            linked=rooms,
            outcomes=outcomes,
            virtual=False,
        )
    reading.last_made = list(range(len(reading.meetings) - len(parts), len(reading.meetings)))
    return True


# "10:00 – 13:00     Opening segment and interactive panel 1": a row of the programme of
# the meeting just named, a part of it at its own hours; a break is no part.
PROGRAMME_ROW = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}\b")
PAUSE = re.compile(r"\b(?:break|lunch|reception|side\s+events?|recess|pause)\b", re.I)


def programme_row(sentence: str, time_mention: TimeMention, *, reading: Reading, outcomes: dict):
    """A row of a programme: the first gives the meeting its hours, each later one is
    another part of it the same day."""
    if PAUSE.search(sentence[:80]) or time_mention.begins is None:
        return
    made = [reading.meetings[i] for i in reading.last_made]
    if len({m.date for m in made}) != 1:
        return  # a programme of one day only
    if all(m.start is None for m in made):
        sessions(reading, [time_mention], outcomes)
        for index in reading.last_made:
            outcomes[("time", time_mention.start)] = {"meeting": index}
    else:
        another_part(reading, time_mention, [], outcomes)


# "A second informal meeting of the plenary will be held on the same day at 3 p.m. in
# the same room": another meeting on the day of the one just named.
SAME_DAY = re.compile(
    r"\b(?:on\s+the\s+same\s+day|later\s+(?:that|the\s+same)\s+day"
    r"|(?:on\s+)?that\s+(?:same\s+)?(?:afternoon|morning|evening|day))\b",
    re.I,
)


CONTINUES = re.compile(
    r"\b(?:they|it|voting|balloting)\s+(?:will|would|shall)\s+(?:continue|resume)\b", re.I
)


def on_the_same_day(
    sentence: str,
    times: list[TimeMention],
    room_mentions: list[RoomMention],
    *,
    reading: Reading,
    outcomes: dict,
) -> bool:
    """Whether the sentence, naming no date, announces another meeting on the day of the
    one just named, at an hour of its own."""
    made = [reading.meetings[i] for i in reading.last_made]
    if not SAME_DAY.search(sentence) or len({m.date for m in made}) != 1:
        return False
    kinds = [k for k in find_kinds(sentence) if not k.is_deadline]
    # "Should further rounds of balloting be required, they will continue that afternoon at
    # 3 p.m.": the meeting just named, again, where it was
    goes_on = not kinds and CONTINUES.search(sentence)
    if not (kinds or goes_on) or not times or times[0].begins is None:
        return False
    if not (goes_on or FUTURE_VERB.search(sentence)):
        return False
    before = made[-1]
    kind = kinds[0].kind if kinds and kinds[0].kind != MeetingKind.OTHER else before.kind
    room = room_mentions[0].name if room_mentions else None
    if room is None and (goes_on or SAME_ROOM.search(sentence)):
        room = before.room
    index = that_day(
        reading,
        before,
        sentence,
        times[0],
        room=room,
        kind=kind,
        title=title_of(sentence, kinds[0]) if kinds else before.title,
        linked=room_mentions[:1],
        outcomes=outcomes,
    )
    reading.last_made = [index]
    return True


def hours_of_the_day(
    sentence: str,
    time_mention: TimeMention,
    room_mentions: list[RoomMention],
    *,
    reading: Reading,
    outcomes: dict,
) -> None:
    """An item of a list that gives only an hour (and a room), below a sentence that
    named the day: the first gives the day's meeting its hour, each later one is another
    part of it then; a round table or a panel it names is a meeting of its own kind."""
    made = [reading.meetings[i] for i in reading.last_made]
    if len({m.date for m in made}) != 1 or time_mention.begins is None:
        return
    rooms = room_mentions[:1] if len({r.name for r in room_mentions}) == 1 else []
    same = SAME_ROOM.search(sentence)
    if not rooms and same:
        # "o 10:00 a.m. - 1:00 p.m., in the same room": the room of the meeting before.
        before = [m for m in reading.meetings[: min(reading.last_made)] if m.room]
        if before:
            rooms = [RoomMention(same.start(), same.end(), before[-1].room)]
    panel = [k for k in find_kinds(sentence) if k.kind == MeetingKind.PANEL]
    if all(m.start is None for m in made) and not panel:
        sessions(reading, [time_mention], outcomes, rooms=[rooms[0].name] if rooms else None)
        for r in rooms:
            outcomes[("room", r.start)] = {"meeting": reading.last_made[0]}
        return
    if not panel and made[-1].kind == MeetingKind.PANEL:
        # "(d) The afternoon plenary session ... will resume at 4.30 p.m.": after the round
        # tables, the meeting itself again.
        main = [
            i
            for i in range(len(reading.meetings))
            if reading.meetings[i].date == made[-1].date
            and reading.meetings[i].kind != MeetingKind.PANEL
            and reading.meetings[i].letter_index == made[-1].letter_index
        ]
        if main:
            reading.last_made = [main[-1]]
    another_part(reading, time_mention, rooms, outcomes)
    if panel and reading.meetings[reading.last_made[-1]].start == time_mention.begins:
        meeting = reading.meetings[reading.last_made[-1]]
        meeting.kind, meeting.title = MeetingKind.PANEL, title_of(sentence, panel[0])


# "The afternoon segment, from 3 to 6 p.m., in the same room": another part of the
# meeting just named, at a time of its own.
ANOTHER_PART = re.compile(
    # "It will resume at 3 p.m. and close at 6 p.m.": the meeting just named, again.
    r"^(?:It|The\s+(?:meeting|debate|dialogue|hearing|consultations?|briefing))\s+will\s+"
    r"(?:resume|reconvene|continue)\s+(?:at|from|in)\b|"
    r"^(?:The|A|Its)\s+(?:morning|afternoon|evening|second|next|following|later|closing)\s+"
    r"(?:segment|session|part|meeting|panel|round-?\s?table|dialogue)\b",
    re.I,
)


def main_meeting(reading: Reading, made: ProposedMeeting) -> ProposedMeeting:
    """The meeting a panel belongs to: the last one of another kind that day."""
    if made.kind != MeetingKind.PANEL:
        return made
    same_day = [
        m
        for m in reading.meetings
        if m.date == made.date
        and m.kind != MeetingKind.PANEL
        and m.letter_index == made.letter_index
    ]
    return same_day[-1] if same_day else made


def another_part(
    reading: Reading, time_mention: TimeMention, rooms: list[RoomMention], outcomes: dict
) -> None:
    """The meeting just named again that day, at the time given (and in the room given,
    or else in its own room); after panels, the meeting they were part of."""
    before = main_meeting(reading, reading.meetings[reading.last_made[-1]])
    if time_mention.begins is None or any(
        m.date == before.date and m.start == time_mention.begins
        for m in reading.meetings[min(reading.last_made) :]
    ):
        return
    index = len(reading.meetings)
    reading.meetings.append(
        reading.copied(
            before,
            replace(
                before,
                start=time_mention.begins,
                end=time_mention.ends,
                timing=Timing.EXACT,
                room=rooms[0].name if rooms else before.room,
                warnings=list(before.warnings),
                action=ProposalAction.ANNOUNCE,
                moved_from=None,
            ),
        )
    )
    for found in (time_mention, *rooms[:1]):
        outcomes[(what_of(found), found.start)] = {"meeting": index}
    reading.last_made = [index]


# "The high-level meeting will be followed in the afternoon by an interactive dialogue,
# from 3 p.m. to 6 p.m.": another meeting on the same day.
FOLLOWED_BY = re.compile(r"\bfollowed\b[^.;]{0,40}?\bby\s+", re.I)
SAME_ROOM = re.compile(r"\bsame\s+(?:room|venue|place|hall|chamber)\b", re.I)
# "followed by the plenary segment": a part of the meeting, not a meeting of its own kind.
SEGMENT = re.compile(r"\s+(?:segment|session|part)\b", re.I)


def own_hours_first(
    times: list[TimeMention],
    room_mentions: list[RoomMention],
    until: int,
    reading: Reading,
    outcomes: dict,
) -> bool:
    """The hours (and room) said before `until` are those of the one meeting just named,
    if it has none yet; whether they were."""
    before = reading.meetings[reading.last_made[-1]]
    earlier = [t for t in times if t.end <= until and t.begins is not None]
    if not earlier or before.start is not None or len(reading.last_made) != 1:
        return False
    before.start, before.end, before.timing = earlier[0].begins, earlier[0].ends, Timing.EXACT
    rooms_before = [r for r in room_mentions if r.end <= until]
    if rooms_before and before.room is None:
        before.room, before.virtual = rooms_before[0].name, False
    for found in (earlier[0], *rooms_before[:1]):
        outcomes[(what_of(found), found.start)] = {"meeting": reading.last_made[-1]}
    return True


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
    all_starts = starts
    # "The morning session will run from 10 a.m. to 1 p.m. and will open with statements
    # ..., followed by a panel of experts": the panel is part of the session, whose hours
    # came before; a meeting that follows has its hours after the words.
    starts = [t for t in starts if t.start >= follows.end()]
    if not starts:
        return False
    kinds = [
        k
        for k in find_kinds(sentence)
        if k.start >= follows.end() and not k.is_deadline and k.kind != MeetingKind.OTHER
    ]
    before = reading.meetings[reading.last_made[-1]]
    if not kinds or starts[0].begins is None:
        return False
    # "The opening segment will take place in the General Assembly Hall from 10 a.m. to
    # 1 p.m. and will be followed ... by the plenary segment, from 3 p.m.": the meeting's
    # own hours come first.
    if own_hours_first(all_starts, room_mentions, follows.start(), reading, outcomes):
        room_mentions = [r for r in room_mentions if r.start >= follows.end()]
    # "followed by the plenary segment": a part of the same meeting, of its kind.
    part = SEGMENT.match(sentence, kinds[0].end)
    room = room_mentions[0].name if room_mentions else None
    if room is None and SAME_ROOM.search(sentence, follows.end()):
        room = before.room  # "followed by informal consultations ... in the same room"
    index = that_day(
        reading,
        before,
        sentence,
        starts[0],
        room=room,
        kind=before.kind if part else kinds[0].kind,
        title=before.title if part else title_of(sentence, kinds[0]),
        linked=room_mentions[:1],
        outcomes=outcomes,
    )
    reading.last_made = [index]
    return True


def that_day(
    reading: Reading,
    before: ProposedMeeting,
    sentence: str,
    time_mention: TimeMention | None,
    *,
    room: str | None,
    kind: MeetingKind,
    title: str,
    linked: list[RoomMention] = (),
    outcomes: dict | None = None,
    **more,
) -> int:
    """Another meeting the sentence announces on the day of `before`, at the hour given (or
    at none): its index, with the time and rooms that gave it noted."""
    index = len(reading.meetings)
    reading.meetings.append(
        replace(
            before,
            start=time_mention.begins if time_mention else None,
            end=time_mention.ends if time_mention else None,
            timing=Timing.EXACT if time_mention else Timing.DAY,
            room=room,
            kind=kind,
            title=title,
            source=sentence,
            warnings=[],
            action=ProposalAction.ANNOUNCE,
            moved_from=None,
            **more,
        )
    )
    if outcomes is not None:
        for found in (*([time_mention] if time_mention else []), *linked):
            outcomes[(what_of(found), found.start)] = {"meeting": index}
    return index


def rooms_of_sessions(
    starts: list[TimeMention], room_mentions: list[RoomMention]
) -> list[str] | None:
    """The room each session is given after its hours and before the next session's,
    when every session has one."""
    bounds = [t.start for t in starts[1:]] + [10**9]
    rooms = []
    for time_mention, bound in zip(starts, bounds, strict=True):
        own = [r.name for r in room_mentions if time_mention.end <= r.start < bound]
        if len(own) != 1:
            return None
        rooms.append(own[0])
    return rooms


def sessions(
    reading: Reading,
    starts: list[TimeMention],
    outcomes: dict,
    rooms: list[str] | None = None,
) -> None:
    """Each meeting of the last frame at each of the times given: "in two sessions,
    from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m." (each in its own room, when given)."""
    days = [reading.meetings[i] for i in reading.last_made]
    first = min(reading.last_made)
    kept = reading.meetings[:first] + [
        m for i, m in enumerate(reading.meetings[first:], first) if i not in reading.last_made
    ]
    made = []
    for day in days:
        for number, time_mention in enumerate(starts):
            made.append(
                reading.copied(
                    day,
                    replace(
                        day,
                        start=time_mention.begins,
                        end=time_mention.ends,
                        timing=Timing.EXACT,
                        room=rooms[number] if rooms else day.room,
                        virtual=day.virtual and not rooms,
                        warnings=list(day.warnings),
                    ),
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


def after_adjournment(sentence: str, *, reading: Reading) -> bool:
    """Whether the sentence, naming no day, announces a meeting right after the one just
    named (on its day, at no hour of its own)."""
    after = AFTER_ADJOURNMENT.match(sentence)
    made = [reading.meetings[i] for i in reading.last_made]
    if after is None and SAME_DAY.search(sentence):
        # "On the same day, I intend to convene an informal meeting of the plenary
        # immediately following the adjournment of the plenary": the phrase within.
        after = ADJOURNMENT_WITHIN.search(sentence)
    if after is None or len({m.date for m in made}) != 1:
        return False
    kinds = [
        k
        for k in find_kinds(sentence)
        if (k.start >= after.end() or k.end <= after.start()) and not k.is_deadline
    ]
    if not kinds or not FUTURE_VERB.search(sentence):
        return False
    before = made[-1]
    index = that_day(
        reading,
        before,
        sentence,
        None,
        room=None,
        kind=kinds[0].kind,
        title=title_of(sentence, kinds[0]),
        # "... on the same platform": as virtual as the meeting before.
        virtual=before.virtual and bool(SAME_PLATFORM.search(sentence)),
    )
    reading.last_made = [index]
    return True


FUTURE_VERB = re.compile(
    r"\b(?:will|shall|would|is\s+to|intends?\s+to|plans?\s+to)\s+(?:hold|convene|be\s+held|meet"
    r"|brief|take\s+place)\b",
    re.I,
)
SAME_PLATFORM = re.compile(r"\bsame\s+(?:platform|link|virtual)\b", re.I)
