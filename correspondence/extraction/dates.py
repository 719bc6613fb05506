"""Dates as letters write them: "3 June 2008", "October 3rd and 4th", "the 3rd of May",
"from 23 to 25 September", "Tuesday,9 May 2023", "this morning"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .vocabulary import DASH, DAY, MONTH, MONTHS, WEEKDAY, WEEKDAYS, YEAR, clean_space

# --- Dates -----------------------------------------------------------------------------


@dataclass
class DateMention:
    start: int
    end: int
    days: list[tuple[int, int, int | None]]  # (day, month, year or None)
    weekday: int | None = None  # said only for a single day
    relative: str | None = None  # "today", "tomorrow", "this morning", "next week", ...
    listed: bool = False  # "9 March and 13 April": the days named, not those between


DAY_MONTH = rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH})"
MONTH_DAY = rf"(?P<m2>{MONTH})\s+(?P<d2>{DAY})"
SINGLE = re.compile(
    rf"(?:(?P<wd>{WEEKDAY})(?:,\s*|\s+)(?:the\s+)?)?(?:{DAY_MONTH}|{MONTH_DAY}(?!\d))(?:,?\s+(?P<y>{YEAR}))?\b",
    re.IGNORECASE,
)
DASH_OR_AND = DASH.replace("to", "to|and")
# "from 8 to 10 June", "4-6 December", "13-15 February 2008", "June 8-10"
RANGE_SAME_MONTH = re.compile(
    # (not "DAY 1 - Monday, 4 March": a programme's first day, the 4th)
    rf"(?<!\bday\s)(?<!\bweek\s)(?:from\s+|between\s+)?(?:(?:{WEEKDAY}),?\s+)?(?P<a>{DAY}){DASH_OR_AND}"
    rf"(?:(?:{WEEKDAY}),?\s+)?(?P<b>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b"
    # "Wednesday, 15 February 3-6 p.m.": a day, then the hours; not "February 3-6".
    rf"|(?<!\d\s)(?P<m2>{MONTH})\s+(?P<a2>{DAY}){DASH}(?P<b2>{DAY})"
    rf"(?!\s*(?:[ap]\.?\s?m\b|hrs\b|hours\b|noon\b))(?:,?\s+(?P<y2>{YEAR}))?\b",
    re.IGNORECASE,
)
# "from 30 November to 2 December", "from 30 November 2025 to 2 January 2026"
RANGE_TWO_MONTHS = re.compile(
    rf"(?:from\s+|between\s+)?(?:(?:{WEEKDAY}),?\s+)?"
    rf"(?P<a>{DAY})\s+(?P<ma>{MONTH})(?:,?\s+(?P<ya>{YEAR}))?{DASH_OR_AND}"
    rf"(?:(?:{WEEKDAY}),?\s+)?(?P<b>{DAY})\s+(?P<mb>{MONTH})(?:,?\s+(?P<yb>{YEAR}))?\b",
    re.IGNORECASE,
)
AND = re.compile(r"\b(?:and)\b", re.I)
# "11 and 12 September", "8, 9 and 10 June"
LIST_SAME_MONTH = re.compile(
    # "between 3 and 5 October" is a range (below), not two days
    rf"(?<!between\s)(?P<list>(?:{DAY},?\s+)+(?:and|&)\s+{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b",
    re.IGNORECASE,
)
# "October 3rd and 4th", "May 8, 9 and 10"
LIST_MONTH_FIRST = re.compile(
    rf"(?P<m>{MONTH})\s+(?P<list>{DAY}(?:,\s*{DAY}){{0,5}},?\s+(?:and|&)\s+{DAY})\b(?:,?\s+(?P<y>{YEAR}))?",
    re.IGNORECASE,
)
# "the 21st and 22nd of April", "the 3rd, 4th and 5th of May"
LIST_OF_MONTH = re.compile(
    rf"the\s+(?P<list>{DAY}(?:,\s*(?:the\s+)?{DAY}){{0,5}},?\s+(?:and|&)\s+(?:the\s+)?{DAY})"
    rf"\s+of\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b",
    re.IGNORECASE,
)
# "the 3rd of May", "Thursday, the 4th of May 2023", "the Tuesday 5 of March" (French),
# "Wednesday 22 of April" (Spanish)
DAY_OF_MONTH = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+(?:(?P<wd2>{WEEKDAY})\s+)?|\b)"
    # "16 of January of 2018"
    rf"(?P<d>{DAY})\s+of\s+(?P<m>{MONTH})(?:(?:,?\s+|\s+of\s+)(?P<y>{YEAR}))?\b",
    re.IGNORECASE,
)
ANY_MONTH = re.compile(rf"\b{MONTH}(?![a-z])", re.IGNORECASE)  # not "Decade", "Marine"
# "01/02/2018 (Thu)": a day, month and year in figures, as the United Nations writes them
# (day first); only with the full year, so that "72/5" or "A/72/471" are never dates.
NUMERIC = re.compile(
    # "14/03/2023"; "02.02.2021" in a table (day first, as the Organization writes it)
    r"(?<![\w/.])(?P<d>[0-3]?\d)(?P<sep>[/.])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/]|\.\d)"
    r"(?:\s*\((?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\))?"
)
SHORT_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
RELATIVE = re.compile(
    r"\b(?P<rel>this\s+morning|this\s+afternoon|today|tomorrow|yesterday|"
    r"(?:the\s+)?following\s+week|next\s+week|later\s+this\s+week|this\s+week"
    # "next Tuesday", "Monday next", "this Friday"; "the following day", "the day after"
    rf"|(?:next|this|coming)\s+{WEEKDAY}|{WEEKDAY}\s+next"
    # "a second reading on the following Tuesday": after the meeting named before
    rf"|the\s+following\s+{WEEKDAY}"
    # "will follow on the Tuesday after": the first Tuesday after the meeting before
    rf"|the\s+{WEEKDAY}\s+after(?!\s+(?:the|next|that|this)\b)"
    r"|(?:the\s+)?(?:following|next)\s+day|the\s+day\s+after(?:\s+tomorrow)?"
    # "we will then hold informal consultations on Thursday at 10 a.m.": the first
    # Thursday after the letter (not "on Thursday, 12 May", read above)
    rf"|(?<=\bon\s){WEEKDAY}(?![,\s]+(?:the\s+)?\d)(?!\s+(?:next|last|of|{MONTH})\b))(?:'s)?\b",
    re.IGNORECASE,
)


# "a week from Monday next", "two days from today"
FROM_THEN = re.compile(r"\b(?:weeks?|days?|fortnight)\s+(?:from|after)\s+$", re.I)


ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"
ORDINAL_DAYS = re.compile(
    rf"\bthe\s+(?P<list>{ORDINAL}(?:\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?{ORDINAL})*)\b"
    # not "the 21st century", "the 75th anniversary", "the 3rd of May" (read above)
    rf"(?!\s+(?:of\b|{MONTH})|\s+(?!at\b|in\b|from\b|and\b|to\b|until\b)[a-z])",
    re.IGNORECASE,
)


ON_THE_DAY = re.compile(
    rf"(?:\bon\s+(?:(?P<wd>{WEEKDAY}),?\s+)?|\b(?:this|next)\s+month,?\s+(?:on\s+)?)$", re.I
)
# "on the 14th of this month", "the 3rd of next month"
OF_THIS_MONTH = re.compile(
    rf"\bthe\s+(?P<day>{ORDINAL})\s+of\s+(?P<month>this|next|the\s+current)\s+month\b", re.I
)
NEXT_MONTH = re.compile(r"\bnext\s+month\b", re.I)


def number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()]


def year_or_none(text: str | None) -> int | None:
    return int(text) if text else None


BEFORE_MONTH, AFTER_MONTH = 80, 40  # "from Monday, 8 to Wednesday, 10 June, 2023"


def near_months(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` around its month names, overlapping ones joined."""
    windows: list[tuple[int, int]] = []
    for month in ANY_MONTH.finditer(text):
        low, high = max(0, month.start() - BEFORE_MONTH), month.end() + AFTER_MONTH
        space = text.rfind(" ", max(0, low - 20), low)
        low = space + 1 if space >= 0 else low  # not in the middle of a number
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def parse_date_mentions(text: str, *, ranges: bool = True) -> list[DateMention]:
    """Every date a sentence names, as written, in order; ranges expanded to their days.

    Without `ranges`, "from 10 to 12 February" is two dates (a meeting moved from one
    to the other), not three days."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(mention: DateMention) -> None:
        if free(mention.start, mention.end):
            mentions.append(mention)
            taken.append((mention.start, mention.end))

    # Every date names a month: the patterns are tried only near one, which keeps a
    # long sentence with a date or two cheap.
    windows = near_months(text)

    def found(pattern: re.Pattern, wanted: bool = True):
        for low, high in windows if wanted else ():
            yield from pattern.finditer(text, low, high)

    for match in found(RANGE_TWO_MONTHS, ranges):
        # "on 9 March and 13 April": two days, not the weeks between them ("between 30
        # November and 2 December" is a range).
        listed = bool(AND.search(match.group(0))) and not match.group(0).lower().startswith(
            "between"
        )
        a = (number(match["a"]), month_number(match["ma"]), year_or_none(match["ya"]))
        b = (number(match["b"]), month_number(match["mb"]), year_or_none(match["yb"]))
        if a[2] is None and b[2] is not None:
            # "Monday, 8 May - Tuesday, 9 May 2023": the year said once, at the end (the
            # year before when the range runs over New Year).
            a = (a[0], a[1], b[2] if a[1] <= b[1] else b[2] - 1)
        days = [a, b]
        if not listed and a[1] == b[1] and a[2] in (b[2], None) and a[0] < b[0] <= a[0] + 14:
            # "Friday 25 September to Sunday 27 September": every day between, as "25-27
            # September" gives them
            days = [(d, a[1], b[2]) for d in range(a[0], b[0] + 1)]
        add(DateMention(match.start(), match.end(), days, listed=listed))
    for match in found(LIST_SAME_MONTH):
        month, year = month_number(match["m"]), year_or_none(match["y"])
        days = [(number(d), month, year) for d in re.findall(r"\d+", match["list"])]
        add(DateMention(match.start(), match.end(), days))
    for match in found(LIST_MONTH_FIRST):
        month, year = month_number(match["m"]), year_or_none(match["y"])
        days = [(number(d), month, year) for d in re.findall(r"\d+", match["list"])]
        add(DateMention(match.start(), match.end(), days))
    for match in found(LIST_OF_MONTH):
        month, year = month_number(match["m"]), year_or_none(match["y"])
        days = [(number(d), month, year) for d in re.findall(r"\d+", match["list"])]
        add(DateMention(match.start(), match.end(), days))
    for match in found(DAY_OF_MONTH):
        said = match["wd"] or match["wd2"]
        weekday = WEEKDAYS.index(said.casefold()) if said else None
        day = (number(match["d"]), month_number(match["m"]), year_or_none(match["y"]))
        add(DateMention(match.start(), match.end(), [day], weekday))
    for match in found(RANGE_SAME_MONTH, ranges):
        if match["m"]:
            first, last = number(match["a"]), number(match["b"])
            month, year = month_number(match["m"]), year_or_none(match["y"])
        else:
            first, last = number(match["a2"]), number(match["b2"])
            month, year = month_number(match["m2"]), year_or_none(match["y2"])
        if first < last <= 31 and last - first <= 14:
            days = [(d, month, year) for d in range(first, last + 1)]
            add(DateMention(match.start(), match.end(), days))
    for match in NUMERIC.finditer(text) if "/" in text or "." in text else ():
        day, month = int(match["d"]), int(match["m"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            weekday = SHORT_WEEKDAYS.index(match["wd"].lower()) if match["wd"] else None
            add(DateMention(match.start(), match.end(), [(day, month, int(match["y"]))], weekday))
    for match in found(SINGLE):
        day = number(match["d1"] or match["d2"])
        month = month_number(match["m1"] or match["m2"])
        weekday = WEEKDAYS.index(match["wd"].casefold()) if match["wd"] else None
        add(
            DateMention(
                match.start(), match.end(), [(day, month, year_or_none(match["y"]))], weekday
            )
        )
    # "three successive Mondays in October, the 15th, 22nd and 29th", "on 5 February ...;
    # and the third on the 19th": days of the month said last
    for match in ORDINAL_DAYS.finditer(text) if "th" in text or "st" in text else ():
        months = list(ANY_MONTH.finditer(text, max(0, match.start() - 150), match.start()))
        month = months[-1] if months else None
        days = [int(d) for d in re.findall(r"\d{1,2}", match["list"])]
        if month is not None and all(1 <= d <= 31 for d in days):
            number_of = month_number(month.group(0))
            add(
                DateMention(
                    match.start("list"),
                    match.end("list"),
                    [(d, number_of, None) for d in days],
                    listed=len(days) > 1,
                )
            )
    # "on the 14th", "later this month on the 20th": a day of the letter's month, or of
    # the next when that day has passed ("next month on the 3rd": of the next)
    for match in ORDINAL_DAYS.finditer(text) if "th" in text or "st" in text else ():
        lead = text[max(0, match.start() - 40) : match.start()]
        on = ON_THE_DAY.search(lead)
        if not on or ANY_MONTH.search(text, max(0, match.start() - 150), match.start()):
            continue
        days = re.findall(r"\d{1,2}", match["list"])
        if all(1 <= int(d) <= 31 for d in days):
            month = "next month" if NEXT_MONTH.search(lead) else "this month"
            # ("on Thursday the 19th": the weekday says which month's 19th)
            weekday = f" {on['wd'].casefold()}" if on["wd"] and len(days) == 1 else ""
            add(
                DateMention(
                    match.start("list"),
                    match.end("list"),
                    [],
                    relative=f"{month} on {' '.join(days)}{weekday}",
                )
            )
    for match in OF_THIS_MONTH.finditer(text) if "month" in text else ():
        day = re.match(r"\d+", match["day"]).group(0)
        month = "next month" if match["month"].lower() == "next" else "this month"
        add(DateMention(match.start(), match.end(), [], relative=f"{month} on {day}"))
    for match in RELATIVE.finditer(text):
        add(
            DateMention(
                match.start(), match.end(), [], relative=clean_space(match["rel"]).casefold()
            )
        )
    # Ranges are expanded to single days later, when the year is known.
    mentions.sort(key=lambda m: m.start)
    # "tomorrow, Thursday 8 September": the day named twice, once; "on the 29th of October,
    # a week from Monday next": a day said again by how far off it is.
    return [
        m
        for m, after in zip(mentions, [*mentions[1:], None][: len(mentions)], strict=True)
        if not (
            m.relative
            and after is not None
            and not after.relative
            # ("this Thursday (13 March)")
            and re.fullmatch(r",?\s*\(?", text[m.end : after.start])
        )
        and not (m.relative and FROM_THEN.search(text, max(0, m.start - 30), m.start))
    ]


def parse_full_date(text: str) -> date | None:
    mentions = [m for m in parse_date_mentions(text) if m.days and m.days[0][2]]
    if not mentions:
        return None
    day, month, year = mentions[0].days[0]
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- Times -----------------------------------------------------------------------------
