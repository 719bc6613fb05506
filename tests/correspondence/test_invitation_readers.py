"""Invitations as calendar clients read them (tests/calendar_parsers.py): libical and
ical.js over the calendar part of every pinned message (tests/correspondence/snapshots),
and libical's iTIP classification (icalclassify, libicalss) over an invitation, two
updates and a cancellation delivered in each of their 24 orders: whatever the order
the mail arrives in, a client ends with the cancellation."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import permutations
from pathlib import Path

import pytest
import time_machine

from correspondence.enums import DeliveryKind
from correspondence.messages import build_message
from correspondence.models import Delivery
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests import calendar_parsers
from tests.factories import SessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.parsers]

SNAPSHOTS = Path(__file__).parent / "snapshots"
WITH_CALENDAR = sorted(
    p.name for p in SNAPSHOTS.glob("*.txt") if "--- text/calendar" in p.read_text()
)
ADDRESS = "aya.kone@ci-mission.example"


def calendar_part(snapshot: str) -> bytes:
    """The text/calendar alternative of a pinned message (the last part), as sent."""
    calendar = snapshot.split("\n--- text/calendar; method=", 1)[1].split("\n", 1)[1]
    return calendar.replace("\n", "\r\n").encode()


def test_the_snapshots_hold_an_invitation_an_update_and_a_cancellation():
    assert WITH_CALENDAR == ["cancellation.txt", "invitation.txt", "update-moved.txt", "update.txt"]


@pytest.mark.parametrize("name", WITH_CALENDAR)
def test_every_pinned_calendar_part_reads_alike_in_libical_and_icaljs(name):
    body = calendar_part((SNAPSHOTS / name).read_text())
    (event,) = calendar_parsers.read_everywhere(body)  # no error; same as icalendar
    # Wednesday 12 March 2031, 10:00-13:00 New York daylight time
    assert (event.start, event.end) == ("20310312T140000Z", "20310312T170000Z")
    assert event.status == ("CANCELLED" if name == "cancellation.txt" else "CONFIRMED")


@dataclass(frozen=True)
class Sent:
    name: str
    method: str
    sequence: int
    times: tuple[str, str]
    body: bytes


@pytest.fixture
def four_messages() -> list[Sent]:
    """What one contact is sent for one meeting, in the order it was sent: the invitation,
    an update that moves it to the afternoon, one that changes its room only, and its
    cancellation, each with the next SEQUENCE and a later DTSTAMP."""
    with time_machine.travel(datetime(2031, 2, 20, 15, tzinfo=UTC), tick=False):
        meeting = Meeting.objects.create(
            session=SessionFactory(
                number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8)
            ),
            title="Informal consultation on revitalization",
            kind=MeetingKind.INFORMAL_CONSULTATION,
            start=new_york_datetime(date(2031, 3, 12), time(10)),
            end=new_york_datetime(date(2031, 3, 12), time(13)),
            room=Room.objects.get(code="CR4"),
        )
        contact = Contact.objects.create(
            mission=Mission.objects.get(name="Côte d'Ivoire"),
            name="Aya Koné",
            email=ADDRESS,
            token="TOKEN",
        )

    def send(name: str, kind: str, sequence: int) -> Sent:
        meeting.sequence = sequence  # in memory: the version this message carries
        delivery = Delivery(pk=sequence + 1, meeting=meeting, contact=contact, kind=kind)
        delivery.sequence = sequence
        stamp = datetime(2031, 3, 1, 12, tzinfo=UTC) + timedelta(hours=sequence)
        _filename, body, _mimetype = build_message(delivery, stamp=stamp).attachments[0]
        (event,) = calendar_parsers.icalendar_events(body)
        method = "CANCEL" if kind == DeliveryKind.CANCELLATION else "REQUEST"
        return Sent(name, method, sequence, (event.start, event.end), body)

    sent = [send("invitation", DeliveryKind.INVITATION, 0)]
    meeting.start = new_york_datetime(date(2031, 3, 12), time(15))
    meeting.end = new_york_datetime(date(2031, 3, 12), time(18))
    sent.append(send("moved", DeliveryKind.UPDATE, 1))
    meeting.room = Room.objects.get(code="CR3")
    sent.append(send("new room", DeliveryKind.UPDATE, 2))
    meeting.status = MeetingStatus.CANCELLED
    sent.append(send("cancellation", DeliveryKind.CANCELLATION, 3))
    return sent


def what_a_client_should_do(order: list[Sent]) -> list[tuple[str, bool]]:
    """RFC 5546 as icalclassify names it: a REQUEST with no copy yet is new; one with a
    higher SEQUENCE than the copy is an update, or a reschedule when its times differ;
    one with a SEQUENCE not above the copy's is obsolete and ignored; a CANCEL is taken
    unless the copy is newer."""
    kept, steps = None, []
    for message in order:
        if message.method == "CANCEL":
            step = ("CANCEL-EVENT", kept is None or message.sequence >= kept.sequence)
        elif kept is None:
            step = ("REQUEST-NEW", True)
        elif message.sequence <= kept.sequence:
            step = ("OBSOLETE", False)
        elif message.times != kept.times:
            step = ("REQUEST-RESCHEDULE", True)
        else:
            step = ("REQUEST-UPDATE", True)
        steps.append(step)
        kept = message if step[1] else kept
    return steps


def test_in_every_order_of_arrival_libical_ends_with_the_cancellation(four_messages):
    orders = list(permutations(four_messages))
    assert len(orders) == 24
    uid = calendar_parsers.icalendar_events(four_messages[0].body)[0].uid
    for order in orders:
        delivered = calendar_parsers.libical_itip(
            f"mailto:{ADDRESS}", [message.body for message in order]
        )
        names = [message.name for message in order]
        assert delivered.steps == what_a_client_should_do(list(order)), names
        assert delivered.final == (uid, 3, "CANCELLED", "CANCEL"), names


def test_in_the_order_sent_each_message_is_new_then_a_change_then_the_cancellation(
    four_messages,
):
    delivered = calendar_parsers.libical_itip(
        f"mailto:{ADDRESS}", [message.body for message in four_messages]
    )
    assert delivered.steps == [
        ("REQUEST-NEW", True),
        ("REQUEST-RESCHEDULE", True),  # the time moved
        ("REQUEST-UPDATE", True),  # the room only
        ("CANCEL-EVENT", True),
    ]


@pytest.mark.parametrize(
    ("day", "instant"),
    [
        (date(1995, 6, 15), "19950615T140000Z"),
        (date(2006, 4, 3), "20060403T140000Z"),
        (date(2006, 10, 30), "20061030T150000Z"),
        (date(2017, 6, 29), "20170629T140000Z"),
    ],
)
def test_an_invitation_of_any_year_is_at_the_right_instant_in_every_reader(day, instant):
    """The calendar part of an e-mail is written by the feeds' writer: before the rule of
    2007 in UTC, after it with the New York zone (meetings.feeds.RULE_OF_2007)."""
    meeting = Meeting.objects.create(
        session=SessionFactory(number=day.year - 1945),
        title="Informal consultation",
        kind=MeetingKind.INFORMAL_CONSULTATION,
        start=new_york_datetime(day, time(10)),
        end=new_york_datetime(day, time(13)),
    )
    contact = Contact.objects.create(
        mission=Mission.objects.get(name="Côte d'Ivoire"), name="Aya Koné", email=ADDRESS
    )
    delivery = Delivery(pk=1, meeting=meeting, contact=contact, kind=DeliveryKind.INVITATION)
    delivery.sequence = 0
    _filename, body, _mimetype = build_message(delivery).attachments[0]
    (event,) = calendar_parsers.read_everywhere(body)
    assert event.start == instant
