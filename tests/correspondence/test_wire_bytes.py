"""A fan-out's messages cut from one template (correspondence.wire) are the bytes the
mail library writes for each recipient, but for the MIME boundaries, which it draws at
random for each message anyway."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine

from correspondence import wire
from correspondence.delivery import deliver
from correspondence.messages import build_message
from correspondence.models import Delivery
from meetings import schedule
from meetings.enums import MeetingKind
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.factories import SessionFactory
from tests.mailserver import MailServer

pytestmark = pytest.mark.django_db

NOW = datetime(2031, 1, 15, 17, tzinfo=UTC)
BOUNDARY = re.compile(rb"===============\d+==")
CONTACTS = [
    ("Aya Koné", "aya.kone@ci-mission.example"),
    ("Jean-Baptiste de la Fontaine-Sainte-Marie, Premier Conseiller", "j@fr.example"),
    ("李明", "li.ming.second.secretary.with.a.long.address@china-mission.example"),
    ('O\'Brien, "Pat"', "pat+ga@ie.example"),
    ("Ana", "ana@xn--espaa-rta.example"),
    # "To: " and this pass the line length the library folds at: built the ordinary way.
    ("Long", "the.permanent.representative.deputy.and.alternate@" + "mission." * 4 + "example"),
]


@pytest.fixture
def smtp_relay(settings):
    with MailServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        yield server


def test_every_recipient_gets_the_bytes_the_library_writes(
    smtp_relay, django_capture_on_commit_callbacks, monkeypatch
):
    served = []
    monkeypatch.setattr(
        "correspondence.delivery.from_template",
        lambda *args: served.append(args[0].pk) or wire.from_template(*args),
    )
    session = SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))
    mission = Mission.objects.get(name="Côte d'Ivoire")
    Mission.objects.filter(pk=mission.pk).update(receives_everything=True)
    for name, address in CONTACTS:
        Contact.objects.create(mission=mission, name=name, email=address, confirmed=NOW)
    start = new_york_datetime(date(2031, 1, 25), time(10))
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=False):
            meeting = schedule.save_meeting(
                Meeting(
                    session=session,
                    title="Consultation informelle — Côte d'Ivoire → co-facilitation " * 2,
                    kind=MeetingKind.PLENARY,
                    start=start,
                    end=start + timedelta(hours=3),
                    room=Room.objects.get(code="CR4"),
                    published_at=start - timedelta(days=30),
                )
            )
        rows = list(meeting.deliveries.order_by("pk"))
        assert len(rows) == len(CONTACTS)
        assert deliver([r.pk for r in rows])["sent"] == len(CONTACTS)
        # The first is built the ordinary way; the template serves the others.
        assert served == [r.pk for r in rows[1:]]
        expected = {}
        for row in Delivery.objects.filter(meeting=meeting).select_related("contact", "meeting"):
            raw = build_message(row).message().as_bytes(linesep="\r\n")
            expected[row.contact.email] = raw
    received = {}
    for raw, _options in smtp_relay.mailbox.raw:
        to = re.search(rb"\r\nTo:\s+(\S+)\r\n", raw).group(1).decode()  # maybe folded
        received[to] = raw
    assert received.keys() == expected.keys()
    for address, raw in received.items():
        assert BOUNDARY.sub(b"B", raw) == BOUNDARY.sub(b"B", expected[address]), address
        assert len(set(BOUNDARY.findall(raw))) == 2  # each message draws its own
