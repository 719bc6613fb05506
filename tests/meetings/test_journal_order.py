"""A day reads in the Journal's order: official meetings by body, informal, other."""

import pytest

from meetings.enums import MeetingKind
from meetings.journal_order import journal_sections
from meetings.models import Organ
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_official_meetings_come_first_grouped_by_body_then_informal_then_the_rest():
    third = Organ.objects.get(code="third-committee")
    plenary = Organ.objects.get(code="ga-plenary")
    briefing = MeetingFactory(kind=MeetingKind.BRIEFING, title="Briefing")
    consultation = MeetingFactory(title="Consultation")
    committee = MeetingFactory(kind=MeetingKind.OTHER, organ=third, title="Third")
    plenary_meeting = MeetingFactory(kind=MeetingKind.PLENARY, organ=plenary, title="Plenary")
    sections = journal_sections([briefing, consultation, committee, plenary_meeting])
    assert [section.key for section in sections] == ["official", "informal", "other"]
    official = sections[0]
    assert [group.organ for group in official.groups] == [plenary, third]
    assert [m.title for m in official.meetings] == ["Plenary", "Third"]
    assert [m.title for m in sections[1].meetings] == ["Consultation"]
    assert [m.title for m in sections[2].meetings] == ["Briefing"]


def test_an_empty_section_is_left_out():
    assert [s.key for s in journal_sections([MeetingFactory()])] == ["informal"]
    assert journal_sections([]) == []
