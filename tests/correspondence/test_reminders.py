"""Reminders when a meeting is published or moved late: no burst, no repeat, and text that
says when; opted-out contacts still get the corrections of what they were sent. An
injected clock (time-machine) and the real outbox (eager Celery, locmem mail)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail

from correspondence import delivery
from correspondence.enums import DeliveryKind, DeliveryState
from correspondence.models import Delivery
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

START = new_york_datetime(date(2031, 3, 12), time(10))  # Wednesday 12 March 2031, 10:00


@pytest.fixture(autouse=True)
def session_2031():
    return SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))


@pytest.fixture
def belgium_contact():
    return Contact.objects.create(
        mission=Mission.objects.get(name="Belgium"),
        name="Contact Belgium",
        email="pr@belgium.example",
        confirmed=datetime(2030, 1, 1, tzinfo=UTC),
    )


def plenary(**fields) -> Meeting:
    values = {
        "session": SessionFactory(number=85),
        "title": "Plenary meeting on oceans",
        "kind": MeetingKind.PLENARY,
        "start": START,
        "end": START + timedelta(hours=3),
        "room": Room.objects.get(code="GA-HALL"),
        "published_at": START - timedelta(days=30),
    }
    return Meeting(**{**values, **fields})


def run(moment, action, captured):
    """Do `action` at `moment`, then what it queued (eager Celery sends at once)."""
    with time_machine.travel(moment, tick=False), captured(execute=True):
        return action()


def sweep_every_five_minutes(since, until, captured):
    moment = since
    while moment < until:
        run(moment, delivery.send_due_reminders, captured)
        moment += timedelta(minutes=5)


def sent() -> list[str]:
    return [m.subject for m in mail.outbox]


def test_published_fifty_minutes_ahead_sends_the_invitation_and_no_reminder(
    belgium_contact, django_capture_on_commit_callbacks
):
    published = START - timedelta(minutes=50)
    run(published, lambda: schedule.save_meeting(plenary()), django_capture_on_commit_callbacks)
    sweep_every_five_minutes(published, START, django_capture_on_commit_callbacks)
    assert [s.split(":")[0] for s in sent()] == ["Invitation"]


def test_a_reminder_due_minutes_after_the_invitation_is_not_sent(
    belgium_contact, django_capture_on_commit_callbacks
):
    published = START - timedelta(minutes=70)  # the hour's reminder would follow in 10
    run(published, lambda: schedule.save_meeting(plenary()), django_capture_on_commit_callbacks)
    sweep_every_five_minutes(published, START, django_capture_on_commit_callbacks)
    assert [s.split(":")[0] for s in sent()] == ["Invitation"]


def test_a_reminder_well_after_the_invitation_still_goes(
    belgium_contact, django_capture_on_commit_callbacks
):
    published = START - timedelta(minutes=90)
    run(published, lambda: schedule.save_meeting(plenary()), django_capture_on_commit_callbacks)
    sweep_every_five_minutes(published, START, django_capture_on_commit_callbacks)
    assert sent() == [
        "Invitation: Plenary meeting on oceans, Wednesday 12 March 2031, 10:00-13:00 "
        "(New York time, EDT)",
        "Reminder: Plenary meeting on oceans, in one hour, at 10:00 (New York time)",
    ]


def test_a_tentative_meeting_published_late_sends_no_burst(
    belgium_contact, django_capture_on_commit_callbacks
):
    entered = START - timedelta(days=5)
    meeting = run(
        entered,
        lambda: schedule.save_meeting(plenary(status=MeetingStatus.TENTATIVE)),
        django_capture_on_commit_callbacks,
    )
    published = START - timedelta(minutes=50)
    run(
        published,
        lambda: schedule.set_meeting_status(meeting, MeetingStatus.SCHEDULED),
        django_capture_on_commit_callbacks,
    )
    sweep_every_five_minutes(published, START, django_capture_on_commit_callbacks)
    assert [s.split(":")[0] for s in sent()] == ["Invitation"]


def test_the_two_reminders_say_when_in_their_own_words(
    belgium_contact, django_capture_on_commit_callbacks
):
    run(
        START - timedelta(days=3),
        lambda: schedule.save_meeting(plenary()),
        django_capture_on_commit_callbacks,
    )
    for moment in (START - timedelta(hours=24), START - timedelta(minutes=60)):
        run(moment, delivery.send_due_reminders, django_capture_on_commit_callbacks)
    day_before, hour_before = mail.outbox[1:]
    assert day_before.subject.endswith(", tomorrow at 10:00 (New York time)")
    assert "It starts tomorrow at 10:00 (New York time)." in day_before.body
    assert hour_before.subject.endswith(", in one hour, at 10:00 (New York time)")
    assert "It starts in one hour, at 10:00 (New York time)." in hour_before.body


def test_a_meeting_moved_a_little_is_not_reminded_again_for_a_lead_passed(
    belgium_contact, django_capture_on_commit_callbacks
):
    """Moved by two hours after the day-before reminder: that one is not sent again (its
    new due time has passed); the hour's reminder goes once, for the new time."""
    meeting = run(
        START - timedelta(days=3),
        lambda: schedule.save_meeting(plenary()),
        django_capture_on_commit_callbacks,
    )
    run(
        START - timedelta(hours=23), delivery.send_due_reminders, django_capture_on_commit_callbacks
    )

    def move():
        meeting.start += timedelta(hours=2)
        meeting.end += timedelta(hours=2)
        return schedule.save_meeting(meeting)

    run(START - timedelta(hours=22), move, django_capture_on_commit_callbacks)
    sweep_every_five_minutes(
        START - timedelta(hours=22), START + timedelta(hours=2), django_capture_on_commit_callbacks
    )
    assert [s.split(",")[0] for s in sent()] == [
        "Invitation: Plenary meeting on oceans",
        "Reminder: Plenary meeting on oceans",
        "Moved: Plenary meeting on oceans",
        "Reminder: Plenary meeting on oceans",
    ]
    assert sent()[-1].endswith("in one hour, at 12:00 (New York time)")


