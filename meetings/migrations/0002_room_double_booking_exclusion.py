"""Rooms can never be double-booked, even when two staff save at the same instant.

PostgreSQL only: an exclusion constraint over (room, [start, booked_until)) that ignores
postponed and cancelled meetings. SQLite has no such constraint; there the application
check in meetings.schedule.check_rooms does the job (SQLite serialises writers anyway).
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE meetings_meeting ADD CONSTRAINT meeting_room_not_double_booked
    EXCLUDE USING gist (room_id WITH =, tstzrange(start, booked_until, '[)') WITH &&)
    WHERE (room_id IS NOT NULL AND status NOT IN ('postponed', 'cancelled'));
ALTER TABLE meetings_meeting ADD CONSTRAINT meeting_overflow_room_not_double_booked
    EXCLUDE USING gist (overflow_room_id WITH =, tstzrange(start, booked_until, '[)') WITH &&)
    WHERE (overflow_room_id IS NOT NULL AND status NOT IN ('postponed', 'cancelled'));
"""
DROP = """
ALTER TABLE meetings_meeting DROP CONSTRAINT IF EXISTS meeting_room_not_double_booked;
ALTER TABLE meetings_meeting DROP CONSTRAINT IF EXISTS meeting_overflow_room_not_double_booked;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
