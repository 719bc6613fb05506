import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0014_deadline_sequence"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="calendar_changed_at",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False),
        ),
        # Existing events keep the stamp the feeds gave them (the row's last save).
        migrations.RunSQL(
            "UPDATE meetings_meeting SET calendar_changed_at = updated",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
