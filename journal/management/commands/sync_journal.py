"""manage.py sync_journal [--from DATE --to DATE]: read the Journal of the United
Nations into the programme now (the beat task does the same every 30 minutes)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from journal import client, sync


def iso_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date as YYYY-MM-DD: {value!r}") from error


class Command(BaseCommand):
    help = "Read the Journal of the United Nations (yesterday on, by default) into gasched."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", type=str, help="First day, YYYY-MM-DD")
        parser.add_argument("--to", dest="last", type=str, help="Last day, YYYY-MM-DD")

    def handle(self, *args, first=None, last=None, **options):
        if not client.is_enabled():
            raise CommandError(
                "The Journal sync is off (GASCHED_JOURNAL_URL empty or GASCHED_JOURNAL_SYNC=0)."
            )
        first_day = iso_day(first) if first else None
        last_day = iso_day(last) if last else None
        if first_day and last_day and last_day < first_day:
            raise CommandError("--to is before --from.")
        report = sync.sync_journal(first_day, last_day)
        self.stdout.write(
            f"Journal read {report.first_day} to {report.last_day or report.first_day}: "
            f"{report.created} new, {report.updated} updated, {report.cancelled} cancelled, "
            f"{report.linked} office meetings linked."
        )
        for room in report.unknown_rooms:
            self.stdout.write(f"Unknown room {room['room']!r} ({room['day']}, {room['meeting']})")
        for problem in report.problems:
            self.stdout.write(f"Problem: {problem}")
        if report.fault:
            raise CommandError(f"The Journal could not be read: {report.fault}")
