"""Cancel and Postpone: each on its own confirmation page (who will be told, a reason),
the reason stored with the change and shown wherever the change is (meetings.calling_off).

Mail is Django's locmem outbox, written by the real outbox and delivery code (eager
Celery, as in tests/correspondence/test_delivery.py)."""

import email
from datetime import date, time
from email import policy

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.roles import ADMINISTRATORS
from correspondence.models import Delivery
from meetings import calling_off, schedule
from meetings.changes import calendar_change, programme_changes
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.conftest import sign_in_with_second_factor
from tests.factories import SessionFactory, room, user_with_role
from tests.html_forms import post_forms, saved_through_the_preview

pytestmark = pytest.mark.django_db

MARCH_10 = date(2027, 3, 10)  # a Wednesday ahead of the suite's today
REASON = "owing to the liquidation of the conference room"
AUDIENCE = (
    '<dl class="facts audience"><dt>Contacts</dt><dd>{contacts}</dd>'
    "<dt>Missions and offices</dt><dd>{missions}</dd></dl>"
)


@pytest.fixture
def invited(django_capture_on_commit_callbacks):
    """A published plenary meeting ahead, sent to three contacts at two missions."""
    session = SessionFactory(number=81, start_date=date(2026, 9, 8), end_date=date(2027, 9, 7))
    for name, address in [
        ("Belgium", "pr@belgium.example"),
        ("Belgium", "deputy@belgium.example"),
        ("Qatar", "pr@qatar.example"),
    ]:
        Contact.objects.create(
            mission=Mission.objects.get(name=name),
            name=f"Contact {name}",
            email=address,
            confirmed=new_york_datetime(date(2026, 11, 2), time(9)),
        )
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule.save_meeting(
            Meeting(
                session=session,
                title="Plenary meeting on oceans",
                kind=MeetingKind.PLENARY,
                start=new_york_datetime(MARCH_10, time(10)),
                end=new_york_datetime(MARCH_10, time(13)),
                room=room("CR4"),
                published_at=timezone.now(),
            )
        )
    assert len(mail.outbox) == 3
    mail.outbox.clear()
    return meeting


def page_of(name: str, meeting: Meeting) -> str:
    return reverse(f"meetings:meeting-{name}", args=[meeting.pk])


