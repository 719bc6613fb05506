"""The cache is never wrong: no visitor's values in cached HTML, calendars in one
language, following costs nobody else anything, junk cannot grow the cache, and
validators never claim "not modified" for a change."""

import random
import re
import zlib
from datetime import UTC, date, datetime, timedelta
from html import unescape

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.http import http_date

from meetings import pagecache, schedule
from meetings.enums import MeetingKind
from meetings.models import Meeting, PersonalSchedule, new_feed_token
from tests.factories import (
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    UserFactory,
    at,
)

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEXT = re.compile(r'<form class="languages".*?name="next" value="([^"]*)"', re.S)


@pytest.fixture
def meeting():
    return MeetingFactory(title="Second informal consultation", start=at(JUNE_29, 10))


def schedule_pages(meeting) -> list[str]:
    return [
        reverse("meetings:programme"),
        reverse("meetings:day", args=[JUNE_29]),
        reverse("meetings:week", args=[date(2017, 6, 26)]),
        reverse("meetings:week-rooms", args=[date(2017, 6, 26)]),
        reverse("meetings:month", args=[2017, 6]),
        meeting.get_absolute_url(),
    ]


def switch_language(visitor: Client, page: str, language: str):
    """What a visitor's browser does: open the page, press the language's button."""
    html = visitor.get(page).content.decode()
    token = CSRF.search(html).group(1)
    back = unescape(NEXT.search(html).group(1))
    response = visitor.post(
        reverse("set_language"),
        {"csrfmiddlewaretoken": token, "language": language, "next": back},
    )
    return back, response


@pytest.mark.parametrize(
    "index", range(6), ids=["programme", "day", "week", "rooms", "month", "meeting"]
)
def test_second_and_third_visitors_switch_language_on_a_cached_page(meeting, index):
    page = schedule_pages(meeting)[index]
    Client().get(page)  # the first visitor primes the cache
    for n, language in ((2, "fr"), (3, "es")):
        visitor = Client(enforce_csrf_checks=True)
        own_page = f"{page}?utm_source=visitor{n}"
        back, response = switch_language(visitor, own_page, language)
        assert back == own_page  # their own `next`, not the first visitor's
        assert response.status_code == 302, response.content[:300]
        assert response["Location"] == own_page
        assert visitor.cookies["django_language"].value == language
        assert f'<html lang="{language}"' in visitor.get(page).content.decode()


def test_cached_page_never_holds_another_visitors_token(meeting):
    week = reverse("meetings:week", args=[date(2017, 6, 26)])
    first, second = Client(), Client()
    token_of_first = CSRF.search(first.get(week).content.decode()).group(1)
    second_page = second.get(week)
    assert "csrftoken" in second_page.cookies  # the second visitor gets a token of their own
    assert CSRF.search(second_page.content.decode()).group(1) != token_of_first


@pytest.fixture
def session_now():
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=30), end_date=today + timedelta(days=300)
    )


def test_calendars_are_the_same_bytes_in_every_language(session_now):
    process = ProcessFactory(session=session_now, slug="ign")
    soon = at(schedule.today() + timedelta(days=3), 10)
    meeting = MeetingFactory(
        session=session_now, process=process, start=soon, kind=MeetingKind.BRIEFING
    )
    user = UserFactory()
    personal = PersonalSchedule.objects.create(
        user=user, kinds=[MeetingKind.BRIEFING], token=new_feed_token()
    )
    calendars = [
        reverse("meetings:feed"),
        reverse("meetings:feed") + "?process=ign",
        reverse("meetings:meeting-ics", args=[meeting.pk]),
        reverse("meetings:personal-feed", args=[personal.token]),
    ]
    for calendar in calendars:
        rendered = {}
        for language in ("en", "fr", "ru", "ar"):
            cache.clear()  # each language renders the calendar afresh
            pagecache.forget()
            response = Client().get(calendar, HTTP_ACCEPT_LANGUAGE=language)
            assert response["Content-Language"] == "en", calendar
            rendered[language] = response.content
        assert b"BEGIN:VEVENT" in rendered["en"]
        assert rendered["fr"] == rendered["ru"] == rendered["ar"] == rendered["en"], calendar


def test_following_moves_only_the_followers_own_feed(
    client, session_now, django_capture_on_commit_callbacks
):
    soon = at(schedule.today() + timedelta(days=3), 10)
    meeting = MeetingFactory(session=session_now, title="Briefing on oceans", start=soon)
    user = UserFactory()
    personal = PersonalSchedule.objects.create(user=user, token=new_feed_token())
    feed = reverse("meetings:personal-feed", args=[personal.token])
    assert b"Briefing on oceans" not in client.get(feed).content
    version = pagecache.schedule_version()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:follow"), {"what": "meeting", "value": str(meeting.pk)}
        )
    assert response.status_code == 302
    assert pagecache.schedule_version() == version  # everybody else's pages stay cached
    assert b"Briefing on oceans" in Client().get(feed).content  # the follower's feed moved


def schedule_keys() -> set[str]:
    """The cache's schedule entries, on Redis or on the local-memory cache."""
    backend = cache._cache
    if hasattr(backend, "get_client"):
        client = backend.get_client(None, write=False)
        return {k.decode() for k in client.scan_iter(match=cache.make_key("schedule:*"))}
    return {k for k in backend._cache if ":schedule:" in k}


