from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("meetings", "0010_meeting_revision")]

    operations = [
        migrations.AlterModelOptions(
            name="session",
            options={
                "ordering": ["-number"],
                "permissions": [
                    ("pga_office", "Works in the Office of the President of the General Assembly")
                ],
            },
        ),
    ]
