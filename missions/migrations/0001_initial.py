"""Mission and Contact move from correspondence to missions, with their data.

Only Django's record of the models moves here: the tables stay as they are (still
named correspondence_*; 0002 renames them once correspondence has let go of the
models). The content types move too, so the permissions that roles and users hold on
missions and contacts, and the admin's log, follow the models.
"""

import django.db.models.deletion
from django.db import migrations, models

import missions.models

MOVED = ["mission", "contact"]


def move_content_types(apps, schema_editor, source="correspondence", target="missions"):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if not content_type.objects.using(db).filter(app_label=target, model=model).exists():
            content_type.objects.using(db).filter(app_label=source, model=model).update(
                app_label=target
            )


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="missions", target="correspondence")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0001_initial"),
        ("correspondence", "0005_delivery_claim"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Mission",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="e.g. Belgium", max_length=200, unique=True)),
                        ("kind", models.CharField(choices=[("member-state", "Member State"), ("observer-state", "Non-member observer State"), ("observer-organization", "Observer organization")], default="member-state", max_length=30)),
                        ("receives_everything", models.BooleanField(default=False, verbose_name="invite us to every meeting")),
                        ("kinds", models.JSONField(blank=True, default=missions.models.default_kinds, help_text="Kinds of meeting always sent")),
                        ("processes", models.ManyToManyField(blank=True, help_text="Processes followed", related_name="following_missions", to="meetings.process")),
                    ],
                    options={"ordering": ["name"], "db_table": "correspondence_mission"},
                ),
                migrations.CreateModel(
                    name="Contact",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200)),
                        ("email", models.EmailField(max_length=254)),
                        ("function", models.CharField(blank=True, help_text="e.g. Permanent Representative, Deputy, focal point for a process", max_length=200)),
                        ("opted_out", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("token", models.CharField(default=missions.models.new_contact_token, editable=False, max_length=64, unique=True)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("updated", models.DateTimeField(auto_now=True)),
                        ("focal_point_for", models.ManyToManyField(blank=True, help_text="Also invited to every meeting of these processes", related_name="focal_points", to="meetings.process")),
                        ("mission", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="contacts", to="missions.mission")),
                    ],
                    options={
                        "ordering": ["mission__name", "name"],
                        "constraints": [models.UniqueConstraint(fields=("mission", "email"), name="contact_once_per_mission")],
                        "db_table": "correspondence_contact",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
