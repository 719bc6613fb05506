"""The rendered messages, pinned: subject, text, HTML and calendar part of an invitation,
an update, a cancellation and a reminder. A change to any of them shows here as a diff.

To accept an intended change: GASCHED_UPDATE_SNAPSHOTS=1 pytest this file, and review
the diff of tests/correspondence/snapshots/ before committing it."""

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import time_machine
from icalendar import Calendar

from correspondence.enums import DeliveryKind
from correspondence.messages import build_message
from correspondence.models import Delivery
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.factories import ProcessFactory, SessionFactory

pytestmark = pytest.mark.django_db

SNAPSHOTS = Path(__file__).parent / "snapshots"
STAMP = datetime(2031, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def delivery_of():
    with time_machine.travel(datetime(2031, 2, 20, 15, tzinfo=UTC), tick=False):
        return snapshot_deliveries()


def snapshot_deliveries():
    session = SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))
    process = ProcessFactory(session=session, title="Revitalization of the work of the GA")
    meeting = Meeting.objects.create(
        session=session,
        process=process,
        title="Informal consultation on revitalization",
        kind=MeetingKind.INFORMAL_CONSULTATION,
        start=new_york_datetime(date(2031, 3, 12), time(10)),
        end=new_york_datetime(date(2031, 3, 12), time(13)),
        room=Room.objects.get(code="CR4"),
        sequence=2,
    )
    contact = Contact.objects.create(
        mission=Mission.objects.get(name="Côte d'Ivoire"),
        name="Aya Koné",
        email="aya.kone@ci-mission.example",
        token="TOKEN",
    )

    def make(
        kind: str, status: str = MeetingStatus.SCHEDULED, lead: int = 0, changes=()
    ) -> Delivery:
        meeting.status = status  # in memory: CREATED and LAST-MODIFIED stay as pinned
        return Delivery(
            pk=7,
            meeting=meeting,
            contact=contact,
            kind=kind,
            sequence=2,
            lead_minutes=lead,
            changes=list(changes),
        )

    return make


def rendered(delivery: Delivery) -> str:
    # A reminder is rendered when it is sent: its lead time before the start.
    stamp = STAMP
    if delivery.kind == DeliveryKind.REMINDER:
        stamp = delivery.meeting.start - timedelta(minutes=delivery.lead_minutes)
    message = build_message(delivery, stamp=stamp)
    parts = [f"Subject: {message.subject}", f"To: {', '.join(message.to)}", "", message.body]
    for content, mimetype in message.alternatives:
        parts += [f"--- {mimetype}", content if isinstance(content, str) else content.decode()]
    text = "\n".join(parts)
    pk = str(delivery.meeting.pk)
    # Database ids differ from run to run; everything else must not.
    for old, new in [
        (f"meeting-{pk}@", "meeting-ID@"),
        (f"/meetings/{pk}/", "/meetings/ID/"),
        (f"meeting-{pk}.ics", "meeting-ID.ics"),
    ]:
        text = text.replace(old, new)
    return text.replace("\r\n", "\n")


MOVED = {
    "aspect": "when",
    "before": "Monday 10 March, 10:00–13:00",
    "after": "Wednesday 12 March, 10:00–13:00",
}
RE_ROOMED = {"aspect": "room", "before": "Conference Room 1 <B>", "after": "Conference Room 4"}
CANCELLED = {"aspect": "status", "before": "scheduled", "after": "cancelled"}


@pytest.mark.parametrize(
    ("name", "kind", "status", "lead", "changes"),
    [
        ("invitation", DeliveryKind.INVITATION, MeetingStatus.SCHEDULED, 0, []),
        ("update", DeliveryKind.UPDATE, MeetingStatus.SCHEDULED, 0, [MOVED, RE_ROOMED]),
        ("update-moved", DeliveryKind.UPDATE, MeetingStatus.SCHEDULED, 0, [MOVED]),
        ("cancellation", DeliveryKind.CANCELLATION, MeetingStatus.CANCELLED, 0, [CANCELLED]),
        ("reminder", DeliveryKind.REMINDER, MeetingStatus.SCHEDULED, 60, []),
        ("reminder-day-before", DeliveryKind.REMINDER, MeetingStatus.SCHEDULED, 1440, []),
    ],
)
def test_message_matches_its_snapshot(delivery_of, name, kind, status, lead, changes):
    text = rendered(delivery_of(kind, status, lead, changes))
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("GASCHED_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text)
    assert text == path.read_text()


def test_the_calendar_part_carries_the_version_sent_and_the_time_of_sending(delivery_of):
    """The event is the feed's, but stamped when sent and with the SEQUENCE of the
    version the delivery was queued for, not the meeting's latest."""
    delivery = delivery_of(DeliveryKind.UPDATE)
    delivery.sequence = 1  # the meeting has moved on to 2 since
    _name, content, _mimetype = build_message(delivery, stamp=STAMP).attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert (event["SEQUENCE"], event.decoded("DTSTAMP"), event.decoded("LAST-MODIFIED")) == (
        1,
        STAMP,
        datetime(2031, 2, 20, 15, tzinfo=UTC),
    )


@pytest.mark.parametrize("language", ["fr", "ar", "zh-hans"])
def test_messages_are_the_same_whatever_language_is_active(delivery_of, language):
    """A task run eagerly inside a French request (or a worker in any locale) sends
    the same invitation: e-mails and calendars are written in one language."""
    from django.utils import translation

    for kind, status in [
        (DeliveryKind.INVITATION, MeetingStatus.SCHEDULED),
        (DeliveryKind.CANCELLATION, MeetingStatus.CANCELLED),
    ]:
        english = rendered(delivery_of(kind, status))
        with translation.override(language):
            assert rendered(delivery_of(kind, status)) == english
