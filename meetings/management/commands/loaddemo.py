from django.core.management.base import BaseCommand

from meetings.demo import load_demo
from meetings.schedule import today


class Command(BaseCommand):
    help = "Load the meetings of the letters in shared/letters and a sample programme."

    def handle(self, *args, **options):
        loaded = load_demo(today=today())
        self.stdout.write(
            f"Demo loaded: {loaded.meetings} new meetings, {loaded.processes} new processes."
        )
