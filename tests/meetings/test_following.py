"""Following shows itself: "Following ✓" with Unfollow on the pages of a process, a
meeting, a room, a kind and a body, for that visitor only (pages are cached for others);
My schedule lists everything followed, says which followed meetings overlap and, for a
mission's focal point, who else from the mission follows them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from accounts.models import Membership
from meetings import schedule
from meetings.models import Organ, PersonalSchedule
from missions.models import Mission
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, UserFactory, at, room

pytestmark = pytest.mark.django_db

FOLLOWING = "Following ✓"
FOLLOW = "Follow in my schedule"
MY = reverse("meetings:my-schedule")


@pytest.fixture
def session_now(db):
    today = schedule.today()
    return SessionFactory(
        number=81, start_date=today - timedelta(days=100), end_date=today + timedelta(days=265)
    )


def soon(days, hour=10):
    return at(schedule.today() + timedelta(days=days), hour)


def follow(client, what, value, follow="1", next_page=""):
    data = {"what": what, "value": value, "follow": follow, "next": next_page}
    return client.post(reverse("meetings:follow"), data)


def pages(session):
    """(what, value, page address) for every kind of page that has a Follow button."""
    process = ProcessFactory(session=session, slug="oceans")
    meeting = MeetingFactory(session=session, process=process, start=soon(2), room=room("CR3"))
    organ = Organ.objects.get(code="third-committee")
    return [
        ("process", "oceans", process.get_absolute_url()),
        ("meeting", str(meeting.pk), meeting.get_absolute_url()),
        ("room", "CR3", reverse("meetings:room", args=["CR3"])),
        ("kind", "panel", reverse("meetings:kind", args=["panel"])),
        ("organ", "third-committee", organ.get_absolute_url()),
    ]


def test_every_page_shows_its_follow_state_to_its_follower_only(client, session_now):
    follower, other = UserFactory(), UserFactory()
    anyone, second = Client(), Client()
    second.force_login(other)
    client.force_login(follower)
    for what, value, address in pages(session_now):
        assert anyone.get(address).status_code == 200  # cached for everyone from here on
        assert state(client, address) == FOLLOW, what
        response = follow(client, what, value, next_page=address)
        assert response.status_code == 302, what
        assert response["Location"] == address, what
        html = client.get(address).content.decode()
        assert state(client, address) == FOLLOWING, what
        assert 'name="follow" value="0"' in html, what
        # Nobody else sees it: neither another signed-in visitor nor the cached page.
        assert state(second, address) == FOLLOW, what
        assert FOLLOWING not in anyone.get(address).content.decode(), what
        follow(client, what, value, follow="0", next_page=address)
        assert state(client, address) == FOLLOW, what


def state(client, address) -> str:
    """What the page's follow control says: FOLLOW or FOLLOWING (with Unfollow)."""
    html = client.get(address).content.decode()
    shown = [words for words in (FOLLOW, FOLLOWING) if words in html]
    assert len(shown) == 1, shown
    if shown == [FOLLOWING]:
        assert "Unfollow" in html
    return shown[0]


def test_a_followed_body_s_meetings_are_in_my_schedule_and_my_feed(client, session_now):
    third = Organ.objects.get(code="third-committee")
    committee = MeetingFactory(
        session=session_now,
        organ=third,
        meeting_number=12,
        title="Third Committee, 12th meeting",
        start=soon(1),
    )
    MeetingFactory(session=session_now, organ=Organ.objects.get(code="ga-plenary"), start=soon(2))
    client.force_login(UserFactory())
    follow(client, "organ", "third-committee")
    page = client.get(MY)
    assert [m.pk for d in page.context["days"] for m in d.meetings] == [committee.pk]
    assert f'href="{third.get_absolute_url()}"' in page.content.decode()
    client.post(reverse("meetings:feed-token"), {"action": "rotate"})
    token = PersonalSchedule.objects.get().token
    feed = Calendar.from_ical(client.get(reverse("meetings:personal-feed", args=[token])).content)
    assert [str(e["uid"]) for e in feed.walk("VEVENT")] == [committee.uid]


def test_the_organ_page_lists_the_body_s_next_meetings(client, session_now):
    third = Organ.objects.get(code="third-committee")
    ahead = MeetingFactory(session=session_now, organ=third, title="Third ahead", start=soon(1))
    MeetingFactory(session=session_now, organ=third, title="Third held", start=soon(-3))
    MeetingFactory(session=session_now, title="Someone else's", start=soon(1, 15))
    page = client.get(third.get_absolute_url())
    assert [m.pk for d in page.context["days"] for m in d.meetings] == [ahead.pk]
    assert client.get("/organs/no-such-body/").status_code == 404


