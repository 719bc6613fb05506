"""Ship the rooms of UN Headquarters as data, so every installation starts with them."""

from django.db import migrations

from meetings.rooms import UNHQ_ROOMS, room_key


def load_rooms(apps, schema_editor):
    # Historical models: the live venues.load_unhq_rooms would use today's model code.
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
