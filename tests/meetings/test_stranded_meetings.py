"""A change elsewhere never strands a meeting its own rules would then refuse: meetings
that follow another move with it, a room booked ahead stays in use, and a postponed or
cancelled meeting can always be cancelled."""

from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from meetings import schedule
from meetings.enums import MeetingStatus, Timing
from meetings.models import Meeting, Room
from meetings.rooms import save_room
from meetings.timing import today
from tests.conftest import sign_in_with_second_factor
from tests.factories import MeetingFactory, SessionFactory, at, room

pytestmark = pytest.mark.django_db

JULY_6 = date(2017, 7, 6)


@pytest.fixture
def plenary_and_follower():
    SessionFactory()
    first = MeetingFactory(title="Plenary", start=at(JULY_6, 10), end=at(JULY_6, 13))
    follower = Meeting(
        session=first.session,
        title="Informal briefing",
        kind=first.kind,
        timing=Timing.FOLLOWING,
        follows=first,
        start=first.booked_until,
        room=room("CR4"),
        published_at=first.published_at,
    )
    return first, schedule.save_meeting(follower)


def test_a_follower_moves_with_the_meeting_it_follows(plenary_and_follower):
    first, follower = plenary_and_follower
    first.end = at(JULY_6, 14)
    schedule.save_meeting(first)
    follower.refresh_from_db()
    assert follower.start == at(JULY_6, 14)
    assert follower.sequence == 1  # calendars hear of the new time


def test_moving_a_followed_meeting_to_another_day_is_refused_naming_its_follower(
    plenary_and_follower,
):
    first, _follower = plenary_and_follower
    first.start, first.end = at(JULY_6 + timedelta(days=1), 10), at(JULY_6 + timedelta(days=1), 13)
    with pytest.raises(ValidationError) as refused:
        schedule.save_meeting(first)
    assert "“Informal briefing” follows this meeting on Thursday 6 July 2017" in str(refused.value)
    first.refresh_from_db()
    assert first.start == at(JULY_6, 10)  # nothing half-saved


def test_a_follower_stays_cancellable_whatever_became_of_the_meeting_it_follows(
    plenary_and_follower,
):
    first, follower = plenary_and_follower
    later = JULY_6 + timedelta(days=2)
    moved = {"start": at(later, 10), "end": at(later, 13), "booked_until": at(later, 13)}
    Meeting.objects.filter(pk=first.pk).update(**moved)  # as an old version would have
    follower.refresh_from_db()
    schedule.set_meeting_status(follower, MeetingStatus.CANCELLED)
    follower.refresh_from_db()
    assert follower.status == MeetingStatus.CANCELLED


def booked_ahead() -> Room:
    day = today() + timedelta(days=20)
    SessionFactory(number=99, start_date=today() - timedelta(days=30), end_date=day + timedelta(1))
    MeetingFactory(title="Consultation ahead", start=at(day, 10), room=room("CR5"))
    return Room.objects.get(code="CR5")


def test_a_room_booked_ahead_cannot_be_taken_out_of_use_by_the_staff_form():
    cr5 = booked_ahead()
    cr5.is_current = False
    with pytest.raises(ValidationError) as refused:
        save_room(cr5, aliases=[])
    assert "Conference Room 5 is still booked for meetings ahead: Consultation ahead" in str(
        refused.value
    )
    assert Room.objects.get(code="CR5").is_current


def test_a_room_booked_ahead_cannot_be_taken_out_of_use_in_the_admin(client):
    cr5 = booked_ahead()
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={})
    sign_in_with_second_factor(client, superuser)
    response = client.post(
        f"/admin/meetings/room/{cr5.pk}/change/",
        {
            "name": cr5.name,
            "code": cr5.code,
            "building": cr5.building,
            "has_interpretation": "on",
            "order": cr5.order,
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )
    assert response.status_code == 200
    assert "is still booked for meetings ahead" in response.content.decode()
    assert Room.objects.get(code="CR5").is_current
