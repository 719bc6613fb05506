"""Replies reach the office as answers: the invitation names the reply address as its
ORGANIZER, the clients' REPLY messages come in through the real LMTP/SMTP server of
`receive_replies` on loopback, and become the contact's answer; whatever is not a
reply is forwarded untouched to the office's mailbox (the aiosmtpd relay of
tests/mailserver.py)."""

import os
import signal
import smtplib
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock

import pytest
from django.db import connection
from icalendar import Calendar

from correspondence import receiving, replies
from correspondence.enums import Answer, MailOutcome, MailState
from correspondence.models import ReceivedMail, Reply
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.celeryworker import ROOT, database_url
from tests.correspondence import client_replies
from tests.factories import SessionFactory
from tests.mailserver import MailServer, free_port

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
]

OFFICE = "pga-meetings@un.org"
AYA = "aya.kone@ci-mission.example"


@pytest.fixture
def relay(settings):
    """The office's mail relay: invitations leave through it, and forwards too."""
    with MailServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        settings.GASCHED_REPLY_ADDRESS = "rsvp@un.org"
        settings.GASCHED_OFFICE_MAILBOX = OFFICE
        yield server


@pytest.fixture
def receiver(relay):
    """The command's own server (receiving.start), LMTP, on a free loopback port."""
    controller = receiving.start(host="127.0.0.1", port=free_port(), lmtp=True)
    yield controller
    controller.stop()


@pytest.fixture
def meeting(relay):
    """A published meeting whose invitation went to Aya (Côte d'Ivoire) and Belgium."""
    session = SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))
    for mission, address in (("Côte d'Ivoire", AYA), ("Belgium", "pr@belgium.example")):
        Contact.objects.create(
            mission=Mission.objects.get(name=mission),
            name=f"Contact {mission}",
            email=address,
            confirmed=datetime.now(tz=UTC),
        )
    return schedule.save_meeting(
        Meeting(
            session=session,
            title="Plenary meeting on oceans",
            kind=MeetingKind.PLENARY,
            start=new_york_datetime(date(2031, 3, 12), clock(10)),
            end=new_york_datetime(date(2031, 3, 12), clock(13)),
            room=Room.objects.get(code="GA-HALL"),
            status=MeetingStatus.SCHEDULED,
            published_at=new_york_datetime(date(2031, 1, 12), clock(10)),
        )
    )


def invitation_to(relay, address: str):
    """The VEVENT of the last invitation the relay carried to this address."""
    for message in reversed(relay.mailbox.received()):
        if str(message["To"]).lower() == address:
            for part in message.walk():
                if part.get_content_type() == "text/calendar":
                    calendar = Calendar.from_ical(part.get_payload(decode=True))
                    return message, next(iter(calendar.walk("VEVENT")))
    raise AssertionError(f"no invitation to {address}")


def deliver(receiver, raw: bytes, *, to: str = "rsvp@un.org", sender: str = AYA):
    """As the office's mail server hands a message over: LMTP to the receiver."""
    with smtplib.LMTP("127.0.0.1", receiver.port) as lmtp:
        return lmtp.sendmail(sender, [to], raw)


def answers(meeting) -> dict[str, tuple[str, int]]:
    return {
        r.contact.email: (r.answer, r.sequence)
        for r in Reply.objects.filter(meeting=meeting).select_related("contact")
    }


def forwarded(relay) -> list:
    return [e for e in relay.mailbox.envelopes if e.rcpt_tos == [OFFICE]]


# --- The invitation asks for answers at the reply address ---------------------------------


def test_the_invitation_names_the_reply_address_as_organizer_and_each_contact_as_attendee(
    relay, meeting
):
    message, event = invitation_to(relay, AYA)

    assert str(event["ORGANIZER"]) == "mailto:rsvp@un.org"
    assert event["ORGANIZER"].params["CN"] == "Office of the President of the General Assembly"
    assert message["From"].addresses[0].addr_spec == "rsvp@un.org"
    assert str(event["ATTENDEE"]) == f"mailto:{AYA}"
    assert event["ATTENDEE"].params["RSVP"] == "TRUE"
    # The human parts still tell people where to write: the office's own mailbox.
    assert OFFICE in message.get_body(("plain",)).get_content()


# --- The clients' answers become the contact's answer -------------------------------------


