"""What changed in the programme: meetings added, moved, re-roomed, published, postponed,
cancelled or reinstated over the last days, each with before and after.

Read from the history django-simple-history keeps of every meeting, in a fixed number
of queries: the records of the period, and for each meeting in it the last record
before the period (what it was before the first change shown).
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import STATUSES_THAT_FREE_THE_ROOM as CALLED_OFF
from .enums import MeetingStatus, Timing
from .feeds import in_calendar_language
from .models import Meeting
from .wording import meeting_time, meeting_when

History = Meeting.history.model
MAX_DAYS = 60
LIMIT = 300


@dataclass
class Difference:
    label: str
    before: str
    after: str


@dataclass
class ProgrammeChange:
    when: datetime
    meeting_id: int
    title: str
    what: str  # "Added", "Moved", "Room changed", "Cancelled", ...
    differences: list[Difference] = field(default_factory=list)
    order: int = 0  # the history record's id: changes at the same instant keep their order
    reason: str = ""  # why it was cancelled or postponed, as the office gave it

    @property
    def reason_line(self) -> str:
        return _("Reason: %(reason)s") % {"reason": self.reason} if self.reason else ""

    @property
    def url(self) -> str:
        return Meeting(pk=self.meeting_id).get_absolute_url()

    @property
    def summary(self) -> str:
        parts = [f"{d.label}: {d.before} → {d.after}" for d in self.differences]
        return "; ".join([*parts, self.reason_line] if self.reason else parts)


def slot(record) -> str:
    # The meeting's time as it was; record.instance would query for excluded fields.
    return meeting_when(Meeting(start=record.start, end=record.end, timing=record.timing))


def room(record) -> str:
    names = [r.name for r in (record.room, record.overflow_room) if r is not None]
    return " + ".join(names) or _("not announced")


STATUS_WORDS = {
    (MeetingStatus.TENTATIVE, MeetingStatus.SCHEDULED): gettext_lazy("Published"),
    (MeetingStatus.POSTPONED, MeetingStatus.SCHEDULED): gettext_lazy("Reinstated"),
    (MeetingStatus.CANCELLED, MeetingStatus.SCHEDULED): gettext_lazy("Reinstated"),
}


def describe(previous, record) -> tuple[str, list[Difference]]:
    """What a history record changed that people planning their day care about."""
    if previous is None or record.history_type == "+" or previous.published_at is None:
        return _("Added"), []  # a draft published is news to the public: a new meeting
    differences, what = [], []
    if slot(previous) != slot(record):
        differences.append(Difference(_("When"), slot(previous), slot(record)))
        what.append(_("Moved"))
    if room(previous) != room(record):
        differences.append(Difference(_("Room"), room(previous), room(record)))
        what.append(_("Room changed"))
    if previous.status != record.status:
        differences.append(
            Difference(_("Status"), previous.get_status_display(), record.get_status_display())
        )
        word = STATUS_WORDS.get((previous.status, record.status))
        what.append(str(word or record.get_status_display()))
    return ", ".join(what), differences


def programme_changes(*, days: int = 7, now: datetime | None = None) -> list[ProgrammeChange]:
    """Changes of the last `days` days, newest first (at most LIMIT)."""
    now = now or timezone.now()
    since = now - timedelta(days=min(max(days, 1), MAX_DAYS))
    related = ("room", "overflow_room")
    records = list(
        History.objects.filter(
            history_date__gte=since, history_date__lte=now, published_at__isnull=False
        )
        .select_related(*related)
        .order_by("id", "history_date", "history_id")
    )
    before_ids = (
        History.objects.filter(id__in={r.id for r in records}, history_date__lt=since)
        .values("id")
        .annotate(last=Max("history_id"))
        .values("last")
    )
    previous = {
        r.id: r for r in History.objects.filter(history_id__in=before_ids).select_related(*related)
    }
    changes = []
    for record in records:
        prior = previous.get(record.id)
        what, differences = describe(prior, record)
        previous[record.id] = record
        called_off = record.status in CALLED_OFF and (
            prior is None or prior.status != record.status
        )
        if what and record.history_type != "-":
            changes.append(
                ProgrammeChange(
                    record.history_date,
                    record.id,
                    record.title,
                    what,
                    differences,
                    order=record.history_id,
                    reason=record.status_reason if called_off else "",
                )
            )
    changes.sort(key=lambda c: (c.when, c.order), reverse=True)
    return changes[:LIMIT]


# --- What a calendar shows, and which of its changes invitees must hear of --------------
#
# calendar_change() is the one judge of a meeting's change for calendars. Its verdict is
# applied by schedule.save_meeting (every save: form, admin, letter review, API, commands)
# and by schedule.announce_room_renamed (a room's new name reaches the meetings ahead
# in it): a significant change raises SEQUENCE, moves the event's DTSTAMP and
# LAST-MODIFIED (Meeting.calendar_changed_at) and, through SEQUENCE, writes the update
# e-mail; a change only to what the event's description says moves the stamp alone.
# Its words are the calendar's (English), like the feeds' (feeds.in_calendar_language).

# Shown in the event's description and categories: a change there moves the stamp only.
DESCRIBED_FIELDS = (
    "kind",
    "notes",
    "process_id",
    "participation",
    "is_closed",
    "documents",
    "follows_id",
    "status_reason",
)
MODE_NOW = {"virtual": "Now virtual", "hybrid": "Now hybrid", "in-person": "Now in person"}
STATUS_NOW = {"cancelled": "Cancelled", "postponed": "Postponed"}


@dataclass(frozen=True)
class CalendarDifference:
    """One aspect invitees see changed in their calendar, in words, before → after."""

    aspect: str  # "when", "room", "title", "mode" or "status"
    before: str
    after: str

    @property
    def sentence(self) -> str:
        """ "Moved from Monday 7 December, 10:00–13:00 to Tuesday 8 December, 15:00–18:00
        (New York time)", "Room: Conference Room 4 → ECOSOC Chamber", "Now virtual"."""
        if self.aspect == "when":
            return f"Moved from {self.before} to {self.after} (New York time)"
        if self.aspect == "room":
            return f"Room: {self.before} → {self.after}"
        if self.aspect == "title":
            return f"Title: {self.before} → {self.after}"
        if self.aspect == "mode":
            return MODE_NOW.get(self.after, f"Mode: {self.before} → {self.after}")
        if self.after in STATUS_NOW:
            return STATUS_NOW[self.after]
        if self.before in STATUS_NOW and self.after == MeetingStatus.SCHEDULED:
            return "Reinstated"
        return f"Status: {self.before.capitalize()} → {self.after.capitalize()}"

    @property
    def headline(self) -> str:
        """The word a Subject starts with when this is the only change."""
        if self.aspect == "when":
            return "Moved"
        if self.aspect == "room":
            return "Room changed"
        if self.aspect == "title":
            return "Renamed"
        sentence = self.sentence
        return "Status changed" if sentence.startswith("Status:") else sentence


