"""What invitees must hear of: one judge (meetings.changes.calendar_change) moves SEQUENCE,
the event's DTSTAMP/LAST-MODIFIED and the update e-mail together, on every way in."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from accounts.roles import ADMINISTRATORS, PGA_EDITORS
from correspondence.enums import DeliveryKind
from correspondence.models import Delivery
from meetings import schedule
from meetings.changes import CalendarChange, calendar_change, merged
from meetings.enums import MeetingKind, MeetingStatus, Mode, Timing
from meetings.feeds import build_calendar
from meetings.models import Meeting, Room
from meetings.rooms import save_room
from missions.models import Contact, Mission
from tests.conftest import sign_in_with_second_factor
from tests.factories import SessionFactory, at, room, user_with_role
from tests.html_forms import post_forms

MONDAY = date(2026, 12, 7)
TUESDAY = date(2026, 12, 8)
BEFORE = datetime(2026, 11, 20, 15, tzinfo=UTC)  # when the meetings are first saved
LATER = datetime(2026, 11, 25, 15, tzinfo=UTC)  # when they change


def meeting(**fields) -> Meeting:
    values = {
        "title": "Informal consultation on revitalization",
        "kind": MeetingKind.PLENARY,
        "timing": Timing.EXACT,
        "start": at(MONDAY, 10),
        "end": at(MONDAY, 13),
        "room": Room(code="CR4", name="Conference Room 4"),
        "mode": Mode.IN_PERSON,
        "status": MeetingStatus.SCHEDULED,
        "published_at": BEFORE,  # a draft's changes are nobody's news
    }
    return Meeting(**{**values, **fields})


def said(change: CalendarChange) -> list[str]:
    return [d.sentence for d in change.differences]


# --- The judge, alone (no database) -------------------------------------------------


def test_a_move_says_from_when_to_when_in_new_york_time():
    change = calendar_change(meeting(), meeting(start=at(TUESDAY, 15), end=at(TUESDAY, 18)))
    assert said(change) == [
        "Moved from Monday 7 December, 10:00–13:00 to Tuesday 8 December, 15:00–18:00 "
        "(New York time)"
    ]
    assert (change.headline, change.significant, change.shown) == ("Moved", True, True)


def test_a_new_room_names_both_rooms():
    ecosoc = Room(code="ECOSOC", name="ECOSOC Chamber")
    change = calendar_change(meeting(), meeting(room=ecosoc))
    assert said(change) == ["Room: Conference Room 4 → ECOSOC Chamber"]
    assert change.headline == "Room changed"


def test_a_new_title_reaches_invitees():
    change = calendar_change(meeting(), meeting(title="Second informal consultation"))
    assert said(change) == [
        "Title: Informal consultation on revitalization → Second informal consultation"
    ]
    assert change.headline == "Renamed"


def test_going_virtual_is_a_change_of_place():
    change = calendar_change(meeting(room=None), meeting(room=None, mode=Mode.VIRTUAL))
    assert said(change) == ["Now virtual"]
    assert change.headline == "Now virtual"
    both = calendar_change(meeting(), meeting(room=None, mode=Mode.VIRTUAL))
    assert said(both) == ["Room: Conference Room 4 → not announced", "Now virtual"]
    assert both.headline == "Changed"


@pytest.mark.parametrize(
    ("before", "after", "sentence", "headline"),
    [
        ("scheduled", "cancelled", "Cancelled", "Cancelled"),
        ("scheduled", "postponed", "Postponed", "Postponed"),
        ("cancelled", "scheduled", "Reinstated", "Reinstated"),
        ("scheduled", "tentative", "Status: Scheduled → Tentative", "Status changed"),
    ],
)
def test_every_change_of_status(before, after, sentence, headline):
    change = calendar_change(meeting(status=before), meeting(status=after))
    assert (said(change), change.headline) == ([sentence], headline)


def test_several_changes_are_changed_but_a_cancellation_says_so():
    moved_and_renamed = calendar_change(
        meeting(), meeting(start=at(MONDAY, 15), end=at(MONDAY, 18), title="Briefing")
    )
    assert moved_and_renamed.headline == "Changed"
    cancelled_and_moved = calendar_change(
        meeting(), meeting(start=at(MONDAY, 15), end=None, status=MeetingStatus.CANCELLED)
    )
    assert cancelled_and_moved.headline == "Cancelled"


def test_what_only_the_description_says_moves_the_stamp_alone():
    notes = calendar_change(meeting(), meeting(notes="Bring the zero draft."))
    assert (notes.significant, notes.shown) == (False, True)
    nothing = calendar_change(meeting(), meeting(webcast_url="https://webtv.un.org/x"))
    assert (nothing.significant, nothing.shown) == (False, False)
    assert calendar_change(None, meeting()) == CalendarChange(shown=True)


def test_the_same_words_at_another_instant_are_still_a_move():
    """1 November 2026, 01:30 happens twice in New York (the autumn fold)."""
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    change = calendar_change(
        meeting(start=first, end=None), meeting(start=first + timedelta(hours=1), end=None)
    )
    assert [d.aspect for d in change.differences] == ["when"]


def test_changes_not_yet_heard_of_are_merged():
    first = [{"aspect": "room", "before": "CR 1", "after": "CR 4"}]
    second = [
        {"aspect": "room", "before": "CR 4", "after": "CR 1"},  # back: no change
        {"aspect": "title", "before": "A", "after": "B"},
    ]
    assert merged(first, second) == [{"aspect": "title", "before": "A", "after": "B"}]


# --- Every way in: the domain, the staff form, the admin, a room renamed ------------


@pytest.fixture
def session_81(db):
    return SessionFactory(number=81, start_date=date(2026, 9, 8), end_date=date(2027, 9, 7))


@pytest.fixture
def invited(session_81):
    """A published plenary meeting on Monday 7 December, and Belgium's contact invited."""
    Contact.objects.create(
        mission=Mission.objects.get(name="Belgium"),
        name="Contact Belgium",
        email="pr@belgium.example",
        confirmed=BEFORE,
    )
    with time_machine.travel(BEFORE, tick=False):
        saved = schedule.save_meeting(
            Meeting(
                session=session_81,
                title="Plenary meeting on oceans",
                kind=MeetingKind.PLENARY,
                start=at(MONDAY, 10),
                end=at(MONDAY, 13),
                room=room("CR4"),
                published_at=BEFORE,
            )
        )
    return saved


