"""Official meetings in the programme's filters, feeds and API, marked as the Journal's;
one feed for the plenary and the Main Committees; the command; the readiness check."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from icalendar import Calendar

from gasched import health
from journal import tasks
from journal.models import JournalDay
from journal.sync import sync_journal
from meetings.enums import Source
from meetings.models import Meeting
from tests.factories import MeetingFactory, room

from . import shapes

pytestmark = pytest.mark.django_db

# The day before shapes.DAY: its meetings are ahead, in every feed's window.
BEFORE = datetime(2017, 6, 28, 16, tzinfo=UTC)
MAIN = [
    "ga-plenary",
    *(f"{n}-committee" for n in ("first", "second", "third", "fourth", "fifth", "sixth")),
]


@pytest.fixture
def day_read(journal, session71):
    journal.answer(
        f"allnew/{shapes.DAY.isoformat()}",
        shapes.day(
            shapes.plenary("a" * 36),
            shapes.meeting("b" * 36),
            shapes.meeting(
                "c" * 36,
                title="<p>Security Council</p>",
                number="<p>7990th meeting</p>",
                organ="S",
                organization="Security Council",
                room="Security Council Chamber",
                room_link="SCC.jpg",
            ),
        ),
    )
    sync_journal(shapes.DAY, shapes.DAY)
    office = MeetingFactory(
        session=session71, title="Informal briefing by the PGA", room=room("CR1")
    )
    return office


def summaries(body: bytes) -> set[str]:
    calendar = Calendar.from_ical(body)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


@time_machine.travel(BEFORE, tick=False)
def test_one_feed_holds_the_plenary_and_the_main_committees(client, day_read):
    query = "&".join(f"organ={code}" for code in MAIN)
    response = client.get(reverse("meetings:feed") + "?" + query)
    assert response.status_code == 200
    assert summaries(response.content) == {"General Assembly", "Fifth Committee"}
    everything = client.get(reverse("meetings:feed"))
    assert summaries(everything.content) == {
        "General Assembly",
        "Fifth Committee",
        "Security Council",
        "Informal briefing by the PGA",
    }


def test_an_unknown_body_in_the_filter_is_a_400_naming_it(client, day_read):
    response = client.get(reverse("meetings:feed") + "?organ=no-such-body")
    assert response.status_code == 400
    assert b"organ" in response.content


@time_machine.travel(BEFORE, tick=False)
def test_feeds_say_where_a_meeting_comes_from(client, day_read):
    body = client.get(reverse("meetings:feed") + "?organ=fifth-committee").content
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert "From the Journal of the United Nations." in str(event["DESCRIPTION"])


def test_the_api_gives_the_source_and_the_body(client, day_read):
    found = client.get("/api/meetings", {"organ": "ga-plenary"}).json()
    (plenary,) = found["items"]
    assert (plenary["source"], plenary["organ"]["code"], plenary["title"]) == (
        "journal",
        "ga-plenary",
        "General Assembly",
    )
    office = Meeting.objects.get(source=Source.OFFICE)
    assert client.get(f"/api/meetings/{office.pk}").json()["source"] == "office"


def test_the_programme_pages_filter_by_body(client, day_read):
    page = client.get(reverse("meetings:day", args=[shapes.DAY]), {"organ": "security-council"})
    text = page.content.decode()
    assert "Security Council" in text
    assert "Informal briefing by the PGA" not in text


def test_the_command_reads_the_days_asked(journal, session71):
    journal.answer("allnew/2017-06-29", shapes.day(shapes.meeting("b" * 36)))
    journal.answer(
        "allnew/2017-06-30", shapes.day(shapes.plenary("a" * 36, day=shapes.DAY + timedelta(1)))
    )
    call_command("sync_journal", "--from", "2017-06-29", "--to", "2017-06-30")
    assert Meeting.objects.filter(source=Source.JOURNAL).count() == 2
    assert journal.paths() == ["/api/allnew/2017-06-29", "/api/allnew/2017-06-30"]
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("sync_journal", "--from", "29/06/2017")


def test_the_command_says_when_the_sync_is_off(settings):
    settings.GASCHED_JOURNAL_SYNC = False
    with pytest.raises(CommandError, match="GASCHED_JOURNAL_SYNC"):
        call_command("sync_journal")


def test_the_command_fails_loudly_when_the_journal_is_down(settings, session71):
    settings.GASCHED_JOURNAL_URL = "http://127.0.0.1:9/api/"
    settings.GASCHED_JOURNAL_SYNC = True
    with pytest.raises(CommandError, match="unreachable"):
        call_command("sync_journal", "--from", "2017-06-29", "--to", "2017-06-29")


@pytest.mark.redis
def test_readiness_says_how_old_the_last_good_read_is(client):
    health.forget()
    JournalDay.objects.create(day=shapes.DAY, last_read=datetime.now(UTC) - timedelta(hours=2))
    found = client.get(reverse("readiness")).json()
    assert 7190 <= found["journal"]["age_seconds"] <= 7300
    assert found["journal"]["last_good_read"]
    health.forget()


def test_the_beat_task_reads_the_journal_and_does_nothing_when_off(journal, session71, settings):
    journal.answer(f"allnew/{shapes.DAY.isoformat()}", shapes.day(shapes.meeting("b" * 36)))
    settings.GASCHED_JOURNAL_MAX_DAYS = 1
    with time_machine.travel(datetime(2017, 6, 30, 12, tzinfo=UTC), tick=False):
        tasks.sync_journal.delay()  # yesterday on: 29 June, one day at most here
        assert Meeting.objects.filter(source=Source.JOURNAL).count() == 1
        settings.GASCHED_JOURNAL_SYNC = False
        tasks.sync_journal.delay()
    assert len(journal.requests) == 1


def test_the_beat_schedule_reads_every_half_hour_on_working_days_and_at_night(settings):
    schedules = {
        name: entry["schedule"]
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        if entry["task"] == "journal.sync_journal"
    }
    working, nightly = schedules["sync-journal"], schedules["sync-journal-nightly"]
    assert working.minute == {0, 30}
    assert working.hour == set(range(7, 20))
    assert working.day_of_week == {1, 2, 3, 4, 5}
    assert (nightly.hour, nightly.minute) == ({2}, {15})