def parts(message) -> dict[str, str]:
    """The text, HTML and calendar parts of a message as sent."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=policy.default)
    return {
        part.get_content_type(): part.get_content()
        for part in parsed.walk()
        if part.get_content_type() in ("text/plain", "text/html", "text/calendar")
    }


# --- The confirmation page ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "asked"), [("cancel", "Cancel this meeting?"), ("postpone", "Postpone this meeting?")]
)
def test_the_page_shows_who_will_be_told_and_a_get_changes_nothing(
    staff_client,
    invited,
    name,
    asked,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    # the visitor (session, user, permissions, authenticator, membership: 6), the
    # meeting with its rooms, who is told (one aggregate): whatever the number invited
    with django_assert_num_queries(8), django_capture_on_commit_callbacks(execute=True):
        response = staff_client.get(page_of(name, invited))
    page = response.content.decode()
    assert response.status_code == 200
    assert asked in page
    assert AUDIENCE.format(contacts=3, missions=2) in page
    assert [f["fields"] for f in post_forms(page) if f["action"] == ""] == [
        {
            "csrfmiddlewaretoken": response.context["csrf_token"],
            "reason": "",
            "opened_revision": "0",
        }
    ]
    stored = Meeting.objects.get()
    assert (stored.status, stored.revision, stored.sequence) == ("scheduled", 0, 0)
    assert (mail.outbox, Delivery.objects.count()) == ([], 3)


def test_the_count_is_that_of_the_outbox(staff_client, invited, django_capture_on_commit_callbacks):
    """Who the page says will be told is who is sent the cancellation."""
    Contact.objects.filter(email="deputy@belgium.example").update(
        opted_out=new_york_datetime(date(2026, 11, 3), time(9))
    )
    page = staff_client.get(page_of("cancel", invited)).content.decode()
    assert AUDIENCE.format(contacts=3, missions=2) in page  # it had the meeting
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(page_of("cancel", invited), {"reason": REASON, "opened_revision": 0})
    assert len(mail.outbox) == 3


def test_cancel_requires_the_page_and_the_reason_reaches_the_e_mail(
    staff_client, invited, django_capture_on_commit_callbacks
):
    detail = staff_client.get(invited.get_absolute_url()).content.decode()
    # No button on the meeting's page calls it off: links to the confirmation pages.
    assert f'href="{page_of("cancel", invited)}">Cancel meeting</a>' in detail
    assert f'href="{page_of("postpone", invited)}">Postpone</a>' in detail
    assert 'value="cancelled"' not in detail
    assert 'value="postponed"' not in detail

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            page_of("cancel", invited), {"reason": f"  {REASON} ", "opened_revision": 0}
        )

    assert response.status_code == 302
    assert response["Location"] == invited.get_absolute_url()
    stored = Meeting.objects.get()
    assert (stored.status, stored.status_reason, stored.sequence) == ("cancelled", REASON, 1)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "deputy@belgium.example",
        "pr@belgium.example",
        "pr@qatar.example",
    ]
    message = parts(mail.outbox[0])
    assert mail.outbox[0].subject.startswith("Cancelled: Plenary meeting on oceans")
    assert message["text/plain"].startswith(
        f"This meeting is cancelled.\nReason: {REASON}\n\nWhat changed:\n- Cancelled\n"
    )
    assert f"<strong>Reason:</strong> {REASON}</p>" in message["text/html"]
    assert "METHOD:CANCEL" in message["text/calendar"]
    assert f"DESCRIPTION:Reason: {REASON}" in message["text/calendar"]


def test_postpone_says_postponed_and_why(staff_client, invited, django_capture_on_commit_callbacks):
    reason = "at the request of the co-facilitators"
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(page_of("postpone", invited), {"reason": reason, "opened_revision": 0})
    assert Meeting.objects.get().status == MeetingStatus.POSTPONED
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"Postponed"}
    text = parts(mail.outbox[0])["text/plain"]
    assert text.startswith(
        "This meeting is postponed; a new date will be announced.\n"
        f"Reason: {reason}\n\nWhat changed:\n- Postponed\n"
    )


@pytest.mark.parametrize(
    ("reason", "error"),
    [
        ("", "Give the reason: it goes to everyone told."),
        ("   ", "Give the reason: it goes to everyone told."),
        ("x" * 201, "Ensure this value has at most 200 characters (it has 201)."),
        ("owing to\nthe room", "Write this on one line: remove the line break (U+000A)."),
        (
            "owing to the room \u202egnp.exe",
            "Remove the invisible character U+202E: it changes the order in which the text "
            "around it is read.",
        ),
    ],
)
def test_a_bad_reason_is_refused_on_its_field_and_nothing_is_sent(
    staff_client, invited, reason, error, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            page_of("cancel", invited), {"reason": reason, "opened_revision": 0}
        )
    assert response.status_code == 400
    assert response.context["form"].errors == {"reason": [error]}
    assert 'class="field has-error"' in response.content.decode()
    assert (Meeting.objects.get().status, mail.outbox) == ("scheduled", [])


def test_a_cancelled_meeting_cannot_be_cancelled_again(
    staff_client, invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(page_of("cancel", invited), {"reason": REASON, "opened_revision": 0})
    mail.outbox.clear()
    already = "This meeting is already cancelled: nothing was changed and nobody was told."

    shown = staff_client.get(page_of("cancel", invited))
    with django_capture_on_commit_callbacks(execute=True):
        again = staff_client.post(
            page_of("cancel", invited), {"reason": "again", "opened_revision": 1}
        )
        postponed = staff_client.post(
            page_of("postpone", invited), {"reason": "again", "opened_revision": 1}
        )

    assert (shown.status_code, again.status_code, postponed.status_code) == (200, 409, 409)
    for response in (shown, again, postponed):
        page = response.content.decode()
        assert already in page
        assert 'name="reason"' not in page
    stored = Meeting.objects.get()
    assert (stored.status, stored.status_reason, stored.sequence) == ("cancelled", REASON, 1)
    assert mail.outbox == []
    # and the domain says the same, whoever calls it
    with pytest.raises(ValidationError) as refused:
        calling_off.cancel_meeting(stored, reason="again")
    assert refused.value.messages == [already]


def test_a_postponed_meeting_can_then_be_cancelled(
    staff_client, invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(page_of("postpone", invited), {"reason": "later", "opened_revision": 0})
    with django_capture_on_commit_callbacks(execute=True):
        again = staff_client.post(
            page_of("postpone", invited), {"reason": "x", "opened_revision": 1}
        )
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = staff_client.post(
            page_of("cancel", invited), {"reason": REASON, "opened_revision": 1}
        )
    assert (again.status_code, cancelled.status_code) == (409, 302)
    assert "already postponed" in again.content.decode()
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Postponed"] * 3 + ["Cancelled"] * 3
    assert (Meeting.objects.get().status_reason) == REASON


@pytest.mark.parametrize("name", ["cancel", "postpone"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_meeting_is_404(staff_client, name, method):
    url = reverse(f"meetings:meeting-{name}", args=[987654])
    assert getattr(staff_client, method)(url, {"reason": REASON}).status_code == 404


@pytest.mark.parametrize("name", ["cancel", "postpone"])
def test_no_one_but_editors_call_a_meeting_off(client, mission_user, viewer, invited, name):
    """The rest of the role × URL table is in tests/accounts/test_permission_matrix.py."""
    url = page_of(name, invited)
    assert client.post(url, {"reason": REASON, "opened_revision": 0})["Location"].startswith(
        "/accounts/login/"
    )
    for user in (mission_user, viewer):
        sign_in_with_second_factor(client, user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": REASON, "opened_revision": 0}).status_code == 403
    assert (Meeting.objects.get().status, mail.outbox) == ("scheduled", [])


def test_the_confirmation_needs_its_csrf_token(editor, invited):
    from django.test import Client

    client = sign_in_with_second_factor(Client(enforce_csrf_checks=True), editor)
    response = client.post(page_of("cancel", invited), {"reason": REASON, "opened_revision": 0})
    assert (response.status_code, Meeting.objects.get().status) == (403, "scheduled")


# --- The reason wherever the change is shown ----------------------------------------------

HOSTILE = '<script>alert("x")</script> & co'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"


def test_the_reason_is_shown_escaped_on_the_page_what_changed_atom_e_mail_and_calendar(
    client, staff_client, invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(page_of("cancel", invited), {"reason": HOSTILE, "opened_revision": 0})
    client.logout()

    meeting_page = client.get(invited.get_absolute_url()).content.decode()
    assert f'<dd class="status-reason">{ESCAPED}</dd>' in meeting_page
    changes_page = client.get(reverse("meetings:changes")).content.decode()
    assert f'<p class="status-reason">Reason: {ESCAPED}</p>' in changes_page
    atom = client.get(reverse("meetings:changes-feed")).content.decode()
    # HTML in Atom's <summary type="html">: escaped once as HTML, once more as XML
    assert "Status: Scheduled → Cancelled; Reason: &amp;lt;script&amp;gt;alert(" in atom
    assert "<script>" not in meeting_page + changes_page + atom
    message = parts(mail.outbox[0])
    assert f"Reason: {HOSTILE}\n" in message["text/plain"]  # plain text stays as typed
    assert f"<strong>Reason:</strong> {ESCAPED}</p>" in message["text/html"]
    for calendar in (
        client.get(reverse("meetings:meeting-ics", args=[invited.pk])).content,
        client.get(reverse("meetings:feed")).content,
        message["text/calendar"].encode(),
    ):
        (event,) = Calendar.from_ical(calendar).walk("VEVENT")
        assert str(event["DESCRIPTION"]).split("\n")[0] == f"Reason: {HOSTILE}"
        assert (str(event["STATUS"]), str(event["SUMMARY"])) == (
            "CANCELLED",
            "CANCELLED: Plenary meeting on oceans",
        )


def test_a_right_to_left_mark_in_a_reason_is_kept_as_typed(
    staff_client, invited, django_capture_on_commit_callbacks
):
    """Arabic text uses U+200F correctly: it reorders nothing, and stays (gasched.validators)."""
    reason = "بناء على طلب الميسرين\u200f (CR4)"
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(page_of("postpone", invited), {"reason": reason, "opened_revision": 0})
    assert Meeting.objects.get().status_reason == reason
    (event,) = Calendar.from_ical(parts(mail.outbox[0])["text/calendar"]).walk("VEVENT")
    assert str(event["DESCRIPTION"]).split("\n")[0] == f"Reason: {reason}"


def test_what_changed_gives_the_reason_of_the_change_that_called_it_off(
    invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        calling_off.postpone_meeting(invited, reason="at the request of the co-facilitators")
        calling_off.cancel_meeting(invited, reason=REASON)
    shown = [(c.what, c.reason, c.summary) for c in programme_changes(days=1)]
    assert shown == [
        ("Cancelled", REASON, f"Status: Postponed → Cancelled; Reason: {REASON}"),
        (
            "Postponed",
            "at the request of the co-facilitators",
            "Status: Scheduled → Postponed; Reason: at the request of the co-facilitators",
        ),
        ("Added", "", ""),
    ]


def test_reinstating_through_the_edit_form_forgets_the_reason(
    staff_client, invited, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        calling_off.postpone_meeting(invited, reason="later")
    url = reverse("meetings:meeting-edit", args=[invited.pk])
    (form,) = [
        f for f in post_forms(staff_client.get(url).content.decode()) if "title" in f["fields"]
    ]
    fields = {**form["fields"], "status": "scheduled", "date": "2027-03-11"}
    with django_capture_on_commit_callbacks(execute=True):
        assert saved_through_the_preview(staff_client, url, fields).status_code == 302
    stored = Meeting.objects.get()
    assert (stored.status, stored.status_reason, stored.local_start.day) == ("scheduled", "", 11)
    assert "Reason" not in staff_client.get(invited.get_absolute_url()).content.decode()


def test_the_edit_form_does_not_call_a_meeting_off(staff_client, invited):
    url = reverse("meetings:meeting-edit", args=[invited.pk])
    (form,) = [
        f for f in post_forms(staff_client.get(url).content.decode()) if "title" in f["fields"]
    ]
    response = staff_client.post(url, {**form["fields"], "status": "cancelled"})
    assert response.status_code == 400
    assert response.context["form"].errors["status"] == [
        "Cancel or postpone a meeting with the button on its page: it shows who will be told "
        "and asks for the reason."
    ]
    assert (Meeting.objects.get().status, mail.outbox) == ("scheduled", [])


@pytest.fixture
def admin_client(client):
    administrator = user_with_role(ADMINISTRATORS, second_factor=True)
    administrator.is_superuser = True
    administrator.save()
    return sign_in_with_second_factor(client, administrator)


def test_the_admin_cancels_with_a_reason_through_the_same_function(
    admin_client, invited, django_capture_on_commit_callbacks
):
    url = reverse("admin:meetings_meeting_change", args=[invited.pk])
    (form,) = [f for f in post_forms(admin_client.get(url).content.decode()) if f["action"] == ""]
    fields = {**form["fields"], "status": "cancelled", "_save": "Save"}
    refused = admin_client.post(url, fields)
    assert refused.status_code == 200
    assert refused.context_data["adminform"].form.errors == {
        "status_reason": ["Give the reason: it goes to everyone told."]
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {**fields, "status_reason": REASON})
    assert response.status_code == 302
    stored = Meeting.objects.get()
    assert (stored.status, stored.status_reason, stored.sequence) == ("cancelled", REASON, 1)
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"Cancelled"}
    assert f"Reason: {REASON}\n" in mail.outbox[0].body


def test_the_open_data_api_gives_the_reason(client, invited, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        calling_off.postpone_meeting(invited, reason="at the request of the co-facilitators")
    item = client.get(f"/api/meetings/{invited.pk}").json()
    assert (item["status"], item["status_reason"]) == (
        "postponed",
        "at the request of the co-facilitators",
    )


def test_a_meeting_that_is_over_is_called_off_without_telling_anyone(staff_client):
    SessionFactory(number=71, start_date=date(2016, 9, 13), end_date=date(2017, 9, 11))
    held = schedule.save_meeting(
        Meeting(
            title="Informal consultation on trafficking",
            kind=MeetingKind.PLENARY,
            start=new_york_datetime(date(2017, 6, 29), time(10)),
            end=new_york_datetime(date(2017, 6, 29), time(13)),
        )
    )
    page = staff_client.get(page_of("cancel", held)).content.decode()
    assert "Nobody is sent an e-mail: the meeting was sent to no one, or it is over." in page
    assert (
        staff_client.post(page_of("cancel", held), {"reason": REASON, "opened_revision": 0})[
            "Location"
        ]
        == held.get_absolute_url()
    )
    assert mail.outbox == []


# --- The change summary (no database) ----------------------------------------------------


def off(status: str, reason: str = "") -> Meeting:
    return Meeting(
        title="Plenary meeting on oceans",
        kind=MeetingKind.PLENARY,
        start=new_york_datetime(MARCH_10, time(10)),
        end=new_york_datetime(MARCH_10, time(13)),
        status=status,
        status_reason=reason,
        published_at=new_york_datetime(date(2027, 1, 4), time(9)),
    )


@pytest.mark.parametrize(
    ("status", "headline"), [("cancelled", "Cancelled"), ("postponed", "Postponed")]
)
def test_the_summary_of_a_cancellation_and_a_postponement(status, headline):
    """The words of the update e-mail's Subject ("Cancelled: …") and its What changed."""
    change = calendar_change(off("scheduled"), off(status, REASON))
    assert [(d.aspect, d.before, d.after, d.sentence) for d in change.differences] == [
        ("status", "scheduled", status, headline)
    ]
    assert (change.headline, change.significant) == (headline, True)


