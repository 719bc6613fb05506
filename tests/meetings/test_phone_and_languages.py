"""What a delegate on a phone, or reading in another language, meets: the filter box of
ticked values with their counts, the process page's subscription box, feeds named after
what they hold, error pages in the site's design, rooms in six languages and English
names kept whole inside Arabic pages."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from gasched import urls
from gasched.errors import bad_request, server_error
from meetings import schedule
from meetings.enums import MeetingKind
from tests.factories import (
    CoFacilitatorFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    at,
    room,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_afterwards():
    """A request in another language leaves it active in this thread (LocaleMiddleware
    activates, nothing deactivates): the tests after these must start in English."""
    yield
    translation.activate("en")


JUNE_29 = date(2017, 6, 29)
WEEK = reverse("meetings:week", args=[date(2017, 6, 26)])


@pytest.fixture
def trafficking():
    process = ProcessFactory(
        slug="trafficking-declaration", title="Political declaration on trafficking"
    )
    MeetingFactory(process=process, room=room("CR4"), start=at(JUNE_29, 10))
    MeetingFactory(process=process, room=room("CR4"), start=at(date(2017, 7, 6), 10))
    MeetingFactory(
        kind=MeetingKind.BRIEFING,
        room=room("CR1"),
        overflow_room=room("CR4"),
        start=at(JUNE_29, 15),
    )
    return process


def checkbox(page: str, name: str, value: str) -> re.Match | None:
    """The checkbox of a value in the filter box, with its label."""
    return re.search(
        rf'<input type="checkbox" name="{name}" value="{re.escape(value)}"([^>]*)>'
        rf'<label for="[^"]+"[^>]*>([^<]*)</label>',
        page,
    )


# --- The filter box: ticked values in groups, with counts -------------------------------


def test_filters_are_checkboxes_in_groups_with_counts(client, trafficking):
    page = client.get(WEEK).content.decode()
    assert "<select" not in page
    for legend in ("Kind", "Process", "Room"):
        assert f"<legend>{legend}</legend>" in page
    assert checkbox(page, "process", "trafficking-declaration").group(2) == (
        "Political declaration on trafficking (2)"
    )
    assert checkbox(page, "kind", "briefing").group(2) == "Briefing (1)"
    # a room counts the meetings it holds and those it overflows
    assert checkbox(page, "room", "CR4").group(2) == "Conference Room 4 (3)"
    assert checkbox(page, "room", "CR1").group(2) == "Conference Room 1 (1)"


def test_the_filter_url_is_the_same_as_before(client, trafficking):
    """Ticking boxes sends ?kind=…&room=… as the multiple select did: feeds and cached
    pages keep their addresses."""
    page = client.get(f"{WEEK}?room=CR1&room=CR4&kind=briefing").content.decode()
    assert "checked" in checkbox(page, "room", "CR1").group(1)
    assert "checked" in checkbox(page, "room", "CR4").group(1)
    assert "checked" in checkbox(page, "kind", "briefing").group(1)
    assert "checked" not in checkbox(page, "kind", "panel").group(1)
    assert "Filter by kind, process or room, or search · chosen: 3" in page
    assert page.count('<li class="meeting') == 1
    feed = client.get(reverse("meetings:feed") + "?room=CR4&kind=briefing")
    assert feed.status_code == 200


def test_the_filter_box_stays_closed_over_the_results(client, trafficking):
    page = client.get(f"{WEEK}?room=CR4").content.decode()
    assert '<details class="filter-box">' in page
    refused = client.get(f"{WEEK}?room=NOWHERE")
    assert refused.status_code == 400
    assert '<details class="filter-box" open>' in refused.content.decode()


def test_rooms_no_longer_in_use_are_listed_only_where_they_held_meetings(client, trafficking):
    page = client.get(WEEK).content.decode()
    assert checkbox(page, "room", "NLB-CR1") is None
    chosen = client.get(f"{WEEK}?room=NLB-CR1").content.decode()
    assert checkbox(chosen, "room", "NLB-CR1") is not None


def test_the_process_list_offers_the_session_viewed(client, trafficking):
    older = SessionFactory(number=64, start_date=date(2009, 9, 15), end_date=date(2010, 9, 13))
    ProcessFactory(session=older, slug="water-64", title="Water of the 64th")
    MeetingFactory(session=older, start=at(date(2010, 3, 22), 10), room=room("NLB-CR1"))
    week = client.get(WEEK).content.decode()
    assert checkbox(week, "process", "water-64") is None
    archive = client.get(reverse("meetings:archive-session", args=[64])).content.decode()
    assert checkbox(archive, "process", "water-64").group(2) == "Water of the 64th (0)"
    assert checkbox(archive, "process", "trafficking-declaration") is None
    # the room of 2009-2014 held a meeting of that session: listed, counted
    assert checkbox(archive, "room", "NLB-CR1").group(2) == (
        "Conference Room 1 (North Lawn Building) (1)"
    )


def test_counts_cost_one_query_and_follow_a_change(
    client, trafficking, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_assert_num_queries(1):
        counts = schedule.session_counts(JUNE_29)
    assert counts["room"]["CR4"] == 3
    for hour in (16, 17, 18):
        MeetingFactory(process=trafficking, start=at(JUNE_29, hour))
    with django_assert_num_queries(1):
        assert schedule.session_counts(JUNE_29)["process"]["trafficking-declaration"] == 5
    client.get(WEEK)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = MeetingFactory.build(process=trafficking, start=at(JUNE_29, 19))
        schedule.save_meeting(meeting)
    page = client.get(WEEK).content.decode()
    assert checkbox(page, "process", "trafficking-declaration").group(2).endswith("(6)")


# --- Subscribing from a process page; feeds named after what they hold -----------------


def test_the_process_page_offers_the_programme_subscription_box(client, trafficking):
    page = client.get(trafficking.get_absolute_url()).content.decode()
    assert '<details class="subscribe">' in page
    assert "Subscribe in your calendar" in page
    feed = "http://testserver/feeds/programme.ics?process=trafficking-declaration"
    assert 'href="webcal://testserver/feeds/programme.ics?process=trafficking-declaration"' in page
    assert f'value="{feed}"' in page
    for client_name in ("Outlook", "Google Calendar", "Apple Calendar"):
        assert f"<strong>{client_name}</strong>" in page
    assert "Google refreshes a subscribed calendar only about once a day" in page


@pytest.mark.parametrize(
    ("query", "filename"),
    [
        ("", "gasched.ics"),
        ("?process=trafficking-declaration", "gasched-trafficking-declaration.ics"),
        ("?room=CR4&kind=briefing", "gasched-cr4-briefing.ics"),
        ("?q=Oceans%20d%C3%A9claration", "gasched-oceans-declaration.ics"),
    ],
)
def test_feed_files_are_named_after_what_they_hold(client, trafficking, query, filename):
    response = client.get(reverse("meetings:feed") + query)
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'


def test_a_session_feed_is_named_after_its_session(client, trafficking):
    response = client.get(reverse("meetings:session-feed", args=[71]) + "?room=CR4")
    assert response["Content-Disposition"] == 'inline; filename="gasched-71-cr4.ics"'


# --- Error pages -------------------------------------------------------------------------


def test_not_found_is_in_the_site_design_with_search_and_programme(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<header class="site">' in page
    assert "<h1>Page not found</h1>" in page
    assert 'action="/"' in page
    assert 'name="q"' in page
    assert 'href="/">The programme of meetings</a>' in page


def test_not_found_speaks_the_reader_language(client):
    client.cookies["django_language"] = "fr"
    page = client.get("/meetings/999999/").content.decode()
    assert '<html lang="fr">' in page
    assert "Page introuvable" in page
    client.cookies["django_language"] = "ar"
    page = client.get("/no-such-page/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "الصفحة غير موجودة" in page


def test_forbidden_is_in_the_site_design(mission_client):
    response = mission_client.get(reverse("meetings:meeting-create"))
    assert response.status_code == 403
    page = response.content.decode()
    assert '<header class="site">' in page
    assert "<h1>Not allowed</h1>" in page


def test_a_refused_form_token_is_explained(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "fr"})
    assert response.status_code == 403
    assert "<h1>The form has expired</h1>" in response.content.decode()


def test_server_error_renders_without_request_or_database(rf, django_assert_num_queries):

    with translation.override("es"), django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert '<header class="site">' in page
    assert "Algo salió mal" in page
    assert 'class="languages"' not in page  # it would post without a token
    with translation.override("zh-hans"), django_assert_num_queries(0):
        response = bad_request(rf.get("/"), ValueError())
    assert response.status_code == 400
    assert "请求无效" in response.content.decode()


def test_server_error_falls_back_to_plain_html(rf, settings):

    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False}]
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Server error (500)" in response.content.decode()


def test_the_handlers_are_the_sites(client, settings):

    assert urls.handler500 == "gasched.errors.server_error"
    assert urls.handler400 == "gasched.errors.bad_request"


# --- Rooms in six languages; English kept whole in Arabic pages --------------------------


def test_rooms_carry_their_official_names_as_data():
    assert room("CR4").names["fr"] == "Salle de conférence 4"
    assert room("CR4").names["es"] == "Sala de conferencias 4"
    assert room("CR4").names["ru"] == "Зал заседаний 4"
    assert room("CR4").names["ar"] == "قاعة الاجتماعات 4"
    assert room("CR4").names["zh-hans"] == "第4会议室"
    assert room("GA-HALL").names["fr"] == "Salle de l'Assemblée générale"
    assert room("ECOSOC").names["es"] == "Salón del Consejo Económico y Social"
    assert room("NLB-CR1").names == {}


def test_pages_name_rooms_in_the_reader_language_and_feeds_in_english(client, trafficking):
    client.cookies["django_language"] = "fr"
    week = client.get(WEEK).content.decode()
    assert "<bdi>Salle de conférence 4</bdi>" in week
    assert "Salle de conférence 4 (3)" in week  # the filter box too
    rooms = client.get(reverse("meetings:rooms")).content.decode()
    assert ">Salle du Conseil de tutelle</a>" in rooms
    client.cookies["django_language"] = "ar"
    detail = client.get(room("CR4").get_absolute_url()).content.decode()
    assert '<h1 dir="auto">قاعة الاجتماعات 4</h1>' in detail
    assert '<dd lang="en" dir="ltr">Conference Room 4</dd>' in detail
    feed = client.get(reverse("meetings:session-feed", args=[71])).content.decode()
    assert "LOCATION:Conference Room 4" in feed
    assert "Salle de conférence" not in feed
    assert "قاعة" not in feed


def test_a_room_without_a_translation_keeps_its_english_name(client):
    MeetingFactory(room=room("NLB-CR1"), start=at(JUNE_29, 10))
    client.cookies["django_language"] = "zh-hans"
    page = client.get(WEEK).content.decode()
    assert "<bdi>Conference Room 1 (North Lawn Building)</bdi>" in page


def test_cofacilitators_are_one_translated_phrase_with_isolated_names(client, trafficking):
    CoFacilitatorFactory(process=trafficking, name="H.E. Mr. Marc Pecsteen", state="Belgium")
    CoFacilitatorFactory(process=trafficking, title="Chargé d'affaires a.i.", state="Qatar")
    client.cookies["django_language"] = "ar"
    page = client.get(trafficking.get_absolute_url()).content.decode()
    assert "<bdi>H.E. Mr. Marc Pecsteen</bdi>، الممثل الدائم لـ<bdi>Belgium</bdi>" in page
    assert "<bdi>Chargé d&#x27;affaires a.i.</bdi> (<bdi>Qatar</bdi>)" in page
    assert "Permanent Representative" not in page
    meeting = trafficking.meetings.first()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "الممثل الدائم لـ<bdi>Belgium</bdi>" in page


def test_english_names_are_isolated_in_arabic_lists(client, trafficking):
    client.cookies["django_language"] = "ar"
    page = client.get(WEEK).content.decode()
    assert re.search(r'<a class="title" href="[^"]+" dir="auto">Informal consultation', page)
    assert "<bdi>Political declaration on trafficking</bdi>" in page
    assert "<bdi>قاعة الاجتماعات 4</bdi>" in page
    process = client.get(trafficking.get_absolute_url()).content.decode()
    assert '<h1 dir="auto">Political declaration on trafficking</h1>' in process
