"""Search across every session (meetings.search): the pg_trgm extension, and GIN indexes
on the full-text vectors of meetings and processes and on their titles' trigrams.

PostgreSQL only: SQLite matches plain words and has neither. The index expressions are
the ones Django writes for meetings.search's SearchVector, so that queries use them.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS meeting_search ON meetings_meeting USING gin
    ((to_tsvector('english'::regconfig, COALESCE("title", '') || ' ' || COALESCE("notes", ''))));
CREATE INDEX IF NOT EXISTS process_search ON meetings_process USING gin
    ((to_tsvector('english'::regconfig, COALESCE("title", '') || ' ' || COALESCE("short_title", '')
      || ' ' || COALESCE("description", ''))));
CREATE INDEX IF NOT EXISTS meeting_title_trgm ON meetings_meeting USING gin ("title" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS process_title_trgm ON meetings_process USING gin ("title" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS process_short_title_trgm ON meetings_process
    USING gin ("short_title" gin_trgm_ops);
"""
DROP = """
DROP INDEX IF EXISTS meeting_search;
DROP INDEX IF EXISTS process_search;
DROP INDEX IF EXISTS meeting_title_trgm;
DROP INDEX IF EXISTS process_title_trgm;
DROP INDEX IF EXISTS process_short_title_trgm;
"""


class PostgreSQLTrigramExtension(TrigramExtension):
    """Django's operation creates the extension on PostgreSQL only; this one also drops
    it only there (going back on SQLite would ask SQLite for pg_extension)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("meetings", "0022_personal_schedule_organs")]

    operations = [
        PostgreSQLTrigramExtension(),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
