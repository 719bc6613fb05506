"""`loaddemo`: the letters' meetings at their real New York times, and a marked sample."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import transaction

from meetings.demo import TRAFFICKING_PROCESS, load_demo
from meetings.enums import MeetingStatus, Timing
from meetings.models import Deadline, Meeting, Process

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (it takes seconds), in a transaction that is
    rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(today=TODAY)
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db):
    """Each test runs in a savepoint inside the module's transaction (the `db` fixture):
    what one test changes, the next does not see."""
    return loaded_demo


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
    # the sample programme calls meetings off as the office does: with a reason
    reasons = set(Meeting.objects.filter(is_sample=True).values_list("status", "status_reason"))
    assert {(status, reason) for status, reason in reasons if reason} == {
        ("postponed", "at the request of the co-facilitators"),
        ("cancelled", "owing to the liquidation of the conference room"),
    }
    assert {reason for status, reason in reasons if status in ("scheduled", "tentative")} == {""}


def test_sample_data_is_badged_on_pages(demo, client):
    sample = Meeting.objects.filter(is_sample=True).first()
    assert "Sample data" in client.get(sample.get_absolute_url()).content.decode()
    real = letter_meeting("Second informal consultation")
    assert "Sample data" not in client.get(real.get_absolute_url()).content.decode()


def test_sample_plenaries_are_numbered_in_order_with_agenda_items(demo):
    plenaries = list(
        Meeting.objects.filter(is_sample=True, kind="plenary", session__number=81)
        .select_related("organ")
        .prefetch_related("agenda_items")
        .order_by("start")
    )
    assert len(plenaries) > 20
    assert {m.organ.code for m in plenaries} == {"ga-plenary"}
    assert [m.meeting_number for m in plenaries] == list(range(1, len(plenaries) + 1))
    for meeting in plenaries:
        items = list(meeting.agenda_items.all())
        assert items
        assert all(item.number and item.documents[0].startswith("A/81/") for item in items)
    assert plenaries[0].webcast_url.startswith("https://webtv.un.org/")


def test_sample_main_committees_meet_in_the_autumn(demo):
    committees = Meeting.objects.filter(
        is_sample=True, organ__section="main-committee", session__number=81
    )
    assert committees.count() > 10
    assert {m.local_start.month for m in committees} <= {10, 11}
    third = committees.filter(organ__code="third-committee").order_by("start")
    assert [m.meeting_number for m in third] == list(range(1, third.count() + 1))
    item = third.first().agenda_items.get()
    assert item.documents[0].startswith("A/C.3/81/L.")


def test_many_sample_meetings_have_a_webcast(demo):
    sample = Meeting.objects.filter(is_sample=True)
    assert sample.exclude(webcast_url="").count() > sample.count() * 0.4
