"""Memberships and invitations point to the missions app's Mission: the same table, so
only Django's record changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("missions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="invitation",
                    name="mission",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="invitations", to="missions.mission"),
                ),
                migrations.AlterField(
                    model_name="membership",
                    name="mission",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="members", to="missions.mission"),
                ),
            ],
        ),
    ]
