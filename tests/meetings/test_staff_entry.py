"""PGA office staff enter meetings, processes and rooms; bad input is refused and nothing saved."""

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from meetings import schedule
from meetings.enums import MeetingStatus, Timing
from meetings.models import Meeting, Process, Room
from meetings.schedule import today
from meetings.sessions import ensure_session_covering
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at, room
from tests.html_forms import saved_through_the_preview

pytestmark = pytest.mark.django_db

JULY_6 = date(2017, 7, 6)


def meeting_form(**changes) -> dict:
    data = {
        "title": "Third informal consultation",
        "kind": "informal-consultation",
        "status": "scheduled",
        "date": "2017-07-06",
        "timing": "exact",
        "start_time": "10:00",
        "end_time": "",
        "room": "CR3",
        "overflow_room": "",
        "mode": "in-person",
        "participation": "member-states",
        "documents": "",
        "notes": "",
        "webcast_url": "",
        "opened_revision": "0",  # as the page shows a meeting saved once
        "entry_token": uuid.uuid4().hex,  # a fresh form each time, as opened from the site
    }
    return {**data, **changes}


def offered_rooms(page: str) -> list[str]:
    """The free rooms the form offers, as buttons that fill the room field."""
    return re.findall(r'data-pick-room="([^"]+)"', page)


@pytest.fixture
def session_71(db):
    return SessionFactory()


STAFF_PAGES = [
    ("get", "meetings:meeting-create", []),
    ("post", "meetings:meeting-create", []),
    ("get", "meetings:process-create", []),
    ("get", "meetings:room-create", []),
    ("get", "meetings:room-edit", ["CR3"]),
    ("get", "meetings:room-availability", []),
]


@pytest.mark.parametrize(("method", "name", "args"), STAFF_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, method, name, args):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(("method", "name", "args"), STAFF_PAGES)
def test_signed_in_non_staff_get_403(mission_client, method, name, args):
    assert getattr(mission_client, method)(reverse(name, args=args)).status_code == 403


def test_non_staff_cannot_edit_or_cancel_a_meeting(mission_client):
    meeting = MeetingFactory()
    assert (
        mission_client.post(
            reverse("meetings:meeting-edit", args=[meeting.pk]), meeting_form()
        ).status_code
        == 403
    )
    assert (
        mission_client.post(
            reverse("meetings:meeting-status", args=[meeting.pk]), {"status": "cancelled"}
        ).status_code
        == 403
    )
    assert Meeting.objects.get().status == MeetingStatus.SCHEDULED


def test_staff_create_a_meeting_in_new_york_time(staff_client, session_71):
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(room="cr 3"))
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.start == datetime(2017, 7, 6, 14, tzinfo=UTC)
    assert (meeting.end, meeting.room.code, meeting.session.number) == (None, "CR3", 71)


def test_winter_date_is_stored_at_the_winter_offset(staff_client):
    SessionFactory(number=72, start_date=date(2017, 9, 12), end_date=date(2018, 9, 17))
    staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(date="2017-12-07", end_time="13:00")
    )
    meeting = Meeting.objects.get()
    assert (meeting.start, meeting.end) == (
        datetime(2017, 12, 7, 15, tzinfo=UTC),
        datetime(2017, 12, 7, 18, tzinfo=UTC),
    )


def test_morning_meeting_without_a_time(staff_client, session_71):
    staff_client.post(
        reverse("meetings:meeting-create"),
        meeting_form(timing="morning", start_time="", room="", date="2017-06-16"),
    )
    meeting = Meeting.objects.get()
    assert (meeting.timing, meeting.local_start.hour, meeting.end) == (Timing.MORNING, 10, None)


def assert_refused(response, field: str, message: str):
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert Meeting.objects.filter(title="Third informal consultation").count() == 0


def test_end_before_start_is_refused(staff_client, session_71):
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(end_time="09:00"))
    assert_refused(response, "end_time", "The meeting must end after it starts.")


def test_room_already_taken_names_the_meeting_and_the_free_rooms(staff_client, session_71):
    MeetingFactory(title="Briefing on oceans", start=at(JULY_6, 9), room=room("CR3"))
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form())
    assert_refused(response, "room", "Conference Room 3 is already booked for “Briefing on oceans”")
    assert "Free at that time: General Assembly Hall" in response.context["form"].errors["room"][0]
    # the form shows the free rooms while choosing, too
    assert "Conference Room 4" in response.content.decode()


