"""An edit costs what it changes: a schedule page is rendered again when what it shows
changed, not after every edit elsewhere (meetings.shownpages). Renders are counted with
a spy that calls the real template rendering; the database and Redis are real."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from meetings import calling_off, pageshell, schedule, views
from meetings.enums import MeetingStatus
from meetings.models import Meeting
from tests.factories import (
    MeetingFactory,
    ProcessFactory,
    SessionFactory,
    UserFactory,
    at,
    room,
)
from tests.redisserver import caches_at, closed_port_url

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)
ELSEWHERE = date(2017, 5, 2)  # in no page below: before the programme's today too
PAGES = {
    "programme": (reverse("meetings:programme"), "meetings/_programme_content.html"),
    "day": (reverse("meetings:day", args=[JUNE_29]), "meetings/_day_content.html"),
    "week": (reverse("meetings:week", args=[date(2017, 6, 26)]), "meetings/_week_content.html"),
    "rooms": (
        reverse("meetings:week-rooms", args=[date(2017, 6, 26)]),
        "meetings/_room_grid_content.html",
    ),
    "month": (reverse("meetings:month", args=[2017, 6]), "meetings/_month_content.html"),
}
WEEK, WEEK_TEMPLATE = PAGES["week"]


@pytest.fixture(autouse=True)
def on_monday_morning(time_machine):
    """Today is the Monday of the week shown: the programme shows it too."""
    time_machine.move_to(at(date(2017, 6, 26), 8), tick=True)  # versions move


@pytest.fixture
def renders(monkeypatch):
    """How many times each content template, and the page around content, was rendered."""
    counted: dict[str, int] = {}
    real_render, real_shell = views.render_to_string, pageshell.render_for_anyone

    def counting_render(template, *args, **kwargs):
        counted[template] = counted.get(template, 0) + 1
        return real_render(template, *args, **kwargs)

    def counting_shell(*args, **kwargs):
        counted["page"] = counted.get("page", 0) + 1
        return real_shell(*args, **kwargs)

    monkeypatch.setattr(views, "render_to_string", counting_render)
    monkeypatch.setattr(pageshell, "render_for_anyone", counting_shell)
    return counted


@pytest.fixture
def session():
    return SessionFactory(number=71)


@pytest.fixture
def meeting(session):
    return MeetingFactory(session=session, title="Oceans", start=at(JUNE_29, 10), room=room("CR3"))


@pytest.fixture
def elsewhere(session):
    return MeetingFactory(session=session, title="Far away", start=at(ELSEWHERE, 10))


def without_token(page: bytes) -> str:
    """The page but for the visitor's CSRF token (masked afresh for each response)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.decode())


def committed(change, capture_on_commit):
    """A change committed as staff make it: the schedule version moves after commit."""
    with capture_on_commit(execute=True):
        return change()


def saved(meeting: Meeting, **fields) -> Meeting:
    for name, value in fields.items():
        setattr(meeting, name, value)
    return schedule.save_meeting(meeting)


