"""A feed is built again only when what it holds changed, and by one worker at a time;
its validators come from its content, so an edit elsewhere costs its subscribers a 304."""

import threading
from datetime import UTC, datetime, timedelta
from itertools import combinations

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.http import http_date
from icalendar import Calendar

from meetings import feedcache, feeds, pagecache, schedule
from meetings.enums import MeetingKind, MeetingStatus, Timing
from meetings.models import Meeting, PersonalSchedule, new_feed_token
from tests.factories import (
    CoFacilitatorFactory,
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    UserFactory,
    at,
    room,
)
from tests.redisserver import caches_at, closed_port_url

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

CR3 = reverse("meetings:feed") + "?room=CR3"


@pytest.fixture
def session_now(db):
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )


@pytest.fixture
def builds(monkeypatch):
    """How many feeds were built: a spy on feeds.build_calendar, which still builds."""
    counted = {"n": 0}
    lock = threading.Lock()
    real = feeds.build_calendar

    def counting(*args, **kwargs):
        with lock:
            counted["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(feeds, "build_calendar", counting)
    return counted


def soon(days: int, hour: int = 10):
    return at(schedule.today() + timedelta(days=days), hour)


def titles(body: bytes) -> list[str]:
    return sorted(str(e["summary"]) for e in Calendar.from_ical(body).walk("VEVENT"))


def descriptions(body: bytes) -> str:
    return "\n".join(str(e["description"]) for e in Calendar.from_ical(body).walk("VEVENT"))


def saved(meeting: Meeting, capture_on_commit, **changes) -> Meeting:
    """An edit as staff make it: saved, committed, the schedule version moved."""
    for name, value in changes.items():
        setattr(meeting, name, value)
    with capture_on_commit(execute=True):
        schedule.save_meeting(meeting)
    return meeting


def later(seconds: float = 5):
    """Some seconds on: what was changed is settled, so Last-Modified may be told."""
    return time_machine.travel(datetime.now(UTC) + timedelta(seconds=seconds))


def test_an_edit_outside_a_filter_leaves_its_feed_as_it_was_with_304s(
    client, session_now, builds, django_capture_on_commit_callbacks
):
    MeetingFactory(session=session_now, title="In CR3", room=room("CR3"), start=soon(2))
    elsewhere = MeetingFactory(session=session_now, title="In CR4", room=room("CR4"), start=soon(3))
    pagecache.schedule_version()  # the last change, as far as the cache knows: now
    with later(5):
        first = client.get(CR3)
    version = pagecache.schedule_version()
    with later(10):
        saved(elsewhere, django_capture_on_commit_callbacks, title="In CR4, renamed")
    assert pagecache.schedule_version() > version  # the edit moved the schedule version
    with later(20):
        again = client.get(CR3)
        by_tag = client.get(CR3, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(CR3, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert builds["n"] == 1  # built once, before the edit
    assert again.content == first.content
    assert (again["ETag"], again["Last-Modified"]) == (first["ETag"], first["Last-Modified"])
    assert (by_tag.status_code, by_date.status_code) == (304, 304)


def test_an_edit_inside_a_filter_rebuilds_its_feed_once(
    client, session_now, builds, django_capture_on_commit_callbacks
):
    inside = MeetingFactory(session=session_now, title="In CR3", room=room("CR3"), start=soon(2))
    first = client.get(CR3)
    saved(inside, django_capture_on_commit_callbacks, title="In CR3, renamed")
    with later(5):
        changed = client.get(CR3, HTTP_IF_NONE_MATCH=first["ETag"])
        again = client.get(CR3, HTTP_IF_NONE_MATCH=changed["ETag"])
    assert changed.status_code == 200
    assert titles(changed.content) == ["In CR3, renamed"]
    assert again.status_code == 304
    assert builds["n"] == 2


def test_last_modified_is_when_the_content_changed_not_when_it_was_rebuilt(
    client, session_now, builds, django_capture_on_commit_callbacks
):
    inside = MeetingFactory(session=session_now, room=room("CR3"), start=soon(2))
    elsewhere = MeetingFactory(session=session_now, room=room("CR4"), start=soon(3))
    moment = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(moment, tick=False):
        saved(inside, django_capture_on_commit_callbacks, title="Changed first")
    with time_machine.travel(moment + timedelta(minutes=5), tick=False):
        saved(elsewhere, django_capture_on_commit_callbacks, title="Changed later, elsewhere")
    with time_machine.travel(moment + timedelta(minutes=10), tick=False):
        feed = client.get(CR3)
    # Built after both edits: dated from the last change that can have touched it.
    changed_at = feed["Last-Modified"]
    with time_machine.travel(moment + timedelta(minutes=15), tick=False):
        saved(elsewhere, django_capture_on_commit_callbacks, title="Changed again, elsewhere")
    with time_machine.travel(moment + timedelta(minutes=20), tick=False):
        assert client.get(CR3)["Last-Modified"] == changed_at
        assert client.get(CR3, HTTP_IF_MODIFIED_SINCE=changed_at).status_code == 304
        saved(inside, django_capture_on_commit_callbacks, title="Changed inside")
    with time_machine.travel(moment + timedelta(minutes=25), tick=False):
        moved = client.get(CR3, HTTP_IF_MODIFIED_SINCE=changed_at)
    assert moved.status_code == 200
    assert moved["Last-Modified"] != changed_at


@pytest.mark.parametrize(
    "change",
    [
        lambda m, other: setattr(m, "room", room("CR4")),  # moved out of the filter
        lambda m, other: setattr(other, "room", room("CR3")),  # another moved in
        lambda m, other: setattr(m, "status", MeetingStatus.CANCELLED),
    ],
    ids=["moved-out", "moved-in", "cancelled"],
)
def test_what_comes_into_a_feed_or_leaves_it_rebuilds_it(
    client, session_now, builds, change, django_capture_on_commit_callbacks
):
    inside = MeetingFactory(session=session_now, title="Inside", room=room("CR3"), start=soon(2))
    other = MeetingFactory(session=session_now, title="Other", room=room("CR4"), start=soon(3))
    before = client.get(CR3).content
    change(inside, other)
    with django_capture_on_commit_callbacks(execute=True):
        schedule.save_meeting(inside)
        schedule.save_meeting(other)
    after = client.get(CR3).content
    assert after != before
    assert builds["n"] == 2


def test_a_deleted_meeting_leaves_the_feed(
    client, session_now, builds, django_capture_on_commit_callbacks
):
    MeetingFactory(session=session_now, title="Stays", room=room("CR3"), start=soon(2))
    going = MeetingFactory(session=session_now, title="Goes", room=room("CR3"), start=soon(3))
    assert titles(client.get(CR3).content) == ["Goes", "Stays"]
    with django_capture_on_commit_callbacks(execute=True):
        going.delete()
    assert titles(client.get(CR3).content) == ["Stays"]


def test_what_a_feed_shows_from_elsewhere_rebuilds_it(
    client, session_now, builds, django_capture_on_commit_callbacks
):
    """Process titles and co-facilitators, and the title of the meeting one follows."""
    process = ProcessFactory(session=session_now, title="Oceans", slug="oceans")
    first = MeetingFactory(
        session=session_now, title="Plenary", room=room("CR4"), start=soon(2, 10)
    )
    MeetingFactory(
        session=session_now,
        title="Consultation",
        process=process,
        room=room("CR3"),
        timing=Timing.FOLLOWING,
        follows=first,
        start=first.booked_until,
    )
    assert "Following the adjournment of: Plenary." in descriptions(client.get(CR3).content)
    saved(first, django_capture_on_commit_callbacks, title="Plenary meeting")
    shown = descriptions(client.get(CR3).content)
    assert "Following the adjournment of: Plenary meeting." in shown
    with django_capture_on_commit_callbacks(execute=True):
        process.title = "Oceans and seas"
        process.save()
    assert "Process: Oceans and seas" in descriptions(client.get(CR3).content)
    with django_capture_on_commit_callbacks(execute=True):
        CoFacilitatorFactory(process=process, state="Fiji")
    assert "(Fiji)" in descriptions(client.get(CR3).content)
    assert builds["n"] == 4


def test_a_personal_feed_is_rebuilt_only_for_what_it_follows(
    client, session_now, builds, django_capture_on_commit_callbacks
):
    followed = MeetingFactory(
        session=session_now, title="Followed", kind=MeetingKind.BRIEFING, start=soon(2)
    )
    elsewhere = MeetingFactory(session=session_now, title="Elsewhere", start=soon(3))
    personal = PersonalSchedule.objects.create(
        user=UserFactory(), kinds=[MeetingKind.BRIEFING], token=new_feed_token()
    )
    feed = reverse("meetings:personal-feed", args=[personal.token])
    pagecache.schedule_version()  # the last change, as far as the cache knows: now
    with later(5):
        first = client.get(feed)
    saved(elsewhere, django_capture_on_commit_callbacks, title="Elsewhere, renamed")
    with later(10):
        by_date = client.get(feed, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    assert builds["n"] == 1
    saved(followed, django_capture_on_commit_callbacks, title="Followed, renamed")
    assert titles(client.get(feed).content) == ["Followed, renamed"]
    assert builds["n"] == 2


def test_following_more_dates_the_personal_feed_from_then(client, session_now, builds):
    """The schedule did not change, the feed did: its Last-Modified says when."""
    MeetingFactory(session=session_now, title="Briefing", start=soon(2))
    user = UserFactory()
    personal = PersonalSchedule.objects.create(user=user, token=new_feed_token())
    feed = reverse("meetings:personal-feed", args=[personal.token])
    pagecache.schedule_version()
    with later(5):
        told = client.get(feed)["Last-Modified"]
    with later(60):
        client.force_login(user)
        client.post(reverse("meetings:follow"), {"what": "kind", "value": "informal-consultation"})
        client.logout()
    with later(120):
        refetched = client.get(feed, HTTP_IF_MODIFIED_SINCE=told)
    assert refetched.status_code == 200
    assert titles(refetched.content) == ["Briefing"]


def test_a_feed_whose_window_moved_overnight_without_changing_is_not_modified(session_now):
    """Its window follows the date, but the same meetings give the same bytes and the
    same validators: a client sending only If-Modified-Since gets its 304."""
    MeetingFactory(session=session_now, start=soon(3))
    feed = reverse("meetings:feed")
    yesterday = datetime.now(UTC) - timedelta(days=1)
    with time_machine.travel(yesterday, tick=False):
        pagecache.schedule_version()  # the last change: yesterday
    with time_machine.travel(yesterday + timedelta(seconds=5), tick=False):
        told = Client().get(feed)
    today = Client().get(feed, HTTP_IF_MODIFIED_SINCE=told["Last-Modified"])
    assert today.status_code == 304
    assert (today["ETag"], today["Last-Modified"]) == (told["ETag"], told["Last-Modified"])


def test_a_meeting_that_leaves_the_window_overnight_dates_the_feed_from_midnight(
    session_now, builds
):
    """No edit between, yet the feed changed: when its window moved past the meeting."""
    MeetingFactory(session=session_now, title="This session", start=soon(3))
    SessionFactory(
        number=82,
        start_date=session_now.end_date + timedelta(days=1),
        end_date=session_now.end_date + timedelta(days=365),
    )
    SessionFactory(
        number=83,
        start_date=session_now.end_date + timedelta(days=366),
        end_date=session_now.end_date + timedelta(days=730),
    )
    feed = reverse("meetings:feed")
    pagecache.schedule_version()  # the last change: now
    with later(5):
        told = Client().get(feed)
    two_sessions_on = schedule.start_of_day(session_now.end_date + timedelta(days=400))
    with time_machine.travel(two_sessions_on + timedelta(hours=10), tick=False):
        moved = Client().get(feed, HTTP_IF_MODIFIED_SINCE=told["Last-Modified"])
    assert moved.status_code == 200
    assert titles(moved.content) == []
    assert moved["Last-Modified"] == http_date(two_sessions_on.timestamp())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sixteen_requests_right_after_an_edit_build_the_feed_once(session_now, monkeypatch):
    """Threads of one process on the shared Redis, each with its own database
    connection, asking at the same moment: one builds, the others wait for its bytes."""
    built = {"n": 0}
    lock = threading.Lock()
    real = feeds.build_calendar

    def slow_counting(*args, **kwargs):
        with lock:
            built["n"] += 1
        threading.Event().wait(0.3)  # a build long enough for the others to arrive
        return real(*args, **kwargs)

    monkeypatch.setattr(feeds, "build_calendar", slow_counting)
    inside = MeetingFactory(session=session_now, title="Before", room=room("CR3"), start=soon(2))
    assert titles(Client().get(CR3).content) == ["Before"]
    inside.title = "After"
    schedule.save_meeting(inside)  # committed: the version moves
    start = threading.Barrier(16)
    answers = []

    def poll():
        try:
            start.wait()
            response = Client().get(CR3)
            with lock:
                answers.append((response.status_code, titles(response.content)))
        finally:
            connection.close()

    threads = [threading.Thread(target=poll) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert answers == [(200, ["After"])] * 16
    assert built["n"] == 2  # once before the edit, once after


def test_a_builder_that_died_holds_nobody_up_for_long(
    client, session_now, builds, monkeypatch, django_capture_on_commit_callbacks
):
    """Its lock is left behind: the others wait WAIT seconds, then serve the bytes they
    had; with none, they build them."""
    monkeypatch.setattr(feedcache, "WAIT", 0.2)
    inside = MeetingFactory(session=session_now, title="Before", room=room("CR3"), start=soon(2))
    assert titles(client.get(CR3).content) == ["Before"]
    saved(inside, django_capture_on_commit_callbacks, title="After")
    place = feedcache.Place(*pagecache.slot_key("feed", ("room=CR3", "testserver")))
    pagecache.cache.set(place.lock, "a worker that died", feedcache.LOCK_SECONDS)
    assert titles(client.get(CR3).content) == ["Before"]  # the previous bytes
    pagecache.cache.delete_many([place.slot, place.body])
    pagecache.LOCAL_COPIES.clear()
    assert titles(client.get(CR3).content) == ["After"]  # none left: built here
    assert builds["n"] == 2


def test_with_redis_down_feeds_are_built_for_each_request(
    session_now, builds, django_capture_on_commit_callbacks
):
    inside = MeetingFactory(session=session_now, title="Before", room=room("CR3"), start=soon(2))
    with override_settings(CACHES=caches_at(closed_port_url())):
        assert titles(Client().get(CR3).content) == ["Before"]
        saved(inside, django_capture_on_commit_callbacks, title="After")
        answers = [Client().get(CR3) for _ in range(3)]
    assert [(a.status_code, titles(a.content)) for a in answers] == [(200, ["After"])] * 3
    assert builds["n"] == 4


def feeds_on_one_slot(count: int) -> list[str]:
    """`count` filters (of kinds) whose feeds land on one slot."""
    by_slot = {}
    for size in range(1, len(MeetingKind.values) + 1):
        for kinds in combinations(MeetingKind.values, size):
            query = schedule.ScheduleFilter.canonical(kinds=kinds).as_query()
            slot, _digest = pagecache.slot_key("feed", (query, "testserver"))
            by_slot.setdefault(slot, []).append(query)
            if len(by_slot[slot]) == count:
                return by_slot[slot]
    raise AssertionError("no slot holds that many")


def test_feeds_on_one_slot_are_kept_side_by_side_up_to_its_ways(client, session_now, builds):
    MeetingFactory(session=session_now, start=soon(2))
    queries = feeds_on_one_slot(feedcache.WAYS + 1)
    feed = reverse("meetings:feed") + "?"
    for query in queries[: feedcache.WAYS]:
        client.get(feed + query)
    pagecache.LOCAL_COPIES.clear()  # as another worker, which has none of them
    for query in queries[: feedcache.WAYS]:
        assert client.get(feed + query).status_code == 200
    assert builds["n"] == feedcache.WAYS
    client.get(feed + queries[-1])  # one more: the one checked longest ago makes room
    places = [
        feedcache.Place(*pagecache.slot_key("feed", (query, "testserver"))) for query in queries
    ]
    assert [pagecache.cache.get(place.body) is not None for place in places] == [
        False,
        *[True] * feedcache.WAYS,
    ]