def test_a_meeting_moved_to_another_week_is_reminded_again_once_for_the_new_time(
    belgium_contact, django_capture_on_commit_callbacks
):
    meeting = run(
        START - timedelta(days=3),
        lambda: schedule.save_meeting(plenary()),
        django_capture_on_commit_callbacks,
    )
    run(
        START - timedelta(hours=23), delivery.send_due_reminders, django_capture_on_commit_callbacks
    )

    def move():
        meeting.start += timedelta(days=7)
        meeting.end += timedelta(days=7)
        return schedule.save_meeting(meeting)

    run(START - timedelta(hours=22), move, django_capture_on_commit_callbacks)
    new_start = START + timedelta(days=7)
    for moment in (new_start - timedelta(hours=24), new_start - timedelta(hours=1)):
        run(moment, delivery.send_due_reminders, django_capture_on_commit_callbacks)
        run(moment, delivery.send_due_reminders, django_capture_on_commit_callbacks)
    reminders = Delivery.objects.filter(kind=DeliveryKind.REMINDER, state=DeliveryState.SENT)
    assert sorted(reminders.values_list("sequence", "lead_minutes")) == [
        (0, 1440),  # for the old time
        (1, 60),
        (1, 1440),  # once each for the new time
    ]


# --- Opting out stops new invitations, not corrections ------------------------------


def test_an_opted_out_contact_still_gets_the_update_and_the_cancellation(
    belgium_contact, django_capture_on_commit_callbacks
):
    meeting = run(
        START - timedelta(days=3),
        lambda: schedule.save_meeting(plenary()),
        django_capture_on_commit_callbacks,
    )
    Contact.objects.filter(pk=belgium_contact.pk).update(opted_out=START - timedelta(days=2))

    def move():
        meeting.room = Room.objects.get(code="ECOSOC")
        return schedule.save_meeting(meeting)

    run(START - timedelta(days=2), move, django_capture_on_commit_callbacks)
    run(
        START - timedelta(days=2),
        lambda: schedule.save_meeting(
            plenary(title="Another plenary", start=START + timedelta(days=1), end=None)
        ),
        django_capture_on_commit_callbacks,
    )
    sweep_every_five_minutes(
        START - timedelta(hours=25), START - timedelta(hours=23), django_capture_on_commit_callbacks
    )
    run(
        START - timedelta(hours=5),
        lambda: schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED),
        django_capture_on_commit_callbacks,
    )
    assert [s.split(",")[0] for s in sent()] == [
        "Invitation: Plenary meeting on oceans",
        "Room changed: Plenary meeting on oceans",
        "Cancelled: Plenary meeting on oceans",
    ]


def test_an_opted_out_contact_never_sent_the_invitation_gets_no_cancellation(
    belgium_contact, django_capture_on_commit_callbacks
):
    meeting = run(
        START - timedelta(days=3), lambda: schedule.save_meeting(plenary()), lambda **_: _null()
    )
    Contact.objects.filter(pk=belgium_contact.pk).update(opted_out=START - timedelta(days=3))
    run(
        START - timedelta(days=2),
        lambda: schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED),
        django_capture_on_commit_callbacks,
    )
    delivery.deliver(Delivery.objects.values_list("pk", flat=True))
    assert sent() == []
    assert list(Delivery.objects.values_list("kind", "state")) == [
        (DeliveryKind.INVITATION, DeliveryState.SKIPPED)
    ]


class _null:
    """A context that runs nothing on commit: the invitation stays in the outbox."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
