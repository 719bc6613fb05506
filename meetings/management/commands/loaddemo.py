from django.core.management.base import BaseCommand

from accounts.demo import load_demo_accounts
from meetings.demo import load_demo
from meetings.schedule import today


class Command(BaseCommand):
    help = "Load the letters' meetings, a sample programme and (DEBUG only) demo accounts."

    def handle(self, *args, **options):
        loaded = load_demo(today=today())
        accounts = load_demo_accounts()
        self.stdout.write(
            f"Demo loaded: {loaded.meetings} new meetings, {loaded.processes} new processes, "
            f"{accounts} new demo accounts."
        )
