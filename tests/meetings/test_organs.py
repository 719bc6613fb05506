"""Official meetings belong to a body (organ) and carry its meeting number."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.enums import OrganSection
from meetings.models import AgendaItem, Meeting, Organ
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_plenary_and_the_six_main_committees_ship_as_data():
    sections = dict(Organ.objects.values_list("code", "section"))
    assert sections["ga-plenary"] == OrganSection.PLENARY
    committees = Organ.objects.filter(section=OrganSection.MAIN_COMMITTEE)
    assert [str(organ) for organ in committees] == [
        "First Committee",
        "Second Committee",
        "Third Committee",
        "Fourth Committee",
        "Fifth Committee",
        "Sixth Committee",
    ]


def test_an_official_meeting_is_named_as_the_journal_heads_it():
    plenary = Organ.objects.get(code="ga-plenary")
    third = Organ.objects.get(code="third-committee")
    assert MeetingFactory(organ=plenary, meeting_number=45).official_name == (
        "General Assembly, 45th plenary meeting"
    )
    assert MeetingFactory(organ=third, meeting_number=22).official_name == (
        "Third Committee, 22nd meeting"
    )
    assert MeetingFactory(organ=third).official_name == "Third Committee"
    assert MeetingFactory().official_name == ""


def test_a_meeting_number_without_its_body_is_refused_by_the_model_and_the_database():
    meeting = MeetingFactory.build(meeting_number=3)
    with pytest.raises(ValidationError) as refused:
        meeting.clean()
    assert "organ" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(meeting_number=3)
    assert not Meeting.objects.filter(meeting_number=3).exists()


def test_agenda_items_link_their_documents():
    meeting = MeetingFactory(organ=Organ.objects.get(code="ga-plenary"), meeting_number=12)
    item = AgendaItem.objects.create(
        meeting=meeting, number="13", title="Culture of peace", documents=["A/79/345"]
    )
    assert str(item) == "13 Culture of peace"
    assert item.document_links == [("A/79/345", "https://undocs.org/A/79/345")]
