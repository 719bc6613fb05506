"""Reading the Journal of the United Nations into the programme.

Each official meeting the Journal lists becomes, or updates, a gasched meeting keyed by
the Journal's id (JournalEntry), through the schedule's own save path
(schedule.save_meeting; calling_off for cancellations): its rules, SEQUENCE, What
changed, the feeds and the updates to those invited follow as for any change. The
office's own meetings that the Journal's informal list also has are linked, never
duplicated; where the two disagree staff see it and decide (journal/matching.py).

Faults (the Journal unreachable, slow, answering HTML, malformed JSON, a shape this
sync does not know) are logged and reported; what was read well before stays, and
nothing is ever deleted. A meeting the Journal drops is cancelled only once it is
missing from two consecutive reads of a day the Journal covers.
"""

import logging
import re
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings import calling_off, pagecache, schedule
from meetings.enums import MeetingKind, MeetingStatus, OrganSection, Source, Timing
from meetings.models import AgendaItem, Meeting, Room
from meetings.timing import today

from .client import JournalClient, JournalFault
from .mapping import (
    JournalMeeting,
    ShapeError,
    digest,
    find_organ,
    find_room,
    meetings_in,
    read_meeting,
    web_address,
)
from .matching import link_informal
from .models import JournalDay, JournalEntry, SyncReport
from .reading import plain_text

log = logging.getLogger(__name__)

# Told to those invited, in the e-mail and calendars, when the Journal drops a meeting.
DROPPED_REASON = "No longer listed in the Journal of the United Nations."
CANCELLED_REASON = "Cancelled, as the Journal of the United Nations announces."
ABSENCES_TO_CANCEL = 2
# The key of the PostgreSQL advisory lock a run holds: the beat task and the command
# never read the same days at once (two runs would count one absence twice).
RUN_LOCK = 0x6A6F75726E616C  # "journal"
ALREADY_RUNNING = "another run is reading the Journal; this one read nothing"