def test_unknown_room_is_refused(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(room="Conference Room 13")
    )
    assert_refused(response, "room", "No room at UN Headquarters is called “Conference Room 13”.")


@pytest.mark.parametrize("day", ["1812-06-18", "2099-01-01"])
def test_date_outside_any_sensible_range_is_refused(staff_client, session_71, day):
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(date=day))
    assert_refused(response, "date", "Enter a date between 1946-01-10 and")


def test_date_outside_every_session_is_refused(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(date="2019-07-08")
    )
    assert response.status_code == 400
    assert (
        "No General Assembly session covers 2019-07-08."
        in response.context["form"].errors["date"][0]
    )


def test_time_skipped_by_daylight_saving_is_refused(staff_client):
    SessionFactory(number=81, start_date=date(2026, 9, 8), end_date=date(2027, 9, 6))
    response = staff_client.post(
        reverse("meetings:meeting-create"),
        meeting_form(date="2027-03-14", start_time="02:30", room=""),
    )
    assert_refused(response, "start_time", "02:30 does not exist in New York on 14 March 2027")


def test_exact_timing_needs_a_time(staff_client, session_71):
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(start_time=""))
    assert_refused(response, "start_time", "Enter the start time")


def test_bad_document_symbol_is_refused(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(documents="A/RES/71/287, not a symbol")
    )
    assert_refused(response, "documents", "Not a UN document symbol: not a symbol")


def test_virtual_meeting_has_no_room(staff_client, session_71):
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(mode="virtual"))
    assert_refused(response, "room", "A virtual meeting has no room")


def test_gone_rooms_cannot_be_booked_for_future_meetings(staff_client):
    SessionFactory(
        number=81, start_date=today() - timedelta(days=30), end_date=today() + timedelta(days=300)
    )
    future = (today() + timedelta(days=7)).isoformat()
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(date=future, room="NLB CR1")
    )
    assert_refused(response, "room", "Conference Room 1 (North Lawn Building) is no longer in use.")


def test_following_the_adjournment_of_another_meeting(staff_client, session_71):
    first = MeetingFactory(start=at(JULY_6, 10), end=at(JULY_6, 13), room=room("CR4"))
    staff_client.post(
        reverse("meetings:meeting-create"),
        meeting_form(timing="following", start_time="", follows=str(first.pk)),
    )
    meeting = Meeting.objects.get(title="Third informal consultation")
    assert (meeting.follows, meeting.start) == (first, first.end)


def test_check_free_rooms_button_saves_nothing(staff_client, session_71):
    MeetingFactory(start=at(JULY_6, 10), room=room("CR4"))
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(check="1"))
    free = [r.code for r in response.context["free_rooms"]]
    assert response.status_code == 200
    assert "CR3" in free
    assert "CR4" not in free
    assert Meeting.objects.count() == 1


def test_availability_fragment_lists_free_rooms(staff_client, session_71):
    MeetingFactory(start=at(JULY_6, 10), room=room("CR4"))
    response = staff_client.get(
        reverse("meetings:room-availability"),
        {"date": "2017-07-06", "timing": "exact", "start_time": "11:00"},
    )
    offered = offered_rooms(response.content.decode())
    assert response.status_code == 200
    assert "Conference Room 3" in offered
    assert "Conference Room 4" not in offered


def test_availability_with_bad_input_is_400(staff_client):
    response = staff_client.get(reverse("meetings:room-availability"), {"date": "someday"})
    assert response.status_code == 400


def test_editing_a_meeting_moves_it_and_raises_its_sequence(staff_client, session_71):
    meeting = MeetingFactory(
        title="Third informal consultation", start=at(JULY_6, 10), room=room("CR3")
    )
    edit_page = staff_client.get(
        reverse("meetings:meeting-edit", args=[meeting.pk])
    ).content.decode()
    assert 'value="Conference Room 3"' in edit_page
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    preview = staff_client.post(url, meeting_form(room="CR 4", start_time="15:00"))
    assert "Before the update goes out" in preview.content.decode()  # nothing saved yet
    saved_through_the_preview(staff_client, url, meeting_form(room="CR 4", start_time="15:00"))
    meeting.refresh_from_db()
    assert (meeting.room.code, meeting.local_start.hour, meeting.sequence) == ("CR4", 15, 1)


