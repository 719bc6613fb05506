"""Delivery with real components: a Celery worker process on the CI Redis and the test
PostgreSQL database, sending to an aiosmtpd server on loopback. What arrived there is
what is checked: one copy per recipient per version, whatever fails on the way (a
worker killed, the database's connections cut, the SMTP server or the broker down)."""

import logging
import uuid
from datetime import date, time, timedelta
from time import sleep

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from correspondence import delivery
from correspondence.enums import DeliveryState
from correspondence.models import Delivery, Letter, ProposedMeeting
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.celeryworker import Worker, broker_at, wait_for
from tests.factories import SessionFactory
from tests.mailserver import free_port

from .conftest import LETTER_2017

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MISSIONS = ["Belgium", "Qatar", "Fiji", "Chile", "Norway", "Kenya", "Japan", "Brazil"]


def contacts(per_mission: int = 1) -> list[Contact]:
    made = []
    for name in MISSIONS:
        mission = Mission.objects.get(name=name)
        for n in range(per_mission):
            made.append(
                Contact.objects.create(
                    mission=mission,
                    name=f"{name} {n}",
                    email=f"c{n}@{name.lower()}.example",
                    confirmed=timezone.now(),
                )
            )
    return made


def session_85():
    return SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))


def plenary() -> Meeting:
    session = session_85()
    return schedule.save_meeting(
        Meeting(
            session=session,
            title="Plenary meeting",
            kind=MeetingKind.PLENARY,
            start=new_york_datetime(date(2031, 3, 12), time(10)),
            room=Room.objects.get(code="GA-HALL"),
            status=MeetingStatus.SCHEDULED,
            published_at=new_york_datetime(date(2031, 1, 12), time(10)),
        )
    )


def states() -> dict[str, int]:
    counts = {}
    for state in Delivery.objects.values_list("state", flat=True):
        counts[state] = counts.get(state, 0) + 1
    return counts


def test_one_invitation_per_recipient_then_an_update_then_a_cancellation(smtp, worker):
    people = contacts()
    meeting = plenary()
    wait_for(lambda: len(smtp.mailbox.received()) == len(people))

    meeting.room = Room.objects.get(code="ECOSOC")
    schedule.save_meeting(meeting)
    wait_for(lambda: len(smtp.mailbox.received()) == 2 * len(people))
    schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED)
    wait_for(lambda: len(smtp.mailbox.received()) == 3 * len(people))

    received = smtp.mailbox.received()
    by_recipient = {}
    for message in received:
        by_recipient.setdefault(str(message["To"]), []).append(
            str(message["Subject"]).split(":")[0]
        )
    assert by_recipient == {p.email: ["Invitation", "Room changed", "Cancelled"] for p in people}
    # The row is marked a moment after the server accepts the message.
    wait_for(lambda: states() == {DeliveryState.SENT: 3 * len(people)})


def test_smtp_answering_451_for_a_while_delivers_everything_once_it_recovers(smtp, worker):
    smtp.mailbox.temporary_failures = 6
    people = contacts()
    plenary()
    wait_for(lambda: len(smtp.mailbox.received()) == len(people), timeout=60)
    assert smtp.mailbox.recipients() == sorted(p.email for p in people)
    assert smtp.mailbox.temporary_failures == 0
    wait_for(lambda: states() == {DeliveryState.SENT: len(people)})
    assert Delivery.objects.filter(attempts__gt=1).exists()  # some were retried


def test_smtp_answering_550_for_one_address_fails_that_one_only(smtp, worker):
    people = contacts()
    smtp.mailbox.rejected = {people[2].email}
    plenary()
    wait_for(
        lambda: (
            states().get(DeliveryState.FAILED) == 1
            and states().get(DeliveryState.SENT) == len(people) - 1
        )
    )
    failed = Delivery.objects.get(state=DeliveryState.FAILED)
    assert failed.contact == people[2]
    assert failed.last_error.startswith("550")
    assert failed.attempts == 1  # a permanent failure is not retried
    assert people[2].email not in smtp.mailbox.recipients()