@contextmanager
def only_run():
    """True while this process holds the run's lock (False: another run holds it). On
    SQLite, the embedded development default with one process, there is nothing to hold."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [RUN_LOCK])
        (held,) = cursor.fetchone()
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [RUN_LOCK])


# --- Which days ------------------------------------------------------------------


def default_range() -> tuple[date, None]:
    """Yesterday on, as far ahead as the Journal publishes (read_days finds where)."""
    return today() - timedelta(days=1), None


def last_good_read() -> datetime | None:
    """When a day of the Journal was last read well (the readiness check says how old)."""
    return JournalDay.objects.aggregate(last=Max("last_read"))["last"]


def sync_journal(
    first: date | None = None, last: date | None = None, *, client: JournalClient | None = None
) -> SyncReport:
    """Read the Journal's days from `first` (yesterday) to `last` inclusive; without
    `last`, forward day by day until GASCHED_JOURNAL_EMPTY_DAYS days in a row list
    nothing (at most GASCHED_JOURNAL_MAX_DAYS days). Returns the run's report (saved).
    A run that finds another one going reads nothing and says so in its report."""
    if first is None:
        first, _none = default_range()
    with only_run() as alone:
        if not alone:
            log.info("journal sync skipped: %s", ALREADY_RUNNING)
            now = timezone.now()
            # Not saved: the run going on keeps its place as the latest report.
            return SyncReport(
                started=now, finished=now, first_day=first, ok=False, fault=ALREADY_RUNNING
            )
        return read_days(first, last, client or JournalClient())


def read_days(first: date, last: date | None, client: JournalClient) -> SyncReport:
    report = SyncReport.objects.create(started=timezone.now(), first_day=first)
    run = Run(report)
    day, empty_in_a_row, read = first, 0, 0
    limit = settings.GASCHED_JOURNAL_MAX_DAYS
    try:
        while (last is None or day <= last) and read < limit:
            count = sync_day(client, day, run)
            report.last_day = day
            read += 1
            empty_in_a_row = empty_in_a_row + 1 if count == 0 and day >= today() else 0
            if last is None and empty_in_a_row >= settings.GASCHED_JOURNAL_EMPTY_DAYS:
                break
            day += timedelta(days=1)
    except JournalFault as fault:
        # Unreachable or too slow: the next days would fare no better. What was read
        # before stays as it was.
        log.warning("journal sync stopped on %s: %s", day, fault.reason)
        report.fault = f"{day.isoformat()}: {fault.reason}"
    report.ok = not report.fault
    report.finished = timezone.now()
    report.save()
    return report


class Run:
    """What one sync run found, kept in its report as it goes."""

    def __init__(self, report: SyncReport):
        self.report = report

    def problem(self, day: date, what: str) -> None:
        log.warning("journal %s: %s", day.isoformat(), what)
        self.report.problems.append(f"{day.isoformat()}: {what}")

    def unknown_room(self, meeting: JournalMeeting, text: str) -> None:
        log.warning("journal %s: unknown room %r for %s", meeting.day, text, meeting.title)
        self.report.unknown_rooms.append(
            {"day": meeting.day.isoformat(), "room": text, "meeting": meeting.title}
        )


# --- One day ---------------------------------------------------------------------


def sync_day(client: JournalClient, day: date, run: Run) -> int:
    """Read one day and bring its meetings in; returns how many meetings it lists.
    Raises JournalFault when the Journal did not answer at all; any other fault of the
    day is reported and the day's meetings are left as they were."""
    state, _created = JournalDay.objects.get_or_create(day=day)
    try:
        answer = client.day(day, etag=state.etag, last_modified=state.last_modified)
    except JournalFault as fault:
        if not fault.reachable:
            raise
        run.problem(day, fault.reason)
        return 0
    now = timezone.now()
    if answer.unchanged:
        state.last_read = now
        state.save(update_fields=["last_read"])
        return state.meetings
    try:
        officials = meetings_in(answer.data, "officialMeetings")
        informals = (
            meetings_in(answer.data, "informalMeetings")
            if "informalMeetings" in answer.data
            else []
        )
    except ShapeError as error:
        run.problem(day, f"the day's answer is not shaped as expected: {error}")
        return 0
    problems_before = len(run.report.problems)
    seen: set[str] = set()
    read: list[JournalMeeting] = []
    for raw in officials:
        if isinstance(raw.get("id"), str | int):
            seen.add(str(raw["id"]).strip()[:64])  # a meeting misread is not "absent"
        try:
            read.append(read_meeting(raw))
        except ShapeError as error:
            run.problem(day, f"meeting {raw.get('id')!r} not read: {error}")
    # Meetings at a set time first: one that follows another finds it already saved.
    read.sort(key=lambda m: (bool(m.follows), m.start))
    held: dict[int, list[Meeting]] = {}
    for meeting in read:
        bring_in_official(client, meeting, run, now, held)
    for raw in informals:
        try:
            link_informal(read_meeting(raw), run, now)
        except ShapeError as error:
            run.problem(day, f"informal meeting {raw.get('id')!r} not read: {error}")
    if officials:  # a day the Journal covers: what it no longer lists is missing
        count_absences(day, seen, run)
    state.last_read = now
    state.meetings = len(officials) + len(informals)
    if len(run.report.problems) == problems_before:
        # Only a day read whole is "unchanged" next time; otherwise it is read again.
        state.etag, state.last_modified = answer.etag[:200], answer.last_modified[:100]
    else:
        state.etag = state.last_modified = ""
    state.save()
    return len(officials) + len(informals)


