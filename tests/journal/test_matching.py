"""The office's informal meetings that the Journal also lists: linked, not duplicated;
where the two disagree staff see it on the meeting page and the "Journal differs" list."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from journal.models import JournalEntry
from journal.sync import sync_journal
from meetings.enums import MeetingStatus
from meetings.models import Meeting
from tests.factories import MeetingFactory, ProcessFactory, room

from . import shapes

pytestmark = pytest.mark.django_db

PATH = f"allnew/{shapes.DAY.isoformat()}"
X = "9f000000-0000-4000-8000-0000000000f1"


@pytest.fixture
def office_meeting(session71):
    process = ProcessFactory(
        session=session71,
        title="Political declaration on trafficking in persons",
        short_title="Trafficking declaration",
    )
    return MeetingFactory(
        session=session71,
        process=process,
        title="Second informal consultation",
        room=room("CR3"),
        start=shapes.at_ten(),
        end=shapes.at_ten() + timedelta(hours=3),
    )


def informal(**fields) -> dict:
    defaults = {
        "title": "<p>Informal consultations on the Trafficking declaration</p>",
        "number": "",
        "organ": "",
        "organization": "",
        "room": "Conference Room 3",
        "room_link": "CR3.jpg",
    }
    return shapes.meeting(X, **{**defaults, **fields})


def read(journal, *informals):
    journal.answer(PATH, shapes.day(informals=informals))
    return sync_journal(shapes.DAY, shapes.DAY)


def test_the_office_meeting_is_linked_not_duplicated(journal, office_meeting):
    report = read(journal, informal())
    assert report.linked == 1
    assert Meeting.objects.count() == 1
    assert JournalEntry.objects.get(journal_id=X).meeting == office_meeting
    read(journal, informal())  # again: still one link
    assert JournalEntry.objects.count() == 1


def test_another_bodys_informal_meeting_is_not_taken_for_the_offices(journal, office_meeting):
    read(journal, informal(title="<p>Informal consultations on the ocean resolution</p>"))
    read(journal, informal(room="Conference Room 7", room_link="CR7.jpg"))
    assert not JournalEntry.objects.exists()


def test_where_they_agree_staff_see_nothing(journal, office_meeting, staff_client):
    read(journal, informal())
    assert (
        "The Journal differs"
        not in staff_client.get(office_meeting.get_absolute_url()).content.decode()
    )
    page = staff_client.get(reverse("journal:differs")).content.decode()
    assert "The Journal agrees with every office meeting it lists." in page


@time_machine.travel(datetime(2017, 6, 28, 16, tzinfo=UTC), tick=False)
def test_where_they_differ_staff_see_it_and_decide(journal, office_meeting, staff_client):
    read(journal, informal(time_from="15:00", time_to="18:00"))
    read(journal, informal(time_from="15:00", time_to="18:00", isCancelled=True))
    office_meeting.refresh_from_db()
    assert office_meeting.status == MeetingStatus.SCHEDULED  # nothing changed for them
    assert office_meeting.local_start.hour == 10
    page = staff_client.get(office_meeting.get_absolute_url()).content.decode()
    assert "The Journal differs" in page
    assert "2017-06-29 15:00" in page
    listing = staff_client.get(reverse("journal:differs")).content.decode()
    assert office_meeting.title in listing
    assert "Cancelled" in listing
    # Not for the public.
    client = Client()
    public = client.get(office_meeting.get_absolute_url()).content.decode()
    assert "The Journal differs" not in public
    assert client.get(reverse("journal:differs")).status_code == 302  # to sign in


def test_the_list_reports_what_the_last_read_could_not_place(journal, session71, staff_client):
    journal.answer(
        PATH, shapes.day(shapes.meeting("b" * 36, room="Conference Room 99", room_link="NOMAP"))
    )
    sync_journal(shapes.DAY, shapes.DAY)
    page = staff_client.get(reverse("journal:differs")).content.decode()
    assert "Rooms gasched does not know" in page
    assert "Conference Room 99" in page


@time_machine.travel(datetime(2017, 6, 28, 16, tzinfo=UTC), tick=False)
def test_the_list_reads_a_fixed_number_of_queries(
    session71, staff_client, django_assert_num_queries
):
    def link(n: int, first_room: int) -> None:
        for i in range(n):
            meeting = MeetingFactory(
                session=session71, room=room(f"CR{first_room + i}"), start=shapes.at_ten()
            )
            JournalEntry.objects.create(
                journal_id=f"x-{n}-{i}",
                meeting=meeting,
                listed_as=JournalEntry.INFORMAL,
                day=shapes.DAY,
                last_seen=datetime(2017, 6, 28, tzinfo=UTC),
                journal_start=meeting.start + timedelta(hours=5),
                journal_cancelled=True,
            )

    url = reverse("journal:differs")
    link(1, first_room=1)
    staff_client.get(url)  # the session and the user, read once
    with CaptureQueriesContext(connection) as one:
        assert staff_client.get(url).content.decode().count("<tr>") == 2 + 1
    link(5, first_room=2)
    with django_assert_num_queries(len(one.captured_queries)):
        assert staff_client.get(url).content.decode().count("<tr>") == 2 * 6 + 1


def test_editors_reach_the_list_from_the_menu_and_nobody_else_sees_it(
    session71, staff_client, viewer
):
    menu_link = f'href="{reverse("journal:differs")}"'
    assert menu_link in staff_client.get(reverse("meetings:programme")).content.decode()
    viewing = Client()
    viewing.force_login(viewer)
    assert menu_link not in viewing.get(reverse("meetings:programme")).content.decode()
    assert menu_link not in Client().get(reverse("meetings:programme")).content.decode()
