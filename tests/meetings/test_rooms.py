"""The rooms of UN Headquarters and the names people write for them."""

import pytest
from django.core.exceptions import ValidationError

from meetings.enums import Mode
from meetings.models import Room
from meetings.rooms import find_room, mode_named_by, save_room

pytestmark = pytest.mark.django_db


def test_headquarters_rooms_are_shipped_as_data():
    current = set(Room.objects.filter(is_current=True).values_list("name", flat=True))
    assert current == {
        "General Assembly Hall",
        "Security Council Chamber",
        "ECOSOC Chamber",
        "Trusteeship Council Chamber",
        "Security Council Consultations Room",
        *(f"Conference Room {n}" for n in range(1, 13)),
        *(f"Conference Room {letter}" for letter in "ABCDE"),
    }


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("CR3", "CR3"),
        ("CR 3", "CR3"),
        ("cr 3", "CR3"),
        ("Conference Room 3", "CR3"),
        ("conference room 3", "CR3"),
        ("ECOSOC Chamber", "ECOSOC"),
        ("Economic and Social Council Chamber", "ECOSOC"),
        ("GA Hall", "GA-HALL"),
        ("General Assembly Hall", "GA-HALL"),
        ("Trusteeship Council Chamber", "TC-CHAMBER"),
        ("CR B", "CRB"),
    ],
)
def test_room_found_under_every_alias(written, code):
    assert find_room(written).code == code
    assert list(Room.objects.matching(written).values_list("code", flat=True)) == [code]


def test_lettered_rooms_have_no_interpretation_booths():
    lettered = Room.objects.filter(code__in=["CRA", "CRB", "CRC", "CRD", "CRE"])
    assert [room.has_interpretation for room in lettered] == [False] * 5
    assert Room.objects.get(code="CR3").has_interpretation is True


def test_capacity_is_never_guessed():
    assert list(Room.objects.exclude(capacity=None)) == []


def test_historical_rooms_are_kept_apart_from_todays():
    assert find_room("Conference Room 1").code == "CR1"
    old = find_room("Conference Room 1 (NLB)")
    assert (old.code, old.is_current) == ("NLB-CR1", False)


def test_unknown_room_is_an_error_naming_it():
    with pytest.raises(ValidationError, match="No room at UN Headquarters is called “CR 13”"):
        find_room("CR 13")


def test_headquarters_and_online_venues_are_not_rooms():
    assert find_room("UN Headquarters") is None
    assert find_room("virtual") is None
    assert (mode_named_by("Virtual"), mode_named_by("hybrid")) == (Mode.VIRTUAL, Mode.HYBRID)


def test_saving_a_room_answers_to_its_name_code_and_aliases():
    room = save_room(
        Room(code="DELEGATES-LOUNGE", name="Delegates' Lounge", building="ga-building"),
        aliases=["North Delegates Lounge"],
    )
    assert find_room("delegates lounge") == room
    assert find_room("north delegates lounge") == room
    assert find_room("delegates-lounge") == room


def test_alias_of_another_room_is_refused_and_nothing_saved():
    with pytest.raises(ValidationError, match="“CR 3” already names Conference Room 3"):
        save_room(
            Room(code="NEW", name="New room", building="conference-building"), aliases=["CR 3"]
        )
    assert not Room.objects.filter(code="NEW").exists()
