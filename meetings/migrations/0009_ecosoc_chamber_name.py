"""The ECOSOC Chamber goes by the name the office and its letters use.

"Economic and Social Council Chamber" stays one of its aliases.
"""

from django.db import migrations

OLD, NEW = "Economic and Social Council Chamber", "ECOSOC Chamber"


def rename(apps, schema_editor, old=OLD, new=NEW):
    Room = apps.get_model("meetings", "Room")
    Room.objects.filter(code="ECOSOC", name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_history_of_every_schedule_record")]

    operations = [migrations.RunPython(rename, rename_back)]