@override_settings(GASCHED_STALE_SENDING_SECONDS=0)
def test_a_worker_killed_in_the_middle_of_a_fan_out_loses_nothing_and_sends_nothing_twice(
    smtp, not_eager
):
    smtp.mailbox.rcpt_delay = 0.15  # slow enough to kill the worker mid-batch
    people = contacts(per_mission=5)  # 40 recipients
    first = Worker(smtp_port=smtp.port, concurrency=1).start()
    try:
        plenary()
        wait_for(lambda: len(smtp.mailbox.received()) >= 8)
        # Kill while the server holds a recipient (before it accepted the message).
        wait_for(smtp.mailbox.in_rcpt.is_set, interval=0.005)
        first.kill()
    finally:
        first.stop()
    arrived_before = len(smtp.mailbox.received())
    assert arrived_before < len(people)
    smtp.mailbox.rcpt_delay = 0
    second = Worker(smtp_port=smtp.port).start()
    try:
        delivery.requeue()  # what the beat sweep does every minute
        wait_for(lambda: states() == {DeliveryState.SENT: len(people)}, timeout=60)
    finally:
        second.stop()
    assert smtp.mailbox.recipients() == sorted(p.email for p in people)  # each exactly once


def test_reminders_go_out_through_the_worker_when_the_sweep_finds_them_due(smtp, worker):
    import time_machine

    people = contacts()
    meeting = plenary()
    wait_for(lambda: states() == {DeliveryState.SENT: len(people)})
    with time_machine.travel(meeting.start - timedelta(hours=23), tick=False):
        delivery.send_due_reminders()  # what beat runs every minute
    wait_for(lambda: len(smtp.mailbox.received()) == 2 * len(people))
    reminders = [
        m for m in smtp.mailbox.received() if str(m["Subject"]).strip().startswith("Reminder")
    ]
    assert sorted(str(m["To"]) for m in reminders) == sorted(p.email for p in people)


