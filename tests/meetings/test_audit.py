"""The history of a meeting (meetings.audit): field, before and after, as the office reads them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from meetings import audit, schedule
from meetings.enums import MeetingStatus, Participation
from tests.conftest import sign_in_with_second_factor
from tests.factories import MeetingFactory, at, room
from tests.meetings.test_staff_entry import JULY_6

pytestmark = pytest.mark.django_db


def change(meeting, **fields):
    meeting.refresh_from_db()
    for name, value in fields.items():
        setattr(meeting, name, value)
    return schedule.save_meeting(meeting, expected_revision=meeting.revision)


@pytest.fixture
def moved():
    """Created at 10:00 in CR3; then moved to 15:00 in CR4, its notes, status and
    participation changed in the same save."""
    meeting = MeetingFactory(start=at(JULY_6, 10), end=at(JULY_6, 13), room=room("CR3"))
    schedule.save_meeting(meeting, expected_revision=meeting.revision)  # the first record
    return change(
        meeting,
        notes="Moved at the request of the co-facilitators.",
        start=at(JULY_6, 15),
        end=at(JULY_6, 18),
        room=room("CR4"),
        status=MeetingStatus.TENTATIVE,
        participation=Participation.INVITATION,
        is_closed=True,
    )


def test_the_history_reads_in_the_order_of_the_form_with_new_york_times(moved):
    latest = audit.meeting_changes(moved)[0]
    rows = [(f.field, f.before, f.after) for f in latest.fields]
    assert rows == [
        ("Status", "Scheduled", "Tentative"),
        ("Start (New York time)", "Thursday 6 July 2017, 10:00", "Thursday 6 July 2017, 15:00"),
        ("End (New York time)", "Thursday 6 July 2017, 13:00", "Thursday 6 July 2017, 18:00"),
        ("Room", "Conference Room 3", "Conference Room 4"),
        ("Closed meeting", "No", "Yes"),
        ("Participation", "All Member States", "By invitation"),
        ("Notes", "", "Moved at the request of the co-facilitators."),
    ]
    assert latest.action_name == "Changed"


def test_the_history_in_french_names_fields_values_and_days_in_french(moved):
    with translation.override("fr"):
        latest = audit.meeting_changes(moved)[0]
        rows = {f.field: (f.before, f.after) for f in latest.fields}
        assert rows["Début (heure de New York)"] == (
            "jeudi 6 juillet 2017, 10:00",
            "jeudi 6 juillet 2017, 15:00",
        )
        assert rows["Salle"] == ("Conference Room 3", "Conference Room 4")
        assert rows["Statut"] == ("Prévue", "Provisoire")
        assert latest.action_name == "Modifiée"


def test_the_meeting_page_never_shows_a_utc_time_or_a_raw_value(client, editor, moved):
    sign_in_with_second_factor(client, editor)
    page = client.get(reverse("meetings:detail", args=[moved.pk])).content.decode()
    history = page[page.index('id="history-title"') :]
    assert "+00:00" not in history
    assert "tentative" not in re.sub(r"Tentative", "", history)
    assert "Thursday 6 July 2017, 15:00" in history
