from __future__ import annotations

import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20|21)\d\d"
DASH = r"\s*(?:-|–|—|to|until|through)\s*"
# "3-6 p.m.", "10 a.m.-1 p.m.", "10.00-13.00 hrs": hours from one to another, as a table's
# cell gives them
HOURS_RANGE = (
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s*[-–]\s*\d{1,2}(?:[:.]\d\d)?\s*"
    r"(?:[ap]\.?\s?m\.?|hrs)?"
)

ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last"
    r"|additional|further|another"
)
MORNING = re.compile(r"\bmorning\b", re.I)
AFTERNOON = re.compile(r"\bafternoon\b", re.I)


def last(matches):
    """The last of an iterator of matches, or None."""
    found = None
    for found in matches:  # noqa: B007 -- keeping the last one is the point
        pass
    return found


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