def event(meeting_: Meeting):
    body = build_calendar([meeting_], name="x", base_url="https://gasched.example")
    return next(iter(Calendar.from_ical(body).walk("VEVENT")))


def updates() -> list[tuple[int, list[str]]]:
    rows = Delivery.objects.filter(kind=DeliveryKind.UPDATE).order_by("sequence")
    return [
        (row.sequence, [f"{c['aspect']}: {c['before']} → {c['after']}" for c in row.changes])
        for row in rows
    ]


@pytest.mark.django_db
def test_a_switch_to_virtual_raises_the_sequence_moves_the_stamp_and_is_sent(invited):
    invited.room, invited.mode = None, Mode.VIRTUAL
    with time_machine.travel(LATER, tick=False):
        schedule.save_meeting(invited)
    invited.refresh_from_db()
    vevent = event(invited)
    assert (vevent["SEQUENCE"], vevent["LOCATION"]) == (1, "Virtual meeting")
    assert vevent["DTSTAMP"].dt == vevent["LAST-MODIFIED"].dt == LATER
    assert updates() == [
        (1, ["room: Conference Room 4 → not announced", "mode: in-person → virtual"])
    ]


@pytest.mark.django_db
def test_a_change_only_to_the_notes_moves_the_stamp_but_not_the_sequence(invited):
    invited.notes = "Bring the zero draft."
    with time_machine.travel(LATER, tick=False):
        schedule.save_meeting(invited)
    invited.refresh_from_db()
    assert (invited.sequence, invited.calendar_changed_at) == (0, LATER)
    assert updates() == []
    with time_machine.travel(LATER + timedelta(days=1), tick=False):
        schedule.save_meeting(invited)  # saved again, nothing changed
    invited.refresh_from_db()
    assert (invited.sequence, invited.calendar_changed_at, invited.revision) == (0, LATER, 2)


