"""What a reader waits for does not grow with the years stored: the process page and the
API's list of meetings are cached like the schedule pages (and never stale), the API
counts no further than it must, and the filter form lists the session's processes while
any process may still be named."""

import re
from datetime import date

import pytest
from django.urls import reverse

from meetings import schedule
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)
WEEK = reverse("meetings:week", args=[date(2017, 6, 26)])


@pytest.fixture
def process():
    return ProcessFactory(slug="oceans", title="Oceans declaration")


@pytest.mark.parametrize("n", [1, 3])
def test_process_page_is_served_from_cache_after_its_first_view(
    client, process, n, django_assert_num_queries
):
    for hour in range(10, 10 + n):
        MeetingFactory(process=process, title=f"Consultation at {hour}", start=at(JUNE_29, hour))
    # filter-free page: the process with its session, co-facilitators, deadlines,
    # meetings, and the letters section's announcements
    with django_assert_num_queries(5):
        first = client.get(process.get_absolute_url()).content.decode()
    with django_assert_num_queries(0):
        second = client.get(process.get_absolute_url()).content.decode()
    assert [f"Consultation at {hour}" in second for hour in range(10, 10 + n)] == [True] * n
    assert len(second) == len(first)  # the same page (but for the visitor's CSRF token)


def test_process_page_shows_a_committed_change_at_once(
    client, process, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(process=process, title="First reading")
    assert "First reading" in client.get(process.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Second reading"
        schedule.save_meeting(meeting)
    page = client.get(process.get_absolute_url()).content.decode()
    assert "Second reading" in page
    assert "First reading" not in page


def test_unknown_process_is_404_and_not_cached(client):
    assert client.get(reverse("meetings:process", args=["nothing-here"])).status_code == 404
    assert client.get(reverse("meetings:process", args=["nothing-here"])).status_code == 404


def test_meetings_of_today_are_planned_all_day(client, process, time_machine):
    time_machine.move_to(at(JUNE_29, 16), tick=False)  # the morning meeting is over
    MeetingFactory(process=process, title="This morning", start=at(JUNE_29, 10))
    MeetingFactory(process=process, title="Yesterday", start=at(date(2017, 6, 28), 10))
    page = client.get(process.get_absolute_url()).content.decode()
    planned, past = page.index("Planned meetings"), page.index("Past meetings")
    assert planned < page.index("This morning") < past < page.index("Yesterday")


@pytest.mark.parametrize("n", [1, 3])
def test_api_list_is_served_from_cache_after_its_first_call(client, n, django_assert_num_queries):
    for hour in range(10, 10 + n):
        MeetingFactory(start=at(JUNE_29, hour))
    # filter choices (processes, rooms), the bounded count, the page of meetings, their
    # agenda items
    with django_assert_num_queries(5):
        first = client.get("/api/meetings").json()
    with django_assert_num_queries(0):
        second = client.get("/api/meetings").json()
    assert second == first
    assert (first["count"], first["count_is_exact"], len(first["items"])) == (n, True, n)


def test_api_list_shows_a_committed_change_at_once(client, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(title="First reading")
    assert client.get("/api/meetings").json()["items"][0]["title"] == "First reading"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "Second reading"
        schedule.save_meeting(meeting)
    assert client.get("/api/meetings").json()["items"][0]["title"] == "Second reading"


def test_api_pages_and_filters_are_cached_apart(client, process):
    mine = MeetingFactory(process=process, start=at(JUNE_29, 10))
    other = MeetingFactory(start=at(JUNE_29, 15))
    assert [i["id"] for i in client.get("/api/meetings").json()["items"]] == [mine.pk, other.pk]
    by_process = client.get("/api/meetings?process=oceans").json()["items"]
    second_page = client.get("/api/meetings?offset=1").json()["items"]
    assert ([i["id"] for i in by_process], [i["id"] for i in second_page]) == (
        [mine.pk],
        [other.pk],
    )


def test_api_count_stops_past_the_page(client, settings, monkeypatch):
    from meetings import api

    monkeypatch.setattr(api, "COUNT_AHEAD", 2)
    for hour in range(10, 16):
        MeetingFactory(start=at(JUNE_29, hour))
    data = client.get("/api/meetings?limit=1").json()
    assert (data["count"], data["count_is_exact"]) == (3, False)
    data = client.get("/api/meetings?limit=1&offset=3").json()
    assert (data["count"], data["count_is_exact"]) == (6, True)


def test_filter_form_lists_the_processes_of_the_session_shown(client):
    ProcessFactory(slug="oceans-71", title="Oceans of the 71st")
    older = SessionFactory(number=70, start_date=date(2015, 9, 15), end_date=date(2016, 9, 12))
    ProcessFactory(session=older, slug="water-70", title="Water of the 70th")
    page = client.get(WEEK).content.decode()
    assert 'value="oceans-71"' in page
    assert 'value="water-70"' not in page
    assert "Search for another session" in page


def test_a_process_of_another_session_may_still_be_named(client):
    older = SessionFactory(number=70, start_date=date(2015, 9, 15), end_date=date(2016, 9, 12))
    ProcessFactory(session=older, slug="water-70", title="Water of the 70th")
    response = client.get(f"{WEEK}?process=water-70")
    assert response.status_code == 200
    # shown chosen in the form, though not of the week's session
    assert re.search(
        r'<input type="checkbox" name="process" value="water-70"[^>]* checked>',
        response.content.decode(),
    )
    assert client.get(f"{WEEK}?process=nothing-like-it").status_code == 400


@pytest.mark.parametrize("n", [1, 3])
def test_first_view_of_a_week_after_a_change_renders_from_few_queries(
    client, n, django_assert_num_queries, django_capture_on_commit_callbacks
):
    meetings = [MeetingFactory(start=at(JUNE_29, 10 + hour)) for hour in range(n)]
    client.get(WEEK)
    with django_capture_on_commit_callbacks(execute=True):
        meetings[0].title = "Moved to the afternoon"
        schedule.save_meeting(meetings[0])
    # the fingerprint of what the week shows (changed), the filter choices (processes,
    # rooms), the filter box's counts and the week's meetings
    with django_assert_num_queries(5):
        page = client.get(WEEK).content.decode()
    assert "Moved to the afternoon" in page
    assert 'class="choices choices-process"' in page


def test_meeting_rows_speak_the_reader_language(client):
    from meetings.enums import MeetingStatus

    MeetingFactory(title="Oceans", status=MeetingStatus.POSTPONED)
    english = client.get(WEEK).content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get(WEEK).content.decode()
    assert '<span class="kind">Informal consultation</span>' in english
    assert '<span class="kind">Consultations officieuses</span>' in french
    assert '<span class="badge status-postponed">Postponed</span>' in english