def test_the_kind_page_lists_that_kind_only(client, session_now):
    panel = MeetingFactory(session=session_now, kind="panel", start=soon(1))
    MeetingFactory(session=session_now, kind="briefing", start=soon(1, 15))
    page = client.get(reverse("meetings:kind", args=["panel"]))
    assert [m.pk for d in page.context["days"] for m in d.meetings] == [panel.pk]
    assert "Panel discussion" in page.content.decode()
    assert client.get("/kinds/no-such-kind/").status_code == 404


def test_my_schedule_lists_every_followed_thing_each_with_unfollow(client, session_now):
    meeting = MeetingFactory(session=session_now, title="A single meeting", start=soon(4))
    ProcessFactory(session=session_now, slug="oceans", title="Oceans")
    client.force_login(UserFactory())
    for what, value in [
        ("process", "oceans"),
        ("room", "CR3"),
        ("kind", "panel"),
        ("organ", "sixth-committee"),
        ("meeting", str(meeting.pk)),
    ]:
        follow(client, what, value)
    html = client.get(MY).content.decode()
    listed = html[html.index('id="follow-title"') : html.index("Coming up")]
    for shown in ["Oceans", "Conference Room 3", "Panel discussion", "Sixth Committee"]:
        assert shown in listed
    assert "A single meeting" in listed
    assert listed.count("Unfollow") == 5
    follow(client, "meeting", str(meeting.pk), follow="0")
    listed = client.get(MY).content.decode()
    assert "A single meeting" not in listed


def test_a_past_single_meeting_stays_listed_to_unfollow(client, session_now):
    held = MeetingFactory(session=session_now, title="Held last week", start=soon(-7))
    client.force_login(UserFactory())
    follow(client, "meeting", str(held.pk))
    html = client.get(MY).content.decode()
    assert "Held last week" in html


def test_my_schedule_runs_a_fixed_number_of_queries(client, session_now, django_assert_num_queries):
    user = UserFactory()
    client.force_login(user)
    client.get(MY)

    def add(n):
        for i in range(n):
            meeting = MeetingFactory(session=session_now, start=soon(1 + i))
            follow(client, "meeting", str(meeting.pk))
            process = ProcessFactory(session=session_now)
            follow(client, "process", process.slug)
        follow(client, "organ", "third-committee")
        follow(client, "room", "CR4")

    add(1)
    # session, user, membership, user and group permissions (the menu); the schedule,
    # what is coming; the processes, rooms, bodies and single meetings followed
    with django_assert_num_queries(11):
        client.get(MY)
    add(4)
    with django_assert_num_queries(11):
        client.get(MY)


def test_the_clash_list_names_both_meetings_with_times_and_rooms(client, session_now):
    first = MeetingFactory(
        session=session_now, title="Oceans consultation", start=soon(2, 10), room=room("CR3")
    )
    second = MeetingFactory(
        session=session_now, title="Water briefing", start=soon(2, 11), room=room("CR4")
    )
    MeetingFactory(session=session_now, title="Later panel", start=soon(2, 15), room=room("CR1"))
    client.force_login(UserFactory())
    follow(client, "room", "CR3")
    follow(client, "room", "CR4")
    follow(client, "room", "CR1")
    page = client.get(MY)
    assert [(a.pk, b.pk) for a, b in page.context["overlaps"]] == [(first.pk, second.pk)]
    html = page.content.decode()
    clashes = html[html.index('class="overlaps"') : html.index('id="follow-title"')]
    assert "1 pair of the meetings you follow overlaps." in clashes
    assert "Oceans consultation</a> (10:00–13:00, Conference Room 3)" in clashes
    assert "Water briefing</a> (11:00–14:00, Conference Room 4)" in clashes
    assert "Later panel" not in clashes
    assert "Who else from your mission" not in clashes  # not a focal point


@pytest.fixture
def clash(session_now):
    first = MeetingFactory(session=session_now, title="Oceans", start=soon(2, 10), room=room("CR3"))
    second = MeetingFactory(session=session_now, title="Water", start=soon(2, 11), room=room("CR4"))
    return first, second


def member(mission, name, *, focal_point=False):
    user = UserFactory(first_name=name)
    Membership.objects.create(user=user, mission=mission, is_focal_point=focal_point)
    return user


def follows(user, *meetings):
    c = Client()
    c.force_login(user)
    for meeting in meetings:
        follow(c, "meeting", str(meeting.pk))


