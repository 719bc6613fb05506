"""What gasched keeps of its reads of the Journal of the United Nations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, Room


class JournalEntry(models.Model):
    """A meeting the Journal lists, and the gasched meeting it is: one the sync made
    (source=JOURNAL), or an office meeting the Journal's informal meetings also list
    (linked, never duplicated)."""

    OFFICIAL = "official"
    INFORMAL = "informal"
    LISTS = [(OFFICIAL, _("Official meetings")), (INFORMAL, _("Informal meetings"))]

    journal_id = models.CharField(max_length=64, unique=True)
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="journal_entry")
    listed_as = models.CharField(max_length=10, choices=LISTS, default=OFFICIAL)
    # The day the Journal lists it on (New York): absences count in that day's reads.
    day = models.DateField()
    last_seen = models.DateTimeField()
    # Consecutive reads of its day that did not list it: two, and the meeting is
    # cancelled (a dropped meeting is never deleted).
    absences = models.PositiveSmallIntegerField(default=0)
    # A digest of the meeting as last read: an unchanged meeting is not saved again.
    raw_hash = models.CharField(max_length=64, blank=True)
    statements_url = models.URLField(blank=True, max_length=500)
    # What the Journal says, kept for comparing with an office meeting linked to it.
    journal_start = models.DateTimeField(null=True, blank=True)
    journal_end = models.DateTimeField(null=True, blank=True)
    journal_room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    journal_room_text = models.CharField(max_length=200, blank=True)
    journal_cancelled = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = _("journal entries")
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return self.journal_id


class JournalDay(models.Model):
    """One day of the Journal as last read: the validators it answered with (for
    If-None-Match / If-Modified-Since) and when it was last read well."""

    day = models.DateField(unique=True)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_read = models.DateTimeField(null=True, blank=True)
    meetings = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.day.isoformat()


class SyncReport(models.Model):
    """One run of the sync: what it read, changed, and could not place (rooms it does
    not know, meetings it could not read), and the fault that stopped it, if any."""

    started = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True)
    first_day = models.DateField()
    last_day = models.DateField(null=True, blank=True)
    ok = models.BooleanField(default=False)
    fault = models.TextField(blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    linked = models.PositiveIntegerField(default=0)
    unknown_rooms = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started"]
        get_latest_by = "started"

    def __str__(self):
        return f"Journal sync {self.started:%Y-%m-%d %H:%M}"
