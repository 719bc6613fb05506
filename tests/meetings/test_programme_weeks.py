"""The home list a week at a time, and "This week" at a weekend."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at

pytestmark = pytest.mark.django_db

SATURDAY = date(2017, 7, 1)
FRIDAY = date(2017, 6, 30)


@pytest.fixture
def on_saturday(time_machine):
    time_machine.move_to(at(SATURDAY, 9), tick=False)


def home(client, query: str = "") -> str:
    response = client.get(reverse("meetings:programme") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_list_shows_seven_days_and_pages_by_week(client, on_saturday):
    MeetingFactory(title="Monday consultation", start=at(date(2017, 7, 3), 10))
    MeetingFactory(title="Friday consultation", start=at(date(2017, 7, 7), 10))
    MeetingFactory(title="A week later", start=at(date(2017, 7, 10), 10))
    MeetingFactory(title="Months later", start=at(date(2017, 8, 30), 10))
    page = home(client)
    assert "From Saturday 1 July 2017 to Friday 7 July 2017" in page
    assert "Monday consultation" in page
    assert "Friday consultation" in page
    assert "A week later" not in page
    assert "Months later" not in page
    assert '<a rel="next" href="?page=2">Next week</a>' in page
    assert '<a rel="prev" href="/week/2017-06-19/">Previous week</a>' in page

    second = home(client, "?page=2")
    assert "From Saturday 8 July 2017 to Friday 14 July 2017" in second
    assert "A week later" in second
    assert "Monday consultation" not in second
    assert '<a rel="prev" href="?page=1">Previous week</a>' in second


def test_an_empty_week_points_to_the_next_meetings(client, on_saturday):
    MeetingFactory(title="After the recess", start=at(date(2017, 7, 20), 10))
    page = home(client)
    assert 'Next meetings: <a href="/day/2017-07-20/">Thursday 20 July 2017</a>' in page


def test_a_filtered_week_keeps_its_filter_in_the_links(client, on_saturday):
    process = ProcessFactory(slug="oceans")
    MeetingFactory(process=process, title="Oceans", start=at(date(2017, 7, 3), 10))
    page = home(client, "?process=oceans")
    assert 'href="?process=oceans&amp;page=2"' in page or 'href="?page=2&amp;process=oceans"' in (
        page
    )


def test_a_search_still_lists_every_upcoming_meeting(client, on_saturday):
    MeetingFactory(title="Trafficking consultation", start=at(date(2017, 8, 30), 10))
    assert "Trafficking consultation" in home(client, "?q=trafficking")


@pytest.mark.parametrize("n", [2, 40])
def test_the_home_list_runs_the_same_queries_whatever_it_holds(
    client, on_saturday, django_assert_num_queries, n
):
    session = SessionFactory()
    for i in range(n):
        MeetingFactory(session=session, start=at(date(2017, 7, 3) + timedelta(days=i % 5), 8, i))
    # The fingerprint of what the page shows, the filter choices and their counts, the
    # meetings.
    with django_assert_num_queries(5):
        page = home(client)
    assert page.count('class="meeting ') == n


def test_this_week_at_a_weekend_opens_the_coming_week(client, on_saturday):
    page = home(client)
    assert 'href="/week/2017-07-03/">This week</a>' in page
    week = client.get(reverse("meetings:week", args=[date(2017, 6, 26)])).content.decode()
    assert 'href="/week/2017-07-03/">This week</a>' in week


def test_this_week_on_a_working_day_is_the_week_of_today(client, time_machine):
    time_machine.move_to(at(FRIDAY, 9), tick=False)
    assert 'href="/week/2017-06-26/">This week</a>' in home(client)
