import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0006_directory_moves_to_missions")]

    operations = [
        migrations.AlterField(
            model_name="delivery",
            name="meeting",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="deliveries", to="meetings.meeting"),
        ),
    ]
