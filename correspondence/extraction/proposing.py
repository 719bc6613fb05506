"""Proposals from a body of text, sentence by sentence: what a list's lead-in, its items
and the sentence before carry to the next one."""

from __future__ import annotations

import re
from datetime import date

from meetings.enums import MeetingKind, Timing

from .continuing import ROOM_FOR_THEM
from .dates import ANY_MONTH
from .frames import sentences
from .kinds import AS_A_TOPIC, find_kinds
from .listing import (
    ASKED_FOR,
    BULLET,
    FOLLOWING_DATES,
    FOR_ALL_BELOW,
    HEADING,
    PROGRAMME_OF,
    ROW,
    SCHEDULE,
    kinds_along_a_list,
    one_room,
    room_of_the_event,
    room_said_with_the_last,
    said_ahead_of,
    where_and_when,
)
from .places import RoomMention, parse_platform_mentions, parse_room_mentions
from .record import Reading
from .results import TooManyMeetings
from .sentence import read_sentence
from .times import TimeMention, hours_of


def read_announcements(
    body: str,
    *,
    offset: int,
    letter_index: int,
    letter_date: date | None,
    rooms: dict[str, str],
    reading: Reading,
    most_meetings: int | None = None,
    most_deadlines: int | None = None,
    programme_of: MeetingKind | None = None,
    said_above: str = "",
) -> None:
    """Propose the meetings and deadlines of a body of text, sentence by sentence;
    `programme_of`: the kind of the meetings it sets out, and `said_above`: what the
    letter said of them ("The informal dialogues will be held in the General Assembly
    Hall according to the schedule in the annex"), when it is an annex."""
    lead_in = None  # "the schedule of the informal consultations:" before a list
    scheduled = False  # "The schedule is as follows:" before a list
    dated = False  # "on the following dates:" before a list
    list_start = None  # the first meeting the items of the current list made
    lead_made: list[int] = []  # the meetings of the sentence before the list
    # programme_of: "the programme of informal consultations": what a table holds
    # "All meetings will be held in the GA Hall from 10 a.m." above a list; "I have
    # scheduled the dialogues on 12 and 13 April in the Trusteeship Council Chamber, in
    # accordance with the programme in the annex": the room of the annex's meetings
    ahead = said_ahead_of(said_above, rooms, annexed=True) if said_above else None
    for_the_annex = ahead  # for every list of the annex, not only the first
    said_ahead = None
    announced = None  # the kind of a meeting the sentence before announced without a date
    announced_in = None  # and the one room it named
    announced_at: list[TimeMention] = []  # and the hours ("All three will be held ... from 3 p.m.")
    numbered = False  # the sentence before was "1." alone: this one is its item
    for start, sentence in sentences(body):
        if ENUMERATOR.match(sentence) or RULE.match(sentence):
            numbered = numbered or bool(ENUMERATOR.match(sentence))
            continue  # "1." cut off from its item, a table's rule: the list goes on
        # ("1." over a memo's paragraph is no list: an item says no verb)
        item = bool(
            BULLET.match(sentence)
            or ROW.match(sentence)
            # "Date: Tuesday, 2 April ... Time: ... Venue: ..." under "the programme of ...:"
            or (lead_in is not None and DATE_LABEL.match(sentence))
            or (numbered and not SAYS.search(sentence))
        )
        numbered = False
        if not (item or HEADING.match(sentence)):
            lead_in, scheduled, dated = None, False, False
        if item and list_start is None:
            list_start = len(reading.meetings)
            lead_made = list(reading.last_made)
            said_ahead, ahead = ahead or for_the_annex, None
            # "we have the honour to share the programme of informal consultations for
            # the coming weeks. [...]" and then a table of dates: of the kind announced.
            lead_in = lead_in or programme_of
            scheduled = scheduled or programme_of is not None
        elif not item and list_start is not None:
            kinds_along_a_list(reading.meetings[list_start:], reading)
            where_and_when(reading.meetings[list_start:], said_ahead, reading)
            room_said_with_the_last(reading.meetings[list_start:])
            room_of_the_event(
                reading.meetings[list_start:], [reading.meetings[i] for i in lead_made]
            )
            if len(reading.meetings) > list_start:
                # "Both meetings will be held in the General Assembly Hall": the sentence
                # after a list goes on about all of its meetings, and about the meeting
                # of the sentence before when the items gave it its sessions.
                listed = list(range(list_start, len(reading.meetings)))
                days = {reading.meetings[i].date for i in [*lead_made, *listed]}
                reading.last_made = [*lead_made, *listed] if len(days) == 1 else listed
            list_start = None
        if len(sentence) > 3000:
            reading.warnings.append(
                f"A sentence of {len(sentence)} characters was skipped as too long to be one."
            )
            continue
        before, before_in, before_at = announced, announced_in, announced_at
        made_before_it = len(reading.meetings)
        announced = read_sentence(
            sentence,
            offset=offset + start,
            letter_index=letter_index,
            letter_date=letter_date,
            rooms=rooms,
            reading=reading,
            lead_in=lead_in,
            item=item,
            scheduled=scheduled or (item and said_ahead is not None),
            dated=dated,
            announced=announced,
            announced_in=announced_in,
            announced_at=announced_at,
        )
        if (
            item
            and lead_in is None
            and before is not None
            and len(reading.meetings) > list_start == len(reading.meetings) - 1
            and reading.meetings[list_start].kind == before
            and not [k for k in find_kinds(sentence) if not k.is_deadline]
        ):
            # "Each dialogue will be held in the Trusteeship Council Chamber." and then a
            # table whose first row took the dialogues: so do the rows after it.
            lead_in = before
            if said_ahead is None and before_in:
                said_ahead = ([RoomMention(0, 0, before_in)], [], [])
        # "informal dialogues ... will be held in the Trusteeship Council Chamber": where
        announced_in = one_room(sentence, rooms) if announced is not None else None
        announced_at = []
        made_now = reading.meetings[made_before_it:]
        if not item and ahead and made_now and list_start is None:
            # "All meetings will be held in Conference Room 4." / "The first meeting, on
            # Thursday 11 February, ...": what was said for them all, in prose too
            where_and_when([m for m in made_now if not m.held], ahead, reading)
        if announced is None and made_now and all(m.timing == Timing.WEEK for m in made_now):
            # "we intend to hold informal consultations next week. The first will be on
            # Tuesday, 13 April": a week is no day, the sentence after gives them
            announced, announced_in = made_now[0].kind, made_now[0].room
        if announced is None and before is not None and not ANY_MONTH.search(sentence):
            # "Each dialogue will last two hours.": the announcement holds past a sentence
            # that gives no date.
            # ("The meeting will be held in Conference Room 4.": where, still no day)
            announced, announced_in = before, before_in or one_room(sentence, rooms)
            # ("All three will be held in the ECOSOC Chamber from 3 p.m. to 5 p.m.": when)
            announced_at = before_at or [t for t in hours_of(sentence) if t.begins]
        if most_meetings is not None and len(reading.meetings) > most_meetings:
            raise TooManyMeetings(len(reading.meetings))
        if most_deadlines is not None and len(reading.deadlines) > most_deadlines:
            raise TooManyMeetings(len(reading.deadlines), "deadlines")
        if not item and (said := FOR_ALL_BELOW.search(sentence)):
            ahead = said_ahead_of(sentence, rooms)
            # "the informal consultations will be held virtually on the Interprefy
            # platform": the kind of the dates listed below
            named = [
                k
                for k in find_kinds(sentence)
                if not k.is_deadline and k.kind != MeetingKind.OTHER and k.start >= said.start()
            ]
            if named:
                programme_of = programme_of or named[0].kind
        elif not item and ANY_MONTH.search(sentence) and not sentence.endswith(":"):
            ahead = None  # a sentence with a date of its own speaks of something else
        named = PROGRAMME_OF.search(sentence)
        if named:
            # ("the schedule for the next round": a kind the match ends inside)
            kinds = [
                k
                for k in find_kinds(sentence)
                if not k.is_deadline and k.end > named.end() and k.start >= named.start()
            ]
            # "the meetings of the IGN": the kind of what the meetings are of
            between = sentence[named.end() : max(named.end(), kinds[0].start)] if kinds else ""
            if kinds and (not between or MEETINGS_OF.match(between)):
                programme_of = kinds[0].kind
        if sentence.endswith(":"):
            # "the schedule of the informal consultations:": what the list below holds;
            # "The schedule is as follows:" a list of meetings of no kind said.
            kinds = [
                k
                for k in find_kinds(sentence)
                if not k.is_deadline
                and not AS_A_TOPIC.search(sentence[max(0, k.start - 30) : k.start])
            ] or [k for k in find_kinds(sentence) if not k.is_deadline]
            # "continue the second reading of the draft in two further meetings, as
            # follows:": the meetings of the reading, not meetings of no kind
            named = [k for k in kinds if k.kind != MeetingKind.OTHER]
            lead_in = (named or kinds)[-1].kind if kinds else None
            scheduled = bool(SCHEDULE.search(sentence))
            # "I should be grateful if Conference Room 5 could be reserved ... on the
            # following dates:": a room asked for the dates below; dates with hours below
            # are meetings.
            dated = bool(FOLLOWING_DATES.search(sentence))
            if (dated or EACH_AT.search(sentence)) and (hours := hours_of(sentence)):
                # "We propose to meet on the following Tuesdays, each from 9:30 to 11:30
                # a.m.:": the hours of the dates below, with what was said before them
                rooms_before, _, platforms_before = ahead or ([], [], [])
                ahead = (
                    parse_room_mentions(sentence, rooms) or rooms_before,
                    hours,
                    # ("three virtual informal consultations on the Interprefy platform")
                    parse_platform_mentions(sentence) or platforms_before,
                )
            elif (
                ROOM_FOR_THEM.search(sentence)
                or ASKED_FOR.search(sentence)
                # "I will convene informal dialogues with the candidates in the Trusteeship
                # Council Chamber as follows:"
                # "Further to our appointment on 17 January, ... the schedule of IGN
                # meetings, to be held in the General Assembly Hall:" (a month before the
                # room is another matter's)
                or (
                    one_room(sentence, rooms)
                    and not ANY_MONTH.search(
                        sentence, parse_room_mentions(sentence, rooms)[0].start
                    )
                )
            ):
                # "... make the following rooms available, from 1500 to 1800 hrs:"
                ahead = (parse_room_mentions(sentence, rooms), hours_of(sentence), [])
        elif (
            not item
            and len(sentence) < 100
            and sentence[:1].isalpha()  # a title, not a table's cells run on
            and not SAYS.search(sentence)
            and not ANY_MONTH.search(sentence)
            and one_room(sentence, rooms)
        ):
            # "Programme of informal consultations (Conference Room 7)" over a list: the
            # room of its items, and their hours when it gives them
            ahead = (parse_room_mentions(sentence, rooms), hours_of(sentence), [])
            kinds = [k for k in find_kinds(sentence) if not k.is_deadline]
            lead_in = kinds[-1].kind if kinds else lead_in
        elif TITLE.match(sentence):
            # "PROGRAMME OF STOCKTAKING MEETINGS" above a table, forgotten unless one
            # follows; a title naming no meeting ("Date  Time  Room") leaves the lead-in.
            kinds = [k for k in find_kinds(sentence) if not k.is_deadline]
            lead_in = kinds[-1].kind if kinds else lead_in
    if list_start is not None:
        kinds_along_a_list(reading.meetings[list_start:], reading)
        where_and_when(reading.meetings[list_start:], said_ahead, reading)
        room_said_with_the_last(reading.meetings[list_start:])
        room_of_the_event(reading.meetings[list_start:], [reading.meetings[i] for i in lead_made])


