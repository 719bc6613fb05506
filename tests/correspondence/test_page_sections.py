"""What correspondence adds to the meeting page through meetings.sections: the link to
a meeting's invitations, for the office only, rendered per visitor (never cached)."""

import pytest
from django.urls import reverse

from tests.conftest import sign_in_with_second_factor
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_office_sees_the_invitations_of_a_meeting_and_visitors_do_not(client, editor):
    meeting = MeetingFactory()
    link = reverse("correspondence:meeting-deliveries", args=[meeting.pk])
    assert link not in client.get(meeting.get_absolute_url()).content.decode()  # cached now
    sign_in_with_second_factor(client, editor)
    assert link in client.get(meeting.get_absolute_url()).content.decode()
    client.logout()
    assert link not in client.get(meeting.get_absolute_url()).content.decode()
