"""Two editors never silently overwrite each other: a meeting saved since a form was
opened refuses that form, says who changed what and when, and keeps what was typed."""

from datetime import date

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import PGA_EDITORS
from gasched.formats import weekday_date
from meetings import schedule
from meetings.models import Meeting
from meetings.timing import NEW_YORK
from tests.conftest import sign_in_with_second_factor
from tests.factories import MeetingFactory, SessionFactory, at, room, user_with_role
from tests.html_forms import saved_through_the_preview

pytestmark = pytest.mark.django_db

JULY_6 = date(2017, 7, 6)


@pytest.fixture
def meeting():
    SessionFactory()
    return MeetingFactory(title="Third informal consultation", start=at(JULY_6, 10), end=None,
                          room=room("CR3"))  # fmt: skip


def editor_client(user) -> Client:
    return sign_in_with_second_factor(Client(), user)


def as_opened(response) -> dict:
    """The form as the page shows it, ready to be posted back."""
    return {
        field.name: "" if field.value() is None else field.value()
        for field in response.context["form"]
    }


def changed_message(meeting: Meeting, who: str | None) -> str:
    when = timezone.localtime(meeting.history.first().history_date, NEW_YORK)
    by = f" by {who}" if who else ""  # a change made by no one signed in (a task, a script)
    return (
        f"This meeting was changed{by} at {when:%H:%M} {when:%Z} on {weekday_date(when)} "
        "since you opened it; nothing was saved."
    )


def test_the_second_of_two_editors_is_refused_with_who_changed_what_and_keeps_their_input(
    meeting,
):
    first = user_with_role(PGA_EDITORS, second_factor=True)
    first_client = editor_client(first)
    second_client = editor_client(user_with_role(PGA_EDITORS, second_factor=True))
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    first_form, second_form = as_opened(first_client.get(url)), as_opened(second_client.get(url))

    saved = saved_through_the_preview(first_client, url, {**first_form, "room": "CR 4"})
    typed = {**second_form, "start_time": "15:00", "notes": "Bring the zero draft."}
    refused = second_client.post(url, typed)

    assert saved.status_code == 302
    assert refused.status_code == 409
    meeting.refresh_from_db()
    assert (meeting.room.code, meeting.local_start.hour, meeting.notes) == ("CR4", 10, "")
    form = refused.context["form"]
    assert form.non_field_errors() == [changed_message(meeting, first.email)]
    changes = [(c.field, c.before, c.after) for c in refused.context["changed_since"].changes]
    assert changes == [("Room", "Conference Room 3", "Conference Room 4")]
    page = refused.content.decode()
    assert "<td>Conference Room 3</td><td>Conference Room 4</td>" in page
    # Nothing typed is lost: the page holds the second editor's values...
    assert (form["start_time"].value(), form["notes"].value()) == ("15:00", "Bring the zero draft.")
    assert "Bring the zero draft.</textarea>" in page
    # ...and saving them again, knowingly, goes through.
    again = saved_through_the_preview(
        second_client, url, {**typed, "opened_revision": form["opened_revision"].value()}
    )
    assert again.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.room.code, meeting.local_start.hour, meeting.revision) == ("CR3", 15, 2)


def test_the_domain_refuses_a_stale_revision_whoever_calls_it(meeting):
    opened = meeting.revision
    meeting.notes = "First change."
    schedule.save_meeting(meeting, expected_revision=opened)
    stale = Meeting.objects.get(pk=meeting.pk)
    stale.room = room("CR5")

    with pytest.raises(schedule.MeetingChanged) as refusal:
        schedule.save_meeting(stale, expected_revision=opened)

    assert refusal.value.revision == opened + 1
    assert [(c.field, c.before, c.after) for c in refusal.value.changes] == [
        ("Notes", "", "First change.")
    ]
    assert Meeting.objects.get(pk=meeting.pk).room.code == "CR3"


def test_a_stale_admin_page_is_refused_too(client, meeting):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={})
    sign_in_with_second_factor(client, superuser)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    opened = client.get(url).context_data["adminform"].form
    meeting.notes = "Changed meanwhile."
    schedule.save_meeting(meeting)

    start = timezone.localtime(meeting.start, NEW_YORK)
    response = client.post(
        url,
        {
            "title": meeting.title, "kind": meeting.kind, "status": meeting.status,
            "timing": meeting.timing, "start_0": start.date().isoformat(),
            "start_1": f"{start:%H:%M}", "room": room("CR5").pk, "mode": meeting.mode,
            "participation": meeting.participation, "documents": "[]", "notes": "",
            "opened_revision": opened["opened_revision"].value(),
            "agenda_items-TOTAL_FORMS": "0", "agenda_items-INITIAL_FORMS": "0",
            "segments-TOTAL_FORMS": "0", "segments-INITIAL_FORMS": "0", "_save": "Save",
        },
    )  # fmt: skip

    assert response.status_code == 200
    errors = response.context_data["adminform"].form.non_field_errors()
    assert errors == [changed_message(meeting, None)]
    meeting.refresh_from_db()
    assert (meeting.room.code, meeting.notes) == ("CR3", "Changed meanwhile.")


def test_a_cancellation_confirmed_on_a_page_opened_before_a_change_is_refused(
    meeting, django_capture_on_commit_callbacks
):
    """Cancel confirmed on a page opened before another editor moved the meeting:
    refused, with who changed it; the meeting stays as the other editor left it, and the
    page, now showing the meeting as it is, confirms it with the reason kept."""
    first = user_with_role(PGA_EDITORS, second_factor=True)
    first_client, second_client = (
        editor_client(first),
        editor_client(user_with_role(PGA_EDITORS, second_factor=True)),
    )
    cancel = reverse("meetings:meeting-cancel", args=[meeting.pk])
    opened = second_client.get(cancel).context["form"]["opened_revision"].value()
    edit = reverse("meetings:meeting-edit", args=[meeting.pk])
    moved = {**as_opened(first_client.get(edit)), "room": "CR4"}
    with django_capture_on_commit_callbacks(execute=True):  # the page cache moves on
        assert saved_through_the_preview(first_client, edit, moved).status_code == 302

    reason = "at the request of the co-facilitators"
    response = second_client.post(cancel, {"reason": reason, "opened_revision": opened})

    meeting.refresh_from_db()
    assert (response.status_code, meeting.status, meeting.room.code) == (409, "scheduled", "CR4")
    assert response.context["form"].non_field_errors() == [changed_message(meeting, first.email)]
    assert "Conference Room 4" in response.content.decode()
    # confirmed again from the page as it is now, it goes through
    again = {
        "reason": reason,
        "opened_revision": response.context["form"]["opened_revision"].value(),
    }
    assert second_client.post(cancel, again).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.status_reason) == ("cancelled", reason)