def bring_in_official(
    client: JournalClient,
    found: JournalMeeting,
    run: Run,
    now: datetime,
    held: dict[int, list[Meeting]],
) -> None:
    """Create or update the gasched meeting of one official meeting of the Journal."""
    fingerprint = digest(found.raw)
    entry = (
        JournalEntry.objects.select_related("meeting", "meeting__room", "meeting__organ")
        .filter(journal_id=found.journal_id)
        .first()
    )
    if entry is not None and entry.listed_as == JournalEntry.INFORMAL:
        run.problem(found.day, f"{found.journal_id} is linked to an office meeting; left alone")
        return
    room, room_text = find_room(found)
    if room is None and room_text:
        run.unknown_room(found, room_text)
    if entry is not None and entry.raw_hash == fingerprint:
        JournalEntry.objects.filter(pk=entry.pk).update(last_seen=now, absences=0, day=found.day)
        remember_room(held, entry.meeting)
        return
    try:
        with transaction.atomic():
            meeting = save_official(found, entry, room, run, now, held)
            agenda_ok = True
            if found.agenda_count > 0:
                agenda_ok = bring_in_agenda(client, found, meeting, run)
            JournalEntry.objects.update_or_create(
                journal_id=found.journal_id,
                defaults={
                    "meeting": meeting,
                    "listed_as": JournalEntry.OFFICIAL,
                    "day": found.day,
                    "last_seen": now,
                    "absences": 0,
                    # An agenda not read is read again next time.
                    "raw_hash": fingerprint if agenda_ok else "",
                    "statements_url": web_address(found.statements),
                    "journal_start": found.start,
                    "journal_end": found.end,
                    "journal_room": room,
                    "journal_room_text": room_text[:200],
                    "journal_cancelled": found.is_cancelled,
                },
            )
    except ValidationError as error:
        run.problem(found.day, f"“{found.title}” not saved: {'; '.join(error.messages)}")
        return
    if entry is None:
        run.report.created += 1
    else:
        run.report.updated += 1


def remember_room(held: dict[int, list[Meeting]], meeting: Meeting) -> None:
    if meeting.room_id:
        held.setdefault(meeting.room_id, []).append(meeting)


def followed_meeting(found: JournalMeeting, room: Room | None, held) -> Meeting | None:
    """The meeting this one follows the adjournment of: the one the Journal names by id,
    or the one before it in the same room that day."""
    if isinstance(found.follows, str):
        entry = JournalEntry.objects.filter(journal_id=found.follows.strip()).first()
        if entry is not None:
            return entry.meeting
    if room is None:
        return None
    earlier = [m for m in held.get(room.pk, []) if m.local_start.date() == found.day]
    if found.raw.get("timeFrom"):
        earlier = [m for m in earlier if m.start < found.start] or earlier
    return max(earlier, key=lambda m: m.start) if earlier else None


def save_official(
    found: JournalMeeting, entry: JournalEntry | None, room, run: Run, now, held
) -> Meeting:
    meeting = entry.meeting if entry is not None else Meeting(source=Source.JOURNAL)
    if meeting.published_at is None:
        meeting.published_at = now  # the Journal is public: so is its meeting here
    organ = find_organ(found)
    meeting.organ = organ
    meeting.meeting_number = found.number if organ is not None else None
    plenary = organ is not None and organ.section == OrganSection.PLENARY
    meeting.kind = MeetingKind.PLENARY if plenary else MeetingKind.OTHER
    meeting.title = found.title or (str(organ) if organ else _("Official meeting"))
    meeting.start, meeting.end = found.start, found.end
    meeting.timing, meeting.follows = Timing.EXACT, None
    if found.follows:
        earlier = followed_meeting(found, room, held)
        if earlier is not None and earlier.pk != meeting.pk:
            meeting.timing, meeting.follows = Timing.FOLLOWING, earlier
    meeting.room = room
    meeting.is_closed = found.is_closed
    meeting.webcast_url = web_address(found.webcast)
    try:
        with transaction.atomic():
            saved = store(meeting, cancelled=found.is_cancelled, run=run)
    except ValidationError as error:
        if room is None or "room" not in getattr(error, "error_dict", {}):
            raise
        # The office booked the room the Journal gives: the Journal's meeting is saved
        # without a room, and staff see the clash in the report.
        run.problem(found.day, f"“{meeting.title}”: {'; '.join(error.message_dict['room'])}")
        meeting.room = None
        saved = store(meeting, cancelled=found.is_cancelled, run=run)
    remember_room(held, saved)
    return saved