@dataclass(frozen=True)
class CalendarChange:
    """The verdict on one save: what invitees must hear of (`differences`), and whether
    anything the calendar event shows changed at all (`shown`)."""

    differences: tuple[CalendarDifference, ...] = ()
    shown: bool = False

    @property
    def significant(self) -> bool:
        return bool(self.differences)

    @property
    def headline(self) -> str:
        """ "Moved", "Room changed", "Cancelled", …; "Changed" when several."""
        if len(self.differences) == 1:
            return self.differences[0].headline
        statuses = [d for d in self.differences if d.aspect == "status"]
        if statuses and statuses[0].after in STATUS_NOW:
            return STATUS_NOW[statuses[0].after]  # a cancellation says so, whatever else
        return "Changed" if self.differences else ""

    def as_data(self) -> list[dict]:
        """For the outbox row that carries it (JSON)."""
        return [
            {"aspect": d.aspect, "before": d.before, "after": d.after} for d in self.differences
        ]


def slot_words(meeting: Meeting) -> str:
    """ "Monday 7 December, 10:00–13:00": the day and time without the year or zone."""
    start = meeting.local_start
    if meeting.timing == Timing.WEEK:
        return "week of " + date_format(start, "l j F")
    day = date_format(start, "l j F")
    if meeting.timing == Timing.DAY:
        return f"{day}, time to be announced"
    if meeting.timing == Timing.FOLLOWING:
        return f"{day}, following the previous meeting"
    return f"{day}, {meeting_time(meeting)}"


def room_words(meeting: Meeting) -> str:
    names = [r.name for r in (meeting.room, meeting.overflow_room) if r is not None]
    return " + ".join(names) or "not announced"


def calendar_change(before: Meeting | None, after: Meeting) -> CalendarChange:
    """What a calendar would show changed from `before` to `after` (None: a new meeting).

    Significant, for invitees (SEQUENCE, stamp and update e-mail): the time (start, end,
    timing), the room or rooms as named, in person or virtual, the status, the title.
    Anything else the event says (its description, its category) moves the stamp only.
    A draft (not published yet) changes nothing for invitees whatever is edited.
    """
    if before is None or before.published_at is None:
        # New, or a draft: nobody has it in a calendar, so there is nothing to update.
        return CalendarChange(shown=True)
    with in_calendar_language():
        pairs = [
            ("when", slot_words(before), slot_words(after)),
            ("room", room_words(before), room_words(after)),
            ("title", before.title, after.title),
            ("mode", str(before.mode), str(after.mode)),
            ("status", str(before.status), str(after.status)),
        ]
    differences = []
    for aspect, was, now in pairs:
        if was != now:
            differences.append(CalendarDifference(aspect, was, now))
    moved = (before.start, before.end, before.timing) != (after.start, after.end, after.timing)
    if moved and not any(d.aspect == "when" for d in differences):
        # The same words for another instant (the autumn fold): still a move.
        differences.insert(0, CalendarDifference("when", slot_words(before), slot_words(after)))
    described = any(getattr(before, f) != getattr(after, f) for f in DESCRIBED_FIELDS)
    return CalendarChange(tuple(differences), shown=bool(differences) or described)


def fingerprint(change: CalendarChange, *, revision: int) -> str:
    """The change as previewed at a revision of the meeting: the staff form sends it
    back to confirm that what is saved is what the editor saw."""
    seen = json.dumps([change.as_data(), revision], sort_keys=True)
    return hashlib.sha256(seen.encode()).hexdigest()[:32]


def merged(earlier: list[dict], later: list[dict]) -> list[dict]:
    """Two changes in a row as one, for someone who heard of neither: each aspect from
    its first `before` to its last `after`; an aspect that came back is no change."""
    result: dict[str, dict] = {}
    for item in [*earlier, *later]:
        if item["aspect"] in result:
            result[item["aspect"]] = {**result[item["aspect"]], "after": item["after"]}
        else:
            result[item["aspect"]] = dict(item)
    return [item for item in result.values() if item["before"] != item["after"]]


def differences_from(data: list[dict]) -> CalendarChange:
    return CalendarChange(tuple(CalendarDifference(**item) for item in data), shown=bool(data))
