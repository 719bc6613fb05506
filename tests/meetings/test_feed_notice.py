"""A feed with nothing in its window says so on the page that offers it, and where its
meetings are (the session's archive and its feed)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from meetings import schedule
from meetings.models import Deadline
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at, room

pytestmark = pytest.mark.django_db

ARCHIVED = "This process's meetings are in the archive of the 71st session."


@pytest.fixture
def old_process(db):
    process = ProcessFactory(session=SessionFactory(number=71), slug="oceans-2017")
    MeetingFactory(process=process, start=at(date(2017, 6, 5), 10))
    return process


def test_an_old_process_points_to_its_sessions_archive_and_feed(client, old_process):
    html = client.get(old_process.get_absolute_url()).content.decode()
    assert ARCHIVED in html
    assert 'href="/archive/71/?process=oceans-2017"' in html
    assert 'href="/feeds/sessions/71.ics?process=oceans-2017"' in html
    # and that feed really holds the meeting
    feed = client.get("/feeds/sessions/71.ics?process=oceans-2017").content.decode()
    assert feed.count("BEGIN:VEVENT") == 1


def test_a_process_with_a_meeting_ahead_says_nothing(client, old_process):
    MeetingFactory(
        process=old_process,
        session=old_process.session,
        start=at(schedule.today() + timedelta(days=3), 10),
    )
    html = client.get(old_process.get_absolute_url()).content.decode()
    assert "feed is empty" not in html


def test_a_deadline_ahead_fills_a_process_feed(client, old_process):
    Deadline.objects.create(
        process=old_process, title="Written inputs", due_date=schedule.today() + timedelta(days=5)
    )
    html = client.get(old_process.get_absolute_url()).content.decode()
    assert "feed is empty" not in html


def test_a_new_process_without_meetings_says_its_feed_is_empty(client):
    process = ProcessFactory(session=SessionFactory(number=71))
    html = client.get(process.get_absolute_url()).content.decode()
    assert "This process's feed is empty for now" in html
    assert "archive of the" not in html


def test_the_programme_subscribe_box_says_a_filtered_feed_is_empty(client, old_process):
    html = client.get(reverse("meetings:programme"), {"process": old_process.slug}).content.decode()
    assert "This feed is empty for now" in html
    assert "The latest meetings that match are in the archive of the 71st session." in html
    assert 'href="/feeds/sessions/71.ics?process=oceans-2017"' in html


def test_a_filter_with_recent_meetings_has_no_notice(client):
    MeetingFactory(
        session=SessionFactory(number=81),
        room=room("CR3"),
        start=at(schedule.today() - timedelta(days=5), 10),
    )
    html = client.get(reverse("meetings:programme"), {"room": "CR3"}).content.decode()
    assert "This feed is empty for now" not in html  # the feed holds the recent past


def test_the_unfiltered_programme_never_says_it(client):
    html = client.get(reverse("meetings:programme")).content.decode()
    assert "This feed is empty for now" not in html
