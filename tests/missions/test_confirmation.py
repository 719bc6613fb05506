"""A new address is confirmed by its owner (one-click link) before it receives anything;
then it is caught up at once (missions/confirmation.py, correspondence/delivery.py)."""

import re
from datetime import date, time, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from correspondence import delivery
from correspondence.enums import DeliveryKind, DeliveryState
from correspondence.models import Delivery
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions import confirmation
from missions.contacts import import_contacts
from missions.models import Contact, Mission
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

CONFIRM_SUBJECT = "Confirm your address for invitations to General Assembly meetings"


def plenary(captured, **fields) -> Meeting:
    """A published plenary meeting in March 2031 (every mission takes plenaries)."""
    values = {
        "session": SessionFactory(
            number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8)
        ),
        "title": "Plenary meeting on oceans",
        "kind": MeetingKind.PLENARY,
        "start": new_york_datetime(date(2031, 3, 12), time(10)),
        "end": new_york_datetime(date(2031, 3, 12), time(13)),
        "room": Room.objects.get(code="GA-HALL"),
        "status": MeetingStatus.SCHEDULED,
        "published_at": new_york_datetime(date(2031, 1, 12), time(10)),
        **fields,
    }
    with captured(execute=True):
        return schedule.save_meeting(Meeting(**values))


def subjects() -> list[tuple[str, str]]:
    return [(m.to[0], m.subject.split(":")[0]) for m in mail.outbox]


def link_in(message) -> str:
    """The confirmation link of the e-mail, as a path for the test client."""
    url = re.search(r"https?://\S+/contacts/confirm/[\w-]+/", message.body).group(0)
    return urlsplit(url).path


@pytest.fixture
def added(client, mission_user, belgium, django_capture_on_commit_callbacks):
    """Mission staff add a contact through the page; the link is e-mailed after commit."""
    plenary(django_capture_on_commit_callbacks)  # already published, still to come
    client.force_login(mission_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("missions:mission-contacts", args=[belgium.pk]),
            {"name": 'Anne <b>"Dupont"</b> & co', "email": "anne@belgium.example"},
        )
    assert response.status_code == 302
    client.logout()  # the owner of the address is nobody signed in
    return Contact.objects.get(email="anne@belgium.example")


def test_a_new_contact_is_sent_only_the_confirmation_link(
    added, django_capture_on_commit_callbacks
):
    assert added.confirmed is None
    assert subjects() == [("anne@belgium.example", CONFIRM_SUBJECT)]
    # Nothing is written for it: not for the meeting already published...
    assert not Delivery.objects.filter(contact=added).exists()
    # ...nor for one published now, nor any reminder.
    meeting = plenary(
        django_capture_on_commit_callbacks,
        title="Another plenary",
        room=Room.objects.get(code="ECOSOC"),
    )
    with (
        time_machine.travel(meeting.start - timedelta(hours=23), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        delivery.send_due_reminders()
    assert not Delivery.objects.filter(contact=added).exists()
    assert subjects() == [("anne@belgium.example", CONFIRM_SUBJECT)]


def test_the_confirmation_email_leaves_after_commit_from_a_task(
    client, mission_user, belgium, django_capture_on_commit_callbacks
):
    client.force_login(mission_user)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            reverse("missions:mission-contacts", args=[belgium.pk]),
            {"name": "Anne", "email": "anne@belgium.example"},
        )
    assert mail.outbox == []  # nothing sent inside the request's transaction
    assert [c.func.__name__ for c in callbacks] == ["queue_confirmation"]
    callbacks[0]()  # after commit: the task (eager here) sends it
    assert subjects() == [("anne@belgium.example", CONFIRM_SUBJECT)]


def test_the_confirmation_email_escapes_what_staff_typed(added):
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "Anne &lt;b&gt;&quot;Dupont&quot;&lt;/b&gt; &amp; co" in html
    assert "<b>" not in html
    assert 'Anne <b>"Dupont"</b> & co, this address was added' in message.body  # plain text
    assert link_in(message) == reverse("missions:contact-confirm", args=[added.confirmation_key])
    assert added.token not in message.body  # the opt-out token stays out of it


def test_opening_the_link_changes_nothing_and_the_button_confirms_and_catches_up(
    client, added, django_capture_on_commit_callbacks
):
    url = link_in(mail.outbox[0])
    page = client.get(url)  # what a mail scanner does
    assert page.status_code == 200
    assert "Yes, send invitations to this address" in page.content.decode()
    added.refresh_from_db()
    assert added.confirmed is None
    assert not Delivery.objects.filter(contact=added).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.confirmed is not None
    assert subjects() == [
        ("anne@belgium.example", CONFIRM_SUBJECT),
        ("anne@belgium.example", "Invitation"),  # the meeting published before
    ]
    again = client.get(url)
    assert again.status_code == 200
    assert "Your address is confirmed" in again.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)  # a second click sends nothing more
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("key", "status", "reason"),
    [
        ("A" * 43, 404, "This confirmation link is not valid."),
        ("short", 404, "This confirmation link is not valid."),
        # refused before any view (gasched.middleware)
        ("x\x00y" * 12, 400, "a NUL character in the address"),
    ],
)
def test_a_bad_link_is_refused_with_the_reason(client, added, key, status, reason):
    response = client.get(reverse("missions:contact-confirm", args=[key]))
    assert response.status_code == status
    assert reason in response.content.decode()
    assert client.post(reverse("missions:contact-confirm", args=[key])).status_code == status


