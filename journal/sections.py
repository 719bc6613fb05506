"""What the Journal adds to a meeting's page (meetings.sections): the statements link
for everyone, and, for staff, where an office meeting and the Journal disagree."""

from meetings import sections


def register() -> None:
    # Read in the page's own query: a meeting has at most one entry in the Journal.
    sections.register(
        sections.MEETING_PAGE,
        sections.Section("journal/_meeting_journal.html", related="journal_entry"),
    )
    sections.register(sections.MEETING_STAFF, sections.Section("journal/_meeting_differs.html"))
