"""The JSON import_letter prints: the kinds in words, virtual meetings, ISO dates."""

import json

from correspondence.extraction import as_json, extract
from correspondence.extraction.output import KIND_WORDS
from meetings.enums import MeetingKind

from .helpers import letter


def test_the_json_of_a_virtual_hearing():
    found = as_json(
        extract(
            letter(
                "The interactive hearing will be held on 5 April from 10 a.m. to 1 p.m. on "
                "the Interprefy platform."
            )
        )
    )
    json.dumps(found)
    [meeting] = found["meetings"]
    assert {k: meeting[k] for k in ("date", "start", "end", "room", "virtual", "kind")} == {
        "date": "2023-04-05",
        "start": "10:00",
        "end": "13:00",
        "room": None,
        "virtual": True,
        "kind": "interactive hearing",
    }


def test_every_kind_has_its_words():
    assert set(KIND_WORDS) == set(MeetingKind)