@pytest.mark.parametrize(
    ("client", "partstat", "answer"),
    [
        (client_replies.outlook, "ACCEPTED", Answer.ACCEPTED),
        (client_replies.gmail, "DECLINED", Answer.DECLINED),
        (client_replies.apple, "TENTATIVE", Answer.TENTATIVE),
    ],
)
def test_a_clients_reply_records_the_contacts_answer(
    relay, receiver, meeting, client, partstat, answer
):
    _, event = invitation_to(relay, AYA)
    raw = client(
        uid=str(event["UID"]), attendee=AYA, sequence=int(event["SEQUENCE"]), partstat=partstat
    )

    refused = deliver(receiver, raw)

    assert refused == {}
    assert answers(meeting) == {AYA: (answer, meeting.sequence)}
    reply = Reply.objects.get()
    assert reply.answered == client_replies.STAMP  # the reply's DTSTAMP
    assert reply.mail.outcome == MailOutcome.RECORDED
    assert bytes(reply.mail.raw) == raw  # kept exactly as it came
    assert forwarded(relay) == []  # nobody at the office reads "Accepted" mails


def test_an_apple_attendee_written_as_a_urn_is_known_by_its_email_parameter(
    relay, receiver, meeting
):
    raw = client_replies.apple(
        uid=meeting.uid,
        attendee=AYA,
        sequence=meeting.sequence,
        value="urn:uuid:4a7d0c2e-9f1b-4e55-8c36-0b1d2e3f4a5b",
    )
    deliver(receiver, raw)
    assert answers(meeting) == {AYA: (Answer.ACCEPTED, meeting.sequence)}


def test_a_newer_answer_replaces_the_one_on_record_and_an_older_one_does_not(
    relay, receiver, meeting
):
    stamp = client_replies.STAMP
    seq = meeting.sequence
    deliver(receiver, client_replies.gmail(uid=meeting.uid, attendee=AYA, sequence=seq))
    deliver(
        receiver,
        client_replies.outlook(
            uid=meeting.uid,
            attendee=AYA,
            sequence=seq,
            partstat="DECLINED",
            stamp=stamp + timedelta(hours=1),
        ),
    )
    # Delivered late: written before the "declined" above.
    deliver(
        receiver,
        client_replies.apple(
            uid=meeting.uid, attendee=AYA, sequence=seq, stamp=stamp + timedelta(minutes=30)
        ),
    )

    assert answers(meeting) == {AYA: (Answer.DECLINED, seq)}
    assert list(ReceivedMail.objects.order_by("pk").values_list("outcome", flat=True)) == [
        MailOutcome.RECORDED,
        MailOutcome.RECORDED,
        MailOutcome.NOT_NEWER,
    ]


def test_an_answer_to_an_earlier_version_is_kept_as_such_and_a_later_version_wins(
    relay, receiver, meeting
):
    first = meeting.sequence
    meeting.room = Room.objects.get(code="CR4")  # moved: a new version, an update sent
    meeting = schedule.save_meeting(meeting)
    assert meeting.sequence == first + 1
    # Apple answers the first invitation after the update was sent.
    deliver(receiver, client_replies.apple(uid=meeting.uid, attendee=AYA, sequence=first))
    assert answers(meeting) == {AYA: (Answer.ACCEPTED, first)}  # an earlier version

    deliver(
        receiver,
        client_replies.outlook(
            uid=meeting.uid,
            attendee=AYA,
            sequence=meeting.sequence,
            partstat="TENTATIVE",
            stamp=client_replies.STAMP - timedelta(days=1),  # a slow clock: SEQUENCE decides
        ),
    )
    assert answers(meeting) == {AYA: (Answer.TENTATIVE, meeting.sequence)}

    deliver(receiver, client_replies.gmail(uid=meeting.uid, attendee=AYA, sequence=first))
    assert answers(meeting) == {AYA: (Answer.TENTATIVE, meeting.sequence)}


# --- No change -------------------------------------------------------------------------------


def test_a_forged_or_unknown_attendee_changes_nothing(relay, receiver, meeting):
    uid, seq = meeting.uid, meeting.sequence
    # Belgium's address, sent from Côte d'Ivoire's domain: one mission answering for another.
    deliver(
        receiver,
        client_replies.outlook(
            uid=uid, attendee="pr@belgium.example", sender=AYA, sequence=seq, partstat="DECLINED"
        ),
    )
    # An address the invitation never went to, from its own domain.
    deliver(receiver, client_replies.gmail(uid=uid, attendee="someone@else.example", sequence=seq))
    # An attendee that was invited, writing from a domain that is not theirs.
    deliver(
        receiver,
        client_replies.gmail(
            uid=uid, attendee=AYA, sender="aya.kone@ci-mission.example.evil.example", sequence=seq
        ),
    )

    assert answers(meeting) == {}
    assert list(ReceivedMail.objects.order_by("pk").values_list("outcome", flat=True)) == [
        MailOutcome.OTHER_SENDER,
        MailOutcome.NOT_INVITED,
        MailOutcome.OTHER_SENDER,
    ]
    assert forwarded(relay) == []