@pytest.mark.django_db
def test_the_staff_form_sends_a_new_title_to_invitees(client, invited):
    editor = user_with_role(PGA_EDITORS, second_factor=True)
    sign_in_with_second_factor(client, editor)
    url = reverse("meetings:meeting-edit", args=[invited.pk])
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if "title" in f["fields"]]
    fields = {**form["fields"], "title": "Plenary meeting on oceans and seas"}
    with time_machine.travel(LATER, tick=False):
        preview = client.post(url, fields)  # first shown, as it will be sent
        assert updates() == []
        (confirmed,) = [
            f for f in post_forms(preview.content.decode()) if "previewed_change" in f["fields"]
        ]
        response = client.post(url, confirmed["fields"])
    assert response.status_code == 302
    invited.refresh_from_db()
    assert (invited.sequence, invited.calendar_changed_at) == (1, LATER)
    assert updates() == [
        (1, ["title: Plenary meeting on oceans → Plenary meeting on oceans and seas"])
    ]


@pytest.fixture
def admin_client(client):
    administrator = user_with_role(ADMINISTRATORS, second_factor=True)
    administrator.is_superuser = True
    administrator.save()
    return sign_in_with_second_factor(client, administrator)


def admin_form(client, url: str) -> dict:
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if f["action"] == ""]
    return form["fields"]


@pytest.mark.django_db
def test_the_admin_moving_a_meeting_goes_through_the_same_judge(admin_client, invited):
    url = reverse("admin:meetings_meeting_change", args=[invited.pk])
    fields = {**admin_form(admin_client, url), "start_1": "15:00", "_save": "Save"}
    fields.pop("end_0", None), fields.pop("end_1", None)
    with time_machine.travel(LATER, tick=False):
        response = admin_client.post(url, fields)
    assert response.status_code == 302
    invited.refresh_from_db()
    assert (invited.sequence, invited.calendar_changed_at) == (1, LATER)
    assert updates() == [
        (
            1,
            [
                "when: Monday 7 December, 10:00–13:00 → Monday 7 December, 15:00",
            ],
        )
    ]


@pytest.mark.django_db
def test_a_room_renamed_in_the_admin_reaches_the_meetings_ahead(admin_client, invited):
    with time_machine.travel(BEFORE, tick=False):
        past = schedule.save_meeting(
            Meeting(
                session=invited.session,
                title="Held already",
                kind=MeetingKind.BRIEFING,
                start=at(date(2026, 11, 2), 10),
                room=room("CR4"),
                published_at=BEFORE,
            )
        )
    url = reverse("admin:meetings_room_change", args=[room("CR4").pk])
    fields = {**admin_form(admin_client, url), "name": "Conference Room 4 (renovated)"}
    ticked = {"has_interpretation", "is_current"} & set(fields)  # a ticked box sends "on"
    fields.update(dict.fromkeys(ticked, "on"))
    with time_machine.travel(LATER, tick=False):
        response = admin_client.post(url, {**fields, "_save": "Save"})
    assert response.status_code == 302
    invited.refresh_from_db()
    past.refresh_from_db()
    vevent = event(invited)
    assert (vevent["SEQUENCE"], str(vevent["LOCATION"])) == (
        1,
        "Conference Room 4 (renovated), United Nations Headquarters, New York",
    )
    assert vevent["DTSTAMP"].dt == vevent["LAST-MODIFIED"].dt == LATER
    assert (past.sequence, past.calendar_changed_at) == (0, BEFORE)
    assert updates() == [(1, ["room: Conference Room 4 → Conference Room 4 (renovated)"])]


@pytest.mark.django_db
def test_a_room_renamed_on_the_staff_page_too(invited):
    renamed = room("CR4")
    renamed.name = "Conference Room Four"
    with time_machine.travel(LATER, tick=False):
        save_room(renamed, aliases=["CR 4"])
    invited.refresh_from_db()
    assert (invited.sequence, invited.calendar_changed_at) == (1, LATER)
    assert updates() == [(1, ["room: Conference Room 4 → Conference Room Four"])]
    renamed.capacity = 200  # not its name: nothing for calendars
    save_room(renamed, aliases=["CR 4"])
    invited.refresh_from_db()
    assert invited.sequence == 1
