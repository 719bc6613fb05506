from django.core.management.base import BaseCommand

from meetings.demo import load_demo
from meetings.schedule import today


class Command(BaseCommand):
    help = "Load the two letters' meetings and a sample programme (`loaddemo`: everything)."

    def handle(self, *args, **options):
        loaded = load_demo(today=today())
        self.stdout.write(
            f"Meetings loaded: {loaded.meetings} new meetings, {loaded.processes} new processes."
        )
