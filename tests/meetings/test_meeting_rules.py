"""A meeting's rules hold on every way in: the domain function, the staff form, the
admin and letter review refuse the same invalid meeting with the same message, and
save nothing."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import PGA_EDITORS
from correspondence import review
from correspondence.enums import ProposalAction, ProposalState
from correspondence.models import ProposedMeeting
from meetings import schedule
from meetings.enums import MeetingKind, Mode, Timing
from meetings.models import Meeting
from meetings.sessions import ensure_session_covering
from meetings.timing import NEW_YORK, today
from tests.conftest import sign_in_with_second_factor
from tests.factories import LetterFactory, MeetingFactory, SessionFactory, at, room, user_with_role

pytestmark = pytest.mark.django_db

TITLE = "Informal consultation on the rules"
JULY_6 = date(2017, 7, 6)


# --- The invalid meetings ---------------------------------------------------------------


def in_a_room_out_of_use() -> dict:
    """The issue's case: the North Lawn Building is gone, a letter still names its room."""
    day = today() + timedelta(days=30)
    ensure_session_covering(day)
    return {"start": at(day, 10), "room": room("NLB-CR4")}


def virtual_with_a_room() -> dict:
    return {"start": at(JULY_6, 10), "room": room("CR3"), "mode": Mode.VIRTUAL}


def outside_every_session() -> dict:
    # The 72nd session entered as opening a week after the 71st ended.
    SessionFactory(number=72, start_date=date(2017, 9, 19), end_date=date(2018, 9, 17))
    return {"start": at(date(2017, 9, 14), 10), "room": room("CR3")}


def overflow_in_the_room_itself() -> dict:
    return {"start": at(JULY_6, 10), "room": room("CR3"), "overflow_room": room("CR3")}


def following_a_meeting_of_another_day() -> dict:
    followed = MeetingFactory(title="Plenary", start=at(JULY_6, 10), end=at(JULY_6, 13))
    next_day = JULY_6 + timedelta(days=1)
    return {"timing": Timing.FOLLOWING, "start": at(next_day, 0), "end": None, "follows": followed}


# --- The letters that would put them in (the ProposedMeeting's fields) -------------------


def announcing(values: dict) -> dict:
    """A letter announcing the meeting as a new one."""
    start = timezone.localtime(values["start"], NEW_YORK)
    return {"date": start.date(), "start": start.time(), "timing": Timing.EXACT,
            "room": values.get("room")}  # fmt: skip


def naming_the_room_for(**existing) -> Callable[[dict], dict]:
    """A letter naming the room of a meeting already in the schedule, which was
    `existing` until then (a proposal has no mode or overflow room of its own)."""

    def letter(values: dict) -> dict:
        meeting = MeetingFactory(**{**values, **{k: v() for k, v in existing.items()}})
        return {**announcing(values), "existing": meeting}

    return letter


def moving_the_follower(values: dict) -> dict:
    """A letter moving a meeting that follows another to the next day."""
    followed = values["follows"]
    follower = MeetingFactory(timing=Timing.FOLLOWING, start=followed.end, end=None,
                              follows=followed)  # fmt: skip
    return {"action": ProposalAction.MOVE, "existing": follower, "moved_from": JULY_6,
            "date": values["start"].date(), "timing": Timing.FOLLOWING, "start": None}  # fmt: skip


@dataclass
class Case:
    message: str
    meeting: Callable[[], dict]  # the meeting's fields; sets up what they refer to
    letter: Callable[[dict], dict]


CASES = {
    "room out of use for a future date": Case(
        "Conference Room 4 (North Lawn Building) is no longer in use.",
        in_a_room_out_of_use,
        announcing,
    ),
    "virtual meeting with a room": Case(
        "A virtual meeting has no room; choose Hybrid instead.",
        virtual_with_a_room,
        naming_the_room_for(room=lambda: None),
    ),
    "no session covers the date": Case(
        "No General Assembly session covers 2017-09-14.",
        outside_every_session,
        announcing,
    ),
    "overflow room same as the room": Case(
        "The overflow room must differ from the room.",
        overflow_in_the_room_itself,
        naming_the_room_for(room=lambda: room("CR4")),
    ),
    "following a meeting of another day": Case(
        "That meeting is not held on the same day.",
        following_a_meeting_of_another_day,
        moving_the_follower,
    ),
}


# --- The four ways in: each returns the messages it refused the meeting with -----------


def through_the_domain(client, values: dict) -> list[str]:
    try:
        schedule.save_meeting(
            Meeting(title=TITLE, kind=MeetingKind.INFORMAL_CONSULTATION, **values)
        )
    except ValidationError as refusal:
        return refusal.messages
    return []