@pytest.mark.parametrize("kind", list(PAGES))
def test_an_edit_elsewhere_renders_nothing_again_and_costs_one_query(
    kind, meeting, elsewhere, renders, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url, template = PAGES[kind]
    visitor = Client()
    before = without_token(visitor.get(url).content)
    assert "Oceans" in before
    assert renders == {template: 1, "meetings/_filters.html": 1, "page": 1}
    committed(lambda: saved(elsewhere, title="Farther away"), django_capture_on_commit_callbacks)
    with django_assert_num_queries(1):  # the fingerprint of what the page shows
        after = without_token(visitor.get(url).content)
    assert after == before
    assert renders == {template: 1, "meetings/_filters.html": 1, "page": 1}
    with django_assert_num_queries(0):  # checked at this version: served as it is
        assert without_token(visitor.get(url).content) == before


@pytest.mark.parametrize("n", [1, 30])
def test_the_week_after_an_edit_elsewhere_costs_one_query_however_full(
    n, session, elsewhere, renders, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for number in range(n):
        MeetingFactory(session=session, start=at(JUNE_29, 8) + timedelta(minutes=10 * number))
    visitor = Client()
    visitor.get(WEEK)
    committed(lambda: saved(elsewhere, title="Farther away"), django_capture_on_commit_callbacks)
    with django_assert_num_queries(1):
        assert visitor.get(WEEK).status_code == 200
    assert renders[WEEK_TEMPLATE] == 1


def test_signed_in_readers_get_the_same_content_without_a_render(
    meeting, elsewhere, renders, django_capture_on_commit_callbacks
):
    reader = Client()
    reader.force_login(UserFactory())
    assert "Oceans" in reader.get(WEEK).content.decode()
    committed(lambda: saved(elsewhere, title="Farther away"), django_capture_on_commit_callbacks)
    assert "Oceans" in reader.get(WEEK).content.decode()
    assert renders[WEEK_TEMPLATE] == 1
    assert "page" not in renders  # their page is rendered for them, around the content


def test_a_draft_saved_in_the_week_renders_nothing_and_shows_nothing(
    meeting, renders, django_capture_on_commit_callbacks
):
    visitor = Client()
    before = without_token(visitor.get(WEEK).content)
    committed(
        lambda: MeetingFactory(title="Not yet public", start=at(JUNE_29, 15), published_at=None),
        django_capture_on_commit_callbacks,
    )
    assert without_token(visitor.get(WEEK).content) == before
    assert renders[WEEK_TEMPLATE] == 1


def room_link(code: str) -> str:
    return f'href="{reverse("meetings:room", args=[code])}"'


def moved_later(meeting):
    return saved(meeting, start=meeting.start + timedelta(hours=4), end=None)


def published(meeting):
    return schedule.publish_meetings({meeting.pk: meeting.revision})


EDITS = {
    # name: (the change, what the week shows after it, what it no longer shows)
    "time": (moved_later, "14:00", "10:00"),
    "room": (lambda m: saved(m, room=room("CR4")), room_link("CR4"), room_link("CR3")),
    "title": (lambda m: saved(m, title="Seas"), "Seas", "Oceans"),
    "cancel": (
        lambda m: calling_off.cancel_meeting(m, reason="No quorum"),
        str(MeetingStatus.CANCELLED.label),
        None,
    ),
    "delete": (lambda m: m.delete(), None, "Oceans"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_inside_the_week_shows_at_once(
    edit, meeting, renders, django_capture_on_commit_callbacks
):
    change, now_shown, gone = EDITS[edit]
    visitor, reader = Client(), Client()
    reader.force_login(UserFactory())
    for client in (visitor, reader):
        assert "Oceans" in client.get(WEEK).content.decode()
    committed(lambda: change(meeting), django_capture_on_commit_callbacks)
    for client in (visitor, reader):
        page = client.get(WEEK).content.decode()
        if now_shown:
            assert now_shown in page
        if gone:
            assert gone not in page
    assert renders[WEEK_TEMPLATE] == 2  # once before, once after: shared by both readers
    assert renders["page"] == 2


def test_a_draft_published_in_the_week_shows_at_once(
    meeting, renders, django_capture_on_commit_callbacks
):
    draft = MeetingFactory(title="Now public", start=at(JUNE_29, 15), published_at=None)
    visitor = Client()
    assert "Now public" not in visitor.get(WEEK).content.decode()
    committed(lambda: published(draft), django_capture_on_commit_callbacks)
    assert "Now public" in visitor.get(WEEK).content.decode()


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_shows_an_edit_of_its_own_at_once(
    kind, meeting, django_capture_on_commit_callbacks
):
    url, _template = PAGES[kind]
    visitor = Client()
    assert "Oceans" in visitor.get(url).content.decode()
    committed(lambda: saved(meeting, title="Seas"), django_capture_on_commit_callbacks)
    page = visitor.get(url).content.decode()
    assert "Seas" in page
    assert "Oceans" not in page


def test_a_process_renamed_shows_at_once(session, django_capture_on_commit_callbacks):
    process = ProcessFactory(session=session, title="Oceans declaration", short_title="")
    MeetingFactory(session=session, process=process, start=at(JUNE_29, 10))
    visitor = Client()
    assert "Oceans declaration" in visitor.get(WEEK).content.decode()

    def rename():
        process.title = "Seas declaration"
        process.save()

    committed(rename, django_capture_on_commit_callbacks)
    page = visitor.get(WEEK).content.decode()
    assert "Seas declaration" in page
    assert "Oceans declaration" not in page


def test_a_room_renamed_shows_at_once(meeting, django_capture_on_commit_callbacks):
    visitor = Client()
    renamed = room("CR3")
    old_name = renamed.name
    assert f">{old_name}</bdi></a>" in visitor.get(WEEK).content.decode()  # the meeting's room

    def rename():
        renamed.name = "Conference Room Three (renovated)"
        renamed.save()

    committed(rename, django_capture_on_commit_callbacks)
    page = visitor.get(WEEK).content.decode()
    assert ">Conference Room Three (renovated)</bdi></a>" in page
    assert f">{old_name}</bdi></a>" not in page


@pytest.mark.parametrize("kind", list(PAGES))
def test_with_redis_out_of_reach_every_page_is_served_and_true(
    kind, meeting, django_capture_on_commit_callbacks
):
    url, _template = PAGES[kind]
    with override_settings(CACHES=caches_at(closed_port_url())):
        assert "Oceans" in Client().get(url).content.decode()
        committed(lambda: saved(meeting, title="Seas"), django_capture_on_commit_callbacks)
        page = Client().get(url).content.decode()
    assert "Seas" in page
    assert "Oceans" not in page
