"""Ship the rooms of UN Headquarters as data, so every installation starts with them.

The rooms and the key of their names are a copy of meetings/rooms.py (now meetings/headquarters.py) as it stood when
this migration was frozen (the ECOSOC Chamber already under the name 0009 gives it), so
that a later change there cannot change what this migration does.
"""

import re

from django.db import migrations

# (code, canonical name, building, interpretation booths, current, aliases)
UNHQ_ROOMS = [
    (
        "GA-HALL",
        "General Assembly Hall",
        "ga-building",
        True,
        True,
        ["GA Hall", "GAH", "General Assembly Hall", "Assembly Hall"],
    ),
    (
        "SC-CHAMBER",
        "Security Council Chamber",
        "conference-building",
        True,
        True,
        ["SC Chamber", "Security Council Chamber"],
    ),
    (
        "ECOSOC",
        "ECOSOC Chamber",
        "conference-building",
        True,
        True,
        ["ECOSOC Chamber", "ECOSOC", "Economic and Social Council Chamber"],
    ),
    (
        "TC-CHAMBER",
        "Trusteeship Council Chamber",
        "conference-building",
        True,
        True,
        ["TC Chamber", "Trusteeship Council Chamber", "Trusteeship Chamber"],
    ),
    (
        "SC-CONSULTATIONS",
        "Security Council Consultations Room",
        "conference-building",
        True,
        True,
        ["Security Council Consultations Room", "SC Consultations Room", "Consultations Room"],
    ),
    *[
        (
            f"CR{n}",
            f"Conference Room {n}",
            "conference-building",
            True,
            True,
            [f"Conference Room {n}", f"CR{n}", f"Conf. Room {n}", f"Conference Rm {n}"],
        )
        for n in range(1, 13)
    ],
    # The lettered rooms have no interpretation booths.
    *[
        (
            f"CR{letter}",
            f"Conference Room {letter}",
            "conference-building",
            False,
            True,
            [f"Conference Room {letter}", f"CR{letter}", f"Conf. Room {letter}"],
        )
        for letter in "ABCDE"
    ],
    # Rooms of the temporary North Lawn Building during the Capital Master Plan
    # (2009-2014). Old letters name them; they are kept apart from today's rooms so
    # that "Conference Room 1" today never resolves to the demolished one.
    *[
        (
            f"NLB-CR{n}",
            f"Conference Room {n} (North Lawn Building)",
            "north-lawn",
            True,
            False,
            [f"Conference Room {n} (NLB)", f"NLB Conference Room {n}", f"NLB CR{n}"],
        )
        for n in range(1, 9)
    ],
    (
        "NLB-GA-HALL",
        "Temporary General Assembly Hall (North Lawn Building)",
        "north-lawn",
        True,
        False,
        ["Temporary General Assembly Hall", "NLB General Assembly Hall"],
    ),
]


def room_key(text: str) -> str:
    """Casefolded, only ASCII letters and digits kept: "CR 3" and "C.R. 3" share "cr3"."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def load_rooms(apps, schema_editor):
    # Historical models: live code would use today's model code.
    Room = apps.get_model("meetings", "Room")
    RoomAlias = apps.get_model("meetings", "RoomAlias")
    for order, (code, name, building, booths, current, aliases) in enumerate(UNHQ_ROOMS):
        room, created = Room.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "building": building,
                "has_interpretation": booths,
                "is_current": current,
                "order": order,
            },
        )
        if not created:
            continue
        for alias in dict.fromkeys([name, code, *aliases]):
            RoomAlias.objects.get_or_create(key=room_key(alias), defaults={"room": room, "name": alias})


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_room_double_booking_exclusion")]

    operations = [migrations.RunPython(load_rooms, migrations.RunPython.noop)]