def cut_the_database_connections() -> int:
    """What a restart of PostgreSQL looks like to the worker: every connection to the
    test database but this one is dropped (the shared server itself is never restarted:
    other checkouts' suites run on it)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [connection.settings_dict["NAME"]],
        )
        return cursor.fetchone()[0]


def all_sent(expected: int):
    def check():
        """every delivery sent (the beat sweep running meanwhile)"""
        delivery.requeue()  # what beat does every minute: pending rows go back to Celery
        return states() == {DeliveryState.SENT: expected}

    return check


def test_database_connections_cut_in_the_middle_of_a_fan_out_lose_nothing_and_send_nothing_twice(
    smtp, not_eager
):
    smtp.mailbox.rcpt_delay = 0.05  # a fan-out long enough to cut it in the middle, twice
    people = contacts(per_mission=8)  # 64 recipients: two batches, one per worker process
    worker = Worker(smtp_port=smtp.port, concurrency=2).start()
    try:
        plenary()
        for arrived in (10, 35):
            wait_for(lambda arrived=arrived: len(smtp.mailbox.received()) >= arrived)
            assert cut_the_database_connections() >= 1  # the worker's, at least
        wait_for(all_sent(len(people)), timeout=90, interval=0.5)
    finally:
        worker.stop()
    assert smtp.mailbox.recipients() == sorted(p.email for p in people)  # each exactly once


def test_an_smtp_server_down_for_a_while_gets_everything_once_it_is_back(smtp, worker):
    smtp.stop()
    people = contacts()
    plenary()
    # Refused connections are temporary failures: each row waits longer and tries again.
    wait_for(lambda: Delivery.objects.filter(attempts__gte=3).count() == len(people))
    # waiting for their next try, or being tried again: none sent, none given up
    assert set(states()) <= {DeliveryState.PENDING, DeliveryState.SENDING}
    assert smtp.mailbox.received() == []
    errors = set(Delivery.objects.values_list("last_error", flat=True))
    assert {e.split(":")[0] for e in errors} == {"ConnectionRefusedError"}
    smtp.start()  # the same address, back
    wait_for(lambda: states() == {DeliveryState.SENT: len(people)}, timeout=60)
    assert smtp.mailbox.recipients() == sorted(p.email for p in people)


def staff_form(**changes) -> dict:
    return {
        "title": "Plenary meeting",
        "kind": "plenary",
        "status": "scheduled",
        "date": "2031-03-12",
        "timing": "exact",
        "start_time": "10:00",
        "room": "GA Hall",
        "mode": "in-person",
        "participation": "member-states",
        "entry_token": uuid.uuid4().hex,
        **changes,
    }


def flash(client, response) -> str:
    """The page the change redirected to, with the message it left."""
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"]).content.decode()


def test_with_the_broker_down_changes_are_saved_and_their_invitations_go_once_it_is_back(
    smtp, not_eager, staff_client, caplog
):
    people = contacts()
    session_85()
    create = reverse("meetings:meeting-create")
    with broker_at(f"redis://127.0.0.1:{free_port()}/0"):  # nothing listens there
        # The staff form.
        page = flash(staff_client, staff_client.post(create, staff_form()))
        assert "Saved “Plenary meeting” as a draft" in page
        # A status button: a tentative meeting published.
        staff_client.post(create, staff_form(status="tentative", room="ECOSOC"))
        tentative = Meeting.objects.get(status=MeetingStatus.TENTATIVE)
        status = reverse("meetings:meeting-status", args=[tentative.pk])
        pressed = {"status": "scheduled", "opened_revision": tentative.revision}
        page = flash(staff_client, staff_client.post(status, pressed))
        assert "The meeting is now scheduled." in page
        # Letter review: a meeting the letter announces, accepted (at a date to come).
        upload = reverse("correspondence:letter-upload")
        letter_2017 = LETTER_2017.read_bytes()
        staff_client.post(upload, {"original": SimpleUploadedFile("letter.txt", letter_2017)})
        letter = Letter.objects.get(enclosed_in__isnull=True)
        proposal = ProposedMeeting.objects.get(date=date(2017, 7, 6))
        corrected = {
            "title": "High-level plenary",
            "kind": "plenary",
            "date": "2031-03-14",
            "timing": "exact",
            "start_time": "10:00",
            "room": "CR3",
        }
        accept = reverse("correspondence:proposal-decide", args=[letter.pk, proposal.pk])
        data = {f"m{proposal.pk}-{k}": v for k, v in corrected.items()}
        page = flash(staff_client, staff_client.post(accept, {"decision": "accept", **data}))
        assert "In the schedule: “High-level plenary”." in page
        # All three were drafts: published together from the Publish page.
        drafts = list(Meeting.objects.drafts())
        assert len(drafts) == 3
        opened = {"meeting": [f"{m.pk}:{m.revision}" for m in drafts]}
        page = flash(staff_client, staff_client.post(reverse("correspondence:publish"), opened))
        assert "Published: 3 meetings." in page
    # Saved, and the outbox holds every invitation; the page never knew of the broker.
    assert Meeting.objects.filter(status=MeetingStatus.SCHEDULED).count() == 3
    assert states() == {DeliveryState.PENDING: 3 * len(people)}
    left = [r for r in caplog.records if "stay pending for the requeue sweep" in r.getMessage()]
    assert [r.levelno for r in left] == [logging.ERROR] * 3
    # The broker is back: the beat sweep hands the rows over, and each goes once.
    worker = Worker(smtp_port=smtp.port).start()
    try:
        wait_for(all_sent(3 * len(people)), timeout=60, interval=0.5)
    finally:
        worker.stop()
    assert smtp.mailbox.recipients() == sorted(p.email for p in people for _ in range(3))


@pytest.mark.parametrize(
    ("poison", "shown"),
    [("poison@example.org\u202e", "U+202E"), ('"a\x0bb"@example.org', "U+000B")],
    ids=["right-to-left override", "vertical tab"],
)
def test_one_poisoned_address_among_fifty_fails_alone_and_the_batch_goes_on(
    smtp, worker, poison, shown
):
    people = []
    for n in range(delivery.BATCH):
        name = MISSIONS[n % len(MISSIONS)]
        people.append(
            Contact.objects.create(
                mission=Mission.objects.get(name=name),
                name=f"{name} {n}",
                email=f"c{n}@{name.lower()}.example",
                confirmed=timezone.now(),
            )
        )
    poisoned = people[20]
    # Written straight into the database, around every check (an old row, a console).
    Contact.objects.filter(pk=poisoned.pk).update(email=poison)
    plenary()
    assert Delivery.objects.count() == delivery.BATCH  # one batch, one task
    wait_for(lambda: states() == {DeliveryState.SENT: delivery.BATCH - 1, DeliveryState.FAILED: 1})
    good = sorted(p.email for p in people if p != poisoned)
    assert smtp.mailbox.recipients() == good  # 49, each exactly once
    failed = Delivery.objects.get(state=DeliveryState.FAILED)
    assert failed.contact_id == poisoned.pk
    assert f"invisible control or direction characters ({shown})" in failed.last_error
    assert failed.attempts == 1
    # The sweep does not bring it back.
    assert failed.pk not in delivery.requeue()
    sleep(1)
    assert states() == {DeliveryState.SENT: delivery.BATCH - 1, DeliveryState.FAILED: 1}
    assert smtp.mailbox.recipients() == good