def test_a_focal_point_sees_who_else_from_the_mission_follows_the_clashing_meetings(
    client, clash, belgium
):
    first, second = clash
    focal = member(belgium, "Focal Point", focal_point=True)
    follows(focal, first, second)
    follows(member(belgium, "Amina Diallo"), first)
    follows(member(belgium, "Jan Peeters"), first, second)
    follows(member(belgium, "Not Following"))
    france = Mission.objects.get_or_create(name="France")[0]
    follows(member(france, "Marie Curie"), first, second)
    client.force_login(focal)
    html = client.get(MY).content.decode()
    clashes = html[html.index('class="overlaps"') : html.index('id="follow-title"')]
    assert "Who else from your mission follows this: Amina Diallo, Jan Peeters" in clashes
    assert "Who else from your mission follows this: Jan Peeters</span>" in clashes
    assert "Marie Curie" not in html  # another mission's people: never
    assert "Not Following" not in html


def test_who_else_is_for_focal_points_only(client, clash, belgium):
    first, second = clash
    colleague = member(belgium, "Amina Diallo")
    follows(colleague, first, second)
    staff = member(belgium, "Plain Staff")
    follows(staff, first, second)
    client.force_login(staff)
    html = client.get(MY).content.decode()
    assert "Who else from your mission" not in html
    assert "Amina Diallo" not in html


def test_who_else_runs_a_fixed_number_of_queries(client, clash, belgium, django_assert_num_queries):
    first, second = clash
    focal = member(belgium, "Focal Point", focal_point=True)
    follows(focal, first, second)
    follows(member(belgium, "Colleague 0"), first)
    client.force_login(focal)
    client.get(MY)
    # 11 as any schedule, then: the colleagues' schedules and what they follow of the
    # clashing meetings' rooms and the meetings themselves (they have no process or body
    # to look up)
    with django_assert_num_queries(14):
        client.get(MY)
    for n in range(1, 5):
        follows(member(belgium, f"Colleague {n}"), first, second)
    with django_assert_num_queries(14):
        html = client.get(MY).content.decode()
    assert "Colleague 4" in html


def test_following_an_unknown_body_is_a_clear_400(client):
    client.force_login(UserFactory())
    response = follow(client, "organ", "<b>nobody</b>")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "There is no organ" in response.content.decode()


def test_followers_among_keeps_the_rule_of_followed_meetings(session_now):
    """The two forms of one rule (a query for one schedule, a check over many) agree."""
    from meetings.personal import followed_meetings, followers_among, schedule_of, set_following

    oceans = ProcessFactory(session=session_now, slug="oceans")
    third = Organ.objects.get(code="third-committee")
    meetings = [
        MeetingFactory(session=session_now, process=oceans, start=soon(1)),
        MeetingFactory(session=session_now, room=room("CR3"), start=soon(2)),
        MeetingFactory(session=session_now, overflow_room=room("CR3"), start=soon(3)),
        MeetingFactory(session=session_now, organ=third, start=soon(4)),
        MeetingFactory(session=session_now, kind="panel", start=soon(5)),
        MeetingFactory(session=session_now, start=soon(6)),
        MeetingFactory(session=session_now, start=soon(7)),  # nobody's
    ]
    routes = [
        ("process", oceans),
        ("room", room("CR3")),
        ("organ", third),
        ("kind", "panel"),
        ("meeting", meetings[5]),
    ]
    users = []
    for what, value in routes:
        user = UserFactory()
        set_following(user, what=what, value=value, follow=True)
        users.append(user)
    schedules = PersonalSchedule.objects.filter(user__in=users)
    found = followers_among(schedules, meetings)
    for user in users:
        expected = {m.pk for m in followed_meetings(schedule_of(user))}
        assert {pk for pk, followers in found.items() if user in [s.user for s in followers]} == (
            expected
        )
    assert found[meetings[6].pk] == []


@pytest.mark.parametrize("address", ["/kinds/panel/", "/organs/third-committee/"])
def test_kind_and_body_pages_run_a_fixed_number_of_queries(
    client, session_now, django_assert_num_queries, address
):
    third = Organ.objects.get(code="third-committee")
    client.force_login(UserFactory())

    def add(n):
        for i in range(n):
            MeetingFactory(session=session_now, kind="panel", organ=third, start=soon(1 + i))

    add(1)
    client.get(address)
    # session, user, membership, user and group permissions (the menu); the body (its
    # page only); the meetings; whether the visitor follows it
    expected = 8 if "organs" in address else 7
    with django_assert_num_queries(expected):
        client.get(address)
    add(5)
    with django_assert_num_queries(expected):
        client.get(address)