@pytest.mark.parametrize("status", ["cancelled", "postponed"])
def test_the_status_button_does_not_call_a_meeting_off(staff_client, status):
    """Cancelling and postponing go through their confirmation pages, with a reason."""
    meeting = MeetingFactory()
    assert (
        staff_client.get(reverse("meetings:meeting-status", args=[meeting.pk])).status_code == 405
    )
    response = staff_client.post(
        reverse("meetings:meeting-status", args=[meeting.pk]),
        {"status": status, "opened_revision": "0"},
    )
    meeting.refresh_from_db()
    assert response.status_code == 400
    assert b"from its confirmation page" in response.content
    assert (meeting.status, meeting.sequence) == (MeetingStatus.SCHEDULED, 0)


def test_a_status_press_that_does_not_say_what_it_was_pressed_on_is_refused(staff_client):
    meeting = MeetingFactory()
    response = staff_client.post(
        reverse("meetings:meeting-status", args=[meeting.pk]), {"status": "cancelled"}
    )
    assert response.status_code == 400
    assert b"Open the meeting's page again" in response.content
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_an_edit_form_that_does_not_say_what_it_was_opened_at_is_refused(staff_client):
    meeting = MeetingFactory(title="Third informal consultation", room=room("CR3"))
    form = {k: v for k, v in meeting_form(room="CR4").items() if k != "opened_revision"}
    response = staff_client.post(reverse("meetings:meeting-edit", args=[meeting.pk]), form)
    assert response.status_code == 400
    assert "does not say which version of the meeting" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.room.code == "CR3"


def test_unknown_status_is_400_with_a_reason(staff_client):
    meeting = MeetingFactory()
    response = staff_client.post(
        reverse("meetings:meeting-status", args=[meeting.pk]), {"status": "deleted"}
    )
    assert response.status_code == 400
    assert b"Unknown status" in response.content


def test_staff_create_a_process_with_cofacilitators(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:process-create"),
        {
            "title": "Political declaration on trafficking in persons",
            "short_title": "Trafficking declaration",
            "slug": "",
            "session": session_71.pk,
            "mandate": "Operative paragraph 10 of resolution 71/287",
            "mandate_symbol": "A/RES/71/287",
            "description": "",
            "cofacilitators-TOTAL_FORMS": "2",
            "cofacilitators-INITIAL_FORMS": "0",
            "cofacilitators-0-name": "H.E. Mr. Marc Pecsteen de Buytswerve",
            "cofacilitators-0-title": "Permanent Representative",
            "cofacilitators-0-state": "Belgium",
            "cofacilitators-1-name": "H.E. Ms. Alya Ahmed Saif Al-Thani",
            "cofacilitators-1-title": "Permanent Representative",
            "cofacilitators-1-state": "Qatar",
        },
    )
    process = Process.objects.get()
    assert response["Location"] == "/processes/71-trafficking-declaration/"
    assert [c.state for c in process.cofacilitators.all()] == ["Belgium", "Qatar"]