def test_junk_and_permuted_filters_add_a_bounded_number_of_keys(meeting):
    week = reverse("meetings:week", args=[date(2017, 6, 26)])
    visitor = Client()
    visitor.get(week)
    visitor.get(f"{week}?room=CR3")  # what filters are checked against is cached too
    before = schedule_keys()
    rng = random.Random(13)  # noqa: S311 -- a repeatable sample, not a secret
    rooms = ["CR1", "CR2", "CR3", "CR4", "ECOSOC", "GA-HALL", "TC"]
    kinds = list(MeetingKind.values)
    # 500 junk values: refused before any cache is touched
    for n in range(500):
        junk = rng.choice(["room", "kind", "process"]) + f"=nope{n}"
        assert visitor.get(f"{week}?{junk}&room=CR3").status_code == 400
    assert schedule_keys() == before
    # 500 orders and repetitions of one filter: one entry
    for _ in range(500):
        values = [("room", "CR3")] * rng.randint(1, 5) + [("room", "CR4"), ("kind", kinds[0])]
        rng.shuffle(values)
        assert visitor.get(week + "?" + "&".join(f"{k}={v}" for k, v in values)).status_code == 200
    # its stamp, its content, its filter box, and the page around it
    assert len(schedule_keys() - before) <= 4
    # 1,000 distinct real filters: never more keys than the slots of the week kind
    for _ in range(1000):
        chosen = rng.sample(rooms, rng.randint(1, 4)) + rng.sample(kinds, rng.randint(0, 3))
        query = "&".join(f"room={v}" if v in rooms else f"kind={v}" for v in chosen)
        visitor.get(f"{week}?{query}&page={rng.randint(1, 9999)}")
    # a slot keeps the stamp, the content and the page of one identity (shownpages)
    bound = 3 * pagecache.SLOTS["week"] + pagecache.SLOTS["filter-box"]
    assert len(schedule_keys() - before) <= bound
    assert len(schedule_keys()) <= sum(pagecache.SLOTS.values()) + 1  # and the version


def test_a_change_within_the_same_second_never_answers_a_false_304(
    session_now, django_capture_on_commit_callbacks
):
    soon = at(schedule.today() + timedelta(days=3), 10)
    meeting = MeetingFactory(session=session_now, title="Before", start=soon)
    feed = reverse("meetings:feed")
    second = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=10)
    with (
        time_machine.travel(second + timedelta(milliseconds=100), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        meeting.title = "First change"
        schedule.save_meeting(meeting)
    with time_machine.travel(second + timedelta(milliseconds=500), tick=False):
        first = Client().get(feed)
    with (
        time_machine.travel(second + timedelta(milliseconds=800), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        meeting.title = "Second change"
        schedule.save_meeting(meeting)
    with time_machine.travel(second + timedelta(milliseconds=900), tick=False):
        # A client that sends only If-Modified-Since, with the second it may have been told.
        since = first.get("Last-Modified") or http_date(second.timestamp())
        again = Client().get(feed, HTTP_IF_MODIFIED_SINCE=since)
    assert again.status_code == 200
    assert b"SUMMARY:Second change" in again.content
    # Once the change has settled, the feed says when it was made, and 304s are true.
    with time_machine.travel(second + timedelta(seconds=5), tick=False):
        settled = Client().get(feed)
        assert settled["Last-Modified"] == http_date(second.timestamp())
        since = settled["Last-Modified"]
        assert Client().get(feed, HTTP_IF_MODIFIED_SINCE=since).status_code == 304


def test_validators_come_from_the_data_not_the_clock(session_now):
    """Rendered again hours later with no change between: the same ETag and the same
    Last-Modified (the last change, not the time of rendering)."""
    MeetingFactory(session=session_now, start=at(schedule.today() + timedelta(days=3), 10))
    feed = reverse("meetings:feed")
    # early in today's New York day, so that two hours later is still the same day
    moment = schedule.start_of_day(schedule.today()) + timedelta(hours=2)
    with time_machine.travel(moment, tick=False):
        pagecache.schedule_version()  # the last change, as far as the cache knows
    with time_machine.travel(moment + timedelta(seconds=5), tick=False):
        first = Client().get(feed)
    cache.delete_many([k.split(":", 2)[2] for k in schedule_keys() if ":feed:" in k])
    pagecache.forget()
    with time_machine.travel(moment + timedelta(hours=2), tick=False):
        later = Client().get(feed)
    assert first["Last-Modified"] == http_date(moment.timestamp())
    assert (later["ETag"], later["Last-Modified"]) == (first["ETag"], first["Last-Modified"])


@pytest.mark.parametrize(
    "path",
    [
        reverse("meetings:programme"),
        reverse("meetings:week", args=[date(2017, 6, 26)]),
        reverse("meetings:day", args=[JUNE_29]),
        reverse("meetings:feed"),
    ],
)
def test_a_search_with_a_nul_byte_is_a_400_not_a_500(client, path):
    response = client.get(path + "?q=a%00b")
    assert response.status_code == 400
    assert "a NUL character" in response.content.decode()


def test_a_meeting_deleted_since_its_form_was_opened_is_not_brought_back(meeting):
    from django.core.exceptions import ValidationError

    opened = Meeting.objects.get(pk=meeting.pk)
    Meeting.objects.filter(pk=meeting.pk).delete()
    opened.title = "Edited after it was deleted"
    with pytest.raises(ValidationError, match="deleted since you opened it"):
        schedule.save_meeting(opened, expected_revision=opened.revision)
    assert not Meeting.objects.exists()


def test_feeds_are_kept_compressed_in_the_shared_cache(session_now):
    MeetingFactory(session=session_now, start=at(schedule.today() + timedelta(days=3), 10))
    body = Client().get(reverse("meetings:feed")).content
    (key,) = [k for k in schedule_keys() if ":feed:" in k and k.endswith(":body")]
    _etag, stored = cache.get(key.split(":", 2)[2])
    assert zlib.decompress(stored) == body
