"""A room is held whether it is a meeting's main room or its overflow room.

0002 compared main rooms with main rooms and overflow rooms with overflow rooms, so a
meeting in Conference Room 4 and another using it as overflow could both be saved at
the same instant. One constraint over the set of rooms each meeting holds
(intarray's && on {room, overflow room}) closes that gap. PostgreSQL only, as 0002.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS intarray;
ALTER TABLE meetings_meeting DROP CONSTRAINT IF EXISTS meeting_room_not_double_booked;
ALTER TABLE meetings_meeting DROP CONSTRAINT IF EXISTS meeting_overflow_room_not_double_booked;
ALTER TABLE meetings_meeting ADD CONSTRAINT meeting_rooms_not_double_booked
    EXCLUDE USING gist (
        (array_remove(ARRAY[room_id::int4, overflow_room_id::int4], NULL)) gist__int_ops WITH &&,
        tstzrange(start, booked_until, '[)') WITH &&
    )
    WHERE (status NOT IN ('postponed', 'cancelled'));
"""
DROP = """
ALTER TABLE meetings_meeting DROP CONSTRAINT IF EXISTS meeting_rooms_not_double_booked;
ALTER TABLE meetings_meeting ADD CONSTRAINT meeting_room_not_double_booked
    EXCLUDE USING gist (room_id WITH =, tstzrange(start, booked_until, '[)') WITH &&)
    WHERE (room_id IS NOT NULL AND status NOT IN ('postponed', 'cancelled'));
ALTER TABLE meetings_meeting ADD CONSTRAINT meeting_overflow_room_not_double_booked
    EXCLUDE USING gist (overflow_room_id WITH =, tstzrange(start, booked_until, '[)') WITH &&)
    WHERE (overflow_room_id IS NOT NULL AND status NOT IN ('postponed', 'cancelled'));
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_historicalmeeting_historicalprocess_historicalroom")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
