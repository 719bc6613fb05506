"""What changed in the programme: meetings added, moved, re-roomed, published, postponed,
cancelled or reinstated over the last days, each with before and after.

Read from the history django-simple-history keeps of every meeting, in a fixed number
of queries: the records of the period, and for each meeting in it the last record
before the period (what it was before the first change shown).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import MeetingStatus
from .models import Meeting
from .wording import meeting_when

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

    @property
    def url(self) -> str:
        return Meeting(pk=self.meeting_id).get_absolute_url()

    @property
    def summary(self) -> str:
        parts = [f"{d.label}: {d.before} → {d.after}" for d in self.differences]
        return "; ".join(parts)


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
    if previous is None or record.history_type == "+":
        return _("Added"), []
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
        History.objects.filter(history_date__gte=since, history_date__lte=now)
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
        what, differences = describe(previous.get(record.id), record)
        previous[record.id] = record
        if what and record.history_type != "-":
            changes.append(
                ProgrammeChange(
                    record.history_date,
                    record.id,
                    record.title,
                    what,
                    differences,
                    order=record.history_id,
                )
            )
    changes.sort(key=lambda c: (c.when, c.order), reverse=True)
    return changes[:LIMIT]
