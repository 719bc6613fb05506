"""Contacts confirm their address before they receive anything (missions/confirmation.py).

The contacts already in the directory were receiving invitations: they count as
confirmed, on the day they were added, so nothing stops at the upgrade.
"""

import missions.models
from django.db import migrations, models


def confirm_existing_contacts(apps, schema_editor):
    Contact = apps.get_model("missions", "Contact")
    Contact.objects.filter(confirmed__isnull=True).update(confirmed=models.F("created"))


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0011_pga_office_permission'),
        ('missions', '0002_tables_named_for_missions'),
    ]

    operations = [
        migrations.AddField(
            model_name='contact',
            name='confirmation_key',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='contact',
            name='confirmation_sent',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='contact',
            name='confirmed',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name='contact',
            name='email',
            field=missions.models.EmailAddressField(max_length=254),
        ),
        migrations.AddConstraint(
            model_name='contact',
            constraint=models.UniqueConstraint(condition=models.Q(('confirmation_key', ''), _negated=True), fields=('confirmation_key',), name='contact_confirmation_key_unique'),
        ),
        migrations.RunPython(confirm_existing_contacts, migrations.RunPython.noop),
    ]
