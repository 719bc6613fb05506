"""Lists and tables of meetings: an item of a list, a row of a table, the head of a
table's columns, the kind the items of one list share, and what a sentence above a list
says once for all its items (their kind, room, hours or platform)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from meetings.enums import MeetingKind, Timing

from .frames import NUMBERED_ENTRY
from .places import parse_platform_mentions, parse_room_mentions
from .results import ProposedMeeting
from .times import hours_of
from .vocabulary import DAY, HOURS_RANGE, MONTH, WEEKDAY

if TYPE_CHECKING:
    from .record import Reading

# An item of a list: "•  Monday, 6 March 2023: from 10 a.m. to 1 p.m."
# A row of a table: "Tuesday 10 May 2022    10:00 – 13:00    Conference Room 3".
# "Tue 25 Feb  10 a.m.-1 p.m.": a table may shorten the weekday.
SHORT_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
ROOM_CELL = r"(?:CR|Conf\.?|Conference\s+Room|NLB|Trusteeship|ECOSOC|General\s+Assembly)[^,]{0,30}"
ROW = re.compile(
    # "22-23 February 2018    1000-1300 hrs": a row for two days.
    rf"^(?:{WEEKDAY}\b|{SHORT_WEEKDAY},?\s+{DAY}\s+{MONTH}|{DAY}\s+{MONTH}|{MONTH}\s+{DAY}"
    rf"|{DAY}\s*[-–]\s*{DAY}\s+{MONTH}|{NUMBERED_ENTRY}|\d{{1,2}}([/.])\d{{1,2}}\1\d{{4}}"
    # "2, Tuesday, 18 March, 10am-1pm, ...": a numbered row of a table
    rf"|\d{{1,2}}\.?,\s+(?:{WEEKDAY}|{DAY}\s+{MONTH})"
    # "Meeting 3    Thursday, 2 March    10 a.m. - 1 p.m.": the meeting's number first
    # ("Week 2    Tue 17 Feb 2026    10:00-13:00": the week's)
    rf"|(?:Meeting|Session|Round|Week)\s+\d{{1,2}},?\s+(?:{WEEKDAY}|{SHORT_WEEKDAY},?\s+{DAY}|{DAY}\s+{MONTH})"
    # "1st    Tuesday 14 March 2023   10:00 a.m.-1:00 p.m.": the round's number first
    rf"|\d{{1,2}}(?:st|nd|rd|th),?\s+(?:{WEEKDAY}|{DAY}\s+{MONTH})"
    # "3-6 p.m., Tuesday, 3 November 2009, Conference Room 6" and "CR 6, Tuesday, May 14,
    # 3-6 pm": a table whose first column is the hours or the room, its day in the next
    rf"|(?:{HOURS_RANGE}|{ROOM_CELL}),\s+(?:{WEEKDAY},?\s+)?(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY}))",
    re.IGNORECASE,
)
# The head of a table's columns ("Date, Time, Venue, Purpose"): the list goes on.
HEADING = re.compile(r"^[A-Z][\w ]{0,20}(?:, [A-Z][\w ]{0,20}){1,6}$")
# "•", "-", "a)", "(b)", "3.", "(iv)", "ii.": an item of a list
BULLET = re.compile(
    r"^(?:[•*·▪●◦‣o-]|\(?(?:[a-z0-9]|[ivx]{2,4}|\d\d)\)|(?:[a-z0-9]|[ivx]{2,4}|\d\d)\.)\s"
)


ONE_OFF = (MeetingKind.THEMATIC_DEBATE, MeetingKind.BRIEFING, MeetingKind.PANEL)


def kinds_along_a_list(items: list[ProposedMeeting], reading: Reading) -> None:
    """The items of one list that say only "meeting" (or give a date, a time and a
    room and no kind) are of the one kind the other items name: "first IGN meeting"
    then "meetings on Regional representation" are all negotiations."""
    named = {m.kind for m in items if id(m) not in reading.generic}
    # (one "Thematic debate on ..." or "Briefing by ..." among a working group's meetings
    # is that item's own kind, not the list's)
    if len(named) == 1 and not named & {MeetingKind.OTHER, *ONE_OFF}:
        for meeting in items:
            if id(meeting) in reading.generic:
                meeting.kind = next(iter(named))


# --- What is said once above a list ---------------------------------------------------

# "the programme of informal consultations for the coming weeks": the kind of a table below.
PROGRAMME_OF = re.compile(
    r"\b(?:(?:programme|program|schedule|calendar|timetable|dates)\s+(?:of|for)"
    # "we are pleased to outline the meetings of the IGN for the session" above their list
    r"|(?:outline|set\s+out|share|list)(?:\s+with\s+you)?(?=\s+(?:the|our)\s+(?:[\w-]+\s+)?meetings\b))"
    r"\s+(?:(?:the|our|its|their)\s+)?"
    r"(?:(?:next|coming|upcoming|remaining|forthcoming|further)\s+)?",
    re.I,
)
ASKED_FOR = re.compile(r"\b(?:reserved?|booked?|available|allocated)\b", re.I)
# "on the following dates:", "on the following Tuesdays, each from 9:30 to 11:30 a.m.:"
FOLLOWING_DATES = re.compile(
    r"\b(?:following|these)\s+(?:dates|days|(?:Mon|Tues|Wednes|Thurs|Fri)days)\b[^\n]{0,60}?:\s*$",
    re.I,
)
# "The schedule is as follows:", "the programme of work below:": a list of meetings.
SCHEDULE = re.compile(r"\b(?:schedule|programme|program|calendar|timetable)\b", re.I)
# "All meetings will be held in the GA Hall from 10 a.m. to 1 p.m." above the list of them.
FOR_ALL_BELOW = re.compile(
    # "the following dates for the meetings ..., all to be held in Conference Room 4:"
    r"\b(?:all|each)\s+(?:to\s+be\s+held\s+)?in\s+(?:the\s+)?(?:Conf|Conference|CR|Trusteeship|TC|ECOSOC|General"
    r"|GA|NLB|Economic)"
    # "The meetings will all take place in the Trusteeship Council Chamber"
    r"|\b(?:meetings|consultations|sessions)\s+will\s+all\s+(?:take\s+place|be\s+held)\b"
    r"|\b(?:all|each|every)\s+(?:(?:of\s+)?the\s+)?(?:[\w-]+\s+){0,2}?(?:meetings?|consultations?|sessions?)"
    r"\s+(?:(?:will|shall|are\s+to|would)\s+(?:be\s+held|take\s+place|be\s+convened|start|begin"
    # "All meetings will be in Conference Room 12."
    r"|be\s+in\b"
    # "all meetings to be held virtually on the Interprefy platform from 10:00 to 12:00:"
    r"|commence)|to\s+be\s+held|to\s+take\s+place)\b"
    # "the consultations will be held virtually on the WebEx platform" above their dates
    r"|\b(?:the\s+)?(?:[\w-]+\s+)?(?:meetings|consultations|negotiations|sessions|dialogues|debates"
    # "the next informal consultations, which will be held virtually on the WebEx platform:"
    r"|hearings|briefings|panels|informals)(?:,?\s+which)?\s+will\s+(?:be\s+held|continue|take\s+place)"
    # "Meetings will continue in hybrid format in Conference Room 4"
    r"\s+(?:in\s+(?:a\s+)?(?:hybrid|virtual|in-person)\s+format,?\s+)?(?:virtually|online|in\b|on\s+the\b)",
    re.I,
)


def where_and_when(listed: list[ProposedMeeting], said: tuple | None, reading: Reading) -> None:
    """The room and hours said once above a list, for its meetings that give none: "each
    time from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m." gives each day both sittings."""
    if not said:
        return
    found_rooms, found_times, platforms = said
    room = found_rooms[0].name if len({r.name for r in found_rooms}) == 1 else None
    sittings = [t for t in found_times if t.begins]
    if len(sittings) != len(found_times) or (
        len(sittings) > 1 and not all(t.ends for t in sittings)
    ):
        sittings = []  # an hour lost, or hours that are not each a sitting
    for meeting in listed:
        if room and meeting.room is None and not meeting.virtual:
            meeting.room = room
        elif platforms and not found_rooms and meeting.room is None:
            meeting.virtual = True
        if sittings and meeting.start is None:
            first, *others = sittings
            meeting.start, meeting.end, meeting.timing = first.begins, first.ends, Timing.EXACT
            for later in others:
                reading.meetings.append(
                    reading.copied(meeting, replace(meeting, start=later.begins, end=later.ends))
                )


