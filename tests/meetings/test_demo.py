"""`loaddemo`: the letters' meetings at their real New York times, and a marked sample."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command

from meetings.demo import TRAFFICKING_PROCESS, load_demo
from meetings.enums import MeetingStatus, Timing
from meetings.models import Deadline, Meeting, Process

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(db):
    return load_demo(today=TODAY)


def letter_meeting(title_start: str) -> Meeting:
    return Meeting.objects.select_related("room", "session").get(
        title__startswith=title_start, is_sample=False
    )


def test_second_informal_is_29_june_2017_at_ten_in_the_ecosoc_chamber(demo):
    meeting = letter_meeting("Second informal consultation")
    assert meeting.start == datetime(2017, 6, 29, 14, tzinfo=UTC)  # 10:00 EDT
    assert (meeting.room.name, meeting.end, meeting.session.number) == (
        "ECOSOC Chamber",
        None,
        71,
    )


def test_third_informal_is_6_july_2017_at_ten_in_conference_room_3(demo):
    meeting = letter_meeting("Third informal consultation")
    assert meeting.start == datetime(2017, 7, 6, 14, tzinfo=UTC)
    assert meeting.room.code == "CR3"


def test_first_informal_was_that_morning_without_an_invented_time_or_room(demo):
    meeting = letter_meeting("First informal consultation")
    assert (meeting.timing, meeting.local_start.date(), meeting.room) == (
        Timing.MORNING,
        date(2017, 6, 16),
        None,
    )


def test_additional_informal_is_tentative_in_the_following_week(demo):
    meeting = letter_meeting("Additional informal consultation")
    assert (meeting.status, meeting.timing, meeting.local_start.date()) == (
        MeetingStatus.TENTATIVE,
        Timing.WEEK,
        date(2017, 7, 10),
    )


def test_opening_plenary_of_the_high_level_meeting_is_in_the_72nd_session(demo):
    meeting = letter_meeting("High-level meeting")
    assert (meeting.local_start.date(), meeting.session.number, meeting.process.slug) == (
        date(2017, 9, 27),
        72,
        TRAFFICKING_PROCESS,
    )


def test_process_has_its_mandate_cofacilitators_and_zero_draft(demo):
    process = Process.objects.get(slug=TRAFFICKING_PROCESS)
    assert process.mandate_symbol == "A/RES/71/287"
    assert [c.state for c in process.cofacilitators.all()] == ["Belgium", "Qatar"]
    deadline = Deadline.objects.get(process=process)
    assert (deadline.due_date, deadline.close_of_business) == (date(2017, 6, 23), True)


def test_2008_thematic_debate_has_its_two_panels(demo):
    meeting = letter_meeting("Informal thematic debate")
    assert (meeting.local_start.date(), meeting.timing, meeting.documents) == (
        date(2008, 6, 3),
        Timing.DAY,
        ["A/62/640"],
    )
    assert [s.timing for s in meeting.segments.all()] == [Timing.MORNING, Timing.AFTERNOON]
    assert "interventions will be limited to a maximum of 3 minutes" in meeting.notes


def test_loading_twice_changes_nothing(demo):
    before = list(Meeting.objects.order_by("pk").values_list("pk", "updated", "sequence"))
    again = load_demo(today=TODAY)
    assert (again.meetings, again.processes) == (0, 0)
    assert list(Meeting.objects.order_by("pk").values_list("pk", "updated", "sequence")) == before


def test_sample_programme_surrounds_today_and_is_marked(demo):
    near = Meeting.objects.filter(
        start__date__range=(TODAY - timedelta(days=7), TODAY + timedelta(days=7))
    )
    assert near.exists()
    assert set(near.values_list("is_sample", flat=True)) == {True}
    assert set(near.values_list("session__number", flat=True)) == {81}
    statuses = set(Meeting.objects.filter(is_sample=True).values_list("status", flat=True))
    assert statuses == set(MeetingStatus.values)


def test_sample_data_is_badged_on_pages(demo, client):
    sample = Meeting.objects.filter(is_sample=True).first()
    assert "Sample data" in client.get(sample.get_absolute_url()).content.decode()
    real = letter_meeting("Second informal consultation")
    assert "Sample data" not in client.get(real.get_absolute_url()).content.decode()


def test_loaddemo_command_reports_what_it_loaded(db, capsys):
    call_command("loaddemo")
    first = capsys.readouterr().out
    call_command("loaddemo")
    assert first.startswith("Demo loaded: ")
    assert "0 new meetings" not in first
    assert capsys.readouterr().out.startswith("Demo loaded: 0 new meetings, 0 new processes")


def test_loaddemo_meetings_loads_the_schedule_and_nothing_of_the_apps_above(db, capsys):
    from django.contrib.auth import get_user_model

    from correspondence.models import Letter
    from missions.models import Contact

    call_command("loaddemo_meetings")
    assert capsys.readouterr().out.startswith("Meetings loaded: ")
    assert Meeting.objects.filter(is_sample=False).exists()
    assert (Letter.objects.count(), Contact.objects.count()) == (0, 0)
    assert not get_user_model().objects.exists()
