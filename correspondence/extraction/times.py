"""Times as letters write them: "10:00 am", "10 a.m.", "3 - 6 p.m.", "15:00", "12 noon",
"1500 hrs", "4:00 p.m,", "at 11." at the end of a line. A bare number is no time."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import time

# --- Times -----------------------------------------------------------------------------

# Noon first: "12 noon" is noon, not midnight followed by the word. "1500 hrs" is the
# 24-hour clock of older letters.
CLOCK = (
    r"(?:(?P<{n}noon>\b(?:12(?:[:.]00)?\s+)?noon\b|\bmidday\b)"
    r"|(?P<{n}hh>[01]\d|2[0-3])(?P<{n}hm>[0-5]\d)\s*(?:hrs|hours|h)\b"
    # "1000-1300 hrs": the first of a range of the 24-hour clock says it only once.
    r"|(?P<{n}rh>[01]\d|2[0-3])(?P<{n}rm>[0-5]\d)(?=\s*(?:-|–|to)\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs|hours)\b"
    # "Thu 27 Apr    1000-1300    Conference Room 8": a range of the working day said
    # without "hrs" (not "2015-2030", whose first half is no working hour)
    r"|(?<=(?:0[89]|1\d)(?:00|15|30|45))\s*[-–]\s*(?:09|1\d|20)(?:00|15|30|45)\b(?![-–/.]\d))"
    r"|(?<=[-–])\s*(?P<{n}xh>09|1\d|20)(?P<{n}xm>00|15|30|45)\b(?![-–/.]\d)"
    r"|(?P<{n}fh>[01]?\d|2[0-3])h(?P<{n}fm>[0-5]\d)\b"
    # "commencing at 10 hrs": an hour of the working day, said on the 24-hour clock
    r"|(?P<{n}sh>0?[7-9]|1\d|20)\s*hrs\b"
    r"|(?P<{n}h>[01]?\d|2[0-3])(?:[:.](?P<{n}m>[0-5]\d))?\s*(?P<{n}ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?)?)"
)
# "between 10 a.m. and 1 p.m." is a range; "at 11 a.m. and 3 p.m." two times.
TIME_RANGE = re.compile(
    # never from inside a number ("2017 - 1000-1300 hrs": the year is no hour)
    r"(?<![\d])(?:from\s+|(?P<between>between\s+))?"
    + CLOCK.format(n="a")
    # "from 4:00 p.m, to 6:00 p.m.": a stray comma before "to" keeps the range.
    + r"(?:\s*(?:-|–|—|,?\s*(?:to|until)|(?(between)and|(?!)))\s*"
    + CLOCK.format(n="b")
    + r")?(?![\d/])",
    re.IGNORECASE,
)


# ", ending at 1 p.m.", ", until 12 noon": the end of the hour said before, further on in
# the sentence (one clause: no full stop or semicolon between).
ENDING_LATER = re.compile(
    r"[^.;]{0,250},\s*(?:(?:and\s+)?(?:ending|concluding|closing|finishing|running)\s+(?:at|by)"
    r"|until|till)\s+",
    re.I,
)
# "resuming at 3 p.m. and concluding at 6 p.m.": the second time is the first one's end.
CONCLUDING = re.compile(
    # ("resume at 3 p.m. each day until 6 p.m.")
    r"^\s*(?:hrs\.?|hours)?\s*,?\s*(?:(?:each|every)\s+day\s+)?(?:and\s+)?"
    r"(?:(?:will\s+)?(?:conclud|end|clos|adjourn|finish|run\s+until)\w*"
    r"|until)\s+(?:at\s+|by\s+)?$"
    # "will open at 10 a.m. with statements by the Secretary-General and continue until 1 p.m."
    r"|^[^.;]{0,100}\band\s+(?:the\s+(?:meeting|debate|session|dialogue)\s+)?"
    r"(?:will\s+|is\s+(?:expected\s+|scheduled\s+)?to\s+|should\s+)?"
    r"(?:conclud|end|clos|adjourn|finish|continu|run|last)\w*"
    r"\s+(?:until|till|at|by)\s+$",
    re.I,
)


def hours_of(sentence: str) -> list[TimeMention]:
    """The times a sentence gives, each with its end ("at 10:00 hrs until 13:00 hrs")."""
    return with_their_ends(sentence, parse_time_mentions(sentence))


# "..., with a break from 1 to 3 p.m.", "(lunch break 1-3 p.m.)"
BREAK = re.compile(
    r"\b(?:(?:lunch\s+)?break|recess|pause|suspension)\s+(?:(?:will\s+be\s+)?(?:from|between)\s*)?$",
    re.I,
)


def around_a_break(sentence: str, times: list[TimeMention]) -> list[TimeMention]:
    """ "The meeting will open at 10 a.m. and conclude by 6 p.m., with a break from 1 to
    3 p.m.": two sittings, 10 a.m. to 1 p.m. and 3 to 6 p.m.; the break is none. Only
    when the hours of the day are said before the break in the same sentence."""
    sittings = list(times)
    for index, pause in enumerate(times):
        if not (pause.begins and pause.ends) or not BREAK.search(
            sentence, max(0, pause.start - 30), pause.start
        ):
            continue
        day = next(
            (
                t
                for t in reversed(sittings[:index])
                if t.begins and t.begins < pause.begins and (t.ends is None or t.ends > pause.ends)
            ),
            None,
        )
        if day is not None:
            sittings[sittings.index(day)] = replace(day, ends=pause.begins)
            sittings[index] = replace(pause, begins=pause.ends, ends=day.ends)
    return sittings


def with_their_ends(sentence: str, times: list[TimeMention]) -> list[TimeMention]:
    """Times, an hour that ends the one before folded into it as its end."""
    kept: list[TimeMention] = []
    for mention in times:
        before = kept[-1] if kept else None
        ends_it = (
            before is not None
            and before.ends is None
            and before.begins is not None
            and mention.begins is not None
            and mention.begins > before.begins
        )
        if ends_it and CONCLUDING.match(sentence[before.end : mention.start]):
            kept[-1] = TimeMention(before.start, mention.end, before.begins, mention.begins)
            continue
        if ends_it and ENDING_LATER.fullmatch(sentence, before.end, mention.start):
            # "At 10 a.m. on Tuesday, 16 November, ... an opening meeting ..., ending at
            # 1 p.m.": the end said after the day; each hour keeps its own place.
            kept[-1] = replace(before, ends=mention.begins, closing=mention)
            continue
        kept.append(mention)
    return kept


LOST_TIME = re.compile(r"\bat\s+(?:\.\d\d\s*)?(?P<ap>[ap]\.?\s?m\b\.?)(?=[\s,;]|$)", re.I)
CLOCK_HINT = re.compile(r"\d|noon|midday", re.I)
AT_HOUR_AT_END = re.compile(r"\bat\s+(?P<h>1[0-2]|[1-6]|[89])\.?$")
# "at 10 o'clock": an hour of the working day.
O_CLOCK = re.compile(r"\b(?P<h>1[0-2]|[1-6]|[89])\s*o'\s?clock\b", re.I)


@dataclass
class TimeMention:
    start: int
    end: int
    begins: time | None  # None: a time lost in conversion ("at am and 4.00 pm")
    ends: time | None
    closing: TimeMention | None = None  # where the end was said, apart from the start


def meridiem(text: str | None) -> str | None:
    if not text:
        return None
    return "pm" if text.lower().startswith("p") else "am"


def clock(hour: int, minute: int, half: str | None) -> time | None:
    if half and hour == 0:
        return None  # "at .00 a.m.": the hour lost in conversion, "00" left
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if half and not 0 <= hour <= 23:
        return None
    return time(hour, minute)


def parse_time_mentions(text: str) -> list[TimeMention]:
    """Times as letters write them: "10:00 am", "10 a.m.", "3 - 6 p.m.", "15:00", "noon"."""
    found = []
    if not CLOCK_HINT.search(text):  # no digit, no noon: no time
        return found
    for match in TIME_RANGE.finditer(text):
        if match["axh"]:
            continue  # the end of a range whose start was no working hour
        if match["ahh"] or match["afh"] or match["arh"] or match["ash"]:
            # "1500 hrs", "10h30", "10 hrs": the 24-hour clock.
            a = time(
                int(match["ahh"] or match["afh"] or match["arh"] or match["ash"]),
                int(match["ahm"] or match["afm"] or match["arm"] or 0),
            )
            b_hour = match["bhh"] or match["bfh"] or match["bxh"] or match["bsh"]
            b_minute = match["bhm"] or match["bfm"] or match["bxm"] or 0
            b = time(int(b_hour), int(b_minute)) if b_hour else None
            found.append(TimeMention(match.start(), match.end(), a, b if b and b > a else None))
            continue
        a_half, b_half = meridiem(match["aap"]), meridiem(match["bap"])
        a_is_clock = match["ah"] and (a_half or match["am"])
        b_is_clock = match["bh"] and (b_half or match["bm"])
        if not (a_is_clock or match["anoon"] or (match["bh"] and b_half)):
            continue  # a bare number is not a time
        if match["bh"] is None and match["bnoon"] is None:
            b = None
        elif match["bnoon"]:
            b = time(12)
        elif b_is_clock or a_half:
            b = clock(int(match["bh"]), int(match["bm"] or 0), b_half or a_half)
        else:
            b = None
        if match["anoon"]:
            a = time(12)
        else:
            hour, minute = int(match["ah"]), int(match["am"] or 0)
            half = a_half
            if half is None and b_half:
                # "3 - 6 p.m." is afternoon throughout; "10 - 1 p.m." starts in the morning.
                half = b_half
                if b and clock(hour, minute, b_half) and clock(hour, minute, b_half) >= b:
                    half = "am"
            a = clock(hour, minute, half)
        if a is None:
            continue
        if b is not None and b <= a:
            b = None
        if match["bh"] and b is None and not (b_is_clock or a_half):
            # "10:00 and 15" is not a range: keep the start only.
            pass
        found.append(TimeMention(match.start(), match.end(), a, b))
    # "at am and 4.00 pm": a time was there, but its hour was lost. Never guessed.
    for lost in LOST_TIME.finditer(text):
        if not any(t.start <= lost.start("ap") < t.end for t in found):
            found.append(TimeMention(lost.start("ap"), lost.end("ap"), None, None))
    # "at 11." where a PDF line ended after the hour, "at 10 o'clock": an hour of the
    # working day (8 to 12 in the morning, 1 to 6 in the afternoon).
    for hour in (AT_HOUR_AT_END.search(text), *O_CLOCK.finditer(text)):
        if hour and not any(t.start <= hour.start("h") < t.end for t in found):
            h = int(hour["h"])
            end = hour.end() if hour.re is O_CLOCK else hour.end("h")
            found.append(TimeMention(hour.start("h"), end, time(h if h >= 8 else h + 12), None))
    # "from 10 to 1 in NLB Conference Room 6", "from 3 to 6": hours of the working day
    # with neither half said (8 to 12 in the morning, 1 to 7 in the afternoon)
    for hours in BARE_HOURS.finditer(text) if "from" in text else ():
        if any(t.start <= hours.start("a") < t.end for t in found):
            continue
        a, b = working_hour(int(hours["a"])), working_hour(int(hours["b"]))
        if a < b:
            found.append(TimeMention(hours.start("a"), hours.end("b"), a, b))
    return sorted(found, key=lambda t: t.start)


BARE_HOURS = re.compile(
    r"\bfrom\s+(?P<a>1[0-2]|[1-9])\s+(?:to|until|till)\s+(?P<b>1[0-2]|[1-9])"
    # (then where or when it is, or the clause ends: not "from 2 to 4 of the annex")
    r"(?=\s*(?:[,;)]|\.(?!\d)|$|(?:in|at|on|and|each|daily)\b))",
    re.I,
)


def working_hour(hour: int) -> time:
    return time(hour if hour >= 8 else hour + 12)
