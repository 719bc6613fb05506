"""Tomorrow's programme by e-mail with real components: a Celery worker process on the
CI Redis and the test PostgreSQL database, sending to an aiosmtpd server on loopback.
What arrived there is what is checked: one programme per subscriber, nothing on a day
with no meetings, the correction after a late change, nothing more after a one-click
unsubscribe, and each message once through a worker killed half-way."""

from datetime import UTC, date, datetime, time, timedelta
from time import sleep
from urllib.parse import urlsplit

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from correspondence import daily_programme
from correspondence.enums import DeliveryState, ProgrammeScope
from correspondence.models import ProgrammeDelivery
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, PersonalSchedule, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.celeryworker import Worker, wait_for
from tests.factories import SessionFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FRIDAY = date(2031, 3, 7)
MONDAY = date(2031, 3, 10)
WEDNESDAY = date(2031, 3, 12)


def evening(day: date) -> datetime:
    return new_york_datetime(day, time(18, 31))


def plenary(day: date, hour: int = 10) -> Meeting:
    session = SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))
    return schedule.save_meeting(
        Meeting(
            session=session,
            title=f"Plenary meeting of {day:%-d %B}",
            kind=MeetingKind.PLENARY,
            start=new_york_datetime(day, time(hour)),
            end=new_york_datetime(day, time(hour + 3)),
            room=Room.objects.get(code="GA-HALL"),
            status=MeetingStatus.SCHEDULED,
            published_at=datetime.now(UTC),
        )
    )


def subscribers(n: int) -> list[str]:
    """`n` users who want the whole programme, a mission's contact who wants what its
    mission is invited to (everything), and a user who follows nothing on those days."""
    addresses = []
    for i in range(n):
        user = UserFactory(email=f"delegate{i}@example.org")
        daily_programme.subscribe(user=user, scope=ProgrammeScope.ALL, language="en")
        addresses.append(user.email)
    mission = Mission.objects.get(name="Belgium")
    mission.receives_everything = True
    mission.save()
    contact = Contact.objects.create(
        mission=mission, name="PR", email="pr@belgium.example", confirmed=timezone.now()
    )
    daily_programme.subscribe(contact=contact, scope=ProgrammeScope.FOLLOWED, language="fr")
    addresses.append(contact.email)
    quiet = UserFactory(email="quiet@example.org")
    PersonalSchedule.objects.create(user=quiet, kinds=["briefing"])
    daily_programme.subscribe(user=quiet, scope=ProgrammeScope.FOLLOWED, language="en")
    return sorted(addresses)


def received(smtp) -> list:
    """The programmes and corrections that arrived (the contact's mission is invited to
    the plenary too: its invitations arrive beside them)."""
    return [m for m in smtp.mailbox.received() if "programme." in str(m["List-Id"] or "")]


def recipients(messages) -> list[str]:
    return sorted(str(m["To"]) for m in messages)


def subject(message) -> str:
    return " ".join(str(message["Subject"]).split())


def test_one_programme_each_a_correction_nothing_on_an_empty_day_and_one_click_unsubscribe(
    smtp, worker
):
    meeting = plenary(MONDAY)
    plenary(WEDNESDAY)
    addresses = subscribers(3)

    daily_programme.send_due(now=evening(FRIDAY))  # what the beat runs
    wait_for(lambda: len(received(smtp)) == len(addresses))
    assert daily_programme.send_due(now=evening(FRIDAY) + timedelta(minutes=2)) == 0
    sleep(1)  # nothing more arrives
    programmes = received(smtp)
    assert recipients(programmes) == addresses
    first = programmes[0]
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert {m.get_content_type() for m in first.walk()} >= {"text/plain", "text/html"}
    wait_for(
        lambda: ProgrammeDelivery.objects.filter(state=DeliveryState.SENT).count() == len(addresses)
    )

    # A late change (before Monday begins): one correction to each who had the programme.
    meeting.room = Room.objects.get(code="ECOSOC")
    schedule.save_meeting(meeting)
    daily_programme.send_due(now=timezone.now() + timedelta(hours=1))
    wait_for(lambda: len(received(smtp)) == 2 * len(addresses))
    sleep(1)
    corrections = received(smtp)[len(addresses) :]
    assert recipients(corrections) == addresses
    for correction in corrections:
        assert subject(correction).startswith(
            ("Changed since last evening's programme", "Modifié depuis le programme")
        )
        assert "ECOSOC" in correction.get_body(("plain",)).get_content()

    # Monday evening: Tuesday has no meetings, so nothing goes.
    assert daily_programme.send_due(now=evening(MONDAY)) == 0
    sleep(1)
    assert len(received(smtp)) == 2 * len(addresses)

    # One click in a mail client: a POST to the List-Unsubscribe address, no session.
    link = str(first["List-Unsubscribe"]).strip().strip("<>")  # unfolded
    answer = Client(enforce_csrf_checks=True).post(urlsplit(link).path)
    assert answer.status_code == 200
    daily_programme.send_due(now=evening(date(2031, 3, 11)))  # Wednesday's programme
    wait_for(lambda: len(received(smtp)) == 3 * len(addresses) - 1)
    sleep(1)
    last = received(smtp)[2 * len(addresses) :]
    assert len(last) == len(addresses) - 1
    assert str(first["To"]) not in recipients(last)


@override_settings(GASCHED_STALE_SENDING_SECONDS=0)
def test_a_worker_killed_in_the_middle_of_the_programme_loses_none_and_sends_none_twice(
    smtp, not_eager
):
    plenary(MONDAY)
    addresses = subscribers(30)
    smtp.mailbox.rcpt_delay = 0.1  # slow enough to kill the worker mid-batch
    first = Worker(smtp_port=smtp.port, concurrency=1).start()
    try:
        daily_programme.send_due(now=evening(FRIDAY))
        wait_for(lambda: len(received(smtp)) >= 5)
        wait_for(smtp.mailbox.in_rcpt.is_set, interval=0.005)
        first.kill()
    finally:
        first.stop()
    assert len(received(smtp)) < len(addresses)
    smtp.mailbox.rcpt_delay = 0
    second = Worker(smtp_port=smtp.port).start()
    try:
        daily_programme.requeue()  # what the beat's sweep does every minute
        wait_for(
            lambda: (
                ProgrammeDelivery.objects.filter(state=DeliveryState.SENT).count() == len(addresses)
            ),
            timeout=60,
        )
    finally:
        second.stop()
    sleep(1)
    assert recipients(received(smtp)) == addresses  # each exactly once
