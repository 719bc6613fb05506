"""Proposals from the frames of each sentence, and every mention accounted for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from correspondence.enums import ProposalAction
from meetings.enums import DeadlineKind, MeetingKind, Timing

from .announcing import THAT_MEETING, announced_kind
from .classifying import (
    LETTER_REFERENCE,
    MOVED,
    TENTATIVE,
    change_of,
    is_held,
    no_meeting,
)
from .continuing import (
    FOLLOWED_BY,
    ROOM_FOR_THEM,
    after_adjournment,
    carry_on,
    followed_by,
    hours_of_the_day,
    on_the_same_day,
)
from .dates import ANY_MONTH, DateMention, parse_date_mentions
from .frames import INSTEAD_OF, LIST_LINK, Clause, moves_in, sentences, shared_along_lists
from .kinds import AS_A_TOPIC, GENERIC, KindMention, find_kinds, nearest_kind
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
    room_said_with_the_last,
    said_ahead_of,
    where_and_when,
)
from .naming import deadlines_for, title_of
from .places import PlatformMention, RoomMention, parse_platform_mentions, parse_room_mentions
from .record import Reading, earlier_with, previous_in_letter, what_of
from .resolving import days_of, period_of, resolve_year, stated_year
from .results import ProposedMeeting, TooManyMeetings
from .times import TimeMention, around_a_break, hours_of, parse_time_mentions, with_their_ends
from .vocabulary import clean_space, last


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
            kinds = [k for k in find_kinds(sentence[named.end() :]) if not k.is_deadline]
            # "the meetings of the IGN": the kind of what the meetings are of
            between = sentence[named.end() : named.end() + kinds[0].start] if kinds else ""
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
                    platforms_before,
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


# "we propose the following meetings, each from 10 a.m. to 1 p.m.:": the hours of each
EACH_AT = re.compile(
    r",\s*(?:each|all)\s+(?:to\s+be\s+held\s+)?(?:from|at|between)\s[^:]*:\s*$", re.I
)
MEETINGS_OF = re.compile(r"^(?:meetings|sessions)\s+of\s+(?:the\s+)?$", re.I)
RULE = re.compile(r"^[-_=*~.+|\s]{3,}$")


SAYS = re.compile(r"\b(?:will|shall|would|should|is|are|was|were|has|have|be|been)\b", re.I)
# "1.", "(b)", "iv." alone: the number of a list item the sentences were cut after.
ENUMERATOR = re.compile(
    r"^(?:\d{1,2}|[a-z]|[ivx]{1,4}|[IVX]{1,4})[.)]$|^\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)$"
)
# The title of a table or list: a few words without a full stop, and no date.
TITLE = re.compile(r"^(?=[A-Z])(?:[^\s.;:,!?\d]+[ \t]+){0,11}[^\s.;:,!?\d]+$")


def read_sentence(
    sentence: str,
    *,
    offset: int,
    letter_index: int,
    letter_date: date | None,
    rooms: dict[str, str],
    reading: Reading,
    lead_in: MeetingKind | None = None,
    item: bool = False,
    scheduled: bool = False,
    announced: MeetingKind | None = None,
    announced_in: str | None = None,
    announced_at: Sequence[TimeMention] = (),
    dated: bool = False,
) -> MeetingKind | None:
    """Propose the meetings of one sentence; the kind of a meeting it announces without a
    date, for the sentence after it ("The meeting will be held on ...")."""
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
    # "Further to my letter of 27 March, I will convene two informal meetings ...": a
    # letter's date is no meeting's, so the sentence still announces one without a date.
    stated = list(mentions)
    times = around_a_break(
        sentence, with_their_ends(sentence, unclaimed(parse_time_mentions(sentence)))
    )
    room_mentions = unclaimed(parse_room_mentions(sentence, rooms))
    # "will be held in Conference Room 1, and not in Conference Room 2 as previously
    # indicated": the room given up is no meeting's
    given_up = (
        [r for r in room_mentions if NOT_THERE.search(sentence, max(0, r.start - 30), r.start)]
        if len({r.name for r in room_mentions}) > 1
        else []
    )
    for r in given_up:
        reading.note(
            offset, r, "room", reason="back-reference", detail="the room before the change"
        )
    room_mentions = [r for r in room_mentions if r not in given_up]
    platforms = parse_platform_mentions(sentence)
    outcomes: dict[tuple[str, int], dict] = {}
    if not mentions and reading.last_made and (off := THIS_CALLED_OFF.search(sentence)):
        # "... an informal meeting of the plenary, to be held on Tuesday, 5 November. I wish
        # to inform you that this meeting has been cancelled.": the meeting just named
        action = ProposalAction.CANCEL if "cancel" in off[1].lower() else ProposalAction.POSTPONE
        for index in reading.last_made:
            meeting = reading.meetings[index]
            if meeting.action == ProposalAction.ANNOUNCE and not meeting.held:
                meeting.action = action
    if not mentions and reading.last_made and after_adjournment(sentence, reading=reading):
        pass  # a meeting right after the one just named, on its day
    elif (
        not mentions
        and reading.last_made
        and on_the_same_day(sentence, times, room_mentions, reading=reading, outcomes=outcomes)
    ):
        pass  # "A second meeting will be held on the same day at 3 p.m."
    elif not mentions and reading.last_made and times and item and lead_in is not None:
        # "... plenary meetings on Friday, 8 June for the following elections: (a) at
        # 10 a.m., the election of ...; (b) at 3 p.m., ...": the day's meetings, by hour.
        hours_of_the_day(sentence, times[0], room_mentions, reading=reading, outcomes=outcomes)
    elif (
        not mentions
        and reading.last_made
        and (times or room_mentions or platforms)
        and not sentence.endswith(":")  # what it says is for the list below
    ):
        carry_on(sentence, times, room_mentions, platforms, reading=reading, outcomes=outcomes)
    if (
        mentions
        and reading.last_made
        and moved_on(
            sentence,
            mentions,
            times,
            room_mentions,
            letter_date,
            reading=reading,
            outcomes=outcomes,
        )
    ):
        mentions = []  # the meeting just named, moved: nothing more to read here
    if mentions and reading.last_made and len({r.name for r in room_mentions}) == 1:
        suits = ROOM_FOR_THEM.search(sentence)
        if suits:
            # "Conference Room 5 would be most suitable, as it was used for the previous
            # round on 27 September": the room asked for the meetings just listed.
            for index in reading.last_made:
                if reading.meetings[index].room is None:
                    reading.meetings[index].room = room_mentions[0].name
    made_before = reading.last_made
    where_announced = None
    when_announced: list[TimeMention] = []
    if mentions:
        kinds = find_kinds(sentence)
        if item and lead_in not in (None, MeetingKind.OTHER) and (times or room_mentions):
            # "Tuesday, 10 April, 10 a.m.-6 p.m., Conference Room 2 (NLB), Paragraph-by-
            # paragraph negotiations" under "All informal consultations will be held as
            # set out in the table below": the last cell is the topic, the kind the list's.
            where = max(f.end for f in [*times, *room_mentions])
            kinds = [k for k in kinds if k.start < where or k.is_deadline]
        if lead_in and not [k for k in kinds if not k.is_deadline]:
            kinds.insert(0, KindMention(0, 0, lead_in))  # the kind the list was given
        elif (
            announced
            and (
                THAT_MEETING.match(sentence)
                # "Candidates will appear ...: the first candidate on Tuesday, 12 April from
                # 10 a.m. to 12 noon": hours and no kind, the meetings just announced.
                or (times and not kinds)
            )
            # "... and to present a text to the plenary": a topic is no meeting's kind.
            and all(
                k.is_deadline
                or k.kind == MeetingKind.OTHER
                or GENERIC.match(sentence[k.start : k.end])
                or AS_A_TOPIC.search(sentence[max(0, k.start - 30) : k.start])
                for k in kinds
            )
        ):
            # "I will convene an informal meeting to hear a briefing ... The meeting
            # will be held on 25 November": the meeting just announced.
            kinds = [k for k in kinds if k.is_deadline]
            kinds.insert(0, KindMention(0, 0, announced))
            where_announced = announced_in
            when_announced = list(announced_at)
        elif (
            # "(b) a second, at the same time and place, on October 29th"; "We intend to
            # hold the first meeting on 29 January. On 12 February we will discuss the veto":
            # more meetings of the one before
            (SAME_PLACE.search(sentence) and not [k for k in kinds if not k.is_deadline])
            or (WE_TAKE_UP.search(sentence) and not kinds)
            # "The first meeting, on 9 February, will address ... The second, on 2 March,
            # will address ...": the next of those meetings
            or (NEXT_OF_THEM.match(sentence) and not kinds)
        ) and (one_before := previous_in_letter(reading, letter_index)) is not None:
            kinds.insert(0, KindMention(0, 0, one_before.kind))
        elif WE_TAKE_UP.search(sentence) and not kinds and (times or room_mentions):
            # "From 10 a.m. to 1 p.m. on Thursday, 3 February, the Co-Chairs will take up the
            # relationship ...": a meeting of what the letter is about
            kinds.insert(0, KindMention(0, 0, MeetingKind.OTHER))
        elif RESUMES.search(sentence) and not [k for k in kinds if not k.is_deadline]:
            # "the Assembly will reconvene on Friday, 19 October": the meeting before, again.
            earlier = previous_in_letter(reading, letter_index)
            if earlier is not None:
                kinds.insert(0, KindMention(0, 0, earlier.kind))
        elif (
            RESERVE.search(sentence)
            and room_mentions
            and not [k for k in kinds if not k.is_deadline]
        ):
            # "Please reserve Conference Room 5 from 21-23 May, at 10.00 am each day": the
            # room asked for the meetings the letter has been speaking of.
            made = [reading.meetings[i].kind for i in reading.last_made]
            kinds.insert(0, KindMention(0, 0, made[-1] if made else announced or MeetingKind.OTHER))
        elif (
            (item and room_mentions and not [k for k in kinds if not k.is_deadline])
            or (item and times and not kinds and (lead_in is not None or scheduled or dated))
            # "All meetings will be held in the Trusteeship Council Chamber from 10 a.m." /
            # "• Thursday, 1 February: categories of membership"
            or (item and scheduled and not [k for k in kinds if not k.is_deadline])
        ):
            # "• Monday, April 9th, 10:00 am, Conference Room 1: presentation of the
            # zero draft": an item with a room is a meeting, of the list's kind; so is
            # "- Wednesday, 3 February 2016, 10 a.m. - 1 p.m.: Categories of membership"
            # below "The schedule is as follows:".
            kinds.insert(0, KindMention(0, 0, MeetingKind.OTHER))
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
            every_date=all_dates,
        )
        if where_announced and reading.last_made is not made_before and not room_mentions:
            for index in reading.last_made:
                meeting = reading.meetings[index]
                if meeting.room is None and not meeting.virtual:
                    meeting.room = where_announced
        if len(when_announced) == 1 and reading.last_made is not made_before and not times:
            for index in reading.last_made:
                meeting = reading.meetings[index]
                if meeting.start is None:
                    meeting.start, meeting.end = when_announced[0].begins, when_announced[0].ends
                    meeting.timing = Timing.EXACT
        if (
            reading.last_made is made_before
            and all(outcomes.get(("date", m.start), {}).get("reason") for m in mentions)
            and (times or room_mentions)
        ):
            # "The debate will open at 10 a.m. in the General Assembly Hall with a
            # statement by the Chair of the Commission, whose session will take place from
            # 28 April to 9 May": no meeting of its dates, the one just named goes on.
            before = [t for t in times if t.start < mentions[0].start]
            rooms_before = [r for r in room_mentions if r.start < mentions[0].start]
            if before or rooms_before:
                carry_on(sentence, before, rooms_before, [], reading=reading, outcomes=outcomes)
        follows = FOLLOWED_BY.search(sentence, mentions[-1].end)
        if follows and reading.last_made:
            # "a briefing on 18 April at 10 a.m., followed by informal consultations at
            # 11.30 a.m.": another meeting that day, at its own time.
            later = [t for t in times if t.start >= follows.end()]
            rooms_later = [r for r in room_mentions if r.start >= follows.end()]
            if later and not any(("time", t.start) in outcomes for t in later):
                followed_by(sentence, later, rooms_later, reading=reading, outcomes=outcomes)
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
            if what == "time" and item.closing:
                reading.note(offset, item.closing, what, **outcome)
    # "As my successor assumes office on 12 September, I will hold a final stocktaking
    # meeting ... Its date is ...": a date that is none of a meeting's announces no day
    stated = [
        m
        for m in stated
        if (outcomes.get(("date", m.start)) or {}).get("reason") not in NOT_A_DAY_OF_IT
    ]
    return None if stated else announced_kind(sentence)


NOT_THERE = re.compile(
    r"(?:\bnot\s+(?:in\s+)?|\binstead\s+of\s+(?:in\s+)?|\brather\s+than\s+(?:in\s+)?)(?:the\s+)?$",
    re.I,
)
NOT_A_DAY_OF_IT = ("term-of-office", "other-organisation", "observance", "closure")
RESUMES = re.compile(
    r"\b(?:Assembly|Committee|Working\s+Group|consultations|negotiations|we)\s+(?:will|would|shall)"
    r"\s+(?:reconvene|resume|meet\s+again)\b",
    re.I,
)
# "Please reserve Conference Room 5 from 21-23 May": a room asked for meetings.
RESERVE = re.compile(r"\b(?:please\s+)?(?:reserve|reserved|book|booked)\b", re.I)
THIS_CALLED_OFF = re.compile(
    r"\b(?:this|that|the\s+said)\s+(?:[\w-]+\s+){0,2}?(?:meeting|debate|briefing|consultations?"
    r"|hearing|dialogue)\s+(?:has|have|will|is|are)\s+(?:been\s+|be\s+)?"
    r"(cancell?ed|postponed|called\s+off)\b",
    re.I,
)
CALLS_OFF = re.compile(r"\b(?:postpone|postponing|cancel|cancelling|canceling|call\s+off)\b", re.I)
# "It has been moved to Friday, 17 November": the meeting the sentence before named.
MOVED_ON = re.compile(
    r"^(?:It|This\s+meeting|That\s+meeting|The\s+meeting)\s+(?:has|had|will|is|was)\s+"
    r"(?:now\s+)?(?:been\s+|be\s+)?(?:moved|rescheduled|re-scheduled|postponed|brought\s+forward"
    r"|deferred)\s+(?:to|until|for)\s+(?:\w+,?\s+)?$"
    # "I have decided to reschedule the debate. It will now be held on Tuesday, 21 June"
    r"|^(?:It|The\s+(?:meeting|debate|dialogue|briefing|consultation|hearing))\s+will\s+now\s+"
    r"(?:be\s+held|take\s+place)\s+(?:on\s+)?(?:\w+,?\s+)?$",
    re.I,
)


def moved_on(
    sentence: str,
    mentions: list[DateMention],
    times: list[TimeMention],
    room_mentions: list[RoomMention],
    letter_date: date | None,
    *,
    reading: Reading,
    outcomes: dict,
) -> bool:
    """A sentence that only moves the one meeting the sentence before named, to its
    first date (and its time and room when given)."""
    made = [reading.meetings[i] for i in reading.last_made]
    if len(made) != 1 or made[0].action != ProposalAction.ANNOUNCE:
        return False
    if not MOVED_ON.match(sentence[: mentions[0].start]) or len(mentions) != 1:
        return False
    if [k for k in find_kinds(sentence) if not k.is_deadline]:
        return False  # a meeting of its own is named
    meeting = made[0]
    day = resolve_year(mentions[0].days[0], letter_date, past=False) if mentions[0].days else None
    if day is None or day == meeting.date:
        return False
    meeting.moved_from, meeting.date = meeting.date, day
    meeting.action, meeting.held = ProposalAction.MOVE, False
    later = [t for t in times if t.start > mentions[0].start]
    if later:
        meeting.start, meeting.end, meeting.timing = later[0].begins, later[0].ends, Timing.EXACT
    if len({r.name for r in room_mentions}) == 1:
        meeting.room, meeting.virtual = room_mentions[0].name, False
    index = reading.last_made[0]
    for found in (mentions[0], *later[:1], *room_mentions):
        outcomes[(what_of(found), found.start)] = {"meeting": index}
    return True


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
    ending = [k for k in kinds if not FOR_THE.search(sentence[max(0, k.start - 30) : k.start])]
    for index, mention in enumerate(mentions):
        if kind_of[index] is not None and index not in moves.values():
            clause = Clause.of(index, mention, mentions, kind_of[index], ending, len(sentence))
            clauses[index] = clause
            picks[index] = (clause.pick(times), clause.pick(room_mentions) or shared_room)
    shared_along_lists(sentence, mentions, kind_of, picks)
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
