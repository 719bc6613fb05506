"""Every app's demo data at once: only the project, above every app, may import them all."""

from django.core.management.base import BaseCommand

from accounts.demo import load_demo_accounts
from correspondence.demo import load_demo_letters
from meetings.demo import load_demo
from meetings.schedule import today
from missions.demo import load_demo_contacts


class Command(BaseCommand):
    help = "Load the two letters with their meetings, a sample programme and demo accounts (DEBUG)."

    def handle(self, *args, **options):
        loaded = load_demo(today=today())
        letters = load_demo_letters()
        accounts = load_demo_accounts()
        # Last: the meetings above were loaded before anyone could be invited to them.
        contacts = load_demo_contacts()
        self.stdout.write(
            f"Demo loaded: {loaded.meetings} new meetings, {loaded.processes} new processes, "
            f"{letters} new letters, {accounts} new demo accounts, {contacts} new contacts."
        )
