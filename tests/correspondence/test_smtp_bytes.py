"""What reaches a relay, byte for byte (aiosmtpd on loopback): 7-bit whether or not the
relay offers 8BITMIME, a Date with New York's real offset, a Subject folded after its
first words, never right after "Subject:"."""

import email
import re
from datetime import UTC, date, datetime, time, timedelta
from email import policy

import pytest
import time_machine
from icalendar import Calendar

from meetings import schedule
from meetings.enums import MeetingKind
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.factories import SessionFactory
from tests.mailserver import MailServer

pytestmark = pytest.mark.django_db

TITLE = (
    "Consultation informelle sur la revitalisation des travaux de l'Assemblée générale "
    "— Côte d'Ivoire → co-facilitation"
)
WINTER = datetime(2031, 1, 15, 17, tzinfo=UTC)  # 12:00 in New York, EST
SUMMER = datetime(2031, 6, 16, 16, tzinfo=UTC)  # 12:00 in New York, EDT


@pytest.fixture
def smtp_relay(request, settings):
    with MailServer(eight_bit_mime=request.param) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        yield server


def invite_at(moment: datetime, captured, *, title: str = TITLE) -> None:
    session = SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))
    Contact.objects.get_or_create(
        email="aya.kone@ci-mission.example",
        defaults={
            "mission": Mission.objects.get(name="Côte d'Ivoire"),
            "name": "Aya Koné",
            "confirmed": moment,
        },
    )
    Mission.objects.filter(name="Côte d'Ivoire").update(receives_everything=True)
    start = new_york_datetime((moment + timedelta(days=10)).date(), time(10))
    with time_machine.travel(moment, tick=False), captured(execute=True):
        schedule.save_meeting(
            Meeting(
                session=session,
                title=title,
                kind=MeetingKind.PLENARY,
                start=start,
                end=start + timedelta(hours=3),
                room=Room.objects.get(code="CR4"),
                published_at=start - timedelta(days=30),
            )
        )


def header_lines(raw: bytes, name: bytes) -> list[bytes]:
    """The header as it was on the wire, with its continuation lines."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    match = re.search(rb"^" + name + rb":.*?(?=\r\n\S)", head + b"\r\nX", re.M | re.S)
    return match.group(0).split(b"\r\n")


@pytest.mark.parametrize("smtp_relay", [True, False], ids=["8bitmime", "7bit"], indirect=True)
def test_every_byte_is_seven_bit_and_the_text_arrives_whole(
    smtp_relay, django_capture_on_commit_callbacks
):
    invite_at(WINTER, django_capture_on_commit_callbacks)
    ((raw, options),) = smtp_relay.mailbox.raw
    assert max(raw) < 128
    assert "BODY=8BITMIME" not in options  # nothing 8-bit to declare
    message = email.message_from_bytes(raw, policy=policy.default)
    assert str(message["Subject"]).startswith(f"Invitation: {TITLE}, ")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert TITLE in text
    assert "Côte d&#x27;Ivoire → co-facilitation" in html or TITLE in html
    (calendar_part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    event = next(iter(Calendar.from_ical(calendar_part.get_payload(decode=True)).walk("VEVENT")))
    assert str(event["SUMMARY"]) == TITLE
    assert {p.get("Content-Transfer-Encoding") for p in message.walk() if not p.is_multipart()} <= {
        "quoted-printable",
        "base64",
    }


@pytest.mark.parametrize(("moment", "offset"), [(WINTER, b"-0500"), (SUMMER, b"-0400")])
@pytest.mark.parametrize("smtp_relay", [True], ids=["8bitmime"], indirect=True)
def test_the_date_carries_new_york_s_real_offset(
    smtp_relay, moment, offset, django_capture_on_commit_callbacks
):
    invite_at(moment, django_capture_on_commit_callbacks)
    ((raw, _options),) = smtp_relay.mailbox.raw
    (date_line,) = header_lines(raw, b"Date")
    assert date_line.endswith(b" 12:00:00 " + offset)
    assert b"-0000" not in date_line


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        "Informal consultation on the revitalization of the work of the General Assembly "
        "and on the selection and appointment of the Secretary-General",
    ],
    ids=["encoded", "ascii"],
)
@pytest.mark.parametrize("smtp_relay", [False], ids=["7bit"], indirect=True)
def test_a_long_subject_is_not_folded_right_after_its_name(
    smtp_relay, title, django_capture_on_commit_callbacks
):
    invite_at(WINTER, django_capture_on_commit_callbacks, title=title)
    ((raw, _options),) = smtp_relay.mailbox.raw
    lines = header_lines(raw, b"Subject")
    assert len(lines) > 1  # long enough to fold
    assert lines[0].startswith(b"Subject: Invitation: ")  # words on the first line
    assert all(len(line) <= 78 for line in lines)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert str(message["Subject"]).startswith(f"Invitation: {title}, ")
