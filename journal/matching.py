"""The office's own informal meetings that the Journal of the United Nations also lists
(its informal list): matched (same day, same room, and the same process or title),
linked, never duplicated; where the two disagree (time, room, cancelled) staff see it
and decide. Nothing here changes an office meeting."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings import schedule
from meetings.enums import MeetingStatus, Source, Timing
from meetings.models import Meeting, Room
from meetings.timing import NEW_YORK, today

from .mapping import JournalMeeting, digest, find_room, web_address
from .models import JournalEntry


def same_title(journal_title: str, meeting: Meeting) -> bool:
    said = journal_title.casefold()
    names = [meeting.title]
    if meeting.process is not None:
        names += [meeting.process.title, meeting.process.short_title]
    for name in names:
        name = (name or "").casefold()
        if name and (name in said or said in name):
            return True
    return False


def office_meeting_for(found: JournalMeeting, room: Room | None) -> Meeting | None:
    """The office's meeting the Journal's informal meeting is: same day, same room,
    and the same process or title. None when not sure (no room known: never guessed)."""
    if room is None or not found.title:
        return None
    start = schedule.start_of_day(found.day)
    candidates = (
        Meeting.objects.published()
        .filter(
            source=Source.OFFICE,
            start__gte=start,
            start__lt=start + timedelta(days=1),
            journal_entry__isnull=True,
        )
        .filter(Q(room=room) | Q(overflow_room=room))
        .select_related("process")
    )
    return next((m for m in candidates if same_title(found.title, m)), None)


def link_informal(found: JournalMeeting, run, now: datetime) -> None:
    """Link the office meeting the Journal's informal meeting is (`run`: sync.Run)."""
    room, room_text = find_room(found)
    entry = JournalEntry.objects.filter(journal_id=found.journal_id).first()
    if entry is None:
        meeting = office_meeting_for(found, room)
        if meeting is None:
            return  # another body's informal meeting: not the office's to list
        entry = JournalEntry(journal_id=found.journal_id, meeting=meeting)
        run.report.linked += 1
    elif entry.listed_as != JournalEntry.INFORMAL:
        return
    entry.listed_as = JournalEntry.INFORMAL
    entry.day = found.day
    entry.last_seen = now
    entry.absences = 0
    entry.raw_hash = digest(found.raw)
    entry.statements_url = web_address(found.statements)
    entry.journal_start, entry.journal_end = found.start, found.end
    entry.journal_room, entry.journal_room_text = room, room_text[:200]
    entry.journal_cancelled = found.is_cancelled
    entry.save()


@dataclass(frozen=True)
class Difference:
    what: str
    office: str
    journal: str


def differences(entry: JournalEntry) -> list[Difference]:
    """Where an office meeting and the Journal's listing of it disagree: time, room,
    cancelled. Staff decide; nothing is changed here."""
    if entry.listed_as != JournalEntry.INFORMAL:
        return []
    meeting, found = entry.meeting, []

    def clock(moment):
        return f"{timezone.localtime(moment, NEW_YORK):%H:%M}" if moment else "—"

    def day_and_clock(moment):
        return f"{timezone.localtime(moment, NEW_YORK):%Y-%m-%d %H:%M}" if moment else "—"

    if (
        entry.journal_start
        and meeting.timing == Timing.EXACT
        and entry.journal_start != meeting.start
    ):
        found.append(
            Difference(_("Start"), day_and_clock(meeting.start), day_and_clock(entry.journal_start))
        )
    if entry.journal_end and meeting.end and entry.journal_end != meeting.end:
        found.append(Difference(_("End"), clock(meeting.end), clock(entry.journal_end)))
    if entry.journal_room_id and entry.journal_room_id != meeting.room_id:
        office_room = str(meeting.room) if meeting.room else "—"
        found.append(Difference(_("Room"), office_room, str(entry.journal_room)))
    if entry.journal_cancelled != (meeting.status == MeetingStatus.CANCELLED):
        yes, no = _("Cancelled"), meeting.get_status_display()
        office = yes if meeting.status == MeetingStatus.CANCELLED else no
        journal = yes if entry.journal_cancelled else _("Scheduled")
        found.append(Difference(_("Status"), office, journal))
    return found


def differing_entries() -> list[tuple[JournalEntry, list[Difference]]]:
    """Every linked office meeting from yesterday on where the Journal differs: one query."""
    since = schedule.start_of_day(today() - timedelta(days=1))
    entries = (
        JournalEntry.objects.filter(listed_as=JournalEntry.INFORMAL, meeting__start__gte=since)
        .select_related("meeting", "meeting__room", "journal_room")
        .order_by("meeting__start", "pk")
    )
    return [(entry, found) for entry in entries if (found := differences(entry))]
