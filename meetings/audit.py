"""Reading the audit trail that django-simple-history keeps for meetings."""

from dataclasses import dataclass
from datetime import datetime

from .models import Meeting


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


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def shown(record, field: str) -> str:
    """A readable value: the label of a choice, the name of a room, not an id."""
    value = getattr(record, field)
    display = getattr(record, f"get_{field}_display", None)
    if display is not None:
        return str(display())
    return "" if value is None else str(value)


def field_changes(previous, record) -> list[FieldChange]:
    """What `record` changed from `previous` (two history records), field by field."""
    # Only editable fields: the counters (sequence, revision) are nobody's change.
    delta = record.diff_against(previous, foreign_keys_are_objs=True)
    return [
        FieldChange(
            field=str(Meeting._meta.get_field(c.field).verbose_name),
            before=shown(previous, c.field),
            after=shown(record, c.field),
        )
        for c in delta.changes
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
