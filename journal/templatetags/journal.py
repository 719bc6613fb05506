from django import template

from journal.models import JournalEntry
from journal.sync import differences

register = template.Library()


@register.simple_tag
def journal_differences(meeting_pk: int):
    """Where the office's meeting and the Journal's listing of it differ (staff part of
    the meeting page, never cached): one query."""
    entry = (
        JournalEntry.objects.select_related("meeting", "meeting__room", "journal_room")
        .filter(meeting_id=meeting_pk)
        .first()
    )
    return differences(entry) if entry is not None else []
