"""What publishing, or saving a significant change, will send, before anything is sent.

The office sees who gets what before it goes: for each meeting, how many contacts in
how many missions get the invitation and why (delivery.invitees: the outbox's own
rule), how many get the update or cancellation, and the e-mail and calendar entry as
messages.py builds them for one sample recipient. Nothing here writes: the outbox is
written by the save itself (delivery.write_outbox), exactly as without a preview.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone

from meetings.changes import CalendarChange
from meetings.models import Meeting
from missions.models import Contact

from . import delivery
from .enums import DeliveryKind, InvitationReason
from .messages import calendar_for, prepare
from .models import Delivery


@dataclass
class ReasonCount:
    reason: str
    label: str
    contacts: int
    missions: int


@dataclass
class Preview:
    """One meeting's messages, as the outbox would write them now."""

    meeting: Meeting
    kind: str  # what the sample recipient gets: invitation, update or cancellation
    reasons: list[ReasonCount] = field(default_factory=list)  # new invitations, by reason
    informed: int = 0  # contacts who have it and get the update or cancellation
    informed_missions: int = 0
    contacts: int = 0
    missions: int = 0
    sample: Contact | None = None
    subject: str = ""
    text: str = ""
    html: str = ""
    event: str = ""  # the VEVENT, as the recipient's calendar receives it
    is_past: bool = False
    recipients: set[int] = field(default_factory=set)


SHOWN = ("session", "room", "overflow_room", "process", "follows", "organ")
# The agenda items: the calendar entry's description lists them (meetings.feeds).
SHOWN_MANY = ("segments", "process__cofacilitators", "agenda_items")


def for_preview(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with what their page and their e-mail show: the same few queries for
    one meeting or a week of them."""
    return meetings.select_related(*SHOWN).prefetch_related(*SHOWN_MANY).order_by("start", "pk")


def prefetch(meetings: list[Meeting]) -> None:
    prefetch_related_objects(meetings, "session", "organ", *SHOWN_MANY)


def preview(meeting: Meeting, *, change: CalendarChange | None = None) -> Preview:
    """What saving `meeting` as it is (published, with `change`) would send. A draft is
    previewed as published: that is what the publish page asks. A fixed number of
    queries whatever the number of contacts."""
    if meeting.published_at is None:
        meeting.published_at = timezone.now()  # on this unsaved copy only
    # Over already: published for the record, sent to nobody (as write_outbox decides).
    is_past = not delivery.announced(meeting, timezone.now())
    held = delivery.holders(meeting)
    wanted = delivery.invitees(meeting)
    rows = [] if is_past else delivery.addressees(meeting, held.already, wanted)
    invited = [c for c, kind in rows if kind == DeliveryKind.INVITATION]
    informed = [c for c, kind in rows if kind != DeliveryKind.INVITATION]
    result = Preview(
        meeting=meeting, kind=rows[0][1] if rows else DeliveryKind.INVITATION, is_past=is_past
    )
    for reason in InvitationReason:
        contacts = [c for c in invited if wanted[c][1] == reason]
        if contacts:
            missions = {wanted[c][0] for c in contacts}
            result.reasons.append(ReasonCount(reason, reason.label, len(contacts), len(missions)))
    result.informed = len(informed)
    result.informed_missions = len({held.missions[c] for c in informed})
    result.contacts = len(rows)
    result.recipients = {c for c, _kind in rows}
    result.missions = len({wanted[c][0] for c in invited} | {held.missions[c] for c in informed})
    if rows:
        render_sample(result, rows, change)
    return result


def render_sample(result: Preview, rows: list[tuple[int, str]], change) -> None:
    """The message the first recipient (by mission and name) would get: two queries."""
    ids = [c for c, _kind in rows]
    sample = (
        Contact.objects.filter(pk__in=ids)
        .select_related("mission")
        .order_by("mission__name", "name", "pk")
    ).first()
    kind = dict(rows)[sample.pk]
    meeting = result.meeting
    row = Delivery(
        meeting=meeting,
        contact=sample,
        kind=kind,
        sequence=meeting.sequence,
        changes=change.as_data() if change and kind != DeliveryKind.INVITATION else [],
    )
    prepared = prepare(row)
    result.sample = sample
    result.kind = kind
    result.subject = prepared.subject
    result.text = prepared.text
    result.html = prepared.html
    if prepared.method:
        calendar = calendar_for(row, prepared, address=sample.email).decode()
        begin, end = calendar.index("BEGIN:VEVENT"), calendar.index("END:VEVENT")
        result.event = calendar[begin : end + len("END:VEVENT")]


@dataclass
class Totals:
    messages: int  # one per contact per meeting
    contacts: int  # different people
    meetings: int


def totals(previews: list[Preview]) -> Totals:
    """For several meetings at once (a letter's, a batch)."""
    return Totals(
        messages=sum(p.contacts for p in previews),
        contacts=len(set().union(*(p.recipients for p in previews))),
        meetings=len(previews),
    )


def on_change_previewed(sender, *, meeting: Meeting, change: CalendarChange, **kwargs) -> str:
    """meetings.signals.change_previewed: who gets the update and the e-mail, as HTML."""
    item = preview(meeting, change=change)
    return render_to_string("correspondence/_update_preview.html", {"item": item})