def test_process_with_bad_mandate_symbol_saves_nothing(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:process-create"),
        {
            "title": "X",
            "slug": "",
            "session": session_71.pk,
            "mandate_symbol": "resolution 71/287",
            "cofacilitators-TOTAL_FORMS": "0",
            "cofacilitators-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert "mandate_symbol" in response.context["form"].errors
    assert Process.objects.count() == 0


def test_staff_add_a_room_with_aliases(staff_client):
    response = staff_client.post(
        reverse("meetings:room-create"),
        {
            "name": "Delegates' Lounge",
            "code": "LOUNGE",
            "building": "ga-building",
            "has_interpretation": "",
            "capacity": "",
            "is_current": "on",
            "aliases": "Delegates Lounge\nNorth Lounge",
        },
    )
    assert response.status_code == 302
    assert Room.objects.matching("north lounge").get().code == "LOUNGE"


def test_room_alias_taken_by_another_room_is_refused(staff_client):
    response = staff_client.post(
        reverse("meetings:room-create"),
        {
            "name": "New room",
            "code": "NEW",
            "building": "conference-building",
            "is_current": "on",
            "aliases": "CR 3",
        },
    )
    assert response.status_code == 400
    assert "“CR 3” already names Conference Room 3." in response.content.decode()
    assert not Room.objects.filter(code="NEW").exists()


def test_process_edit_page_for_staff(staff_client):
    process = ProcessFactory()
    assert (
        staff_client.get(reverse("meetings:process-edit", args=[process.slug])).status_code == 200
    )


@pytest.mark.parametrize(("typed", "mode"), [("Virtual", "virtual"), ("hybrid", "hybrid")])
def test_virtual_or_hybrid_typed_as_the_room_sets_the_mode(staff_client, session_71, typed, mode):
    staff_client.post(reverse("meetings:meeting-create"), meeting_form(room=typed))
    meeting = Meeting.objects.get()
    assert (meeting.mode, meeting.room) == (mode, None)


def test_overflow_room_same_as_room_is_refused_in_plain_words(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(room="CR3", overflow_room="CR 3")
    )
    assert_refused(response, "overflow_room", "The overflow room must differ from the room.")


@pytest.mark.parametrize("url", ["/day/0001-01-01/", "/day/9999-12-31/", "/week/0001-01-01/"])
def test_dates_outside_the_years_covered_are_404(client, url):
    assert client.get(url).status_code == 404


def test_week_redirect_keeps_the_filter(client):
    response = client.get("/week/2017-06-28/?room=CR3")
    assert response["Location"] == "/week/2017-06-26/?room=CR3"


def test_free_rooms_shown_even_when_another_field_is_wrong(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(title="", check="1")
    )
    page = response.content.decode()
    assert "Conference Room 3" in offered_rooms(page)
    assert "Enter a valid date and time to see which rooms are free." not in page


# --- One form, one meeting -------------------------------------------------------------


def opened_form_token(client) -> str:
    page = client.get(reverse("meetings:meeting-create")).content.decode()
    return re.search(r'name="entry_token" value="([A-Za-z0-9_-]+)"', page).group(1)


def test_the_same_new_meeting_form_sent_twice_creates_one_meeting(staff_client, session_71):
    data = meeting_form(entry_token=opened_form_token(staff_client))
    first = staff_client.post(reverse("meetings:meeting-create"), data)
    again = staff_client.post(reverse("meetings:meeting-create"), data)  # a double click
    meeting = Meeting.objects.get()
    assert (first.status_code, again.status_code) == (302, 302)
    assert first["Location"] == again["Location"] == meeting.get_absolute_url()
    page = staff_client.get(again["Location"]).content.decode()
    assert "This form had already saved “Third informal consultation”: here it is" in page


def test_a_refused_new_meeting_form_keeps_its_token_for_the_corrected_one(staff_client, session_71):
    token = opened_form_token(staff_client)
    refused = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(end_time="09:00", entry_token=token)
    )
    assert refused.status_code == 400
    assert f'value="{token}"' in refused.content.decode()  # still in the form shown again
    saved = staff_client.post(reverse("meetings:meeting-create"), meeting_form(entry_token=token))
    assert saved["Location"] == Meeting.objects.get().get_absolute_url()


def test_a_new_meeting_form_without_its_token_is_refused_and_saves_nothing(
    staff_client, session_71
):
    for token in ("", "not a token!"):
        response = staff_client.post(
            reverse("meetings:meeting-create"), meeting_form(entry_token=token)
        )
        assert response.status_code == 400
        assert "This form was not opened from the site" in response.content.decode()
    assert not Meeting.objects.exists()


# --- Forms people can trust ------------------------------------------------------------


def test_a_refused_save_lists_each_problem_at_the_top_with_a_link_to_its_field(
    staff_client, session_71
):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(title="", end_time="09:00")
    )
    page = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.S).group(0)
    assert response.status_code == 400
    assert 'role="alert"' in summary
    assert "There is a problem" in summary
    assert re.findall(r'<a href="#(id_\w+)">', summary) == ["id_title", "id_end_time"]
    # before every fieldset of the form
    assert page.index("error-summary") < page.index("<fieldset>")


