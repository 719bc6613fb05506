"""Redis down is not the site down: pages and feeds are rendered uncached, true, and a
change made meanwhile is never hidden by an old entry when Redis comes back.

Faults are made on a Redis of the test's own (tests/redisserver.py) or at a closed port,
never on the shared one.
"""

import logging
import time
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from meetings import pagecache, schedule
from meetings.models import PersonalSchedule, new_feed_token
from tests.celeryworker import wait_for
from tests.factories import MeetingFactory, SessionFactory, UserFactory, at
from tests.redisserver import caches_at, closed_port_url

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def meeting(db):
    today = schedule.today()
    session = SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )
    return MeetingFactory(session=session, title="Briefing on oceans", start=at(today, 23))


@pytest.fixture
def pages(meeting) -> list[str]:
    """The programme, day, week and meeting pages, and the feeds."""
    day = meeting.local_start.date()
    follower = PersonalSchedule.objects.create(user=UserFactory(), token=new_feed_token())
    follower.meetings.add(meeting)
    return [
        reverse("meetings:programme"),
        reverse("meetings:day", args=[day]),
        reverse("meetings:week", args=[schedule.week_starting(day)]),
        meeting.get_absolute_url(),
        reverse("meetings:feed"),
        reverse("meetings:meeting-ics", args=[meeting.pk]),
        reverse("meetings:personal-feed", args=[follower.token]),
    ]


def shown(pages: list[str], client=None) -> dict[str, int]:
    """Each page's status, requested as a visitor who is not signed in."""
    client = client or Client()
    return {url: client.get(url).status_code for url in pages}


def titles(pages: list[str]) -> set[str]:
    """Which of the two titles each page shows: one answer for all of them, or more."""
    found = set()
    for url in pages:
        body = Client().get(url).content.decode()
        found |= {title for title in ("Briefing on oceans", "Briefing on seas") if title in body}
    return found


def rename(meeting, title: str, capture_on_commit) -> None:
    """A change committed as staff make it: the version moves after commit (or cannot)."""
    meeting.title = title
    with capture_on_commit(execute=True):
        schedule.save_meeting(meeting)


def test_with_redis_at_a_closed_port_pages_and_feeds_are_true_and_one_line_is_logged(
    pages, meeting, caplog, django_capture_on_commit_callbacks
):
    with override_settings(CACHES=caches_at(closed_port_url())):
        assert shown(pages) == dict.fromkeys(pages, 200)
        assert titles(pages) == {"Briefing on oceans"}
        rename(meeting, "Briefing on seas", django_capture_on_commit_callbacks)
        assert titles(pages) == {"Briefing on seas"}
        signed_in = Client()
        signed_in.force_login(UserFactory())
        assert shown(pages, signed_in) == dict.fromkeys(pages, 200)
        # A feed has no version to date it by meanwhile; its bytes still validate it.
        feed = Client().get(reverse("meetings:feed"))
        assert "Last-Modified" not in feed
        again = Client().get(reverse("meetings:feed"), HTTP_IF_NONE_MATCH=feed["ETag"])
        assert again.status_code == 304
    outage = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage().partition(" (ConnectionError")[0] for r in outage] == [
        "The page cache (Redis) unreachable"
    ]


def test_a_change_made_while_redis_was_stopped_is_shown_once_it_is_back(
    own_redis, pages, meeting, django_capture_on_commit_callbacks, caplog
):
    assert titles(pages) == {"Briefing on oceans"}  # now cached
    own_redis.stop()
    assert shown(pages) == dict.fromkeys(pages, 200)
    rename(meeting, "Briefing on seas", django_capture_on_commit_callbacks)
    assert titles(pages) == {"Briefing on seas"}
    own_redis.start()
    wait_for(pagecache.OUTAGE.worth_trying)
    assert titles(pages) == {"Briefing on seas"}
    assert not pagecache.OUTAGE.down
    back = [r.getMessage() for r in caplog.records if "reachable again" in r.getMessage()]
    assert len(back) == 1
    assert back[0].startswith("The page cache (Redis) reachable again after")


def test_entries_older_than_a_change_made_while_redis_was_out_of_reach_are_never_served(
    own_redis, pages, meeting, django_capture_on_commit_callbacks
):
    """A network cut: Redis keeps its data, the old version and the entries rendered at
    it, while a change is committed that cannot move the version."""
    assert titles(pages) == {"Briefing on oceans"}  # now cached at the old version
    old_version = pagecache.schedule_version()
    with override_settings(CACHES=caches_at(closed_port_url())):  # out of reach
        rename(meeting, "Briefing on seas", django_capture_on_commit_callbacks)
        assert titles(pages) == {"Briefing on seas"}
    wait_for(pagecache.OUTAGE.worth_trying)  # back, with everything it held
    assert titles(pages) == {"Briefing on seas"}
    assert pagecache.schedule_version() > old_version
    assert titles(pages) == {"Briefing on seas"}  # from cache again, at the fresh version
    assert not pagecache.OUTAGE.down


def test_a_redis_that_does_not_answer_costs_one_timeout_not_one_per_call(
    own_redis, pages, meeting, django_capture_on_commit_callbacks
):
    """Paused, it accepts connections and answers nothing: without socket timeouts each
    call would wait for ever; without resting after a failure, each would wait one."""
    assert titles(pages) == {"Briefing on oceans"}
    own_redis.pause()
    started = time.monotonic()
    rename(meeting, "Briefing on seas", django_capture_on_commit_callbacks)
    assert titles(pages) == {"Briefing on seas"}  # seven pages, twenty-odd cache calls
    assert time.monotonic() - started < 5
    own_redis.resume()
    wait_for(pagecache.OUTAGE.worth_trying)
    assert titles(pages) == {"Briefing on seas"}