def store(meeting: Meeting, *, cancelled: bool, run: Run) -> Meeting:
    if cancelled and meeting.status != MeetingStatus.CANCELLED:
        run.report.cancelled += 1
        return calling_off.cancel_meeting(meeting, reason=CANCELLED_REASON)
    if not cancelled and meeting.is_off:
        meeting.status = MeetingStatus.SCHEDULED  # back in the Journal, on again
    return schedule.save_meeting(meeting)


# --- Agenda ----------------------------------------------------------------------

SYMBOL = re.compile(r"\b[A-Z]{1,10}(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+")


def symbols_in(value) -> list[str]:
    if isinstance(value, list):
        found = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("symbol") or item.get("value") or item.get("name") or ""
            found += symbols_in(item)
        return found
    if isinstance(value, str | dict):
        return SYMBOL.findall(plain_text(value))
    return []


def agenda_of(data) -> list[dict]:
    """The agenda's items in officials/<id>'s answer: the first list under a key that
    names an agenda, however deep."""
    if isinstance(data, dict):
        for key, value in data.items():
            if "agenda" in key.lower() and isinstance(value, list):
                return [item for item in value if isinstance(item, dict)]
        for value in data.values():
            found = agenda_of(value)
            if found:
                return found
    elif isinstance(data, list):
        for value in data:
            found = agenda_of(value)
            if found:
                return found
    return []


def first_text(item: dict, *names: str) -> str:
    for name in names:
        if item.get(name) not in (None, ""):
            return plain_text(item[name])
    return ""


def bring_in_agenda(
    client: JournalClient, found: JournalMeeting, meeting: Meeting, run: Run
) -> bool:
    """The meeting's agenda items from officials/<id>; False (agenda kept) on a fault."""
    try:
        items = agenda_of(client.official(found.journal_id).data)
        if not items:
            raise ShapeError("no agenda in the answer")
    except (JournalFault, ShapeError) as error:
        run.problem(found.day, f"agenda of “{found.title}” not read: {error}")
        return False
    agenda = []
    for order, item in enumerate(items):
        title = first_text(item, "title", "agendaItemText", "text", "name", "description")
        number = first_text(item, "itemNumber", "agendaItemNumber", "number", "item")[:20]
        given = item.get("documents") or item.get("documentSymbols") or item.get("symbols")
        documents = list(dict.fromkeys(symbols_in(given) if given else symbols_in(title)))
        if title:
            agenda.append(
                AgendaItem(
                    meeting=meeting,
                    order=order,
                    number=number,
                    title=title[:600],
                    documents=documents,
                )
            )
    meeting.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(agenda)
    pagecache.schedule_changed()  # bulk_create sends no signal
    return True


# --- Meetings the Journal no longer lists ----------------------------------------


def count_absences(day: date, seen: set[str], run: Run) -> None:
    """One more absence for each official meeting of `day` the read did not list; the
    second in a row cancels it (never deletes it)."""
    missing = (
        JournalEntry.objects.filter(day=day, listed_as=JournalEntry.OFFICIAL)
        .exclude(journal_id__in=seen)
        .select_related("meeting")
    )
    for entry in missing:
        entry.absences += 1
        entry.raw_hash = ""  # if it comes back, it is read afresh (and reinstated)
        entry.save(update_fields=["absences", "raw_hash"])
        if entry.absences >= ABSENCES_TO_CANCEL and not entry.meeting.is_off:
            try:
                calling_off.cancel_meeting(entry.meeting, reason=DROPPED_REASON)
            except ValidationError as error:
                run.problem(day, f"“{entry.meeting.title}” not cancelled: {error.messages}")
                continue
            run.report.cancelled += 1
