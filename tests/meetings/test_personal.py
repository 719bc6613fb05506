"""My schedule: follow processes, rooms, kinds and meetings; a private feed; overlaps."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings import schedule
from meetings.models import PersonalSchedule
from meetings.personal import overlaps
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, UserFactory, at, room

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_now(db):
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )


def soon(days, hour=10):
    return at(schedule.today() + timedelta(days=days), hour)


def follow(client, what, value, follow="1"):
    return client.post(reverse("meetings:follow"), {"what": what, "value": value, "follow": follow})


def feed_address(client) -> str:
    client.post(reverse("meetings:feed-token"), {"action": "rotate"})
    return reverse("meetings:personal-feed", args=[PersonalSchedule.objects.get().token])


def test_following_a_process_puts_its_meetings_in_my_feed(client, session_now):
    oceans = ProcessFactory(session=session_now, slug="oceans")
    wanted = MeetingFactory(session=session_now, process=oceans, start=soon(2))
    other = MeetingFactory(session=session_now, start=soon(3))
    client.force_login(UserFactory())
    follow(client, "process", "oceans")
    address = feed_address(client)
    client.logout()  # calendars fetch without signing in
    uids = [str(e["uid"]) for e in Calendar.from_ical(client.get(address).content).walk("VEVENT")]
    assert uids == [wanted.uid]
    assert other.uid not in uids


def test_rooms_kinds_and_single_meetings_combine(client, session_now):
    in_room = MeetingFactory(session=session_now, room=room("CR3"), start=soon(1))
    panel = MeetingFactory(session=session_now, kind="panel", start=soon(2))
    single = MeetingFactory(session=session_now, start=soon(3))
    MeetingFactory(session=session_now, start=soon(4))
    client.force_login(UserFactory())
    follow(client, "room", "CR3")
    follow(client, "kind", "panel")
    follow(client, "meeting", str(single.pk))
    page = client.get(reverse("meetings:my-schedule"))
    assert [m.pk for d in page.context["days"] for m in d.meetings] == [
        in_room.pk,
        panel.pk,
        single.pk,
    ]
    follow(client, "kind", "panel", follow="0")
    page = client.get(reverse("meetings:my-schedule"))
    assert [m.pk for d in page.context["days"] for m in d.meetings] == [in_room.pk, single.pk]


def test_token_is_long_and_random(client):
    client.force_login(UserFactory())
    feed_address(client)
    token = PersonalSchedule.objects.get().token
    assert len(token) >= 43  # 32 random bytes, url-safe base64: 256 bits


def test_rotating_the_address_kills_the_old_one_at_once(client, session_now):
    client.force_login(UserFactory())
    old = feed_address(client)
    assert client.get(old).status_code == 200
    new = feed_address(client)
    assert new != old
    assert (client.get(old).status_code, client.get(new).status_code) == (404, 200)


def test_revoking_the_address_gives_404_at_once(client, session_now):
    client.force_login(UserFactory())
    address = feed_address(client)
    client.get(address)  # now cached
    client.post(reverse("meetings:feed-token"), {"action": "revoke"})
    assert client.get(address).status_code == 404
    assert PersonalSchedule.objects.get().token is None


def test_unknown_token_is_404_never_a_login_redirect(client):
    assert client.get(reverse("meetings:personal-feed", args=["x" * 43])).status_code == 404


def test_overlapping_followed_meetings_are_shown(client, session_now):
    first = MeetingFactory(
        session=session_now, title="Oceans consultation", start=soon(2, 10), room=room("CR3")
    )
    second = MeetingFactory(
        session=session_now, title="Water briefing", start=soon(2, 12), room=room("CR4")
    )
    MeetingFactory(session=session_now, title="Later", start=soon(2, 15), room=room("CR3"))
    client.force_login(UserFactory())
    for meeting in (first, second):
        follow(client, "meeting", str(meeting.pk))
    follow(client, "room", "CR3")
    page = client.get(reverse("meetings:my-schedule"))
    assert [(a.title, b.title) for a, b in page.context["overlaps"]] == [
        ("Oceans consultation", "Water briefing")
    ]
    assert "At the same time" in page.content.decode()


def test_cancelled_meetings_do_not_count_as_overlaps(session_now):
    a = MeetingFactory(session=session_now, start=soon(2, 10))
    b = MeetingFactory(session=session_now, start=soon(2, 11), status="cancelled")
    assert overlaps([a, b]) == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"what": "everything", "value": "x"}, b"Follow what?"),
        ({"what": "process", "value": "<script>"}, b"There is no process"),
        ({"what": "meeting", "value": "abc"}, b"There is no meeting"),
        ({"what": "kind", "value": "party"}, b"There is no kind"),
    ],
)
def test_following_something_that_does_not_exist_is_400(client, db, data, reason):
    client.force_login(UserFactory())
    response = client.post(reverse("meetings:follow"), data)
    assert response.status_code == 400
    assert reason in response.content
    assert response["Content-Type"].startswith("text/plain")


def test_follow_never_redirects_off_site(client, db):
    ProcessFactory(slug="oceans")
    client.force_login(UserFactory())
    response = client.post(
        reverse("meetings:follow"),
        {"what": "process", "value": "oceans", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("meetings:my-schedule")


def test_follow_button_on_process_and_meeting_pages(client, db):
    process = ProcessFactory()
    meeting = MeetingFactory(process=process)
    assert "Follow in my schedule" not in client.get(process.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert "Follow in my schedule" in client.get(process.get_absolute_url()).content.decode()
    assert "Follow in my schedule" in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize("value", ["²", "١", "9" * 30])
def test_only_plain_meeting_numbers_are_followed(client, db, value):
    MeetingFactory()
    client.force_login(UserFactory())
    response = client.post(reverse("meetings:follow"), {"what": "meeting", "value": value})
    assert response.status_code == 400


def test_my_feed_keeps_the_same_sixty_days_of_history_as_the_programme(client, session_now):
    oceans = ProcessFactory(session=session_now, slug="oceans")
    kept = MeetingFactory(session=session_now, process=oceans, start=soon(-59))
    dropped = MeetingFactory(session=session_now, process=oceans, start=soon(-61))
    client.force_login(UserFactory())
    follow(client, "process", "oceans")
    address = feed_address(client)
    uids = [str(e["uid"]) for e in Calendar.from_ical(client.get(address).content).walk("VEVENT")]
    assert uids == [kept.uid]
    assert dropped.uid not in uids