def through_the_staff_form(client, values: dict) -> list[str]:
    sign_in_with_second_factor(client, user_with_role(PGA_EDITORS, second_factor=True))
    start = timezone.localtime(values["start"], NEW_YORK)
    timing = values.get("timing", Timing.EXACT)
    response = client.post(
        reverse("meetings:meeting-create"),
        {
            **common_fields(values),
            "date": start.date().isoformat(),
            "start_time": f"{start:%H:%M}" if timing == Timing.EXACT else "",
            "end_time": "",
            "follows": values["follows"].pk if values.get("follows") else "",
            "room": values["room"].name if values.get("room") else "",
            "overflow_room": values["overflow_room"].name if values.get("overflow_room") else "",
            "documents": "",
            "entry_token": uuid.uuid4().hex,  # as the form opened from the site carries
        },
    )
    if response.status_code == 302:
        return []
    assert response.status_code == 400
    return messages_of(response.context["form"])


def through_the_admin(client, values: dict) -> list[str]:
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={})
    sign_in_with_second_factor(client, superuser)
    start = timezone.localtime(values["start"], NEW_YORK)
    response = client.post(
        reverse("admin:meetings_meeting_add"),
        {
            **common_fields(values),
            "start_0": start.date().isoformat(),
            "start_1": f"{start:%H:%M}",
            "end_0": "",
            "end_1": "",
            "process": "",
            "follows": values["follows"].pk if values.get("follows") else "",
            "room": values["room"].pk if values.get("room") else "",
            "overflow_room": values["overflow_room"].pk if values.get("overflow_room") else "",
            "documents": "[]",
            "agenda_items-TOTAL_FORMS": "0",
            "agenda_items-INITIAL_FORMS": "0",
            "segments-TOTAL_FORMS": "0",
            "segments-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )
    if response.status_code == 302:
        return []
    assert response.status_code == 200  # the form again, with its errors
    return messages_of(response.context_data["adminform"].form)


def through_letter_review(client, proposal: ProposedMeeting) -> list[str]:
    outcome = review.accept_all(proposal.letter, user=None)  # "Accept all"
    return [reason for _proposal, reason in outcome.failed]


def common_fields(values: dict) -> dict:
    return {
        "title": TITLE,
        "kind": MeetingKind.INFORMAL_CONSULTATION,
        "status": "scheduled",
        "timing": values.get("timing", Timing.EXACT),
        "mode": values.get("mode", Mode.IN_PERSON),
        "participation": "member-states",
        "notes": "",
        "webcast_url": "",
    }


def messages_of(form) -> list[str]:
    return [message for errors in form.errors.values() for message in errors]


def put_in(way_in: str, client, values: dict, *, letter: dict) -> list[str]:
    """The meeting `values` describe, put in by one way; `letter`: what a letter says of it."""
    if way_in == "letter review":
        proposal = ProposedMeeting.objects.create(
            letter=LetterFactory(), source="…", kind=MeetingKind.INFORMAL_CONSULTATION,
            title=TITLE, **letter,
        )  # fmt: skip
        return through_letter_review(client, proposal)
    return WAYS_IN[way_in](client, values)


WAYS_IN = {
    "domain": through_the_domain,
    "staff form": through_the_staff_form,
    "admin": through_the_admin,
    "letter review": through_letter_review,
}


def the_schedule() -> list[dict]:
    return list(Meeting.objects.order_by("pk").values())


@pytest.mark.parametrize("way_in", WAYS_IN)
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_way_in_refuses_the_same_invalid_meeting_with_the_same_message(client, case, way_in):
    SessionFactory()  # the 71st
    values = case.meeting()
    # A letter may change a meeting already there: it is in the schedule before the letter.
    letter = case.letter(values) if way_in == "letter review" else {}
    before = the_schedule()

    messages = put_in(way_in, client, values, letter=letter)

    assert messages == [case.message]
    assert the_schedule() == before
    assert ProposedMeeting.objects.filter(state=ProposalState.ACCEPTED).count() == 0


@pytest.mark.parametrize("way_in", WAYS_IN)
def test_every_way_in_takes_a_valid_meeting(client, way_in):
    """The refusals above are the rules speaking, not a way in that takes nothing."""
    SessionFactory()
    values = {"start": at(JULY_6, 10), "room": room("CR3")}

    messages = put_in(way_in, client, values, letter=announcing(values))

    assert messages == []
    meeting = Meeting.objects.get(title=TITLE)
    assert (meeting.session.number, meeting.room.code, meeting.start) == (71, "CR3", at(JULY_6, 10))
