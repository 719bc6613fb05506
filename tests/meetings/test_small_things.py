"""Small things a delegate noticed: Held, the archive's order, a cancelled meeting's
calendar button, Atom entry ids, the rooms list's commas."""

from datetime import date

import pytest
from defusedxml.ElementTree import fromstring
from django.urls import reverse

from meetings.enums import MeetingStatus
from meetings.models import Room, RoomAlias
from tests.factories import MeetingFactory, SessionFactory, at

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)


def status_of(page: str) -> str:
    start = page.index("<dt>Status</dt><dd>") + len("<dt>Status</dt><dd>")
    return page[start : page.index("</dd>", start)]


def test_a_past_meeting_is_held_and_one_ahead_scheduled(client, time_machine):
    time_machine.move_to(at(JUNE_29, 20), tick=False)
    yesterday = MeetingFactory(start=at(date(2017, 6, 28), 10))
    tomorrow = MeetingFactory(start=at(date(2017, 6, 30), 10))
    cancelled = MeetingFactory(start=at(date(2017, 6, 27), 10), status=MeetingStatus.CANCELLED)
    assert status_of(client.get(yesterday.get_absolute_url()).content.decode()) == "Held"
    assert status_of(client.get(tomorrow.get_absolute_url()).content.decode()) == "Scheduled"
    assert status_of(client.get(cancelled.get_absolute_url()).content.decode()) == "Cancelled"


def test_the_archive_lists_sessions_newest_first(client):
    for number in (70, 72, 71):
        SessionFactory(
            number=number,
            start_date=date(1945 + number, 9, 13),
            end_date=date(1946 + number, 9, 11),
        )
    page = client.get(reverse("meetings:archive")).content.decode()
    assert page.index("72nd session") < page.index("71st session") < page.index("70th session")


def test_a_cancelled_meeting_does_not_press_add_to_calendar(client):
    on = MeetingFactory(start=at(JUNE_29, 10))
    off = MeetingFactory(start=at(JUNE_29, 15), status=MeetingStatus.CANCELLED)
    assert f'<a class="button" href="/meetings/{on.pk}/meeting.ics"' in (
        client.get(on.get_absolute_url()).content.decode()
    )
    assert f'<a class="button secondary" href="/meetings/{off.pk}/meeting.ics"' in (
        client.get(off.get_absolute_url()).content.decode()
    )


def test_atom_entry_ids_are_absolute(client, time_machine):
    time_machine.move_to(at(JUNE_29, 9), tick=False)
    MeetingFactory(start=at(JUNE_29, 10))
    time_machine.move_to(at(JUNE_29, 12), tick=False)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = fromstring(client.get(reverse("meetings:changes-feed")).content)
    ids = [entry.find(f"{atom}id").text for entry in feed.findall(f"{atom}entry")]
    assert ids
    for found in ids:
        assert found.startswith("tag:gasched.un.org,2017:meeting-"), found


def test_the_rooms_list_leaves_no_trailing_comma(client):
    room = Room.objects.create(code="ZR", name="Zulu Room", building="conference-building")
    RoomAlias.objects.create(room=room, name="Alpha")
    RoomAlias.objects.create(room=room, name="Zulu Room")  # the name itself, sorted last
    page = client.get(reverse("meetings:rooms")).content.decode()
    assert "<td>Alpha</td>" in page
    assert ", </td>" not in page
