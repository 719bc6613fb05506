"""Search across every session: upcoming meetings first, how many past ones match (and a
page of them), processes and letters; full-text and trigram on PostgreSQL, plain words
elsewhere; escaped; a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse

from meetings import schedule
from tests.factories import (
    LetterFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    UserFactory,
    at,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("meetings:search")
PAST = reverse("meetings:search-past")


@pytest.fixture
def trafficking(db):
    """A process of the 71st session (2017), three of its meetings held, one letter."""
    process = ProcessFactory(
        session=SessionFactory(number=71),
        title="Political declaration on trafficking in persons",
        short_title="Trafficking declaration",
        slug="trafficking-declaration",
    )
    held = [
        MeetingFactory(
            process=process,
            title=f"Informal consultation {n} on the political declaration",
            start=at(date(2017, 6, 1 + n), 10),
        )
        for n in range(3)
    ]
    LetterFactory(subject="Trafficking declaration: programme of work")
    return process, held


def soon(days: int):
    return at(schedule.today() + timedelta(days=days), 10)


@pytest.fixture
def session_now(db):
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )


def test_a_past_process_is_one_search_away(client, trafficking):
    process, _held = trafficking
    page = client.get(SEARCH, {"q": "trafficking"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "3 past meetings match" in html
    assert f'href="{PAST}?q=trafficking"' in html
    assert [p.slug for p in page.context["results"].processes] == [process.slug]
    assert "Political declaration on trafficking in persons" in html
    assert "Trafficking declaration: programme of work" in html  # the letter
    assert "No upcoming meeting matches." in html


def test_upcoming_meetings_come_first_then_the_past_count(client, trafficking, session_now):
    upcoming = MeetingFactory(
        session=session_now, title="Briefing on trafficking in persons", start=soon(3)
    )
    page = client.get(SEARCH, {"q": "trafficking"})
    html = page.content.decode()
    assert [m.pk for m in page.context["results"].upcoming] == [upcoming.pk]
    assert html.index("Briefing on trafficking in persons") < html.index("3 past meetings match")


def test_the_page_of_past_matches_lists_them_most_recent_first(client, trafficking):
    _process, held = trafficking
    MeetingFactory(title="Unrelated budget meeting", start=at(date(2017, 6, 10), 10))
    page = client.get(PAST, {"q": "trafficking"})
    assert page.status_code == 200
    shown = [m.pk for day in page.context["days"] for m in day.meetings]
    assert shown == [m.pk for m in reversed(held)]
    assert "3 past meetings, most recent first." in page.content.decode()


def test_past_matches_are_paginated(client, trafficking, monkeypatch):
    from meetings import search_views

    monkeypatch.setattr(search_views, "PAGE_SIZE", 2)
    _process, held = trafficking
    first = client.get(PAST, {"q": "trafficking"})
    assert [m.pk for day in first.context["days"] for m in day.meetings] == [
        held[2].pk,
        held[1].pk,
    ]
    assert 'href="?q=trafficking&amp;page=2"' in first.content.decode()
    second = client.get(PAST, {"q": "trafficking", "page": "2"})
    assert [m.pk for day in second.context["days"] for m in day.meetings] == [held[0].pk]


def test_the_programme_search_points_to_every_session(client, trafficking, session_now):
    page = client.get(reverse("meetings:programme"), {"q": "trafficking"})
    html = page.content.decode()
    assert "3 past meetings match" in html
    assert "Political declaration on trafficking in persons" in html


def test_drafts_and_unpublished_letters_are_never_found(client, trafficking):
    MeetingFactory(title="Secret trafficking draft", published_at=None, start=soon(2))
    LetterFactory(subject="Trafficking draft letter", is_published=False)
    html = client.get(SEARCH, {"q": "trafficking"}).content.decode()
    assert "Secret trafficking draft" not in html
    assert "Trafficking draft letter" not in html


def test_what_was_typed_is_escaped(client, trafficking):
    typed = '<script>alert("x")</script>'
    html = client.get(SEARCH, {"q": typed}).content.decode()
    assert typed not in html
    assert "&lt;script&gt;" in html


def test_a_query_too_long_or_with_a_nul_is_refused_by_name(client):
    page = client.get(SEARCH, {"q": "x" * 201})
    assert page.status_code == 400
    assert "at most 200 characters" in page.content.decode()
    assert client.get(PAST, {"q": "a\x00b"}).status_code == 400


def test_nothing_found_says_so(client, trafficking):
    html = client.get(SEARCH, {"q": "desertification"}).content.decode()
    assert "Nothing matches “desertification”." in html


def test_the_search_page_runs_a_fixed_number_of_queries(
    client, trafficking, django_assert_num_queries
):
    # upcoming, past count, processes, letters and their count; session for the visitor: none
    with django_assert_num_queries(5):
        client.get(SEARCH, {"q": "trafficking"})
    for n in range(5):
        MeetingFactory(title=f"Trafficking meeting {n}", start=at(date(2017, 7, 3 + n), 10))
        LetterFactory(subject=f"Trafficking letter {n}")
    with django_assert_num_queries(5):
        client.get(SEARCH, {"q": "trafficking"})
    with django_assert_num_queries(2):  # the page and its count
        client.get(PAST, {"q": "trafficking"})


def test_the_office_finds_letters_under_review_the_public_does_not(client, trafficking):
    LetterFactory(subject="Trafficking letter under review", is_published=False)
    assert (
        "Trafficking letter under review"
        not in client.get(SEARCH, {"q": "trafficking"}).content.decode()
    )
    from accounts.roles import PGA_VIEWERS
    from tests.factories import user_with_role

    client.force_login(user_with_role(PGA_VIEWERS))
    assert (
        "Trafficking letter under review"
        in client.get(SEARCH, {"q": "trafficking"}).content.decode()
    )


@pytest.mark.postgres
def test_postgresql_finds_word_forms_and_a_misspelt_name(client, trafficking):
    assert connection.vendor == "postgresql"
    process, _held = trafficking
    # full-text: "declarations" is "declaration"
    found = client.get(SEARCH, {"q": "declarations"}).context["results"]
    assert [p.slug for p in found.processes] == [process.slug]
    # a typo in a name: the trigram match finds the process and its meetings
    found = client.get(SEARCH, {"q": "trafficing"}).context["results"]
    assert [p.slug for p in found.processes] == [process.slug]
    assert found.past_count == 3


@pytest.mark.postgres
def test_postgresql_has_the_search_indexes(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN "
            "('meeting_search', 'process_search', 'meeting_title_trgm', 'letter_search')"
        )
        assert sorted(row[0] for row in cursor.fetchall()) == [
            "letter_search",
            "meeting_search",
            "meeting_title_trgm",
            "process_search",
        ]


def test_plain_words_match_whatever_the_database(client, trafficking):
    """Every word must appear (SQLite's way); PostgreSQL finds these too."""
    found = client.get(SEARCH, {"q": "political declaration"}).context["results"]
    assert found.past_count == 3
    assert found.processes


def test_a_signed_in_visitor_searches_too(client, trafficking):
    client.force_login(UserFactory())
    assert "3 past meetings match" in client.get(SEARCH, {"q": "trafficking"}).content.decode()


@pytest.mark.parametrize(
    "typed",
    ['"trafficking', "trafficking -persons OR (", "& | ! : * \\", "%", "_", "'; drop table"],
)
def test_search_syntax_and_wildcards_are_just_words(client, trafficking, typed):
    """Quotes, operators and LIKE wildcards never break the search nor match everything."""
    page = client.get(SEARCH, {"q": typed})
    assert page.status_code == 200
    if typed in ("%", "_"):
        assert page.context["results"].past_count == 0


def test_more_upcoming_matches_than_shown_have_a_page_of_their_own(
    client, session_now, monkeypatch
):
    from meetings import search, search_views

    monkeypatch.setattr(search, "UPCOMING_SHOWN", 2)
    monkeypatch.setattr(search_views, "PAGE_SIZE", 2)
    ahead = [
        MeetingFactory(session=session_now, title=f"Trafficking briefing {n}", start=soon(n + 1))
        for n in range(3)
    ]
    page = client.get(SEARCH, {"q": "trafficking"})
    assert [m.pk for m in page.context["results"].upcoming] == [ahead[0].pk, ahead[1].pk]
    html = page.content.decode()
    assert 'href="/search/upcoming/?q=trafficking">All 3 upcoming meetings that match' in html
    first = client.get(reverse("meetings:search-upcoming"), {"q": "trafficking"})
    assert [m.pk for d in first.context["days"] for m in d.meetings] == [ahead[0].pk, ahead[1].pk]
    assert "3 upcoming meetings, soonest first." in first.content.decode()
    second = client.get(reverse("meetings:search-upcoming"), {"q": "trafficking", "page": 2})
    assert [m.pk for d in second.context["days"] for m in d.meetings] == [ahead[2].pk]
