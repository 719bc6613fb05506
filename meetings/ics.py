"""RFC 5545 content lines, written directly.

The feeds of a whole session hold thousands of events; building each property as an
icalendar object and folding it through the library cost several times the time of
serializing the same bytes (benchmarks/feeds.py). These few functions write the lines
themselves, by the rules the tests check with two independent parsers (icalendar and
the strict `ical`): TEXT escaping (backslash, semicolon, comma, newline; never the
colon), folding at 75 octets with CRLF and one space, never inside a UTF-8 character or
between a backslash and the character it escapes.
"""

from datetime import UTC, date, datetime

LIMIT = 75


# Control characters other than tab are not allowed in TEXT: strict parsers reject the
# whole calendar for one of them, and staff can paste them from other documents.
CONTROLS = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


def text(value: str) -> str:
    """A TEXT value, escaped (RFC 5545 §3.3.11); bare CR and LF become \\n."""
    return (
        value.translate(CONTROLS)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime) -> str:
    """Wall-clock time, for a value that carries TZID."""
    return moment.strftime("%Y%m%dT%H%M%S")


def date_stamp(day: date) -> str:
    return day.strftime("%Y%m%d")


def fold(line: str) -> bytes:
    """One content line as bytes: folded at 75 octets, ending in CRLF."""
    raw = line.encode()
    if len(raw) <= LIMIT:
        return raw + b"\r\n"
    parts, start, room = [], 0, LIMIT
    while start < len(raw):
        end = min(start + room, len(raw))
        if end < len(raw):
            while raw[end] & 0xC0 == 0x80:  # not inside a UTF-8 character
                end -= 1
            backslashes = 0
            while end - 1 - backslashes >= start and raw[end - 1 - backslashes] == 0x5C:
                backslashes += 1
            if backslashes % 2:  # not between a backslash and what it escapes
                end -= 1
        parts.append(raw[start:end])
        start, room = end, LIMIT - 1  # continuation lines begin with a space
    return b"\r\n ".join(parts) + b"\r\n"
