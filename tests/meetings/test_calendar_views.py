"""The week by room (free rooms at a glance) and the month calendar."""

import re
from datetime import date, time

import pytest
from django.urls import reverse

from meetings.enums import MeetingStatus
from meetings.models import Room
from meetings.timing import new_york_datetime
from tests.factories import MeetingFactory, SessionFactory

pytestmark = pytest.mark.django_db

MONDAY = date(2017, 6, 26)


@pytest.fixture
def session():
    return SessionFactory(number=71, start_date=date(2016, 9, 13), end_date=date(2017, 9, 11))


def row_of(page: str, room_name: str) -> list[str]:
    """The cells of a room's row, as text."""
    row = re.search(
        rf'<th scope="row"><a [^>]*>{re.escape(room_name)}</a></th>(.*?)</tr>', page, re.S
    )
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    ]


def test_the_week_by_room_shows_who_holds_each_room_and_what_is_free(client, session):
    MeetingFactory(
        session=session,
        title="Second informal",
        room=Room.objects.get(code="ECOSOC"),
        start=new_york_datetime(date(2017, 6, 29), time(10)),
    )
    MeetingFactory(
        session=session,
        title="Overflowing plenary",
        room=Room.objects.get(code="GA-HALL"),
        overflow_room=Room.objects.get(code="CR4"),
        start=new_york_datetime(date(2017, 6, 27), time(15)),
    )
    MeetingFactory(
        session=session,
        title="Somewhere",
        room=None,
        start=new_york_datetime(date(2017, 6, 30), time(10)),
        status=MeetingStatus.TENTATIVE,
    )
    page = client.get(reverse("meetings:week-rooms", args=[MONDAY])).content.decode()
    assert row_of(page, "ECOSOC Chamber") == [
        "Free",
        "Free",
        "Free",
        "10:00–13:00 Second informal",
        "Free",
    ]
    assert row_of(page, "Conference Room 4")[1] == "15:00–18:00 Overflowing plenary"
    assert row_of(page, "Conference Room 7") == ["Free"] * 5
    assert "Room not announced" in page
    assert "Tentative" in page  # said in words, not only by colour


def test_a_week_by_room_not_starting_on_monday_goes_to_its_monday(client):
    response = client.get(reverse("meetings:week-rooms", args=[date(2017, 6, 29)]))
    assert response.url == reverse("meetings:week-rooms", args=[MONDAY])


def test_the_month_calendar_puts_meetings_on_their_days(client, session):
    MeetingFactory(
        session=session,
        title="Second informal",
        start=new_york_datetime(date(2017, 6, 29), time(10)),
    )
    for n in range(6):
        MeetingFactory(
            session=session,
            title=f"Busy day {n}",
            room=None,
            start=new_york_datetime(date(2017, 6, 12), time(9 + n)),
        )
    page = client.get(reverse("meetings:month", args=[2017, 6])).content.decode()
    assert "June 2017" in page
    assert "10:00 <bdi>Second informal" in page
    assert page.count("Busy day") == 4
    assert "and 2 more" in page
    assert page.count('class="day-number"') == 35  # five calendar weeks, Monday first


@pytest.mark.parametrize("args", [[2017, 13], [1800, 1]])
def test_a_month_that_does_not_exist_is_a_404(client, args):
    assert client.get(reverse("meetings:month", args=args)).status_code == 404


@pytest.mark.parametrize("n", [1, 40])
def test_calendar_views_queries_do_not_grow(client, session, django_assert_num_queries, n):
    rooms = list(Room.objects.filter(is_current=True))
    for k in range(n):
        MeetingFactory(
            session=session,
            room=rooms[k % len(rooms)],
            start=new_york_datetime(date(2017, 6, 26 + k % 5), time(8 + k // len(rooms))),
        )
    # the fingerprint of what the grid shows (meetings.shownpages), the filter's choices
    # (processes, rooms), the filter box's counts and the grid's rooms and meetings
    with django_assert_num_queries(6):
        assert client.get(reverse("meetings:week-rooms", args=[MONDAY])).status_code == 200
    # the fingerprint of what the month shows, the filter's choices for the month's first
    # day (its session's processes, rooms), its counts and the meetings; then the meetings only
    with django_assert_num_queries(5):
        assert client.get(reverse("meetings:month", args=[2017, 6])).status_code == 200
    with django_assert_num_queries(2):  # the fingerprint and the meetings
        assert (
            client.get(reverse("meetings:month", args=[2017, 6]) + "?kind=plenary").status_code
            == 200
        )