def test_a_reply_to_a_cancelled_meeting_or_an_unknown_uid_is_not_counted(relay, receiver, meeting):
    meeting.status = MeetingStatus.CANCELLED
    meeting = schedule.save_meeting(meeting)
    deliver(
        receiver, client_replies.outlook(uid=meeting.uid, attendee=AYA, sequence=meeting.sequence)
    )
    deliver(
        receiver, client_replies.outlook(uid="040000008200E00074C5B7101A82E008@ci", attendee=AYA)
    )

    assert answers(meeting) == {}
    assert list(ReceivedMail.objects.order_by("pk").values_list("outcome", flat=True)) == [
        MailOutcome.MEETING_OFF,
        MailOutcome.UNKNOWN_MEETING,
    ]


# --- Not a reply: forwarded to the office, untouched -------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        client_replies.person(),
        # Outlook's "Propose new time": a COUNTER, for a person to weigh.
        client_replies.outlook(
            uid="meeting-1@gasched.un.org",
            attendee=AYA,
            method="COUNTER",
            subject="New Time Proposed: Plenary meeting on oceans",
        ),
    ],
    ids=["a-person-writing", "a-counter-proposal"],
)
def test_what_is_not_a_reply_reaches_the_office_mailbox_untouched(relay, receiver, meeting, raw):
    deliver(receiver, raw)

    [forward] = forwarded(relay)
    assert forward.content.replace(b"\r\n", b"\n") == raw.replace(b"\r\n", b"\n")
    assert forward.mail_from == OFFICE  # a bounce of the forward never comes back here
    assert answers(meeting) == {}
    assert ReceivedMail.objects.get().outcome == MailOutcome.FORWARDED


def test_a_message_the_relay_cannot_take_stays_stored_and_is_forwarded_by_the_sweep(
    relay, receiver, meeting
):
    relay.stop()
    assert deliver(receiver, client_replies.person()) == {}  # 250: stored, not lost

    waiting = ReceivedMail.objects.get()
    assert (waiting.state, waiting.attempts) == (MailState.PENDING, 1)
    relay.start()
    assert replies.handle_waiting(now=waiting.next_attempt) == 1

    assert len(forwarded(relay)) == 1
    assert ReceivedMail.objects.get().state == MailState.HANDLED


def test_a_message_that_cannot_be_stored_is_refused_for_now_and_kept_by_the_sender(relay, receiver):
    # The database refuses the write (a real PostgreSQL trigger, as a full disk would).
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'full'; "
            "END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse BEFORE INSERT ON "
            "correspondence_receivedmail FOR EACH ROW EXECUTE FUNCTION refuse();"
        )
    try:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            deliver(receiver, client_replies.person())
        assert refused.value.smtp_code == 451  # the sending server keeps it, tries later
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TRIGGER refuse ON correspondence_receivedmail; DROP FUNCTION refuse();"
            )
    assert ReceivedMail.objects.count() == 0

    assert deliver(receiver, client_replies.person()) == {}  # the retry is stored
    assert ReceivedMail.objects.count() == 1


def test_only_the_reply_address_is_received(relay, receiver):
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        deliver(receiver, client_replies.person(), to="someone@un.org")
    deliver(receiver, client_replies.person(), to="RSVP+meetings@UN.org")
    assert ReceivedMail.objects.count() == 1


# --- The command itself ---------------------------------------------------------------------


def test_receive_replies_runs_an_smtp_server_until_stopped(relay, meeting):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gasched.settings.test",
        "DATABASE_URL": database_url(),
        "GASCHED_REPLY_ADDRESS": "rsvp@un.org",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "receive_replies", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert b"Receiving replies over SMTP on 127.0.0.1" in process.stdout.readline()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            smtp.sendmail(
                AYA,
                ["rsvp@un.org"],
                client_replies.outlook(
                    uid=meeting.uid, attendee=AYA, sequence=meeting.sequence, partstat="DECLINED"
                ),
            )
        assert answers(meeting) == {AYA: (Answer.DECLINED, meeting.sequence)}
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=10)
        errors = process.stderr.read().decode()[-2000:]
        process.stdout.close()
        process.stderr.close()
    assert code == 0, errors


def test_handled_mail_is_forgotten_after_the_retention_and_its_answer_stays(
    relay, receiver, meeting, settings
):
    settings.GASCHED_RECEIVED_MAIL_DAYS = 30
    deliver(
        receiver, client_replies.outlook(uid=meeting.uid, attendee=AYA, sequence=meeting.sequence)
    )
    relay.stop()
    deliver(receiver, client_replies.person())  # not handled yet: kept whatever its age
    received = ReceivedMail.objects.get(outcome=MailOutcome.RECORDED).received

    assert replies.forget_old(now=received + timedelta(days=29)) == 0
    assert replies.forget_old(now=received + timedelta(days=31)) == 1

    assert list(ReceivedMail.objects.values_list("state", flat=True)) == [MailState.PENDING]
    assert answers(meeting) == {AYA: (Answer.ACCEPTED, meeting.sequence)}