def test_an_expired_link_is_a_404_with_the_reason_and_confirms_nothing(client, added):
    url = link_in(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 404
            assert "This confirmation link has expired." in response.content.decode()
    added.refresh_from_db()
    assert added.confirmed is None


def test_a_changed_address_is_confirmed_again_and_the_old_link_stops_working(
    client, mission_user, belgium, added, django_capture_on_commit_callbacks
):
    old_link = link_in(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(old_link)  # Anne confirms her address and is invited
    meeting = Meeting.objects.get()
    # Then a mission member points the contact at someone else's mailbox.
    client.force_login(mission_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("missions:contact-edit", args=[belgium.pk, added.pk]),
            {"name": "Anne", "email": "stranger@elsewhere.example"},
        )
    added.refresh_from_db()
    assert added.confirmed is None
    assert subjects()[-1] == ("stranger@elsewhere.example", CONFIRM_SUBJECT)
    client.logout()
    assert client.get(old_link).status_code == 404  # it confirmed the old address only
    # The meeting moves: the update is held back, not sent to the unconfirmed address.
    meeting.room = Room.objects.get(code="ECOSOC")
    with django_capture_on_commit_callbacks(execute=True):
        schedule.save_meeting(meeting)
    update = Delivery.objects.get(contact=added, kind=DeliveryKind.UPDATE)
    assert (update.state, update.last_error) == (DeliveryState.SKIPPED, delivery.NOT_CONFIRMED)
    assert "stranger@elsewhere.example" not in [
        m.to[0] for m in mail.outbox if "Room changed" in m.subject
    ]
    # Its owner confirms: what was held back goes out now.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[-1]))
    assert subjects()[-1] == ("stranger@elsewhere.example", "Room changed")
    update.refresh_from_db()
    assert update.state == DeliveryState.SENT


def test_staff_send_the_link_again_at_most_once_an_hour(
    client, mission_user, belgium, added, django_capture_on_commit_callbacks
):
    client.force_login(mission_user)
    url = reverse("missions:contact-edit", args=[belgium.pk, added.pk])
    assert "Send the confirmation link again" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"action": "send-link"}, follow=True)
    assert "less than an hour ago" in page.content.decode()
    assert len(mail.outbox) == 1
    # Three weeks later the first link has expired.
    Contact.objects.filter(pk=added.pk).update(
        confirmation_sent=timezone.now() - timedelta(days=21)
    )
    assert client.get(link_in(mail.outbox[0])).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"action": "send-link"}, follow=True)
    assert "The confirmation link is sent again." in page.content.decode()
    assert subjects()[-1] == ("anne@belgium.example", CONFIRM_SUBJECT)
    assert len(mail.outbox) == 2
    assert client.get(link_in(mail.outbox[1])).status_code == 200  # valid again


def test_the_contacts_page_says_which_addresses_wait_for_confirmation(
    client, mission_user, belgium, added
):
    client.force_login(mission_user)
    page = client.get(reverse("missions:mission-contacts", args=[belgium.pk])).content.decode()
    assert "Not yet: the address is not confirmed (link sent on" in page


def test_contacts_the_office_imports_are_confirmed_and_invited_at_once(
    django_capture_on_commit_callbacks,
):
    plenary(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        import_contacts(b"mission,name,email\nFiji,Ana,ana@fiji.example\n")
    assert Contact.objects.get().confirmed is not None
    assert subjects() == [("ana@fiji.example", "Invitation")]


def test_contacts_a_mission_imports_for_itself_wait_for_confirmation(
    belgium, django_capture_on_commit_callbacks
):
    plenary(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        import_contacts(b"mission,name,email\nBelgium,Jan,jan@be.example\n", missions=[belgium])
    assert Contact.objects.get().confirmed is None
    assert subjects() == [("jan@be.example", CONFIRM_SUBJECT)]


def test_a_confirmation_link_is_never_sent_to_an_address_confirmed_meanwhile(added):
    confirmation.confirm_address(added)
    assert confirmation.send_confirmation(added.pk) is False


def test_the_migration_counts_contacts_already_there_as_confirmed():
    """Contacts in the directory before the upgrade keep receiving invitations."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("missions.migrations.0003_contact_address_confirmed")
    belgium = Mission.objects.get(name="Belgium")
    before = Contact.objects.create(mission=belgium, name="PR", email="pr@belgium.example")
    assert before.confirmed is None
    migration.confirm_existing_contacts(apps, None)
    before.refresh_from_db()
    assert before.confirmed == before.created
