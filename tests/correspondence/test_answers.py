"""The answers on the meeting page: the office sees how many missions accepted, said
tentative or declined and who; a mission's staff see their own; nobody else sees any;
the page's queries do not grow with the answers."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from accounts.models import Membership
from correspondence.enums import Answer
from correspondence.models import Reply
from meetings.enums import MeetingStatus
from missions.models import Contact, Mission
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

ANSWERED = datetime(2017, 6, 20, 14, tzinfo=UTC)
MISSIONS = ["Belgium", "Chile", "Fiji", "Kenya", "Norway", "Qatar"]


def answer(meeting, mission: str, who: str, what: str, *, sequence=None) -> Reply:
    contact = Contact.objects.create(
        mission=Mission.objects.get(name=mission),
        name=who,
        email=f"{who.lower().replace(' ', '.')}@{mission.lower()}.example",
    )
    return Reply.objects.create(
        meeting=meeting,
        contact=contact,
        answer=what,
        sequence=meeting.sequence if sequence is None else sequence,
        answered=ANSWERED,
    )


@pytest.fixture
def meeting():
    meeting = MeetingFactory(sequence=2)
    answer(meeting, "Belgium", "Ann Peeters", Answer.ACCEPTED)
    answer(meeting, "Belgium", "Bram Claes", Answer.DECLINED)  # Belgium comes: Ann does
    answer(meeting, "Chile", "Carla Soto", Answer.TENTATIVE)
    answer(meeting, "Fiji", "Mere Tui", Answer.DECLINED)
    answer(meeting, "Qatar", "Noor Ali", Answer.ACCEPTED, sequence=1)  # before a change
    return meeting


def section(page: str) -> str:
    start = page.find('<section class="answers"')
    return page[start : page.find("</section>", start)] if start >= 0 else ""


def test_the_office_sees_how_many_missions_answered_what_and_who(client, viewer, meeting):
    client.force_login(viewer)
    with translation.override("en"):
        shown = section(client.get(meeting.get_absolute_url()).content.decode())

    assert "Answers to the invitation" in shown
    assert "<strong>Accepted</strong>: 2 missions" in shown  # Belgium, Qatar
    assert "<strong>Tentative</strong>: 1 mission" in shown
    assert "<strong>Declined</strong>: 1 mission" in shown  # Fiji
    assert "1 mission answered before the meeting last changed." in shown
    for who in ("Ann Peeters", "Bram Claes", "Carla Soto", "Mere Tui", "Noor Ali"):
        assert who in shown
    assert shown.count("(to an earlier version)") == 1


def test_a_missions_staff_see_their_own_missions_answers_only(client, meeting):
    user = UserFactory()
    Membership.objects.create(user=user, mission=Mission.objects.get(name="Belgium"))
    client.force_login(user)
    shown = section(client.get(meeting.get_absolute_url()).content.decode())

    assert "Your mission's answers to the invitation" in shown
    assert "Ann Peeters" in shown
    assert "Bram Claes" in shown
    for other in ("Carla Soto", "Mere Tui", "Noor Ali", "missions</li>"):
        assert other not in shown


def test_nobody_else_sees_any_answer(client, meeting):
    assert section(client.get(meeting.get_absolute_url()).content.decode()) == ""
    client.force_login(UserFactory())  # signed in, no role, no mission
    assert section(client.get(meeting.get_absolute_url()).content.decode()) == ""


def test_a_cancelled_meeting_shows_no_counts(client, viewer, meeting):
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    client.force_login(viewer)
    with translation.override("en"):
        shown = section(client.get(meeting.get_absolute_url()).content.decode())
    assert "answers to it no longer count" in shown
    assert "Ann Peeters" not in shown


def test_the_answers_are_translated(client, viewer, meeting):
    client.force_login(viewer)
    shown = section(
        client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    )
    assert "Réponses à l'invitation" in shown
    assert "Acceptée" in shown or "Accepté" in shown


@pytest.mark.parametrize("n", [1, 3])
def test_the_meeting_page_queries_do_not_grow_with_the_answers(
    client, viewer, django_assert_num_queries, n
):
    meeting = MeetingFactory()
    for mission in MISSIONS[:n]:
        answer(meeting, mission, f"Contact {mission}", Answer.ACCEPTED)
    client.force_login(viewer)
    client.get(meeting.get_absolute_url())  # the meeting's content cached
    # session, user, user and group permissions, the meeting and its history (the
    # office's), membership (for the menu), whether the viewer follows the meeting (their
    # Follow button), and the answers: one query for all of them
    with django_assert_num_queries(9):
        page = client.get(meeting.get_absolute_url()).content.decode()
    assert section(page).count("<tr><td>") == n
