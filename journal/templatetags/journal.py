from django import template

from journal.matching import differences
from journal.models import JournalEntry
from meetings.models import Meeting

register = template.Library()


@register.filter
def statements_url(meeting) -> str:
    """The statements (PaperSmart) link of a meeting whose Journal entry was read with it
    (the meeting page's own query: sections.Section.related); never a query of its own,
    so that other pages showing a meeting's content (the publish preview) cost no more."""
    if not isinstance(meeting, Meeting) or not Meeting.journal_entry.is_cached(meeting):
        return ""
    try:
        return meeting.journal_entry.statements_url
    except JournalEntry.DoesNotExist:
        return ""


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
