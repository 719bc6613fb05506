"""The day page laid out like the Journal, its print, and what it shows on empty days
and weekends."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import AgendaItem, Meeting, Organ
from tests.factories import (
    CoFacilitatorFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    at,
    room,
)

pytestmark = pytest.mark.django_db

THURSDAY = date(2017, 6, 29)
SATURDAY = date(2017, 7, 1)
MONDAY = date(2017, 7, 3)


def in_order(page: str, words: list[str]) -> bool:
    """Whether each of `words` comes after the one before it (from the first section on:
    the filter box names kinds too)."""
    at_ = page.index('class="journal-section')
    for each in words:
        at_ = page.find(each, at_)
        if at_ < 0:
            raise AssertionError(f"{each!r} not found in order")
    return True


def page_of(client, day: date, query: str = "") -> str:
    response = client.get(reverse("meetings:day", args=[day]) + query)
    assert response.status_code == 200
    return response.content.decode()


def plenary(day: date, number: int, **fields) -> Meeting:
    meeting = MeetingFactory(
        kind=MeetingKind.PLENARY,
        organ=Organ.objects.get(code="ga-plenary"),
        meeting_number=number,
        title=fields.pop("title", "Plenary meeting"),
        start=at(day, 10),
        room=room("GA-HALL"),
        **fields,
    )
    AgendaItem.objects.create(
        meeting=meeting, order=0, number="13", title="Culture of peace", documents=["A/71/345"]
    )
    AgendaItem.objects.create(meeting=meeting, order=1, number="120 (b)", title="Elections")
    return meeting


def test_official_meetings_by_body_then_informal_then_other_with_everything_an_entry_shows(
    client,
):
    process = ProcessFactory(title="Oceans declaration", short_title="Oceans")
    CoFacilitatorFactory(process=process, state="Portugal", name="H.E. Ms. Ana Silva")
    CoFacilitatorFactory(process=process, state="Kenya", order=1)
    MeetingFactory(
        kind=MeetingKind.BRIEFING, title="Briefing on water", start=at(THURSDAY, 9), is_closed=True
    )
    MeetingFactory(
        process=process,
        title="Informal consultation on oceans",
        start=at(THURSDAY, 15),
        room=room("CR4"),
        documents=["A/71/L.5"],
        webcast_url="https://webtv.un.org/oceans",
    )
    MeetingFactory(
        organ=Organ.objects.get(code="third-committee"),
        meeting_number=12,
        kind=MeetingKind.OTHER,
        title="Third Committee meeting",
        start=at(THURSDAY, 10),
        room=room("CR3"),
    )
    plenary(THURSDAY, 45, webcast_url="https://webtv.un.org/plenary")

    page = page_of(client, THURSDAY)

    order = [
        "Official meetings",
        "General Assembly plenary",
        "45th plenary meeting · 71st session",
        "Plenary meeting</a>",
        "Third Committee (Social, Humanitarian and Cultural)",
        "12th meeting",
        "Informal consultations and negotiations",
        "Informal consultation on oceans",
        "Other meetings",
        "Briefing on water",
    ]
    assert in_order(page, order)
    assert "10:00–13:00" in page
    assert 'href="https://webtv.un.org/plenary" rel="external">Webcast</a>' in page
    assert 'href="https://webtv.un.org/oceans" rel="external">Webcast</a>' in page
    assert "Item 13: Culture of peace (" in page
    assert '<a href="https://undocs.org/A/71/345" rel="external">A/71/345</a>)' in page
    assert "Item 120 (b): Elections</li>" in page
    assert '<a href="https://undocs.org/A/71/L.5" rel="external">A/71/L.5</a>' in page
    assert "Co-facilitators: H.E. Ms. Ana Silva (Portugal); Permanent Representative (Kenya)" in (
        page
    )
    briefing = page[page.index("Briefing on water") :]
    assert "Closed meeting" in briefing[:600]
    oceans = page[page.index("Informal consultation on oceans") :]
    assert "Open meeting" in oceans[:600]
    assert "Conference Room 4" in oceans[:600]


def test_what_staff_type_is_escaped_in_agenda_items(client):
    meeting = MeetingFactory(organ=Organ.objects.get(code="ga-plenary"), meeting_number=3)
    AgendaItem.objects.create(meeting=meeting, title="<script>alert(1)</script>")
    page = page_of(client, THURSDAY)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def fill_day(n: int, day: date = THURSDAY) -> None:
    """n meetings on `day`, half of them plenaries with agenda items, all in a process
    with co-facilitators."""
    session = SessionFactory()
    process = ProcessFactory(session=session)
    CoFacilitatorFactory.create_batch(2, process=process)
    rooms = [room(f"CR{k}") for k in range(1, 13)]
    organ = Organ.objects.get(code="ga-plenary")
    for i in range(n):
        official = i % 2 == 0
        meeting = MeetingFactory(
            session=session,
            process=process,
            title=f"Meeting {i}",
            start=at(day, 8 + i % 2 * 6, i // 2),
            end=at(day, 9 + i % 2 * 6, i // 2),
            room=rooms[i % 12] if i < 12 else None,
            organ=organ if official else None,
            meeting_number=i + 1 if official else None,
            documents=[f"A/71/{i}"],
        )
        AgendaItem.objects.create(meeting=meeting, title=f"Item of {i}", documents=["A/71/1"])


@pytest.mark.parametrize("n", [2, 20])
def test_the_day_page_runs_the_same_queries_whatever_the_day_holds(
    client, django_assert_num_queries, n
):
    fill_day(n)
    # The meetings, their agenda items, their processes' co-facilitators; the
    # fingerprint of what the page shows (meetings.shownpages); the filter choices and
    # their counts (one grouped query: schedule.session_counts).
    with django_assert_num_queries(7):
        page = page_of(client, THURSDAY)
    assert page.count('class="entry meeting') == n
    with django_assert_num_queries(0):  # then from cache, while nothing changed
        page_of(client, THURSDAY)


@pytest.mark.parametrize("n", [2, 20])
def test_a_weekend_day_runs_the_same_queries_whatever_the_next_day_holds(
    client, django_assert_num_queries, n
):
    fill_day(n, MONDAY)
    with django_assert_num_queries(10):  # as above, and the next days ahead
        page = page_of(client, SATURDAY)
    assert page.count('class="entry meeting') == n


def test_the_print_carries_the_date_new_york_time_as_at_and_the_address(client):
    meeting = plenary(THURSDAY, 45)
    later = MeetingFactory(start=at(THURSDAY, 15))
    page = page_of(client, THURSDAY, "?kind=plenary")
    head = page[page.index('<div class="print-head">') :]
    head = head[: head.index("</div>")]
    assert "Programme for Thursday 29 June 2017" in page
    assert "All times are New York time." in head
    shown = meeting.updated.astimezone(at(THURSDAY, 0).tzinfo)
    assert f"As at {shown:%H:%M} on {shown:%A} {shown.day} {shown:%B %Y}." in head
    assert "http://testserver/day/2017-06-29/?kind=plenary" in head
    assert later.updated >= meeting.updated  # the filter leaves it out of "as at"


def test_a_weekend_shows_the_next_meetings_and_the_coming_week(client):
    MeetingFactory(title="Friday's consultation", start=at(date(2017, 6, 30), 10))
    MeetingFactory(title="Monday's consultation", start=at(MONDAY, 10), room=room("CR1"))
    MeetingFactory(title="Wednesday's briefing", start=at(date(2017, 7, 5), 15))
    page = page_of(client, SATURDAY)
    assert "No meetings." in page
    assert re.search(r'Next meetings: <a href="/day/2017-07-03/">Monday 3 July 2017</a>', page), (
        page
    )
    assert "Monday&#x27;s consultation" in page
    assert "Friday&#x27;s consultation" not in page
    assert "The coming week (from 3 July 2017)" in page
    assert '<a href="/day/2017-07-05/">Wednesday 5 July 2017</a>: 1 meeting' in page
    assert '<a href="/day/2017-07-04/">Tuesday 4 July 2017</a>: 0 meetings' in page
    assert 'href="/week/2017-07-03/"' in page


def test_an_empty_working_day_shows_the_next_meetings(client):
    MeetingFactory(title="Next week's consultation", start=at(date(2017, 7, 10), 10))
    page = page_of(client, date(2017, 7, 5))
    assert 'Next meetings: <a href="/day/2017-07-10/">Monday 10 July 2017</a>' in page
    assert "Next week&#x27;s consultation" in page


def test_a_day_with_meetings_shows_no_outlook(client):
    MeetingFactory(start=at(THURSDAY, 10))
    MeetingFactory(start=at(MONDAY, 10))
    assert "Next meetings" not in page_of(client, THURSDAY)


def test_the_outlook_follows_a_meeting_entered_before_the_next_day_shown(
    client, django_capture_on_commit_callbacks
):
    """The cached weekend page shows what is next: a meeting entered on Sunday for a
    day before the one it named is the next one."""
    MeetingFactory(title="Wednesday's briefing", start=at(date(2017, 7, 5), 15))
    assert "Wednesday 5 July 2017</a></h2>" in page_of(client, SATURDAY)
    with django_capture_on_commit_callbacks(execute=True):  # the version moves
        MeetingFactory(title="Monday's consultation", start=at(MONDAY, 10))
    page = page_of(client, SATURDAY)
    assert "Monday 3 July 2017</a></h2>" in page
    assert "Monday&#x27;s consultation" in page


def test_a_changed_agenda_item_reaches_the_cached_day_page(
    client, django_capture_on_commit_callbacks
):
    meeting = plenary(THURSDAY, 45)
    assert "Culture of peace" in page_of(client, THURSDAY)
    item = meeting.agenda_items.get(number="13")
    item.title = "Culture of peace and non-violence"
    with django_capture_on_commit_callbacks(execute=True):  # the version moves
        item.save()
    assert "Culture of peace and non-violence" in page_of(client, THURSDAY)


def test_called_off_meetings_keep_their_place_and_say_so(client):
    MeetingFactory(title="Called off", start=at(THURSDAY, 10), status=MeetingStatus.CANCELLED)
    page = page_of(client, THURSDAY)
    assert '<span class="badge status-cancelled">Cancelled</span>' in page


def test_nothing_ahead_says_so(client):
    page = page_of(client, SATURDAY)
    assert "Next meetings: none announced yet." in page


def test_next_days_are_found_within_a_bound(client):
    MeetingFactory(start=at(SATURDAY + timedelta(days=200), 10))
    assert "none announced yet" in page_of(client, SATURDAY)


def test_the_meeting_page_names_the_official_meeting_and_its_agenda(client):
    meeting = plenary(THURSDAY, 45)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "General Assembly, 45th plenary meeting · 71st session" in page
    assert "Item 13: Culture of peace (" in page
    assert '<a href="https://undocs.org/A/71/345" rel="external">A/71/345</a>' in page
