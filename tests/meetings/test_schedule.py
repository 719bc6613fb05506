"""Reading the programme and keeping rooms free of double bookings."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus, Timing
from meetings.models import Meeting
from meetings.schedule import ScheduleFilter
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at, room

pytestmark = pytest.mark.django_db

JUNE_29 = date(2017, 6, 29)


def new_meeting(**fields) -> Meeting:
    defaults = {
        "session": SessionFactory(),
        "kind": MeetingKind.INFORMAL_CONSULTATION,
        "title": "Informal consultation",
        "start": at(JUNE_29, 10),
        "end": at(JUNE_29, 13),
        "published_at": at(JUNE_29, 13) - timedelta(days=30),  # its changes reach invitees
    }
    return Meeting(**{**defaults, **fields})


def test_room_taken_names_the_holder_and_the_free_rooms():
    schedule.save_meeting(new_meeting(title="Consultation on oceans", room=room("CR3")))
    with pytest.raises(ValidationError) as error:
        schedule.save_meeting(new_meeting(start=at(JUNE_29, 11), room=room("CR3")))
    message = error.value.message_dict["room"][0]
    assert message.startswith(
        "Conference Room 3 is already booked for “Consultation on oceans” "
        "(Thursday 29 June 2017, 10:00–13:00). Free at that time: General Assembly Hall"
    )
    assert "Conference Room 3," not in message
    assert Meeting.objects.count() == 1


def test_back_to_back_meetings_share_a_room():
    schedule.save_meeting(new_meeting(room=room("CR3")))
    schedule.save_meeting(new_meeting(start=at(JUNE_29, 13), end=at(JUNE_29, 14), room=room("CR3")))
    assert Meeting.objects.filter(room__code="CR3").count() == 2


def test_meeting_without_end_holds_its_room_for_three_hours():
    schedule.save_meeting(new_meeting(end=None, room=room("CR3")))
    with pytest.raises(ValidationError):
        schedule.save_meeting(new_meeting(start=at(JUNE_29, 12, 30), end=None, room=room("CR3")))


@pytest.mark.parametrize("status", [MeetingStatus.CANCELLED, MeetingStatus.POSTPONED])
def test_cancelled_or_postponed_meeting_frees_its_room(status):
    schedule.save_meeting(new_meeting(room=room("CR3"), status=status))
    schedule.save_meeting(new_meeting(title="Replacement", room=room("CR3")))
    assert Meeting.objects.filter(room__code="CR3").count() == 2


def test_reinstating_a_cancelled_meeting_checks_the_room_again():
    cancelled = schedule.save_meeting(new_meeting(room=room("CR3"), status="cancelled"))
    schedule.save_meeting(new_meeting(title="Replacement", room=room("CR3")))
    with pytest.raises(ValidationError, match="already booked for “Replacement”"):
        schedule.set_meeting_status(cancelled, MeetingStatus.SCHEDULED)
    assert Meeting.objects.get(pk=cancelled.pk).status == MeetingStatus.CANCELLED


def test_overflow_room_is_held_too():
    schedule.save_meeting(new_meeting(room=room("GA-HALL"), overflow_room=room("CR4")))
    with pytest.raises(ValidationError) as error:
        schedule.save_meeting(new_meeting(room=room("CR4")))
    assert "Conference Room 4 is already booked" in error.value.message_dict["room"][0]


def test_editing_a_meeting_does_not_conflict_with_itself():
    meeting = schedule.save_meeting(new_meeting(room=room("CR3")))
    meeting.end = at(JUNE_29, 12)
    schedule.save_meeting(meeting)
    assert Meeting.objects.get().end == at(JUNE_29, 12)


def test_sequence_rises_on_time_room_or_status_change_only():
    meeting = schedule.save_meeting(new_meeting(room=room("CR3")))
    assert meeting.sequence == 0
    meeting.notes = "Interventions limited to 3 minutes."
    schedule.save_meeting(meeting)
    assert meeting.sequence == 0
    meeting.room = room("CR4")
    schedule.save_meeting(meeting)
    meeting.start = at(JUNE_29, 9)
    schedule.save_meeting(meeting)
    schedule.set_meeting_status(meeting, MeetingStatus.CANCELLED)
    assert Meeting.objects.get().sequence == 3


def test_days_follow_new_york_dates_not_utc():
    late = MeetingFactory(start=at(JUNE_29, 21), end=at(JUNE_29, 23, 30))  # 03:30 UTC next day
    days = schedule.meetings_between(JUNE_29, date(2017, 6, 30), ScheduleFilter())
    assert [(d.date, d.meetings) for d in days] == [(JUNE_29, [late]), (date(2017, 6, 30), [])]


def test_day_splits_into_morning_and_afternoon():
    morning = MeetingFactory(start=at(JUNE_29, 10), end=None)
    afternoon = MeetingFactory(start=at(JUNE_29, 15), end=None)
    (day,) = schedule.meetings_between(JUNE_29, JUNE_29, ScheduleFilter())
    assert (day.morning, day.afternoon) == ([morning], [afternoon])


def test_filters_combine():
    process = ProcessFactory(slug="oceans")
    wanted = MeetingFactory(process=process, room=room("CR3"), kind=MeetingKind.PANEL)
    MeetingFactory(process=process, room=room("CR4"), kind=MeetingKind.PANEL)
    MeetingFactory(room=room("CR3"), kind=MeetingKind.PANEL, start=at(JUNE_29, 15))
    MeetingFactory(process=process, room=room("CR3"), start=at(JUNE_29, 19), end=None)
    chosen = ScheduleFilter(kinds=("panel",), processes=("oceans",), rooms=("CR3",))
    (day,) = schedule.meetings_between(JUNE_29, JUNE_29, chosen)
    assert day.meetings == [wanted]


def test_text_search_matches_every_word_in_title_notes_or_process():
    process = ProcessFactory(title="Political declaration on trafficking in persons")
    hit = MeetingFactory(process=process, title="Second informal", notes="ECOSOC Chamber")
    MeetingFactory(title="Briefing on oceans")
    (day,) = schedule.meetings_between(
        JUNE_29, JUNE_29, ScheduleFilter(text="trafficking informal")
    )
    assert day.meetings == [hit]


def test_upcoming_starts_today_in_new_york():
    past = MeetingFactory(start=at(date(2017, 6, 28), 10))
    ongoing = MeetingFactory(start=at(JUNE_29, 10))
    meetings = schedule.upcoming_meetings(ScheduleFilter(), since=JUNE_29)
    assert list(meetings) == [ongoing]
    assert past not in meetings


def test_week_timing_and_following_meetings_sort_by_their_period_start():
    week = MeetingFactory(timing=Timing.WEEK, start=at(date(2017, 7, 10), 0), end=None)
    exact = MeetingFactory(start=at(date(2017, 7, 10), 10), end=None)
    days = schedule.meetings_between(date(2017, 7, 10), date(2017, 7, 16), ScheduleFilter())
    assert days[0].meetings == [week, exact]


def test_free_rooms_excludes_main_and_overflow_rooms_in_use():
    MeetingFactory(room=room("GA-HALL"), overflow_room=room("CR4"))
    free = {r.code for r in schedule.free_rooms(at(JUNE_29, 11), at(JUNE_29, 12))}
    assert "GA-HALL" not in free
    assert "CR4" not in free
    assert {"CR3", "ECOSOC"} <= free
    assert not any(code.startswith("NLB") for code in free)


def test_no_session_for_the_date_is_an_error_on_the_start():
    meeting = new_meeting(session=None, start=at(date(1990, 1, 2), 10), end=None)
    with pytest.raises(ValidationError) as error:
        schedule.place_in_schedule(meeting)
    assert error.value.message_dict == {"start": ["No General Assembly session covers 1990-01-02."]}


def test_the_session_is_the_one_that_covers_the_date():
    SessionFactory(number=72, start_date=date(2017, 9, 12), end_date=date(2018, 9, 17))
    meeting = new_meeting(start=at(date(2017, 9, 13), 10), end=None)  # made in the 71st
    schedule.save_meeting(meeting)
    assert Meeting.objects.get().session.number == 72