# "we propose the following meetings, each from 10 a.m. to 1 p.m.:": the hours of each
EACH_AT = re.compile(
    # ("each from 10:00 a.m. to 12:00 p.m. New York time:": a clock's colon is no end)
    r",\s*(?:each|all)\s+(?:to\s+be\s+held\s+)?(?:from|at|between)\s(?:[^:]|:\d)*:\s*$",
    re.I,
)
DATE_LABEL = re.compile(r"^(?:Dates?|Days?)\s*:", re.I)
# ("the programme of work of the intergovernmental negotiations")
MEETINGS_OF = re.compile(r"^(?:meetings|sessions|work)\s+of\s+(?:the\s+)?$", re.I)
RULE = re.compile(r"^[-_=*~.+|\s]{3,}$")


SAYS = re.compile(r"\b(?:will|shall|would|should|is|are|was|were|has|have|be|been)\b", re.I)
# "1.", "(b)", "iv." alone: the number of a list item the sentences were cut after.
ENUMERATOR = re.compile(
    r"^(?:\d{1,2}|[a-z]|[ivx]{1,4}|[IVX]{1,4})[.)]$|^\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)$"
)
# The title of a table or list: a few words without a full stop, and no date.
TITLE = re.compile(r"^(?=[A-Z])(?:[^\s.;:,!?\d]+[ \t]+){0,11}[^\s.;:,!?\d]+$")
