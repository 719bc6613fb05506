"""Resolving what a mention leaves open: the year, a relative day, and which meeting a
back-reference ("At the 14 October meeting we will report") names."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from correspondence.enums import ProposalAction
from meetings.enums import MeetingKind, Timing

from .dates import DateMention
from .results import ProposedMeeting
from .vocabulary import AFTERNOON, MONTHS, MORNING, WEEKDAYS

if TYPE_CHECKING:
    from .record import Reading


def resolve_year(
    day_month_year: tuple[int, int, int | None], letter_date: date | None, *, past: bool
) -> date | None:
    """A date without a year is the next one on or after the letter (or the last one
    before it, for what the letter reports as held). None if it cannot exist."""
    day, month, year = day_month_year
    if year is not None:
        return safe_date(year, month, day)
    if letter_date is None:
        return None
    this_year = safe_date(letter_date.year, month, day)
    if past:
        if this_year and this_year <= letter_date:
            return this_year
        return safe_date(letter_date.year - 1, month, day)
    if this_year and this_year >= letter_date:
        return this_year
    return safe_date(letter_date.year + 1, month, day)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# "the 2020 high-level meeting ... from 23-25 September": a year said just before.
STATED_YEAR = re.compile(r"(?<![/\d])\b((?:19|20)\d\d)\b(?![/\d])")


def stated_year(
    sentence: str, mention: DateMention, letter_date: date | None, others: list[DateMention] = ()
) -> int | None:
    """A year the sentence states just before a date without one, if it is a year the
    letter can be speaking of (the one before it to two after). The year of another
    date ("whose terms begin on 6 February 2024, will take place on 9 November") is that
    date's, not this one's."""
    if letter_date is None or mention.relative or all(y is not None for _d, _m, y in mention.days):
        return None
    found = None
    for match in STATED_YEAR.finditer(sentence, max(0, mention.start - 80), mention.start):
        if not any(o.start <= match.start() < o.end for o in others):
            found = int(match.group(1))
    if found is not None and letter_date.year - 1 <= found <= letter_date.year + 2:
        return found
    return None


def days_of(
    mention: DateMention,
    letter_date: date | None,
    *,
    past: bool,
    previous: list[ProposedMeeting],
    year: int | None = None,
    tense_said: bool = True,
    moved_from: date | None = None,
) -> tuple[list[tuple[date, str | None]], list[str]]:
    """The days a mention names, with a note when its weekday contradicts the date."""
    if mention.relative:
        return relative_day(mention.relative, letter_date, previous, moved_from), []
    if (
        year is not None
        and mention.weekday is not None
        and len(mention.days) == 1
        and mention.days[0][2] is None
        and letter_date is not None
    ):
        # "the 2020 review conference ..., held on Friday, 22 March" in a letter of 2019:
        # the weekday says which year, when the one nearby does not fit it and the
        # letter's does.
        day, month, _ = mention.days[0]
        near, own = (
            safe_date(year, month, day),
            resolve_year((day, month, None), letter_date, past=past),
        )
        if near and own and near.weekday() != mention.weekday == own.weekday():
            year = own.year
    if year is not None:  # stated nearby: that year, never the one before
        mention = replace(mention, days=[(d, m, y or year) for d, m, y in mention.days])
    stated = year or (mention.days[0][2] if mention.days else None)
    if letter_date is None and any(year is None for _d, _m, year in mention.days):
        return [], ["A date without a year in an undated letter was left out: add it by hand."]
    days = []
    resolved = [resolve_year(d, letter_date, past=past) for d in mention.days]
    if not tense_said and not stated and all(resolved) and len(resolved) <= 3:
        # "Their informal consultations on 22 May and 29 May showed ...": each day
        resolved = [
            nearer(day, replace(mention, days=[said]), letter_date, past=past)
            for day, said in zip(resolved, mention.days, strict=True)
        ]
    if len(resolved) > 2 and resolved[0] and all(y is None for _d, _m, y in mention.days):
        # "held on 3, 10 and 17 March": the days of one list share the first one's year.
        year = resolved[0].year
        resolved = [safe_date(year, m, d) for d, m, _y in mention.days]
    if any(day is None for day in resolved):
        return [], [f"A date that does not exist ({describe(mention.days[0])}) was left out."]
    if (
        len(resolved) == 2
        and len(mention.days) == 2
        and resolved[0].month != resolved[1].month
        and not mention.listed
    ):
        first, last = resolved
        if last < first:  # "from 30 December to 2 January": the range runs into next year
            last = safe_date(last.year + 1, last.month, last.day)
        if last is None or (last - first).days > 14:
            return [], []
        resolved = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        resolved = [d for d in resolved if d.weekday() < 5] or resolved
    for day in resolved:
        note = None
        if mention.weekday is not None and day.weekday() != mention.weekday:
            note = (
                f"The letter says {WEEKDAYS[mention.weekday].title()}, but "
                f"{day:%-d %B %Y} is a {day:%A}: check the date."
            )
        days.append((day, note))
    return days, []


RECENT = timedelta(days=31)  # a day this close before the letter is the one it means


def nearer(day: date, mention: DateMention, letter_date: date, *, past: bool) -> date:
    """When the words say neither "will" nor "held": the weekday says which year ("On
    Monday, 6 March, delegations exchanged"), or else a day of the last month (in a
    letter of 14 March, "the consultation of 6 March" is eight days ago, not a year
    ahead). A meeting that "will be held" stays ahead whatever its weekday."""
    other = resolve_year(mention.days[0], letter_date, past=not past)
    if other is None:
        return day
    if mention.weekday is not None:
        return other if day.weekday() != mention.weekday == other.weekday() else day
    if not past and timedelta(0) < letter_date - other <= RECENT:
        return other
    return day


def describe(day_month_year: tuple[int, int, int | None]) -> str:
    day, month, year = day_month_year
    names = [
        n for n, v in MONTHS.items() if (v == month and len(n) > 3) or (n == "may" and v == month)
    ]
    return f"{day} {names[0].title()}" + (f" {year}" if year else "")


def relative_day(
    relative: str,
    letter_date: date | None,
    previous: list[ProposedMeeting],
    moved_from: date | None = None,
) -> list[tuple[date, str | None]]:
    """The day a relative mention names; "moved to the following Tuesday" is the Tuesday
    after the day it is moved from."""
    if letter_date is None:
        return []
    if relative in ("this morning", "this afternoon", "today", "this week", "later this week"):
        return [(letter_date if "week" not in relative else monday_of(letter_date), None)]
    if relative == "tomorrow":
        return [(letter_date + timedelta(days=1), None)]
    if relative == "the day after tomorrow":
        return [(letter_date + timedelta(days=2), None)]
    if relative == "yesterday":
        return [(letter_date - timedelta(days=1), None)]
    words = relative.split()
    if relative.startswith(("this month on ", "next month on ")):
        days = [w for w in words[3:] if w.isdigit()]
        weekday = next((WEEKDAYS.index(w) for w in words[3:] if w in WEEKDAYS), None)
        found = days_of_the_month(days, letter_date, words[0] == "next", weekday)
        return [(day, None) for day in found]
    if named := [w for w in words if w in WEEKDAYS]:
        # "next Tuesday", "Monday next", "this Friday": the first such day after the
        # letter; "the following Tuesday": after the meeting named before
        anchor = (
            (moved_from or (previous[-1].date if previous else letter_date))
            if "following" in words or words[-1] == "after"
            else letter_date
        )
        ahead = (WEEKDAYS.index(named[0]) - anchor.weekday() - 1) % 7 + 1
        return [(anchor + timedelta(days=ahead), None)]
    if words[-1] in ("day", "after"):
        # "the following day", "the day after": the day after the meeting named before
        return [(previous[-1].date + timedelta(days=1), None)] if previous else []
    # "the following week": the week after the last meeting named before it.
    anchor = previous[-1].date if previous and "following" in relative else letter_date
    return [(monday_of(anchor) + timedelta(days=7), None)]


def days_of_the_month(
    days: list[str], letter_date: date, next_month: bool, weekday: int | None = None
) -> list[date]:
    """ "on the 14th" in a letter of 2 February is 14 February; in a letter of 20 February,
    14 March (a day passed is next month's); "on Thursday the 19th", the first month
    whose 19th is a Thursday, of the next three."""
    year, month = letter_date.year, letter_date.month
    if next_month or int(days[0]) < letter_date.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for _ in range(3):
        try:
            found = [date(year, month, int(day)) for day in days]
        except ValueError:
            found = []  # "the 31st" of a month of thirty days
        if found and (weekday is None or found[0].weekday() == weekday):
            return found
        if weekday is None:
            return []
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return []


def period_of(mention: DateMention, words: str) -> str:
    if mention.relative in ("this morning",):
        return Timing.MORNING
    if mention.relative in ("this afternoon",):
        return Timing.AFTERNOON
    if mention.relative and "week" in mention.relative:
        return Timing.WEEK
    morning, afternoon = MORNING.search(words), AFTERNOON.search(words)
    if morning and not afternoon:
        return Timing.MORNING
    if afternoon and not morning:
        return Timing.AFTERNOON
    return Timing.DAY


# "Following the adjournment of the plenary, the Assembly will hold a commemorative
# meeting": another meeting the same day, its hour the end of the one before.
AFTER_ADJOURNMENT = re.compile(
    r"^(?:Immediately\s+)?(?:following|after|upon)\s+(?:(?:its|their)\s+(?:adjournment|close"
    r"|closure|conclusion)\b|(?:the\s+)?(?:adjournment|close|closure|conclusion)\s+of\s+"
    r"(?:the|that|this|its)\s+(?:[\w-]+\s+){0,2}?(?:meeting|plenary|session)\b)",
    re.I,
)

# "... an informal meeting of the plenary immediately following the adjournment of the
# plenary": the phrase within a sentence.
ADJOURNMENT_WITHIN = re.compile(
    r"\b(?:immediately\s+)?(?:following|after|upon)\s+the\s+(?:adjournment|close|closure|conclusion)"
    r"\s+of\s+(?:the|that|this|its)\s+(?:[\w-]+\s+){0,2}?(?:meeting|plenary|session)\b",
    re.I,
)


def merge_back_references(reading: Reading) -> None:
    """One meeting for one meeting: a later mention of a day already proposed names that
    meeting (it keeps the earlier one's time and room, and takes what only the later one
    says); a meeting moved away from a day leaves no meeting on that day."""
    meetings = list(reading.meetings)
    keep: dict[int, int] = {}  # index -> the index of the meeting it is
    moved_away: dict[tuple, set] = {}  # (letter, day) -> the kinds moved away from it
    for m in meetings:
        if m.moved_from and m.moved_from != m.date:
            moved_away.setdefault((m.letter_index, m.moved_from), set()).add(m.kind)
    on_day: dict = {}  # day -> indices of the meetings before on that day, in order
    keep.update(weeks_the_letter_dates(meetings))
    keep.update(moves_from_the_sentence_before(meetings))
    keep.update(ranges_set_out(meetings, reading.segments))
    for index, later in enumerate(meetings):
        if keep.get(index) == -1:
            continue
        # "moved from 14 June, because the election will take place on 14 June": another
        # meeting of another kind stays on the day the consultation left.
        gone = moved_away.get((later.letter_index, later.date), set())
        if (
            later.action == ProposalAction.ANNOUNCE
            and gone
            and (later.kind in gone or MeetingKind.OTHER in gone or later.kind == MeetingKind.OTHER)
        ):
            keep[index] = -1
            continue
        # Only meetings of the same day can be the same meeting: looked up by day, so
        # that a long list of meetings is not compared with every one before it.
        for earlier_index in on_day.get(later.date, ()):
            earlier = meetings[earlier_index]
            if keep.get(earlier_index, earlier_index) != earlier_index:
                continue
            if same_meeting(earlier, later):
                fill_in(earlier, later)
                keep[index] = earlier_index
                break
        on_day.setdefault(later.date, []).append(index)
    if not keep:
        return
    new_index, kept = {}, []
    for index, meeting in enumerate(meetings):
        if index not in keep:
            new_index[index] = len(kept)
            kept.append(meeting)
    reading.meetings[:] = kept
    mentions = []
    for mention in reading.mentions:
        if mention.meeting is None:
            mentions.append(mention)
        elif mention.meeting in new_index:
            mentions.append(replace(mention, meeting=new_index[mention.meeting]))
        else:
            day = meetings[mention.meeting].date
            mentions.append(
                replace(
                    mention,
                    meeting=None,
                    reason="back-reference",
                    detail=f"the meeting of {day.day} {day:%B}",
                )
            )
    reading.mentions[:] = mentions


def ranges_set_out(meetings: list[ProposedMeeting], segments: set[int]) -> dict[int, int]:
    """ "the thematic debate, which I will convene from 19 to 21 April", and an annex that
    sets out each of those days at its hours: the range's days are the programme's
    meetings (index -> -1), and the programme's untitled parts ("OPENING SEGMENT") are
    of the range's kind."""
    bare: dict[tuple, list[int]] = {}  # one sentence's days of one kind, no hour or room
    detailed: dict[date, list[int]] = {}
    for index, m in enumerate(meetings):
        if m.action != ProposalAction.ANNOUNCE:
            continue
        if m.start is None and m.room is None and not m.virtual:
            bare.setdefault((m.letter_index, m.source, m.kind), []).append(index)
        else:
            detailed.setdefault(m.date, []).append(index)
    gone: dict[int, int] = {}
    for (_letter, _source, kind), indices in bare.items():
        days = [meetings[i].date for i in indices]
        if len(days) < 2 or any((b - a).days != 1 for a, b in pairwise(days)):
            continue
        if not all(day in detailed for day in days):
            continue
        for day in days:
            for index in detailed[day]:
                if id(meetings[index]) in segments:
                    meetings[index].kind = kind
        gone.update(dict.fromkeys(indices, -1))
    return gone


def moves_from_the_sentence_before(meetings: list[ProposedMeeting]) -> dict[int, int]:
    """ "I announced a High-level Dialogue for 6 November. ... the High-level Dialogue has
    been moved to 12 November": a move whose sentence names no old day is from the one
    meeting of its kind the letter dated before (index -> -1 for the meeting it was)."""
    gone: dict[int, int] = {}
    for index, moved in enumerate(meetings):
        if (
            moved.action != ProposalAction.MOVE
            or moved.moved_from != moved.date
            or moved.kind == MeetingKind.OTHER
        ):
            continue
        before = [
            i
            for i, m in enumerate(meetings[:index])
            if m.letter_index == moved.letter_index
            and m.kind == moved.kind
            and m.action == ProposalAction.ANNOUNCE
            and not m.held
            and m.date != moved.date
            and i not in gone
        ]
        if len(before) == 1:
            moved.moved_from = meetings[before[0]].date
            gone[before[0]] = -1
    return gone


def weeks_the_letter_dates(meetings: list[ProposedMeeting]) -> dict[int, int]:
    """ "The consultations will continue next week. Please reserve Conference Room 5 from
    21-23 May": a week the letter then gives days in is those days, no meeting of its own
    (index -> -1 for each such week)."""
    dated: dict[tuple, list[date]] = {}
    for m in meetings:
        if m.timing != Timing.WEEK and m.action == ProposalAction.ANNOUNCE:
            dated.setdefault((m.letter_index, m.kind), []).append(m.date)
            dated.setdefault((m.letter_index, MeetingKind.OTHER), []).append(m.date)
    return {
        index: -1
        for index, m in enumerate(meetings)
        if m.timing == Timing.WEEK
        and any(
            m.date <= day < m.date + timedelta(days=7)
            for day in dated.get((m.letter_index, m.kind), [])
        )
    }


def same_meeting(earlier: ProposedMeeting, later: ProposedMeeting) -> bool:
    if later.action == ProposalAction.CANCEL == earlier.action:
        # "The meeting of 24 February is cancelled" and the table's "24 February
        # CANCELLED": one meeting called off, once.
        return (
            earlier.date == later.date
            and earlier.letter_index == later.letter_index
            and (MeetingKind.OTHER in (earlier.kind, later.kind) or earlier.kind == later.kind)
        )
    if (
        earlier.date != later.date
        or later.action != ProposalAction.ANNOUNCE
        or earlier.action == ProposalAction.CANCEL
    ):
        return False
    if (
        earlier.source == later.source
        or AFTER_ADJOURNMENT.match(later.source or "")
        or ADJOURNMENT_WITHIN.search(later.source or "")
    ):
        # two sessions the same sentence gives ("at am and 4.00 pm"); a meeting held
        # after the adjournment of the one before is another; but one sitting the
        # sentence gave twice, hour for hour, is one.
        return (
            earlier.source == later.source
            and earlier.start is not None
            and (earlier.start, earlier.end, earlier.room, earlier.kind)
            == (later.start, later.end, later.room, later.kind)
        )
    if earlier.start and later.start and earlier.start != later.start:
        return False
    if earlier.room and later.room and earlier.room != later.room:
        return False
    if not kinds_agree(earlier, later):
        return False  # a debate in the morning, a panel in the afternoon
    periods = {Timing.MORNING, Timing.AFTERNOON}
    if earlier.timing in periods and later.timing in periods and earlier.timing != later.timing:
        return False
    if earlier.start is None and later.start is not None:
        # Only when the earlier one gave no part of the day.
        return earlier.timing == Timing.DAY
    if earlier.start is not None and later.start is None and later.timing in periods:
        # "in the afternoon" is not the sitting from 10 a.m.
        return later.timing == (Timing.MORNING if earlier.start.hour < 12 else Timing.AFTERNOON)
    return True


# A high-level meeting's day, and the hour of its opening or closing plenary meeting.
ONE_EVENT = {frozenset({MeetingKind.HIGH_LEVEL, MeetingKind.PLENARY})}


def kinds_agree(earlier: ProposedMeeting, later: ProposedMeeting) -> bool:
    if MeetingKind.OTHER in (earlier.kind, later.kind) or earlier.kind == later.kind:
        return True
    return (
        frozenset({earlier.kind, later.kind}) in ONE_EVENT
        and earlier.start is None
        and later.start is not None
    )


def fill_in(earlier: ProposedMeeting, later: ProposedMeeting) -> None:
    if earlier.start is None and later.start is not None:
        earlier.start, earlier.end, earlier.timing = later.start, later.end, later.timing
    earlier.end = earlier.end or later.end
    earlier.room = earlier.room or later.room
    earlier.virtual = earlier.virtual or (later.virtual and not earlier.room)
    if earlier.kind == MeetingKind.OTHER and later.kind != MeetingKind.OTHER:
        earlier.kind, earlier.title = later.kind, later.title
