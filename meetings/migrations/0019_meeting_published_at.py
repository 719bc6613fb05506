from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0018_meeting_window_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="historicalmeeting",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        # Everything entered before drafts existed was public already: it stays so,
        # published when it was created. Its history too, so What changed reads no
        # old change as the publication of a draft.
        migrations.RunSQL(
            "UPDATE meetings_meeting SET published_at = created;"
            " UPDATE meetings_historicalmeeting SET published_at = created",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