# "(c) Tuesday, 14 March 2017, 3-6 p.m., all in Conference Room 1.": the last item's room
# is every item's.
ALL_IN = re.compile(r",\s*(?:all|each|both)\s+(?:to\s+be\s+held\s+)?in\s+", re.I)


def room_said_with_the_last(listed: list[ProposedMeeting]) -> None:
    last = listed[-1] if listed else None
    if last is None or last.room is None or not ALL_IN.search(last.source):
        return
    for meeting in listed:
        if meeting.room is None and not meeting.virtual:
            meeting.room = last.room


def room_of_the_event(listed: list[ProposedMeeting], lead: list[ProposedMeeting]) -> None:
    """ "The Dialogue will be held on 28 and 29 October in the General Assembly Hall" and
    then its programme: a sitting of those days that names no room is held in the event's
    room (a panel elsewhere names its own), and its "general debate" or "closing plenary"
    is a sitting of the event, of the event's kind."""
    kinds = {m.kind for m in lead}
    if len(kinds) != 1 or not kinds & EVENTS:
        return
    rooms, days = {m.room for m in lead}, {m.date for m in lead}
    for meeting in listed:
        if meeting.date not in days:
            continue
        if meeting.kind in (MeetingKind.PLENARY, MeetingKind.OTHER):
            meeting.kind = next(iter(kinds))
        if (
            meeting.kind in kinds
            and meeting.room is None
            and not meeting.virtual
            and len(rooms) == 1
            and None not in rooms
        ):
            meeting.room = next(iter(rooms))


# Events with a programme of sittings
EVENTS = {
    MeetingKind.HIGH_LEVEL,
    MeetingKind.DIALOGUE,
    MeetingKind.HEARING,
    MeetingKind.THEMATIC_DEBATE,
}


def one_room(sentence: str, rooms: dict[str, str]) -> str | None:
    """The room a sentence names, if it names one."""
    named = {r.name for r in parse_room_mentions(sentence, rooms)}
    return next(iter(named)) if len(named) == 1 else None


def said_ahead_of(sentence: str, rooms: dict[str, str], *, annexed: bool = False) -> tuple | None:
    """The rooms, hours and platforms a sentence gives all the meetings listed below it
    (or, for an annex, the one room the sentences announcing it name, and their hours)."""
    if FOR_ALL_BELOW.search(sentence):
        return (
            parse_room_mentions(sentence, rooms),
            hours_of(sentence),
            parse_platform_mentions(sentence),
        )
    named = parse_room_mentions(sentence, rooms)
    if annexed and len({r.name for r in named}) == 1:
        # "(see annex). Meetings will be held from 10 a.m. to 1 p.m. in Conference Room 1
        # unless indicated otherwise.": the hours too
        return (named, hours_of(sentence), [])
    return None