def test_the_error_summary_is_on_the_room_and_process_forms_too(staff_client):
    refused = {
        "meetings:room-create": ({"capacity": "many"}, "id_name"),
        "meetings:process-create": ({"description": "x"}, "id_title"),
    }
    for name, (data, first_field) in refused.items():
        page = staff_client.post(reverse(name), data).content.decode()
        summary = re.search(r'<div class="error-summary".*?</div>', page, re.S).group(0)
        assert re.findall(r'<a href="#(id_\w+)">', summary)[0] == first_field


def test_a_free_room_pressed_without_javascript_fills_the_room_and_saves_nothing(
    staff_client, session_71
):
    MeetingFactory(start=at(JULY_6, 10), room=room("CR3"))
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(pick_room="Conference Room 5")
    )
    assert response.status_code == 200
    assert response.context["form"]["room"].value() == "Conference Room 5"
    assert Meeting.objects.count() == 1


def test_a_link_with_a_room_opens_the_new_meeting_form_with_that_room(staff_client):
    page = staff_client.get(reverse("meetings:meeting-create"), {"room": "CR 5"})
    assert 'name="room" value="CR 5"' in page.content.decode()


def test_security_council_rooms_are_offered_only_when_asked(staff_client, session_71):
    query = {"date": "2017-07-06", "timing": "exact", "start_time": "10:00"}
    url = reverse("meetings:room-availability")
    offered = offered_rooms(staff_client.get(url, query).content.decode())
    every = offered_rooms(staff_client.get(url, {**query, "every_room": "on"}).content.decode())
    council = ["Security Council Chamber", "Security Council Consultations Room"]
    assert [name for name in offered if name in council] == []
    assert [name for name in every if name in council] == council
    form_page = staff_client.post(reverse("meetings:meeting-create"), meeting_form(check="1"))
    assert "Security Council Chamber" not in offered_rooms(form_page.content.decode())


def test_the_room_taken_message_does_not_offer_the_security_councils_rooms(
    staff_client, session_71
):
    MeetingFactory(start=at(JULY_6, 10), room=room("CR3"))
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form())
    (message,) = response.context["form"].errors["room"]
    assert "Conference Room 4" in message
    assert "Security Council" not in message


def test_a_weekend_meeting_is_saved_only_after_save_anyway(staff_client, session_71):
    saturday = meeting_form(date="2017-07-08")
    warned = staff_client.post(reverse("meetings:meeting-create"), saturday)
    page = warned.content.decode()
    acknowledged = warned.context["form"]["acknowledged"].value()
    assert warned.status_code == 400
    assert "Saturday 8 July 2017 is a weekend day." in page
    assert "There is a problem" not in page  # advice, not an error
    assert acknowledged == "weekend:2017-07-08"
    assert Meeting.objects.count() == 0
    saved = staff_client.post(
        reverse("meetings:meeting-create"),
        {**saturday, "acknowledged": acknowledged, "save_anyway": "1"},
    )
    assert saved.status_code == 302
    assert Meeting.objects.get().local_start.date() == date(2017, 7, 8)


def test_a_changed_form_warns_again(staff_client, session_71):
    """Confirmed for one Saturday, the form moved to the Sunday: asked again."""
    response = staff_client.post(
        reverse("meetings:meeting-create"),
        meeting_form(date="2017-07-09", acknowledged="weekend:2017-07-08", save_anyway="1"),
    )
    assert response.status_code == 400
    assert response.context["form"]["acknowledged"].value() == "weekend:2017-07-09"
    assert "Sunday 9 July 2017 is a weekend day." in response.content.decode()
    assert Meeting.objects.count() == 0


def test_save_anyway_without_the_acknowledgement_does_not_save(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(date="2017-07-08", save_anyway="1")
    )
    assert response.status_code == 400
    assert Meeting.objects.count() == 0


def test_editing_gets_the_warnings_too(staff_client, session_71):
    meeting = MeetingFactory(start=at(JULY_6, 10), room=room("CR3"))
    response = staff_client.post(
        reverse("meetings:meeting-edit", args=[meeting.pk]),
        meeting_form(start_time="19:00", end_time="22:00", room="CR A"),
    )
    assert [w.key for w in response.context["form"].warnings] == [
        "hours:19:00-22:00",
        "interpretation:CRA",
    ]
    meeting.refresh_from_db()
    assert meeting.local_start.hour == 10


