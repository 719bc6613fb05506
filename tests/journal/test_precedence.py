"""The Journal keeps its meetings: the office's forms only read them; and an official
meeting holds its room, named as the Journal heads it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meetings import schedule
from meetings.enums import MeetingStatus, Source
from meetings.forms import MeetingForm
from meetings.models import Meeting, Organ
from tests.factories import MeetingFactory, room

from . import shapes

pytestmark = pytest.mark.django_db

KEPT = "comes from the Journal of the United Nations"


@pytest.fixture
def official(session71):
    """The Fifth Committee's 18th meeting, as the sync stores it."""
    return MeetingFactory(
        session=session71,
        source=Source.JOURNAL,
        organ=Organ.objects.get(code="fifth-committee"),
        meeting_number=18,
        title="Fifth Committee",
        room=room("CR4"),
        start=shapes.at_ten(),
        end=shapes.at_ten() + timedelta(hours=3),
    )


def test_the_staff_edit_form_refuses_a_journal_meeting(staff_client, official):
    edit = reverse("meetings:meeting-edit", args=[official.pk])
    response = staff_client.get(edit, follow=True)
    assert response.redirect_chain[-1][0] == official.get_absolute_url()
    assert KEPT in response.content.decode()
    response = staff_client.post(edit, {"title": "Renamed", "opened_revision": "0"})
    assert response.status_code == 302
    official.refresh_from_db()
    assert official.title == "Fifth Committee"


def test_staff_cannot_cancel_or_postpone_a_journal_meeting(staff_client, official):
    for name in ("meetings:meeting-cancel", "meetings:meeting-postpone"):
        staff_client.post(reverse(name, args=[official.pk]), {"reason": "x", "opened_revision": 0})
    staff_client.post(
        reverse("meetings:meeting-status", args=[official.pk]),
        {"status": "tentative", "opened_revision": "0"},
    )
    official.refresh_from_db()
    assert official.status == MeetingStatus.SCHEDULED


def test_the_meeting_page_tells_staff_why_there_is_no_edit_button(staff_client, official):
    page = staff_client.get(official.get_absolute_url()).content.decode()
    assert KEPT in page
    assert reverse("meetings:meeting-edit", args=[official.pk]) not in page


def test_the_form_itself_refuses_it_whatever_view_uses_it(official):
    form = MeetingForm({"title": "Renamed"}, instance=official)
    assert not form.is_valid()
    assert any(KEPT in error for error in form.non_field_errors())


def test_the_admin_shows_a_journal_meeting_read_only(admin_client, official):
    url = reverse("admin:meetings_meeting_change", args=[official.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert KEPT in text
    assert 'name="_save"' not in text
    response = admin_client.post(url, {"title": "Renamed", "_save": "Save"})
    assert response.status_code == 403
    official.refresh_from_db()
    assert official.title == "Fifth Committee"
    delete = reverse("admin:meetings_meeting_delete", args=[official.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Meeting.objects.filter(pk=official.pk).exists()


def test_an_office_meeting_stays_editable(admin_client, session71):
    office = MeetingFactory(session=session71)
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[office.pk]))
    assert 'name="_save"' in page.content.decode()


def test_an_official_meeting_holds_its_room_named_as_the_journal_heads_it(official):
    booking = Meeting(
        session=official.session,
        kind="informal-consultation",
        title="Informal consultation on the budget",
        start=official.start + timedelta(hours=1),
        end=official.start + timedelta(hours=2),
        room=room("CR4"),
    )
    with pytest.raises(ValidationError) as refused:
        schedule.save_meeting(booking)
    (message,) = refused.value.message_dict["room"]
    assert message.startswith(
        "Conference Room 4 is held by the Fifth Committee, 18th meeting (from the Journal)"
    )


def test_an_office_booking_is_named_by_its_title_as_before(official):
    office = MeetingFactory(session=official.session, room=room("CR5"), start=official.start)
    clash = Meeting(
        session=official.session,
        kind="informal-consultation",
        title="Another",
        start=office.start,
        end=office.end,
        room=room("CR5"),
    )
    with pytest.raises(ValidationError) as refused:
        schedule.save_meeting(clash)
    assert f"is already booked for “{office.title}”" in refused.value.message_dict["room"][0]
