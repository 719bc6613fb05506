"""Schedule pages are served from cache until the schedule changes, and never after."""

import time
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from meetings import schedule
from meetings.enums import MeetingStatus
from meetings.models import Meeting
from meetings.pagecache import schedule_version
from tests.conftest import sign_in_with_second_factor
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, UserFactory, at, room

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)
WEEK = reverse("meetings:week", args=[date(2017, 6, 26)])


def test_second_visit_to_a_week_runs_no_query(client, django_assert_num_queries):
    MeetingFactory(title="Second informal consultation")
    client.get(WEEK)
    with django_assert_num_queries(0):
        page = client.get(WEEK).content.decode()
    assert "Second informal consultation" in page


def test_second_anonymous_visit_to_a_meeting_runs_no_query(client, django_assert_num_queries):
    meeting = MeetingFactory()
    client.get(meeting.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(meeting.get_absolute_url()).status_code == 200


def test_signed_in_reader_gets_cached_content_in_a_fresh_page(client, django_assert_num_queries):
    meeting = MeetingFactory(title="Second informal consultation")
    client.force_login(UserFactory())
    client.get(meeting.get_absolute_url())
    # session, user, membership, user and group permissions (for the menu), whether the
    # reader follows the meeting (their Follow button): the meeting's content, title and
    # status come cached
    with django_assert_num_queries(6):
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sign out" in page
    assert "Second informal consultation" in page


def test_anonymous_page_with_a_pending_message_is_not_served_from_cache(client):
    from django.test import Client

    MeetingFactory()
    Client().get(WEEK)  # another visitor: the anonymous page is now cached
    client.force_login(UserFactory())
    client.post(reverse("account_logout"))  # queues "You have signed out."
    page = client.get(WEEK).content.decode()
    assert "You have signed out." in page


def test_a_committed_change_is_shown_at_once(client, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(title="Second informal consultation", room=room("CR3"))
    assert '/rooms/CR3/"><bdi>Conference Room 3</bdi></a>' in client.get(WEEK).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.room = room("ECOSOC")
        schedule.save_meeting(meeting)
    page = client.get(WEEK).content.decode()
    assert '/rooms/ECOSOC/"><bdi>ECOSOC Chamber</bdi></a>' in page
    assert '/rooms/CR3/"><bdi>Conference Room 3</bdi></a>' not in page


@pytest.mark.parametrize(
    "change",
    [
        lambda m: schedule.set_meeting_status(m, MeetingStatus.CANCELLED),
        lambda m: m.delete(),
        lambda m: ProcessFactory(title="A new process"),
        lambda m: m.segments.create(title="Morning panel"),
    ],
    ids=["cancelled", "deleted", "process-added", "segment-added"],
)
def test_every_kind_of_write_moves_the_schedule_version(change, django_capture_on_commit_callbacks):
    meeting = MeetingFactory()
    before = schedule_version()
    with django_capture_on_commit_callbacks(execute=True):
        change(meeting)
    assert schedule_version() != before


def test_uncommitted_change_does_not_move_the_version(django_capture_on_commit_callbacks):
    before = schedule_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        MeetingFactory()
    assert schedule_version() == before
    assert callbacks  # the version moves when (and only when) these run at commit


def test_bad_filter_is_not_cached(client, django_capture_on_commit_callbacks):
    assert client.get("/?process=nope").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        ProcessFactory(slug="nope", title="Now it exists")
    assert client.get("/?process=nope").status_code == 200


def test_staff_buttons_are_not_cached_for_visitors(client, editor):
    meeting = MeetingFactory()
    sign_in_with_second_factor(client, editor)
    assert "Cancel meeting" in client.get(meeting.get_absolute_url()).content.decode()
    client.logout()
    assert "Cancel meeting" not in client.get(meeting.get_absolute_url()).content.decode()


def test_day_and_week_of_the_same_date_are_cached_apart(client):
    MeetingFactory(title="Evening briefing", start=at(JUNE_29, 18))
    client.get(WEEK)
    page = client.get(reverse("meetings:day", args=[JUNE_29])).content.decode()
    assert "Programme for Thursday 29 June 2017" in page


def test_made_up_parameters_share_the_cached_page(client, django_assert_num_queries):
    MeetingFactory()
    client.get(WEEK + "?room=CR3")
    with django_assert_num_queries(0):
        client.get(WEEK + "?utm_source=mail&room=CR3")


def test_text_searches_are_not_cached(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    MeetingFactory(title="Oceans consultation")
    client.get(WEEK + "?q=oceans")
    with CaptureQueriesContext(connection) as second_search:
        page = client.get(WEEK + "?q=oceans").content.decode()
    assert len(second_search) > 0
    assert "Oceans consultation" in page


def test_local_copies_hold_one_value_per_key():
    from meetings.pagecache import LocalCopies

    copies = LocalCopies(budget=100)
    copies.put("feed", b"old", 3)
    copies.put("feed", b"newer", 5)
    assert (copies.get("feed"), copies.size) == (b"newer", 5)
    assert copies.get("other") is None


def test_local_copies_keep_to_their_byte_budget_least_recently_used_first():
    from meetings.pagecache import LocalCopies

    copies = LocalCopies(budget=10)
    copies.put("a", "a", 4)
    copies.put("b", "b", 4)
    copies.get("a")  # a is now the most recently used
    copies.put("c", "c", 4)
    assert (copies.get("a"), copies.get("b"), copies.get("c")) == ("a", None, "c")
    copies.put("huge", "x", 11)
    assert copies.get("huge") is None
    assert copies.size == 8


def test_feed_served_from_this_process_still_sees_a_change_at_once(
    client, django_capture_on_commit_callbacks
):
    today = schedule.today()
    session = SessionFactory(
        number=81, start_date=today - timedelta(days=30), end_date=today + timedelta(days=300)
    )
    meeting = MeetingFactory(
        session=session, title="Before", start=at(today + timedelta(days=2), 10)
    )
    feed = reverse("meetings:feed") + "?room=CR3"
    meeting.room = room("CR3")
    with django_capture_on_commit_callbacks(execute=True):
        schedule.save_meeting(meeting)
    client.get(feed)
    with django_capture_on_commit_callbacks(execute=True):
        meeting.title = "After"
        schedule.save_meeting(meeting)
    assert b"SUMMARY:After" in client.get(feed).content


def test_another_process_change_reaches_feeds_within_a_second(client):
    """Feeds trust this process's reading of the version for one second, no longer."""
    from django.core.cache import cache

    from meetings.pagecache import LARGE_VERSION_MAX_AGE, VERSION_KEY

    today = schedule.today()
    session = SessionFactory(
        number=81, start_date=today - timedelta(days=30), end_date=today + timedelta(days=300)
    )
    meeting = MeetingFactory(
        session=session, title="Before", start=at(today + timedelta(days=2), 10)
    )
    feed = reverse("meetings:feed")
    moment = datetime.now(UTC)
    with time_machine.travel(moment, tick=False):
        assert b"SUMMARY:Before" in client.get(feed).content
        # as another process would save it, moving the shared version
        Meeting.objects.filter(pk=meeting.pk).update(title="After", updated=timezone.now())
        cache.set(VERSION_KEY, time.time_ns() + 1, timeout=None)
        assert b"SUMMARY:Before" in client.get(feed).content  # within the second: trusted
    later = moment + timedelta(seconds=LARGE_VERSION_MAX_AGE + 0.1)
    with time_machine.travel(later, tick=False):
        assert b"SUMMARY:After" in client.get(feed).content