def test_a_new_reason_alone_moves_the_calendar_stamp_but_tells_no_one():
    change = calendar_change(off("cancelled", REASON), off("cancelled", "owing to the strike"))
    assert (change.significant, change.shown) == (False, True)


@pytest.mark.parametrize(
    "reason", ["", "owing to \u202egnp.exe", "owing to\u2028the room", "x" * 201]
)
def test_every_way_in_refuses_the_reason_the_page_refuses(invited, reason):
    """The rules of a reason are the field's (gasched.validators.one_line, the length):
    the domain, and so the admin and letter review, refuse what the page refuses."""
    with pytest.raises(ValidationError) as refused:
        calling_off.cancel_meeting(invited, reason=reason)
    assert list(refused.value.error_dict) == ["status_reason"]
    stored = Meeting.objects.get()
    assert (stored.status, stored.status_reason, mail.outbox) == ("scheduled", "", [])


def test_reinstating_from_the_button_previews_the_update_before_it_goes(
    staff_client, invited, django_capture_on_commit_callbacks
):
    """The Reinstate button tells everyone who has the meeting: the editor sees the
    update (what changed, who gets it) first, and it goes only on confirmation."""
    with django_capture_on_commit_callbacks(execute=True):
        calling_off.postpone_meeting(invited, reason="later")
    mail.outbox.clear()
    invited.refresh_from_db()
    url = reverse("meetings:meeting-status", args=[invited.pk])
    press = {"status": "scheduled", "opened_revision": invited.revision}

    with django_capture_on_commit_callbacks(execute=True):
        preview = staff_client.post(url, press)

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Before the update goes out" in page
    assert Meeting.objects.get().status == "postponed"
    assert mail.outbox == []
    (form,) = [f for f in post_forms(page) if "previewed_change" in f["fields"]]
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(url, form["fields"]).status_code == 302
    assert Meeting.objects.get().status == "scheduled"
    assert len(mail.outbox) == 3