def test_the_domain_saves_a_weekend_meeting_without_asking(session_71):
    """Warnings are advice: schedule.save_meeting knows nothing of them."""
    meeting = MeetingFactory.build(session=session_71, start=at(date(2017, 7, 8), 10))
    saved, created = schedule.create_meeting(meeting, entry_token=uuid.uuid4().hex)
    assert created
    assert saved.pk is not None


@pytest.mark.parametrize(
    ("typed", "hour", "minute"),
    [("15:00", 15, 0), ("1500", 15, 0), ("15.00", 15, 0), ("9:05", 9, 5), (" 15h30 ", 15, 30)],
)
def test_times_are_read_on_the_24_hour_clock(staff_client, session_71, typed, hour, minute):
    staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(start_time=typed, end_time="")
    )
    start = Meeting.objects.get().local_start
    assert (start.hour, start.minute) == (hour, minute)


@pytest.mark.parametrize("typed", ["3:00 PM", "15", "24:00", "15:60", "quinze heures"])
def test_a_time_not_on_the_24_hour_clock_is_refused_with_the_form_to_use(
    staff_client, session_71, typed
):
    response = staff_client.post(reverse("meetings:meeting-create"), meeting_form(start_time=typed))
    assert response.status_code == 400
    assert response.context["form"].errors["start_time"] == [
        "Enter the time on the 24-hour clock as HH:MM, e.g. 15:00."
    ]


def test_time_fields_are_text_boxes_showing_24_hour_time(staff_client):
    meeting = MeetingFactory(start=at(JULY_6, 15), room=room("CR3"))
    page = staff_client.get(reverse("meetings:meeting-edit", args=[meeting.pk])).content.decode()
    start_input = re.search(r'<input[^>]*name="start_time"[^>]*>', page).group(0)
    assert 'type="text"' in start_input
    assert 'inputmode="numeric"' in start_input
    assert 'value="15:00"' in start_input
    # its help ("24-hour clock, e.g. 15:00.") is read with it
    assert 'aria-describedby="id_start_time_helptext"' in start_input
    assert '<p class="help" id="id_start_time_helptext">24-hour clock' in page


@pytest.mark.parametrize(
    ("day", "typed", "utc_hour"),
    [
        ("2027-03-15", "01:30", 5),  # the day after the spring change: EDT (UTC-4)
        ("2027-03-13", "01:30", 6),  # the day before: EST (UTC-5)
        ("2026-11-01", "01:30", 5),  # the autumn fold: the first (daylight) 01:30
        ("2026-11-02", "01:30", 6),
    ],
)
def test_24_hour_times_on_the_dst_change_dates(staff_client, day, typed, utc_hour):
    ensure_session_covering(date.fromisoformat(day))
    data = meeting_form(date=day, start_time=typed, room="")
    warned = staff_client.post(reverse("meetings:meeting-create"), data)  # 01:30, a weekend
    acknowledged = warned.context["form"]["acknowledged"].value()
    staff_client.post(
        reverse("meetings:meeting-create"),
        {**data, "acknowledged": acknowledged, "save_anyway": "1"},
    )
    assert Meeting.objects.get().start.astimezone(UTC).hour == utc_hour


def test_the_spring_gap_is_refused_in_the_24_hour_field(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"),
        meeting_form(date="2027-03-14", start_time="0230", room=""),
    )
    assert response.status_code == 400
    assert "does not exist in New York" in response.context["form"].errors["start_time"][0]


def test_following_shows_its_meeting_field_only_for_that_timing(staff_client, session_71):
    first = MeetingFactory(start=at(JULY_6, 10))
    page = staff_client.get(reverse("meetings:meeting-create")).content.decode()
    assert '<div data-shown-for-timing="following">' in page
    # A number left in the field under another timing is not kept.
    staff_client.post(
        reverse("meetings:meeting-create"),
        meeting_form(start_time="15:00", follows=str(first.pk)),
    )
    assert Meeting.objects.get(title="Third informal consultation").follows is None


def test_following_without_a_meeting_is_still_refused(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(timing="following", start_time="")
    )
    assert response.status_code == 400
    assert response.context["form"].errors["follows"] == ["Say which meeting this one follows."]
