"""Ship the plenary, the six Main Committees and the bodies that meet most at
Headquarters, and put the plenary meetings already stored under the General Assembly.

The organs are a copy of meetings/organs.py as it stood when this migration was
frozen, so that a later change there cannot change what this migration does.
"""

from django.db import migrations

# (code, name, short name, document symbol, section)
UNHQ_ORGANS = [
    ("ga-plenary", "General Assembly", "General Assembly", "A", "plenary"),
    (
        "first-committee",
        "First Committee (Disarmament and International Security)",
        "First Committee",
        "A/C.1",
        "main-committee",
    ),
    (
        "second-committee",
        "Second Committee (Economic and Financial)",
        "Second Committee",
        "A/C.2",
        "main-committee",
    ),
    (
        "third-committee",
        "Third Committee (Social, Humanitarian and Cultural)",
        "Third Committee",
        "A/C.3",
        "main-committee",
    ),
    (
        "fourth-committee",
        "Fourth Committee (Special Political and Decolonization)",
        "Fourth Committee",
        "A/C.4",
        "main-committee",
    ),
    (
        "fifth-committee",
        "Fifth Committee (Administrative and Budgetary)",
        "Fifth Committee",
        "A/C.5",
        "main-committee",
    ),
    ("sixth-committee", "Sixth Committee (Legal)", "Sixth Committee", "A/C.6", "main-committee"),
    ("general-committee", "General Committee", "General Committee", "A/BUR", "other"),
    ("security-council", "Security Council", "Security Council", "S", "other"),
    ("ecosoc", "Economic and Social Council", "Economic and Social Council", "E", "other"),
]

# Formal plenary meetings of the Assembly (high-level meetings are plenaries too);
# the office's informal meetings stay without an organ.
PLENARY_KINDS = ("plenary", "high-level")


def add_organs(apps, schema_editor):
    Organ = apps.get_model("meetings", "Organ")
    Meeting = apps.get_model("meetings", "Meeting")
    for order, (code, name, short_name, symbol, section) in enumerate(UNHQ_ORGANS):
        Organ.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short_name,
                "symbol": symbol,
                "section": section,
                "order": order,
            },
        )
    plenary = Organ.objects.get(code="ga-plenary")
    Meeting.objects.filter(kind__in=PLENARY_KINDS, organ__isnull=True).update(organ=plenary)


def remove_organs(apps, schema_editor):
    apps.get_model("meetings", "Meeting").objects.update(organ=None, meeting_number=None)
    apps.get_model("meetings", "Organ").objects.filter(
        code__in=[row[0] for row in UNHQ_ORGANS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0020_organs_meeting_numbers_agenda_items")]

    operations = [migrations.RunPython(add_organs, remove_organs)]
