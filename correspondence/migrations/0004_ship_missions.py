"""Ship the Permanent Missions of the 193 Member States and the two observer States."""

from django.db import migrations

from missions.directory import load_missions


def ship(apps, schema_editor):
    load_missions(apps.get_model("correspondence", "Mission"))


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0003_contacts_deliveries_reminders")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
