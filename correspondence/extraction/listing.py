"""Lists and tables of meetings: an item of a list, a row of a table, the head of a
table's columns, and the kind the items of one list share."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from meetings.enums import MeetingKind

from .frames import NUMBERED_ENTRY
from .results import ProposedMeeting
from .vocabulary import DAY, MONTH, WEEKDAY

if TYPE_CHECKING:
    from .record import Reading

# An item of a list: "•  Monday, 6 March 2023: from 10 a.m. to 1 p.m."
# A row of a table: "Tuesday 10 May 2022    10:00 – 13:00    Conference Room 3".
# "Tue 25 Feb  10 a.m.-1 p.m.": a table may shorten the weekday.
SHORT_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
ROW = re.compile(
    # "22-23 February 2018    1000-1300 hrs": a row for two days.
    rf"^(?:{WEEKDAY}\b|{SHORT_WEEKDAY},?\s+{DAY}\s+{MONTH}|{DAY}\s+{MONTH}|{MONTH}\s+{DAY}"
    rf"|{DAY}\s*[-–]\s*{DAY}\s+{MONTH}|{NUMBERED_ENTRY}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
    # "2, Tuesday, 18 March, 10am-1pm, ...": a numbered row of a table
    rf"|\d{{1,2}}\.?,\s+(?:{WEEKDAY}|{DAY}\s+{MONTH}))",
    re.IGNORECASE,
)
# The head of a table's columns ("Date, Time, Venue, Purpose"): the list goes on.
HEADING = re.compile(r"^[A-Z][\w ]{0,20}(?:, [A-Z][\w ]{0,20}){1,6}$")
BULLET = re.compile(r"^(?:[•*·▪●◦‣o-]|\(?[a-z0-9]\)|[a-z0-9]\.)\s")


def kinds_along_a_list(items: list[ProposedMeeting], reading: Reading) -> None:
    """The items of one list that say only "meeting" (or give a date, a time and a
    room and no kind) are of the one kind the other items name: "first IGN meeting"
    then "meetings on Regional representation" are all negotiations."""
    named = {m.kind for m in items if id(m) not in reading.generic}
    if len(named) == 1 and MeetingKind.OTHER not in named:
        for meeting in items:
            if id(meeting) in reading.generic:
                meeting.kind = next(iter(named))
