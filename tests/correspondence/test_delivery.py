"""Who is invited to what, the outbox written with each change, the iMIP messages,
reminders, opting out and resending (eager Celery, Django's locmem mail)."""

import email
from datetime import UTC, date, datetime, time, timedelta
from email import policy

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.core import mail
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from icalendar import Calendar

from correspondence import delivery
from correspondence.enums import DeliveryKind, DeliveryState
from correspondence.messages import build_message
from correspondence.models import Delivery, Reminder
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus, Timing
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.factories import ProcessFactory, SessionFactory

pytestmark = pytest.mark.django_db

FUTURE = date(2031, 3, 12)  # a Wednesday, after the change to daylight time


@pytest.fixture(autouse=True)
def session_2031():
    return SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))


def contact(mission_name: str, email_address: str, **mission_fields) -> Contact:
    """A contact whose address is confirmed (tests/missions/test_confirmation.py)."""
    mission = Mission.objects.get(name=mission_name)
    for field, value in mission_fields.items():
        setattr(mission, field, value)
    mission.save()
    return Contact.objects.create(
        mission=mission,
        name=f"Contact {mission_name}",
        email=email_address,
        confirmed=datetime.now(tz=UTC),
    )


def publish(meeting: Meeting, captured) -> Meeting:
    """Save through the domain and run what it queues after commit (eager Celery)."""
    with captured(execute=True):
        return schedule.save_meeting(meeting)


def new_meeting(**fields) -> Meeting:
    values = {
        "session": Meeting._meta.get_field("session").related_model.objects.get(number=85),
        "title": "Plenary meeting on oceans",
        "kind": MeetingKind.PLENARY,
        "start": new_york_datetime(FUTURE, time(10)),
        "end": new_york_datetime(FUTURE, time(13)),
        "room": Room.objects.get(code="GA-HALL"),
        "status": MeetingStatus.SCHEDULED,
        "published_at": datetime(2030, 9, 1, tzinfo=UTC),  # a published meeting's changes
    }
    values.update(fields)
    return Meeting(**values)


# --- Who is invited --------------------------------------------------------------------


