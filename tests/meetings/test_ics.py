"""Content lines written by hand must obey RFC 5545 exactly: the edges of folding."""

import pytest
from icalendar import Calendar

from meetings import ics


def physical_lines(folded: bytes) -> list[bytes]:
    assert folded.endswith(b"\r\n")
    return folded[:-2].split(b"\r\n")


@pytest.mark.parametrize(
    "value",
    [
        "x" * 200,
        "é" * 100,  # two bytes each: no fold may split one
        "مؤتمر " * 40,
        "非正式磋商" * 30,
        "a\\" * 60,  # escaped backslashes: no fold between \ and what it escapes
        "; , \\ \n" * 30,
    ],
)
def test_folded_lines_are_short_whole_characters_and_round_trip(value):
    line = "SUMMARY:" + ics.text(value)
    parts = physical_lines(ics.fold(line))
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    for part in parts:
        part.decode("utf-8")  # raises if a character was split
        assert (len(part) - len(part.rstrip(b"\\"))) % 2 == 0 or part is parts[-1]
    body = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + ics.fold(line) + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["summary"]) == value.replace("\r\n", "\n")


def test_text_escapes_and_keeps_the_colon():
    assert ics.text("a,b;c\\d:e\nf") == "a\\,b\\;c\\\\d:e\\nf"


def test_short_lines_are_not_folded():
    assert ics.fold("UID:meeting-1@gasched.un.org") == b"UID:meeting-1@gasched.un.org\r\n"
