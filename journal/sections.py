"""What the Journal adds to a meeting's page (meetings.sections): the statements link
for everyone, and, for staff, where an office meeting and the Journal disagree."""

from django.db.models import Prefetch

from meetings import sections

from .models import JournalEntry


def journal_entry() -> Prefetch:
    return Prefetch("journal_entry", queryset=JournalEntry.objects.all())


def register() -> None:
    sections.register(
        sections.MEETING_PAGE, sections.Section("journal/_meeting_journal.html", journal_entry)
    )
    sections.register(sections.MEETING_STAFF, sections.Section("journal/_meeting_differs.html"))
