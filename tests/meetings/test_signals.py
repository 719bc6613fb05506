"""meetings.signals.meeting_saved: the schedule's one domain event, sent once by
save_meeting inside its transaction, so what reacts to it commits or fails with it."""

from datetime import date

import pytest

from meetings import schedule
from meetings.enums import MeetingKind
from meetings.models import Meeting
from meetings.signals import meeting_saved
from tests.factories import SessionFactory, at, room

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)


@pytest.fixture
def receiver():
    """Connect a receiver for this test only."""

    def connect(function):
        meeting_saved.connect(function, weak=False, dispatch_uid="test-receiver")

    yield connect
    meeting_saved.disconnect(dispatch_uid="test-receiver")


def new_meeting(room_code: str = "CR3") -> Meeting:
    return Meeting(
        session=SessionFactory(),
        kind=MeetingKind.INFORMAL_CONSULTATION,
        title="Informal consultation",
        start=at(JUNE_29, 10),
        end=at(JUNE_29, 13),
        room=room(room_code),
    )


def test_save_meeting_announces_the_saved_meeting_once(receiver):
    heard = []
    receiver(lambda sender, meeting, **kwargs: heard.append((sender, meeting.pk, meeting.title)))
    meeting = schedule.save_meeting(new_meeting())
    meeting.title = "Second informal consultation"
    schedule.save_meeting(meeting)
    assert heard == [
        (Meeting, meeting.pk, "Informal consultation"),
        (Meeting, meeting.pk, "Second informal consultation"),
    ]


def test_a_receiver_that_fails_undoes_the_change(receiver):
    meeting = schedule.save_meeting(new_meeting())

    def fails(sender, meeting, **kwargs):
        raise RuntimeError("the outbox could not be written")

    receiver(fails)
    meeting.title = "Moved to Conference Room 4"
    meeting.room = room("CR4")
    with pytest.raises(RuntimeError, match="the outbox could not be written"):
        schedule.save_meeting(meeting)
    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.title, stored.room.code, stored.sequence) == ("Informal consultation", "CR3", 0)
    with pytest.raises(RuntimeError):
        schedule.save_meeting(new_meeting("CR5"))
    assert Meeting.objects.count() == 1
