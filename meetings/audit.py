"""Reading the audit trail that django-simple-history keeps for meetings."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gasched.formats import weekday_date

from .models import Meeting
from .timing import NEW_YORK

# The fields as the meeting form names them, in its order: the history reads like the
# form the change was made in. Fields the form does not show come after, by their model
# names.
FIELD_NAMES = {
    "title": gettext_lazy("Title"),
    "kind": gettext_lazy("Kind"),
    "process": gettext_lazy("Process"),
    "status": gettext_lazy("Status"),
    "timing": gettext_lazy("Start"),
    "start": gettext_lazy("Start (New York time)"),
    "end": gettext_lazy("End (New York time)"),
    "follows": gettext_lazy("Following the adjournment of meeting no."),
    "room": gettext_lazy("Room"),
    "overflow_room": gettext_lazy("Overflow room"),
    "mode": gettext_lazy("Mode"),
    "is_closed": gettext_lazy("Closed meeting"),
    "participation": gettext_lazy("Participation"),
    "documents": gettext_lazy("Document symbols"),
    "webcast_url": gettext_lazy("Webcast link"),
    "notes": gettext_lazy("Notes"),
}
FORM_ORDER = {name: position for position, name in enumerate(FIELD_NAMES)}


@dataclass
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class Change:
    when: datetime
    who: str
    action: str  # created / changed / deleted
    fields: list[FieldChange]

    @property
    def action_name(self) -> str:
        return str(ACTION_NAMES[self.action])


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
ACTION_NAMES = {
    "created": gettext_lazy("Created"),
    "changed": gettext_lazy("Changed"),
    "deleted": gettext_lazy("Deleted"),
}


def shown(record, field: str) -> str:
    """A readable value: the label of a choice, the name of a room, not an id; a time in
    New York, never the UTC the database holds."""
    if field == "follows":  # by its number, as the form asks for it (and no query)
        number = record.follows_id
        return "" if number is None else _("no. %(number)s") % {"number": number}
    value = getattr(record, field)
    display = getattr(record, f"get_{field}_display", None)
    if display is not None:
        return str(display())
    if value is None:
        return ""
    if isinstance(value, datetime):
        local = timezone.localtime(value, NEW_YORK)
        return f"{weekday_date(local)}, {local:%H:%M}"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def field_name(field: str) -> str:
    name = FIELD_NAMES.get(field)
    return str(name if name is not None else Meeting._meta.get_field(field).verbose_name)


def field_changes(previous, record) -> list[FieldChange]:
    """What `record` changed from `previous` (two history records), field by field, in
    the order of the meeting form."""
    # Only editable fields: the counters (sequence, revision) are nobody's change.
    delta = record.diff_against(previous, foreign_keys_are_objs=True)
    fields = sorted(
        (c.field for c in delta.changes), key=lambda f: (FORM_ORDER.get(f, len(FORM_ORDER)), f)
    )
    return [
        FieldChange(
            field=field_name(field),
            before=shown(previous, field),
            after=shown(record, field),
        )
        for field in fields
    ]


def who_made(record) -> str:
    return record.history_user.email if record.history_user else ""


def meeting_changes(meeting: Meeting) -> list[Change]:
    """Every recorded change of a meeting, newest first, with field, before and after.

    One query (the history with its users and rooms); each record is compared with the
    one before it in Python.
    """
    records = list(
        meeting.history.select_related("history_user", "room", "overflow_room", "process").order_by(
            "history_date", "history_id"
        )
    )
    changes, previous = [], None
    for record in records:
        fields = [] if previous is None else field_changes(previous, record)
        who = who_made(record) or "system"
        changes.append(Change(record.history_date, who, ACTIONS[record.history_type], fields))
        previous = record
    return changes[::-1]


def changes_since(meeting: Meeting, revision: int) -> tuple[Change | None, list[FieldChange]]:
    """The last change of a meeting (who, when) and everything changed since it was at
    `revision`, field by field (empty if that revision left no record). One query."""
    records = list(
        meeting.history.filter(revision__gte=revision)
        .select_related("history_user", "room", "overflow_room", "process")
        .order_by("history_date", "history_id")
    )
    if not records:
        return None, []
    last = records[-1]
    change = Change(last.history_date, who_made(last), ACTIONS[last.history_type], [])
    opened = [record for record in records if record.revision == revision]
    return change, field_changes(opened[-1], last) if opened else []
