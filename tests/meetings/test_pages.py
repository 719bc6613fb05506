"""What a visitor sees: the programme, day and week views, archive, meeting, process, rooms."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from meetings.enums import MeetingKind, MeetingStatus, Timing
from meetings.models import Meeting, Segment
from meetings.schedule import today
from meetings.timing import booked_until
from tests.factories import (
    AnnouncementFactory,
    CoFacilitatorFactory,
    LetterFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    at,
    room,
)

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)


def current_session():
    start = today() - timedelta(days=200)
    return SessionFactory(number=81, start_date=start, end_date=start + timedelta(days=500))


def many_meetings(n: int, *, first_day: date, session, process=None) -> None:
    """n meetings, several per day, in rooms that never clash."""
    rooms = [room(f"CR{k}") for k in range(1, 13)]
    meetings = []
    for i in range(n):
        day = first_day + timedelta(days=i // 24)
        start = at(day, 8 + (i % 24) // 12 * 6)
        meetings.append(
            Meeting(
                session=session,
                process=process,
                kind=MeetingKind.INFORMAL_CONSULTATION,
                title=f"Meeting {i}",
                start=start,
                end=start + timedelta(hours=3),
                booked_until=booked_until(start, start + timedelta(hours=3), Timing.EXACT),
                room=rooms[i % 12],
                published_at=start - timedelta(days=30),
            )
        )
    Meeting.objects.bulk_create(meetings)


def test_programme_lists_upcoming_meetings_by_new_york_day(client):
    session = current_session()
    tomorrow = today() + timedelta(days=1)
    MeetingFactory(
        session=session, title="Yesterday's debate", start=at(today() - timedelta(1), 10)
    )
    MeetingFactory(
        session=session, title="Briefing on oceans", start=at(tomorrow, 15), room=room("CR4")
    )
    response = client.get(reverse("meetings:programme"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Briefing on oceans" in page
    assert "Yesterday&#x27;s debate" not in page
    assert f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B %Y}" in page
    assert "15:00–18:00" in page
    assert "Conference Room 4" in page


def test_programme_filters_stay_in_the_url_and_combine(client):
    session = current_session()
    process = ProcessFactory(session=session, slug="oceans", title="Oceans")
    day = today() + timedelta(days=2)
    MeetingFactory(
        session=session, process=process, title="Oceans in CR3", start=at(day, 10), room=room("CR3")
    )
    MeetingFactory(
        session=session, process=process, title="Oceans in CR4", start=at(day, 10), room=room("CR4")
    )
    MeetingFactory(session=session, title="Other in CR3", start=at(day, 15), room=room("CR3"))
    response = client.get("/?process=oceans&room=CR3")
    page = response.content.decode()
    assert ("Oceans in CR3" in page, "Oceans in CR4" in page, "Other in CR3" in page) == (
        True,
        False,
        False,
    )
    # the day and week links carry the filter along
    assert "?process=oceans&amp;room=CR3" in page


def test_unknown_filter_value_is_a_400_naming_the_field(client):
    response = client.get("/?process=no-such-process")
    assert response.status_code == 400
    assert "Select a valid choice. no-such-process is not one of the available choices." in (
        response.content.decode()
    )


def test_cancelled_and_postponed_meetings_stay_visible_and_marked(client):
    MeetingFactory(title="Called off", status=MeetingStatus.CANCELLED)
    MeetingFactory(title="Put back", status=MeetingStatus.POSTPONED, start=at(JUNE_29, 15))
    page = client.get(reverse("meetings:day", args=[JUNE_29])).content.decode()
    assert "Called off" in page
    assert "Put back" in page
    assert '<span class="badge status-cancelled">Cancelled</span>' in page
    assert '<span class="badge status-postponed">Postponed</span>' in page


def test_day_view_lists_a_section_in_time_order(client):
    """As the Journal: sections (tests/meetings/test_day_journal.py), then by time."""
    MeetingFactory(title="Afternoon consultation", start=at(JUNE_29, 15))
    MeetingFactory(title="Morning consultation", start=at(JUNE_29, 10))
    page = client.get(reverse("meetings:day", args=[JUNE_29])).content.decode()
    assert page.index("Informal consultations and negotiations</h2>") < page.index(
        "Morning consultation"
    )
    assert page.index("Morning consultation") < page.index("Afternoon consultation")


def test_week_view_redirects_to_monday_and_lists_seven_days(client):
    response = client.get(reverse("meetings:week", args=[JUNE_29]))
    assert response.status_code == 302
    assert response["Location"] == "/week/2017-06-26/"
    page = client.get("/week/2017-06-26/").content.decode()
    assert page.count('<section class="day"') == 7


def test_impossible_date_in_url_is_404(client):
    assert client.get("/day/2017-02-30/").status_code == 404


def test_meeting_page_shows_everything_known(client):
    process = ProcessFactory(
        title="Political declaration on trafficking", mandate_symbol="A/RES/71/287"
    )
    CoFacilitatorFactory(process=process, name="H.E. Ms. Alya Ahmed Saif Al-Thani", state="Qatar")
    meeting = MeetingFactory(
        process=process,
        title="Second informal consultation",
        end=None,
        room=room("ECOSOC"),
        documents=["A/RES/71/287"],
        notes="No list of speakers.",
    )
    Segment.objects.create(meeting=meeting, title="Morning panel", timing=Timing.MORNING)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Thursday 29 June 2017, 10:00 (New York time, EDT)" in page
    assert "End time not announced." in page
    assert "ECOSOC Chamber" in page
    assert (
        "<bdi>H.E. Ms. Alya Ahmed Saif Al-Thani</bdi>, Permanent Representative of <bdi>Qatar</bdi>"
        in page
    )
    assert '<a href="https://undocs.org/A/RES/71/287" rel="external">A/RES/71/287</a>' in page
    assert "Morning panel" in page
    assert "No list of speakers." in page


def test_winter_meeting_page_says_est(client):
    meeting = MeetingFactory(
        start=at(date(2017, 12, 7), 10),
        end=None,
        session=SessionFactory(number=72, start_date=date(2017, 9, 12), end_date=date(2018, 9, 17)),
    )
    assert (
        "Thursday 7 December 2017, 10:00 (New York time, EST)"
        in client.get(meeting.get_absolute_url()).content.decode()
    )


def test_missing_meeting_is_404_with_a_reason(client):
    response = client.get("/meetings/999999/")
    assert response.status_code == 404


def test_user_text_is_escaped(client):
    meeting = MeetingFactory(title="<script>alert(1)</script>", notes="<b>bold</b>")
    for url in (meeting.get_absolute_url(), reverse("meetings:day", args=[JUNE_29])):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_process_page_has_mandate_cofacilitators_meetings_and_deadlines(client):
    process = ProcessFactory(
        title="Political declaration",
        mandate="Operative paragraph 10",
        mandate_symbol="A/RES/71/287",
    )
    CoFacilitatorFactory(
        process=process, name="H.E. Mr. Marc Pecsteen de Buytswerve", state="Belgium"
    )
    process.deadlines.create(
        kind="zero-draft",
        title="Zero draft circulated",
        due_date=date(2017, 6, 23),
        close_of_business=True,
    )
    MeetingFactory(process=process, title="Second informal consultation")
    page = client.get(process.get_absolute_url()).content.decode()
    assert "Operative paragraph 10" in page
    assert (
        "<bdi>H.E. Mr. Marc Pecsteen de Buytswerve</bdi>, Permanent Representative of "
        "<bdi>Belgium</bdi>" in page
    )
    assert "Friday 23 June 2017, close of business</strong>: Zero draft circulated" in page
    past = page.index("Past meetings")
    assert page.index("Second informal consultation") > past


def test_archive_lists_sessions_and_their_past_meetings(client):
    MeetingFactory(title="Held in the 71st")
    sessions_page = client.get(reverse("meetings:archive")).content.decode()
    assert "71st session" in sessions_page
    page = client.get(reverse("meetings:archive-session", args=[71])).content.decode()
    assert "Held in the 71st" in page


def test_rooms_page_lists_current_and_historical_rooms(client):
    page = client.get(reverse("meetings:rooms")).content.decode()
    assert "Conference Room 3" in page
    assert "Conference Room 1 (North Lawn Building)" in page
    assert "no longer in use" in page


# --- A constant number of queries, whatever the number of meetings ------------------


@pytest.mark.parametrize("n", [10, 1000])
def test_programme_queries_do_not_grow(client, django_assert_num_queries, n):
    session = current_session()
    many_meetings(n, first_day=today(), session=session, process=ProcessFactory(session=session))
    # with the fingerprint of what the page shows (meetings.shownpages), a week of days,
    # and the filter box's counts (one grouped query: schedule.session_counts)
    with django_assert_num_queries(5):
        assert client.get(reverse("meetings:programme")).status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_week_view_queries_do_not_grow(client, django_assert_num_queries, n):
    session = current_session()
    monday = today() - timedelta(days=today().weekday())
    many_meetings(n, first_day=monday, session=session)
    with django_assert_num_queries(5):  # with the fingerprint, and the filter box's counts
        assert client.get(reverse("meetings:week", args=[monday])).status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_day_view_queries_do_not_grow(client, django_assert_num_queries, n):
    many_meetings(n, first_day=JUNE_29, session=SessionFactory())
    # with the fingerprint (meetings.shownpages), the agenda items and the filter box's
    # counts
    with django_assert_num_queries(6):
        assert client.get(reverse("meetings:day", args=[JUNE_29])).status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_archive_queries_do_not_grow(client, django_assert_num_queries, n):
    many_meetings(n, first_day=date(2016, 10, 3), session=SessionFactory())
    with django_assert_num_queries(6):  # with the filter box's counts
        assert client.get(reverse("meetings:archive-session", args=[71])).status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_process_page_queries_do_not_grow(client, django_assert_num_queries, n):
    process = ProcessFactory()
    CoFacilitatorFactory.create_batch(2, process=process)
    many_meetings(n, first_day=date(2016, 10, 3), session=process.session, process=process)
    LetterFactory.create_batch(min(n, 30), process=process)
    with django_assert_num_queries(5):
        response = client.get(process.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("letter number") == min(n, 30)


@pytest.mark.parametrize("n", [1, 20])
def test_meeting_page_queries_do_not_grow(client, django_assert_num_queries, n):
    process = ProcessFactory()
    CoFacilitatorFactory.create_batch(n, process=process)
    meeting = MeetingFactory(process=process, documents=[f"A/71/{k}" for k in range(n)])
    Segment.objects.bulk_create(Segment(meeting=meeting, title=f"Part {k}") for k in range(n))
    AnnouncementFactory.create_batch(n, meeting=meeting)
    with django_assert_num_queries(5):  # with its agenda items
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Announced it") == n


@pytest.mark.parametrize("n", [10, 1000])
def test_room_page_queries_do_not_grow(client, django_assert_num_queries, n):
    many_meetings(n, first_day=today(), session=current_session())
    with django_assert_num_queries(3):
        assert client.get(reverse("meetings:room", args=["CR3"])).status_code == 200


def test_lists_of_processes_rooms_and_sessions_have_fixed_queries(
    client, django_assert_num_queries
):
    for _ in range(5):
        ProcessFactory()
    with django_assert_num_queries(1):
        client.get(reverse("meetings:processes"))
    with django_assert_num_queries(2):
        client.get(reverse("meetings:rooms"))
    with django_assert_num_queries(1):
        client.get(reverse("meetings:archive"))