def test_missions_receive_plenary_and_high_level_meetings_by_default(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    contact("Qatar", "pr@qatar.example")
    publish(new_meeting(), django_capture_on_commit_callbacks)
    publish(
        new_meeting(kind=MeetingKind.BRIEFING, title="Briefing", room=Room.objects.get(code="CR1")),
        django_capture_on_commit_callbacks,
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["pr@belgium.example", "pr@qatar.example"]
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"Invitation"}


def test_a_mission_chooses_processes_everything_or_a_focal_point_per_process(
    django_capture_on_commit_callbacks,
):
    process = ProcessFactory(
        session=Meeting._meta.get_field("session").related_model.objects.get(number=85)
    )
    follows = contact("Belgium", "be@example.org", kinds=[])
    follows.mission.processes.add(process)
    contact("Fiji", "fj@example.org", kinds=[], receives_everything=True)
    focal = contact("Chile", "cl@example.org", kinds=[])
    focal.focal_point_for.add(process)
    contact("Norway", "no@example.org", kinds=[])  # wants nothing of this
    publish(
        new_meeting(kind=MeetingKind.INFORMAL_CONSULTATION, process=process),
        django_capture_on_commit_callbacks,
    )
    assert sorted(m.to[0] for m in mail.outbox) == [
        "be@example.org",
        "cl@example.org",
        "fj@example.org",
    ]


def test_tentative_and_past_meetings_send_nothing(django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    publish(new_meeting(status=MeetingStatus.TENTATIVE), django_capture_on_commit_callbacks)
    publish(
        new_meeting(
            start=new_york_datetime(date(2020, 3, 3), time(10)),
            end=None,
            session=SessionFactory(
                number=74, start_date=date(2019, 9, 17), end_date=date(2020, 9, 14)
            ),
        ),
        django_capture_on_commit_callbacks,
    )
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_the_outbox_is_written_in_the_same_transaction_as_the_change():
    contact("Belgium", "pr@belgium.example")
    written = []

    def save_then_fail():
        with transaction.atomic():
            schedule.save_meeting(new_meeting())
            written.append(Delivery.objects.count())  # written with the meeting...
            raise RuntimeError("the save fails after all")

    with pytest.raises(RuntimeError):
        save_then_fail()
    assert written == [1]
    assert (Meeting.objects.count(), Delivery.objects.count()) == (0, 0)  # ...and gone with it


# --- Updates and cancellations ----------------------------------------------------------


def test_a_move_sends_an_update_and_a_cancel_a_cancellation(django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    meeting.room = Room.objects.get(code="ECOSOC")
    publish(meeting, django_capture_on_commit_callbacks)
    publish(meeting, django_capture_on_commit_callbacks)  # saved again, nothing changed
    with django_capture_on_commit_callbacks(execute=True):
        schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED)
    calendars = [calendar_of(m) for m in mail.outbox]
    assert [(c["METHOD"], event_of(c)["SEQUENCE"], event_of(c)["STATUS"]) for c in calendars] == [
        ("REQUEST", 0, "CONFIRMED"),
        ("REQUEST", 1, "CONFIRMED"),
        ("CANCEL", 2, "CANCELLED"),
    ]
    assert len({str(event_of(c)["UID"]) for c in calendars}) == 1
    assert [m.subject.split(":")[0] for m in mail.outbox] == [
        "Invitation",
        "Room changed",
        "Cancelled",
    ]
    assert "- Room: General Assembly Hall → ECOSOC Chamber\n" in mail.outbox[1].body
    assert "- Cancelled\n" in mail.outbox[2].body


def test_a_new_contact_of_an_invited_mission_gets_the_invitation_on_the_next_change(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    contact("Qatar", "pr@qatar.example")
    meeting.room = Room.objects.get(code="ECOSOC")
    publish(meeting, django_capture_on_commit_callbacks)
    assert [(m.to[0], m.subject.split(":")[0]) for m in mail.outbox] == [
        ("pr@belgium.example", "Invitation"),
        ("pr@belgium.example", "Room changed"),
        ("pr@qatar.example", "Invitation"),
    ]


# --- The messages (shared/standards.md T20-T28) -----------------------------------------


def calendar_of(message) -> Calendar:
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=policy.default)
    parts = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_payload(decode=True))


def event_of(calendar):
    return next(c for c in calendar.walk("VEVENT"))


def test_an_invitation_is_an_imip_message_every_calendar_accepts(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(
        new_meeting(title="Oceans, seas; and \\ rivers: «المحيطات»"),
        django_capture_on_commit_callbacks,
    )
    parsed = email.message_from_bytes(mail.outbox[0].message().as_bytes(), policy=policy.default)

    assert parsed.get_content_type() == "multipart/mixed"
    alternative, attachment = parsed.get_payload()
    assert [p.get_content_type() for p in alternative.get_payload()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    calendar_part = alternative.get_payload()[2]
    assert calendar_part.get_param("method") == "REQUEST"
    assert calendar_part.get_content_charset() == "utf-8"
    assert str(calendar_part["Content-Type"]).count("charset") == 1
    assert calendar_part.get_content_disposition() is None
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "invite.ics"
    # The same calendar (MIME text parts travel with their own line ends).
    assert attachment.get_payload(decode=True).replace(b"\r\n", b"\n") == calendar_part.get_payload(
        decode=True
    ).replace(b"\r\n", b"\n")

    calendar = Calendar.from_ical(calendar_part.get_payload(decode=True))
    assert calendar["METHOD"] == "REQUEST"
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE", "VEVENT"]
    event = event_of(calendar)
    assert str(event["UID"]) == meeting.uid
    assert event["SUMMARY"] == "Oceans, seas; and \\ rivers: «المحيطات»"
    assert event.decoded("DTSTART") == datetime(2031, 3, 12, 14, tzinfo=UTC)  # 10:00 EDT
    # The reply address gasched receives itself (correspondence.replies), named as the office.
    assert str(event["ORGANIZER"]) == "mailto:rsvp@un.org"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:pr@belgium.example"
    assert {k: attendee.params[k] for k in ("RSVP", "PARTSTAT", "ROLE", "CUTYPE")} == {
        "RSVP": "TRUE",
        "PARTSTAT": "NEEDS-ACTION",
        "ROLE": "REQ-PARTICIPANT",
        "CUTYPE": "INDIVIDUAL",
    }
    for absent in ("VALARM", "X-WR-CALNAME", "REFRESH-INTERVAL"):
        assert absent.encode() not in calendar_part.get_payload(decode=True)
    # One recipient per message; From is the ORGANIZER, an address that is read (by gasched).
    assert parsed["To"] == "pr@belgium.example"
    assert parsed["Cc"] is None
    assert parsed["Bcc"] is None
    assert parsed["From"].addresses[0].addr_spec == "rsvp@un.org"
    assert "noreply" not in parsed["From"].addresses[0].addr_spec.replace("-", "")
    assert parsed["Message-ID"] == Delivery.objects.get().message_id
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = alternative.get_payload()[0].get_content()
    assert "Wednesday 12 March 2031, 10:00–13:00 (New York time, EDT)" in text
    assert "General Assembly Hall" in text


def test_the_feed_and_the_invitation_agree_on_uid_and_sequence(
    client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    meeting.start, meeting.end = (
        meeting.start + timedelta(hours=5),
        meeting.end + timedelta(hours=5),
    )
    publish(meeting, django_capture_on_commit_callbacks)
    feed = Calendar.from_ical(
        client.get(reverse("meetings:meeting-ics", args=[meeting.pk])).content
    )
    update = event_of(calendar_of(mail.outbox[-1]))
    assert (str(update["UID"]), update["SEQUENCE"]) == (
        str(event_of(feed)["UID"]),
        event_of(feed)["SEQUENCE"],
    )


def test_what_users_typed_is_escaped_in_the_html_part(django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    publish(new_meeting(title="<script>alert(1)</script>"), django_capture_on_commit_callbacks)
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


# --- Reminders -------------------------------------------------------------------------


def test_reminders_come_due_at_the_lead_times_and_go_only_to_the_invited(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    contact("Qatar", "late@qatar.example", kinds=[])  # never invited: no reminder
    assert sorted((r.lead_minutes, r.due) for r in Reminder.objects.all()) == [
        (60, meeting.start - timedelta(hours=1)),
        (1440, meeting.start - timedelta(hours=24)),
    ]
    mail.outbox.clear()
    with (
        time_machine.travel(meeting.start - timedelta(hours=25), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert delivery.send_due_reminders() == []
    with (
        time_machine.travel(meeting.start - timedelta(hours=23), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        delivery.send_due_reminders()
        delivery.send_due_reminders()  # a second sweep sends nothing twice
    assert [(m.to[0], m.subject.split(":")[0]) for m in mail.outbox] == [
        ("pr@belgium.example", "Reminder")
    ]
    parsed = email.message_from_bytes(mail.outbox[0].message().as_bytes(), policy=policy.default)
    assert not any(
        p.get_content_type() in ("text/calendar", "application/ics") for p in parsed.walk()
    )


def test_a_sweep_after_downtime_sends_what_came_due_meanwhile(django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    # The worker was down from 30 hours to 30 minutes before: both reminders are due.
    with (
        time_machine.travel(meeting.start - timedelta(minutes=30), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        delivery.send_due_reminders()
    assert sorted(d.lead_minutes for d in Delivery.objects.filter(kind="reminder")) == [60, 1440]


def test_a_moved_meeting_moves_its_reminders_and_a_cancelled_one_has_none(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    meeting.start += timedelta(days=2)
    meeting.end += timedelta(days=2)
    publish(meeting, django_capture_on_commit_callbacks)
    assert Reminder.objects.get(lead_minutes=60).due == meeting.start - timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED)
    mail.outbox.clear()
    with time_machine.travel(meeting.start - timedelta(minutes=30), tick=False):
        assert delivery.send_due_reminders() == []


@pytest.mark.parametrize("stored", [100, 10_000])
def test_the_reminder_sweep_costs_what_is_due_not_what_is_stored(
    stored, django_assert_num_queries, django_capture_on_commit_callbacks
):
    session = Meeting._meta.get_field("session").related_model.objects.get(number=85)
    start = new_york_datetime(date(2031, 5, 5), time(10))
    Meeting.objects.bulk_create(
        Meeting(
            session=session,
            title=f"m{n}",
            kind="other",
            start=start + timedelta(minutes=n),
            booked_until=start + timedelta(minutes=n + 1),
            timing=Timing.EXACT,
            published_at=start - timedelta(days=30),
        )
        for n in range(stored)
    )
    Reminder.objects.bulk_create(
        Reminder(meeting=m, lead_minutes=60, due=m.start - timedelta(hours=1))
        for m in Meeting.objects.all()
    )
    contact("Belgium", "pr@belgium.example")
    due = publish(new_meeting(), django_capture_on_commit_callbacks)
    Delivery.objects.update(state=DeliveryState.SENT)
    with (
        time_machine.travel(due.start - timedelta(minutes=30), tick=False),
        django_assert_num_queries(7),
    ):
        ids = delivery.send_due_reminders()
    assert len(ids) == 2  # the 24-hour and the 1-hour reminder of the one meeting due


# --- Opting out, resending -------------------------------------------------------------


def test_one_click_unsubscribe_stops_everything(client, django_capture_on_commit_callbacks):
    person = contact("Belgium", "pr@belgium.example")
    url = reverse("correspondence:unsubscribe", args=[person.token])
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    person.refresh_from_db()
    assert person.opted_out is not None
    publish(new_meeting(), django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert client.get(reverse("correspondence:unsubscribe", args=["nope"])).status_code == 404


def test_staff_resend_a_failed_delivery(staff_client, django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    publish(new_meeting(), django_capture_on_commit_callbacks)
    row = Delivery.objects.get()
    Delivery.objects.filter(pk=row.pk).update(state=DeliveryState.FAILED, last_error="550 gone")
    page = staff_client.get(reverse("correspondence:meeting-deliveries", args=[row.meeting_id]))
    assert "550 gone" in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("correspondence:delivery-resend", args=[row.pk]))
    row.refresh_from_db()
    assert (row.state, len(mail.outbox)) == (DeliveryState.SENT, 1)
    assert mail.outbox[0].extra_headers["Message-ID"] == row.message_id  # same message


def test_a_superseded_version_is_not_sent_after_the_newer_one(django_capture_on_commit_callbacks):
    person = contact("Belgium", "pr@belgium.example")
    meeting = schedule.save_meeting(new_meeting())  # queued, not yet sent
    meeting.room = Room.objects.get(code="ECOSOC")
    with django_capture_on_commit_callbacks(execute=True):
        schedule.save_meeting(meeting)
    outcome = delivery.deliver(Delivery.objects.values_list("pk", flat=True))
    assert outcome == {"sent": 0, "retry": 0, "failed": 0, "skipped": 1}
    assert [(m.to[0], event_of(calendar_of(m))["SEQUENCE"]) for m in mail.outbox] == [
        (person.email, 1)
    ]
    assert Delivery.objects.get(sequence=0).state == DeliveryState.SKIPPED


def test_a_message_can_be_rebuilt_identically_for_a_retry():
    person = contact("Belgium", "pr@belgium.example")
    meeting = schedule.save_meeting(new_meeting())
    row = Delivery.objects.get(contact=person, meeting=meeting)
    stamp = datetime(2031, 1, 1, tzinfo=UTC)
    first, second = build_message(row, stamp=stamp), build_message(row, stamp=stamp)
    assert (first.subject, first.body, first.alternatives, first.extra_headers) == (
        second.subject,
        second.body,
        second.alternatives,
        second.extra_headers,
    )
    assert row.kind == DeliveryKind.INVITATION


def test_make_run_demo_contacts_receive_what_is_published(
    settings, django_capture_on_commit_callbacks
):
    from missions.demo import load_demo_contacts

    settings.DEBUG = False
    assert load_demo_contacts() == 0  # never on a real server
    settings.DEBUG = True
    assert load_demo_contacts() == 3
    assert load_demo_contacts() == 0  # idempotent
    publish(
        new_meeting(kind=MeetingKind.BRIEFING, room=Room.objects.get(code="CR2")),
        django_capture_on_commit_callbacks,
    )
    assert [m.to[0] for m in mail.outbox] == ["focal-point@belgium.demo.gasched.org"]


def test_a_process_a_mission_member_follows_in_my_schedule_is_followed_by_the_mission(
    mission_user, belgium, django_capture_on_commit_callbacks
):
    from meetings.models import PersonalSchedule

    process = ProcessFactory(
        session=Meeting._meta.get_field("session").related_model.objects.get(number=85)
    )
    PersonalSchedule.objects.create(user=mission_user).processes.add(process)
    contact("Belgium", "pr@belgium.example", kinds=[])
    contact("Qatar", "pr@qatar.example", kinds=[])
    publish(
        new_meeting(kind=MeetingKind.INFORMAL_CONSULTATION, process=process),
        django_capture_on_commit_callbacks,
    )
    assert [m.to[0] for m in mail.outbox] == ["pr@belgium.example"]


# --- Review of the first version ---------------------------------------------------------


def test_a_new_contact_is_invited_at_once_to_published_meetings_to_come_once_confirmed(
    django_capture_on_commit_callbacks,
):
    from missions.confirmation import confirm_address
    from missions.contacts import save_contact

    publish(new_meeting(), django_capture_on_commit_callbacks)
    publish(
        new_meeting(kind=MeetingKind.BRIEFING, room=Room.objects.get(code="CR2")),
        django_capture_on_commit_callbacks,
    )  # Belgium does not take briefings
    with django_capture_on_commit_callbacks(execute=True):
        new = save_contact(
            Contact(mission=Mission.objects.get(name="Belgium"), name="New", email="New@be.example")
        )
    with django_capture_on_commit_callbacks(execute=True):
        confirm_address(new)
    assert [(m.to[0], m.subject.split(":")[0]) for m in mail.outbox] == [
        ("new@be.example", "Confirm your address for invitations to General Assembly meetings"),
        ("new@be.example", "Invitation"),
    ]


def test_going_back_to_tentative_updates_the_invited(django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        schedule.set_meeting_status(meeting, MeetingStatus.TENTATIVE)
    assert [event_of(calendar_of(m))["STATUS"] for m in mail.outbox] == ["CONFIRMED", "TENTATIVE"]


def test_a_postponement_says_postponed_and_removes_it_from_calendars(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        schedule.set_meeting_status(meeting, MeetingStatus.POSTPONED)
    assert mail.outbox[-1].subject.startswith("Postponed: ")
    assert calendar_of(mail.outbox[-1])["METHOD"] == "CANCEL"


def test_a_reminder_is_not_lost_while_the_invitation_is_still_pending(
    django_capture_on_commit_callbacks,
):
    contact("Belgium", "pr@belgium.example")
    meeting = schedule.save_meeting(new_meeting())  # queued, not yet sent
    with time_machine.travel(meeting.start - timedelta(hours=23), tick=False):
        delivery.send_due_reminders()
    assert Delivery.objects.filter(kind=DeliveryKind.REMINDER, lead_minutes=1440).count() == 1


def test_a_reminder_for_the_old_time_is_not_sent_after_a_move(django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    with time_machine.travel(meeting.start - timedelta(minutes=30), tick=False):
        delivery.send_due_reminders()  # queued, not yet sent
        meeting.start += timedelta(hours=2)
        meeting.end += timedelta(hours=2)
        schedule.save_meeting(meeting)
        outcome = delivery.deliver(
            Delivery.objects.filter(kind=DeliveryKind.REMINDER).values_list("pk", flat=True)
        )
    assert outcome["sent"] == 0
    assert outcome["skipped"] == 2


def test_a_row_the_sweep_took_back_from_a_slow_worker_is_not_sent_by_it(
    settings, django_capture_on_commit_callbacks
):
    """The worker claimed the row; the sweep decided it was dead and handed the row to
    another worker, which sent it. The first worker, waking up, must not send it again."""
    contact("Belgium", "pr@belgium.example")
    schedule.save_meeting(new_meeting())
    row = Delivery.objects.get()
    assert delivery.claim([row.pk], timezone_now(), "slow-worker") == [row.pk]
    settings.GASCHED_STALE_SENDING_SECONDS = 0
    delivery.requeue()  # eager here: "another worker" sends it at once
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    row.claim = "slow-worker"
    assert delivery.still_mine(row, "slow-worker") is False
    delivery.finish(row, DeliveryState.FAILED, error="the slow worker's late failure")
    row.refresh_from_db()
    assert row.state == DeliveryState.SENT  # its late outcome does not overwrite


def timezone_now():
    from django.utils import timezone

    return timezone.now()


def test_contact_names_with_control_characters_stay_valid_icalendar(
    django_capture_on_commit_callbacks,
):
    person = contact("Belgium", "pr@belgium.example")
    Contact.objects.filter(pk=person.pk).update(name='Tab\there, "quoted"\x0b')
    publish(new_meeting(), django_capture_on_commit_callbacks)
    raw = calendar_of(mail.outbox[0]).to_ical()
    assert b"CN=\"Tab here, 'quoted' \"" in raw.replace(b"\r\n ", b"")


def test_a_meeting_the_missions_were_invited_to_cannot_be_deleted(
    django_capture_on_commit_callbacks,
):
    """It is cancelled, never deleted (deleting would leave it in their calendars with no
    cancellation sent): the database refuses, whichever way the delete comes."""
    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    assert meeting.deliveries.exists()
    with pytest.raises(ProtectedError):
        meeting.delete()
    with pytest.raises(ProtectedError):
        Meeting.objects.filter(pk=meeting.pk).delete()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    nobody_invited = schedule.save_meeting(new_meeting(status=MeetingStatus.TENTATIVE, room=None))
    nobody_invited.delete()
    assert not Meeting.objects.filter(pk=nobody_invited.pk).exists()


def test_the_admin_says_why_a_meeting_with_invitations_cannot_be_deleted(
    client, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    from tests.conftest import sign_in_with_second_factor

    contact("Belgium", "pr@belgium.example")
    meeting = publish(new_meeting(), django_capture_on_commit_callbacks)
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    Authenticator.objects.create(user=root, type=Authenticator.Type.TOTP, data={})
    sign_in_with_second_factor(client, root)
    url = reverse("admin:meetings_meeting_delete", args=[meeting.pk])
    response = client.post(url, {"post": "yes"})
    assert "would require deleting the following protected related objects" in (
        response.content.decode()
    )
    assert Meeting.objects.filter(pk=meeting.pk).exists()


# --- A bad row fails alone (issue 14) ----------------------------------------------------


@pytest.mark.parametrize(
    ("poison", "shown"),
    [("poison@example.org\u202e", "U+202E"), ('"a\x0bb"@example.org', "U+000B")],
    ids=["right-to-left override", "vertical tab"],
)
def test_a_poisoned_address_fails_its_row_alone_with_the_reason(
    poison, shown, staff_client, django_capture_on_commit_callbacks
):
    people = [contact(name, f"pr@{name.lower()}.example") for name in ("Belgium", "Fiji", "Qatar")]
    # Written around every check, as an old row or a direct database edit would be.
    Contact.objects.filter(pk=people[1].pk).update(email=poison)
    meeting = schedule.save_meeting(new_meeting())  # written, not yet sent
    rows = Delivery.objects.order_by("contact__mission__name").values_list("pk", flat=True)
    outcome = delivery.deliver(list(rows))
    assert outcome == {"sent": 2, "retry": 0, "failed": 1, "skipped": 0}
    assert sorted(m.to[0] for m in mail.outbox) == ["pr@belgium.example", "pr@qatar.example"]
    failed = Delivery.objects.get(contact=people[1])
    assert failed.state == DeliveryState.FAILED
    assert failed.last_error.startswith("Not sent: The address “")
    assert f"holds invisible control or direction characters ({shown})" in failed.last_error
    assert not {"\u202e", "\x0b"} & set(failed.last_error)  # written out, never as is
    # The sweep leaves it alone; staff see why on the meeting's deliveries page.
    assert failed.pk not in delivery.requeue()
    assert len(mail.outbox) == 2
    page = staff_client.get(reverse("correspondence:meeting-deliveries", args=[meeting.pk]))
    assert f"holds invisible control or direction characters ({shown})" in (
        page.content.decode().replace("&quot;", '"')
    )


def test_a_row_that_keeps_coming_back_fails_at_the_attempt_cap(settings):
    """However it came back to the outbox (here: workers that died holding it, as many
    times as the cap allows), a row is not tried for ever."""
    contact("Belgium", "pr@belgium.example")
    schedule.save_meeting(new_meeting())
    Delivery.objects.update(attempts=settings.GASCHED_MAX_ATTEMPTS, last_error="")
    outcome = delivery.deliver(Delivery.objects.values_list("pk", flat=True))
    assert outcome == {"sent": 0, "retry": 0, "failed": 0, "skipped": 0}
    assert mail.outbox == []
    row = Delivery.objects.get()
    assert (row.state, row.last_error) == (
        DeliveryState.FAILED,
        "Gave up after 10 attempts: the sending stopped before the server answered",
    )
    assert delivery.requeue() == []


def test_a_unicode_domain_stored_before_the_checks_is_sent_to_its_idna_form(
    django_capture_on_commit_callbacks,
):
    from django.db import connection

    person = contact("Germany", "info@example.org")
    with connection.cursor() as cursor:  # as typed, before addresses were checked
        cursor.execute(
            f"UPDATE {Contact._meta.db_table} SET email = %s WHERE id = %s",  # noqa: S608
            ["info@straße.example", person.pk],
        )
    publish(new_meeting(), django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["info@xn--strae-oqa.example"]]  # not strasse
    assert "mailto:info@xn--strae-oqa.example" in calendar_of(mail.outbox[0]).to_ical().decode()
