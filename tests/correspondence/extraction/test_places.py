"""Rooms by every name people write, North Lawn rooms apart, platforms make a meeting
virtual."""

import pytest

from correspondence.extraction import extract
from correspondence.extraction.places import (
    parse_platform_mentions,
    parse_room_mentions,
    unhq_room_names,
)
from meetings.headquarters import UNHQ_ROOMS

from .helpers import letter


@pytest.mark.parametrize(
    ("alias", "room"),
    [
        (alias, name)
        for code, name, _b, _i, _c, aliases in UNHQ_ROOMS
        for alias in (name, code, *aliases)
    ],
)
def test_every_alias_resolves_to_its_own_room(alias, room):
    found = parse_room_mentions(
        f"The meeting will be held in the {alias} on Monday.", unhq_room_names()
    )
    assert [r.name for r in found] == [room]


@pytest.mark.parametrize(
    ("written", "room"),
    [
        ("Conference Room 4 (NLB)", "Conference Room 4 (North Lawn Building)"),
        ("NLB Conference Room 1", "Conference Room 1 (North Lawn Building)"),
        ("Conference Room 2, North Lawn Building", "Conference Room 2 (North Lawn Building)"),
        ("North Lawn Building, Conference Room 3", "Conference Room 3 (North Lawn Building)"),
        ("Conference Room 4", "Conference Room 4"),
        ("CR 4", "Conference Room 4"),
        ("Conference Room No. 4", "Conference Room 4"),
        ("Conf. Rm. 4", "Conference Room 4"),
        ("CONFERENCE ROOM 4", "Conference Room 4"),
        ("Conference Rooms 5 and 6", "Conference Room 5"),
    ],
)
def test_north_lawn_rooms_are_the_historical_rooms(written, room):
    assert [r.name for r in parse_room_mentions(f"in {written} at 10 a.m.", unhq_room_names())] == [
        room
    ]


@pytest.mark.parametrize(
    "written",
    ["via the Cisco WebEx platform", "on the Interprefy platform", "virtually", "on Zoom"],
)
def test_a_meeting_on_a_platform_is_virtual_with_no_room(written):
    found = extract(
        letter(f"An informal consultation will be held on 5 April at 10 a.m. {written}.")
    )
    assert [(m.room, m.virtual) for m in found.meetings] == [(None, True)]
    assert parse_platform_mentions(written)


def test_virtually_all_member_states_is_no_platform():
    assert parse_platform_mentions("virtually all Member States agreed") == []
