"""Now that correspondence has let go of them (its 0006), the tables take the missions
app's names; renaming keeps every row and every key pointing to them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0001_initial"),
        ("correspondence", "0006_directory_moves_to_missions"),
    ]

    operations = [
        migrations.AlterModelTable(name="mission", table=None),
        migrations.AlterModelTable(name="contact", table=None),
    ]
