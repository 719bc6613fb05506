"""One sentence read: its dates, times, rooms and kinds found, what is no meeting set
aside, a meeting moved by the sentence after it, the rest framed into proposals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from correspondence.enums import ProposalAction
from meetings.enums import MeetingKind, Timing

from .announcing import THAT_MEETING, announced_kind
from .classifying import LETTER_REFERENCE, MOVED
from .continuing import (
    FOLLOWED_BY,
    ROOM_FOR_THEM,
    after_adjournment,
    carry_on,
    followed_by,
    hours_of_the_day,
    on_the_same_day,
)
from .dates import DateMention, parse_date_mentions
from .framing import NEXT_OF_THEM, SAME_PLACE, WE_TAKE_UP, frame_sentence
from .kinds import AS_A_TOPIC, GENERIC, KindMention, find_kinds
from .places import RoomMention, parse_platform_mentions, parse_room_mentions
from .record import Reading, previous_in_letter, what_of
from .resolving import resolve_year
from .times import TimeMention, around_a_break, parse_time_mentions, with_their_ends
from .vocabulary import WEEKDAYS, clean_space


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
    if reading.meetings or any(not m.relative for m in all_dates):
        # "on Thursday" alone names a day only in a letter that has named none before:
        # after one, it is that meeting's day spoken of again
        all_dates = [m for m in all_dates if m.relative not in WEEKDAYS]
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
    # ("will be held virtually through WebEx instead of in the General Assembly Hall": the
    # one room named is given up too)
    given_up = [
        r for r in room_mentions if NOT_THERE.search(sentence, max(0, r.start - 30), r.start)
    ]
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
    elif (
        not mentions
        and reading.last_made
        and times
        and item
        # "•  10:20 – 13:00   Panel 1: ..." under the day's event: its hours first
        and (
            lead_in is not None
            or HOURS_FIRST.match(sentence, BULLET_OR_NUMBER.match(sentence).end())
        )
    ):
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
            else:
                # "the Working Group will resume its substantive work on 15 and 16 May": a
                # body's meetings, the first the letter names
                assembly = "Assembly" in RESUMES.search(sentence).group(0)
                kinds.insert(
                    0, KindMention(0, 0, MeetingKind.PLENARY if assembly else MeetingKind.OTHER)
                )
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


BULLET_OR_NUMBER = re.compile(r"^(?:[•*·▪●◦‣o-]|\(?[a-z0-9]{1,3}[.)])?\s*")
HOURS_FIRST = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[-–—]|to)\s*\d")
NOT_THERE = re.compile(
    r"(?:\bnot\s+(?:in\s+)?|\binstead\s+of\s+(?:in\s+)?|\brather\s+than\s+(?:in\s+)?"
    r"|\bno\s+longer\s+(?:be\s+held\s+|take\s+place\s+)?in\s+)(?:the\s+)?$",
    re.I,
)
NOT_A_DAY_OF_IT = ("term-of-office", "other-organisation", "observance", "closure")
RESUMES = re.compile(
    r"\b(?:Assembly|Committee|Working\s+Group|consultations|negotiations|we|balloting|voting)"
    r"\s+(?:will|would|shall)"
    r"\s+(?:reconvene|resume|meet\s+again)\b"
    # "the Open-ended Working Group on the Question of ... Council will resume its work"
    r"|\bWorking\s+Group\b[^.;]{0,150}?\s+(?:will|would|shall)\s+(?:reconvene|resume)\s+its\b",
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
