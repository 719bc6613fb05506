"""Mission and Contact now belong to the missions app (missions 0001): deliveries point
to its Contact, and correspondence forgets the two models. The tables stay: only
Django's record changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("correspondence", "0005_delivery_claim"),
        ("missions", "0001_initial"),
        ("accounts", "0002_mission_in_missions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="delivery",
                    name="contact",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="deliveries", to="missions.contact"),
                ),
                migrations.RemoveField(model_name="contact", name="focal_point_for"),
                migrations.RemoveField(model_name="mission", name="processes"),
                migrations.DeleteModel(name="Contact"),
                migrations.DeleteModel(name="Mission"),
            ],
        ),
    ]
