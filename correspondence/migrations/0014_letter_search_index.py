"""The letters' full-text search (correspondence.letters.search), now also run by the
site-wide search: a GIN index on the vector it uses. PostgreSQL only."""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS letter_search ON correspondence_letter USING gin
    ((to_tsvector('english'::regconfig, COALESCE("subject", '') || ' ' || COALESCE("body", ''))));
"""
DROP = "DROP INDEX IF EXISTS letter_search;"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0013_programme_by_email")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
