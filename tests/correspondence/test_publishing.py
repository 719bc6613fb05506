"""Publishing is a deliberate step: drafts send nothing and show nowhere public; the
Publish page says who gets what, with the e-mail, before anything is sent; a letter
publishes with its meetings; several drafts at once; a significant change to a
published meeting is previewed on the staff form before its update goes out."""

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.roles import ADMINISTRATORS
from correspondence import delivery, letters, review
from correspondence.enums import DeliveryKind, InvitationReason, ProposalState
from correspondence.models import Delivery, ProposedMeeting
from meetings import schedule
from meetings.changes import programme_changes
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting, Room
from meetings.timing import new_york_datetime
from missions.models import Contact, Mission
from tests.conftest import sign_in_with_second_factor
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, user_with_role
from tests.html_forms import post_forms

from .conftest import LETTER_2017

pytestmark = pytest.mark.django_db

FUTURE = date(2031, 3, 12)
PUBLISHED = datetime(2030, 9, 1, tzinfo=UTC)
# The publish preview: the request (session, user, permissions, authenticator, membership),
# the meetings and what they show (4 queries in all: with their agenda items), then per
# meeting: what was sent, the missions' kinds, focal points, followers, the contacts and
# the sample recipient.
BASE_QUERIES, PER_MEETING = 10, 6


@pytest.fixture(autouse=True)
def session_85():
    return SessionFactory(number=85, start_date=date(2030, 9, 10), end_date=date(2031, 9, 8))


def contact(mission_name: str, address: str, **mission_fields) -> Contact:
    mission = Mission.objects.get(name=mission_name)
    for field, value in mission_fields.items():
        setattr(mission, field, value)
    mission.save()
    return Contact.objects.create(
        mission=mission, name=f"Contact {mission_name}", email=address, confirmed=PUBLISHED
    )


def draft(**fields) -> Meeting:
    values = {
        "session": SessionFactory(number=85),
        "title": "Plenary meeting on oceans",
        "kind": MeetingKind.PLENARY,
        "status": MeetingStatus.SCHEDULED,
        "start": new_york_datetime(FUTURE, time(10)),
        "end": new_york_datetime(FUTURE, time(13)),
        "room": Room.objects.get(code="GA-HALL"),
        "published_at": None,
    }
    return MeetingFactory(**{**values, **fields})


def publish_url(*pks: int, letter: int | None = None) -> str:
    query = "&".join(f"meeting={pk}" for pk in pks)
    if letter is not None:
        query = f"letter={letter}&{query}" if query else f"letter={letter}"
    return f"{reverse('correspondence:publish')}?{query}"


def confirm(client, *meetings: Meeting, letter: int | None = None, captured=None):
    data = {"meeting": [f"{m.pk}:{m.revision}" for m in meetings]}
    if letter is not None:
        data["letter"] = str(letter)
    with captured(execute=True):
        return client.post(reverse("correspondence:publish"), data)


# --- A draft is the office's alone -----------------------------------------------------


def test_a_new_meeting_from_the_staff_form_is_a_draft_that_sends_nothing(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    form = {
        "title": "Plenary meeting on oceans",
        "kind": "plenary",
        "status": "scheduled",
        "date": FUTURE.isoformat(),
        "timing": "exact",
        "start_time": "10:00",
        "end_time": "13:00",
        "room": "GA-HALL",
        "overflow_room": "",
        "mode": "in-person",
        "participation": "member-states",
        "documents": "",
        "notes": "",
        "webcast_url": "",
        "opened_revision": "0",
        "entry_token": uuid.uuid4().hex,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("meetings:meeting-create"), form)
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.is_draft
    assert Delivery.objects.count() == 0
    assert mail.outbox == []
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert "Draft" in page
    assert publish_url(meeting.pk) in page.replace("&amp;", "&")


def test_drafts_are_absent_from_every_public_page_feed_and_the_api(mission_client):
    shown = draft(title="Published plenary", published_at=PUBLISHED)
    hidden = draft(title="Secret draft", start=new_york_datetime(FUTURE, time(15)), end=None)
    pages = [
        reverse("meetings:programme"),
        reverse("meetings:day", args=[FUTURE]),
        reverse("meetings:week", args=[FUTURE]),
        reverse("meetings:week-rooms", args=[FUTURE]),
        reverse("meetings:month", args=[2031, 3]),
        reverse("meetings:room", args=["GA-HALL"]),
        reverse("meetings:feed"),
        reverse("meetings:session-feed", args=[85]),
        reverse("meetings:changes"),
        reverse("meetings:changes-feed"),
        "/api/meetings?since=2031-03-01",
        f"{reverse('meetings:programme')}?q=Secret",
    ]
    for visitor in (Client(), mission_client):  # anonymous, and a mission's staff
        for page in pages:
            body = visitor.get(page).content.decode()
            assert "Secret draft" not in body, page
        # the programme's home list shows seven days: the published meeting's day
        published_day = reverse("meetings:day", args=[shown.local_start.date()])
        assert "Published plenary" in visitor.get(published_day).content.decode()
        assert visitor.get(hidden.get_absolute_url()).status_code == 404
        assert visitor.get(reverse("meetings:meeting-ics", args=[hidden.pk])).status_code == 404
        assert visitor.get(f"/api/meetings/{hidden.pk}").status_code == 404
        assert visitor.get(shown.get_absolute_url()).status_code == 200


def test_a_draft_gets_no_invitation_when_contacts_are_added(django_capture_on_commit_callbacks):
    draft()
    with django_capture_on_commit_callbacks(execute=True):
        added = contact("Belgium", "pr@belgium.example")
        delivery.catch_up([added.pk])
    assert Delivery.objects.count() == 0


def test_an_admin_save_of_a_draft_does_not_publish_it(client, django_capture_on_commit_callbacks):
    contact("Belgium", "pr@belgium.example")
    meeting = draft()
    administrator = user_with_role(ADMINISTRATORS, second_factor=True)
    administrator.is_superuser = True
    administrator.save()
    sign_in_with_second_factor(client, administrator)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if f["action"] == ""]
    fields = {**form["fields"], "title": "Plenary meeting on seas", "_save": "Save"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, fields)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Plenary meeting on seas"
    assert meeting.is_draft
    assert Delivery.objects.count() == 0


# --- The Publish page ------------------------------------------------------------------


def test_the_publish_page_shows_who_gets_what_and_the_mail_before_sending(
    staff_client, django_capture_on_commit_callbacks
):
    process = ProcessFactory(session=SessionFactory(number=85), title="Oceans declaration")
    contact("Belgium", "pr@belgium.example")  # plenary by default
    contact("Qatar", "pr@qatar.example", kinds=[])
    Mission.objects.get(name="Qatar").processes.add(process)
    focal = contact("Chile", "fp@chile.example", kinds=[])
    focal.focal_point_for.add(process)
    contact("Japan", "all@japan.example", kinds=[], receives_everything=True)
    contact("Kenya", "none@kenya.example", kinds=[])  # asks for nothing of this
    meeting = draft(process=process)

    page = staff_client.get(publish_url(meeting.pk)).content.decode()

    assert Delivery.objects.count() == 0
    assert mail.outbox == []
    assert "4 contacts in 4 missions" in page
    for reason in InvitationReason:
        assert f'data-reason="{reason.value}"' in page
    assert "Invitation: Plenary meeting on oceans" in page
    assert "BEGIN:VEVENT" in page
    assert "SEQUENCE:0" in page
    assert "ATTENDEE;CN=" in page
    assert 'class="mail-html" sandbox srcdoc=' in page
    assert "none@kenya.example" not in page

    response = confirm(staff_client, meeting, captured=django_capture_on_commit_callbacks)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert not meeting.is_draft
    assert sorted(m.to[0] for m in mail.outbox) == [
        "all@japan.example",
        "fp@chile.example",
        "pr@belgium.example",
        "pr@qatar.example",
    ]
    # A second press publishes nothing more and sends nothing again.
    confirm(staff_client, meeting, captured=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4


def test_invitees_give_each_contact_one_reason_and_the_outbox_follows_them():
    process = ProcessFactory(session=SessionFactory(number=85))
    belgium = contact("Belgium", "pr@belgium.example")
    focal = contact("Chile", "fp@chile.example", kinds=[])
    focal.focal_point_for.add(process)
    meeting = draft(process=process)
    found = delivery.invitees(meeting)
    assert found == {
        belgium.pk: (belgium.mission_id, InvitationReason.KIND),
        focal.pk: (focal.mission_id, InvitationReason.FOCAL_POINT),
    }
    meeting.published_at = PUBLISHED
    meeting.save(update_fields=["published_at"])
    delivery.write_outbox(meeting)
    written = Delivery.objects.filter(meeting=meeting).values_list("contact_id", flat=True)
    assert sorted(written) == sorted(found)


def test_publishing_refuses_a_meeting_changed_since_its_preview(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    meeting = draft()
    seen = Meeting.objects.get(pk=meeting.pk)
    meeting.title = "Plenary meeting on seas"
    schedule.save_meeting(meeting)  # someone else saves meanwhile
    response = confirm(staff_client, seen, captured=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == publish_url(meeting.pk)
    assert Meeting.objects.get().is_draft
    assert mail.outbox == []


def test_a_tentative_draft_is_published_without_mail(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    meeting = draft(status=MeetingStatus.TENTATIVE)
    page = staff_client.get(publish_url(meeting.pk)).content.decode()
    assert "a tentative meeting is published without e-mail" in page
    confirm(staff_client, meeting, captured=django_capture_on_commit_callbacks)
    assert not Meeting.objects.get().is_draft
    assert mail.outbox == []


@pytest.mark.parametrize("n", [1, 3])
def test_the_publish_preview_runs_a_fixed_number_of_queries(
    staff_client, django_assert_num_queries, n
):
    process = ProcessFactory(session=SessionFactory(number=85))
    names = ["Belgium", "Qatar", "Chile"][:n]
    for name in names:
        contact(name, f"pr@{name.lower()}.example").focal_point_for.add(process)
    meeting = draft(process=process)
    url = publish_url(meeting.pk)
    staff_client.get(url)  # the session and the permissions, once
    with django_assert_num_queries(BASE_QUERIES + PER_MEETING):
        response = staff_client.get(url)
    assert f"{n} contact" in response.content.decode()


def test_only_the_pga_office_may_publish(mission_client, viewer):
    meeting = draft()
    url = publish_url(meeting.pk)
    assert Client().get(url).status_code == 302  # to sign in
    assert mission_client.get(url).status_code == 403
    assert mission_client.post(reverse("correspondence:publish")).status_code == 403
    assert mission_client.get(reverse("meetings:drafts")).status_code == 403
    assert Client().get(reverse("meetings:drafts")).status_code == 302
    viewing = Client()
    sign_in_with_second_factor(viewing, viewer)
    assert viewing.get(url).status_code == 403
    assert viewing.get(reverse("meetings:drafts")).status_code == 403
    assert Meeting.objects.get().is_draft


def test_publishing_needs_the_csrf_token(editor):
    meeting = draft()
    guarded = Client(enforce_csrf_checks=True)
    sign_in_with_second_factor(guarded, editor)
    response = guarded.post(
        reverse("correspondence:publish"), {"meeting": f"{meeting.pk}:{meeting.revision}"}
    )
    assert response.status_code == 403
    assert Meeting.objects.get().is_draft


@pytest.mark.parametrize(
    "query", ["meeting=x", "meeting=1%C2%B2", "letter=abc", "", "meeting=" + "9" * 20]
)
def test_bad_publish_addresses_are_refused_without_an_error(staff_client, query):
    response = staff_client.get(f"{reverse('correspondence:publish')}?{query}")
    assert response.status_code in (400, 404)


# --- Several at once; a letter with its meetings ---------------------------------------


def test_the_drafts_list_publishes_the_chosen_meetings_together(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    first = draft(title="First plenary")
    second = draft(title="Second plenary", start=new_york_datetime(FUTURE, time(15)), end=None)
    draft(title="Third plenary", start=new_york_datetime(FUTURE, time(18)), end=None)
    listing = staff_client.get(reverse("meetings:drafts")).content.decode()
    assert listing.count('class="badge draft"') == 3
    assert f'name="meeting" value="{first.pk}"' in listing

    page = staff_client.get(publish_url(first.pk, second.pk)).content.decode()
    assert "2 meetings: 2 e-mails to 1 contacts." in page
    assert "Third plenary" not in page
    confirm(staff_client, first, second, captured=django_capture_on_commit_callbacks)

    assert [m.title for m in Meeting.objects.drafts()] == ["Third plenary"]
    assert sorted(m.subject.split(",")[0] for m in mail.outbox) == [
        "Invitation: First plenary",
        "Invitation: Second plenary",
    ]
    listing = staff_client.get(reverse("meetings:drafts")).content.decode()
    assert "Third plenary" in listing
    assert "First plenary" not in listing


def test_a_letter_is_accepted_as_drafts_and_published_with_its_meetings(
    staff_client, django_capture_on_commit_callbacks
):
    process = ProcessFactory(session=SessionFactory(number=71), title="Trafficking declaration")
    letter = letters.import_letter(LETTER_2017.read_bytes(), filename="l.txt").letter
    letters.set_process(letter, process)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("correspondence:letter-accept-all", args=[letter.pk]))
    accepted = list(Meeting.objects.all())
    assert len(accepted) == 5
    assert all(m.is_draft for m in accepted)
    review_page = staff_client.get(reverse("correspondence:letter-review", args=[letter.pk]))
    assert "its 5 draft meetings" in review_page.content.decode()

    page = staff_client.get(publish_url(letter=letter.pk)).content.decode()
    assert "5 meetings:" in page
    assert "goes into the public archive" in page
    response = confirm(
        staff_client, *accepted, letter=letter.pk, captured=django_capture_on_commit_callbacks
    )

    assert response.url == letter.get_absolute_url()
    letter.refresh_from_db()
    assert letter.is_published
    assert Meeting.objects.drafts().count() == 0
    assert review.draft_meetings(letter) == []


# --- A significant change to a published meeting is previewed --------------------------


def edit_form(meeting: Meeting, **changes) -> dict:
    data = {
        "title": meeting.title,
        "kind": meeting.kind,
        "status": meeting.status,
        "date": meeting.local_start.date().isoformat(),
        "timing": meeting.timing,
        "start_time": meeting.local_start.strftime("%H:%M"),
        "end_time": meeting.local_end.strftime("%H:%M") if meeting.end else "",
        "room": meeting.room.name if meeting.room else "",
        "overflow_room": "",
        "mode": meeting.mode,
        "participation": meeting.participation,
        "documents": "",
        "notes": meeting.notes,
        "webcast_url": "",
        "opened_revision": str(meeting.revision),
    }
    return {**data, **changes}


@pytest.fixture
def invited(django_capture_on_commit_callbacks):
    """A published plenary, its invitation sent to Belgium."""
    contact("Belgium", "pr@belgium.example")
    meeting = draft()
    with django_capture_on_commit_callbacks(execute=True):
        schedule.publish_meetings({meeting.pk: meeting.revision})
    mail.outbox.clear()
    return Meeting.objects.get()


def test_a_significant_change_is_previewed_and_sent_only_on_confirmation(
    staff_client, invited, django_capture_on_commit_callbacks
):
    url = reverse("meetings:meeting-edit", args=[invited.pk])
    data = edit_form(invited, room="ECOSOC Chamber", start_time="15:00", end_time="18:00")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)
    page = response.content.decode()

    assert response.status_code == 200
    assert "Before the update goes out" in page
    assert "Room: General Assembly Hall → ECOSOC Chamber" in page
    assert "Have it in their calendar: they get the update" in page
    assert "Changed: Plenary meeting on oceans" in page  # the update's Subject
    assert Meeting.objects.get().sequence == 0
    assert mail.outbox == []

    fingerprint = page.split('name="previewed_change" value="')[1].split('"')[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {**data, "previewed_change": fingerprint})

    assert response.status_code == 302
    saved = Meeting.objects.get()
    assert (saved.sequence, saved.room.code) == (1, "ECOSOC")
    assert [m.to[0] for m in mail.outbox] == ["pr@belgium.example"]
    assert mail.outbox[0].subject.startswith("Changed: Plenary meeting on oceans")
    assert Delivery.objects.filter(kind=DeliveryKind.UPDATE).count() == 1


def test_a_confirmation_of_another_change_is_previewed_again(
    staff_client, invited, django_capture_on_commit_callbacks
):
    url = reverse("meetings:meeting-edit", args=[invited.pk])
    data = edit_form(invited, start_time="15:00", end_time="18:00")
    page = staff_client.post(url, data).content.decode()
    fingerprint = page.split('name="previewed_change" value="')[1].split('"')[0]
    moved_again = {**data, "start_time": "16:00", "previewed_change": fingerprint}
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, moved_again)
    assert response.status_code == 200
    assert "Before the update goes out" in response.content.decode()
    assert mail.outbox == []


def test_a_change_invitees_need_not_hear_of_saves_at_once(
    staff_client, invited, django_capture_on_commit_callbacks
):
    url = reverse("meetings:meeting-edit", args=[invited.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, edit_form(invited, notes="Bring the zero draft."))
    assert response.status_code == 302
    assert Meeting.objects.get().notes == "Bring the zero draft."
    assert mail.outbox == []


def test_a_change_to_a_draft_is_saved_without_preview(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    meeting = draft()
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    response = staff_client.post(url, edit_form(meeting, start_time="15:00", end_time="18:00"))
    assert response.status_code == 302
    saved = Meeting.objects.get()
    assert (saved.sequence, saved.is_draft) == (0, True)
    assert saved.local_start.hour == 15
    assert Delivery.objects.count() == 0


def test_what_changed_reads_a_published_draft_as_added():
    meeting = draft()
    assert programme_changes() == []
    schedule.publish_meetings({meeting.pk: meeting.revision})
    assert [(c.title, c.what) for c in programme_changes()] == [
        ("Plenary meeting on oceans", "Added")
    ]
    later = datetime.now(tz=UTC) + timedelta(days=1)
    assert [c.what for c in programme_changes(now=later)] == ["Added"]


def test_a_published_letter_names_no_draft_meeting_to_the_public(staff_client):
    process = ProcessFactory(session=SessionFactory(number=71), title="Trafficking declaration")
    letter = letters.import_letter(LETTER_2017.read_bytes(), filename="l.txt").letter
    letters.set_process(letter, process)
    review.accept_all(letter, user=None)
    review.publish(letter)  # the letter alone, its meetings still drafts
    draft_title = Meeting.objects.first().title
    assert draft_title not in Client().get(letter.get_absolute_url()).content.decode()
    assert draft_title in staff_client.get(letter.get_absolute_url()).content.decode()


@pytest.mark.parametrize("n", [1, 3])
def test_a_batch_preview_costs_the_same_few_queries_per_meeting(
    staff_client, django_assert_num_queries, n
):
    """Who wants a meeting depends on the meeting (its kind, its process): a few queries
    each, never one per contact or mission; what the pages show is fetched once."""
    contact("Belgium", "pr@belgium.example")
    process = ProcessFactory(session=SessionFactory(number=85))
    meetings = [
        draft(
            title=f"Plenary {k}",
            process=process,
            start=new_york_datetime(FUTURE, time(8 + 3 * k)),
            end=None,
        )
        for k in range(n)
    ]
    url = publish_url(*(m.pk for m in meetings))
    staff_client.get(url)
    with django_assert_num_queries(BASE_QUERIES + PER_MEETING * n):
        response = staff_client.get(url)
    assert response.content.decode().count('class="publish-preview"') == n


def test_a_meeting_already_over_is_published_for_the_record_without_mail(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example")
    over = draft(
        session=SessionFactory(),  # the 71st: June 2017
        start=new_york_datetime(date(2017, 6, 29), time(10)),
        end=new_york_datetime(date(2017, 6, 29), time(13)),
    )
    page = staff_client.get(publish_url(over.pk)).content.decode()
    assert "Nobody: the meeting is over." in page
    confirm(staff_client, over, captured=django_capture_on_commit_callbacks)
    assert not Meeting.objects.get().is_draft
    assert mail.outbox == []


def test_a_letter_moving_a_published_meeting_previews_the_update_first(
    staff_client, django_capture_on_commit_callbacks
):
    contact("Belgium", "pr@belgium.example", kinds=["informal-consultation"])
    meeting = draft(
        kind=MeetingKind.INFORMAL_CONSULTATION,
        title="Informal consultation",
        room=Room.objects.get(code="CR3"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        schedule.publish_meetings({meeting.pk: meeting.revision})
    mail.outbox.clear()
    text = (
        "1 March 2031\n\nExcellency,\n\nThe informal consultation scheduled for Wednesday, "
        "12 March has been moved to Thursday, 13 March (3 p.m., CR 4).\n\nPlease accept, "
        "Excellency, the assurances of our highest consideration.\n"
    )
    letter = letters.import_letter(text.encode(), filename="moved.txt").letter
    proposal = ProposedMeeting.objects.get(letter=letter)
    assert proposal.existing == meeting

    # "Accept all" leaves it open: its update is previewed on its own.
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("correspondence:letter-accept-all", args=[letter.pk]))
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.PROPOSED
    assert mail.outbox == []

    review_url = reverse("correspondence:letter-review", args=[letter.pk])
    decide = reverse("correspondence:proposal-decide", args=[letter.pk, proposal.pk])
    forms = post_forms(staff_client.get(review_url).content.decode())
    (form,) = [f for f in forms if f["action"] == decide]
    with django_capture_on_commit_callbacks(execute=True):
        shown = staff_client.post(decide, {**form["fields"], "decision": "accept"})
    page = shown.content.decode()
    assert "Before the update goes out" in page
    assert "Moved from Wednesday 12 March" in page
    assert mail.outbox == []
    assert Meeting.objects.get().sequence == 0

    (confirmed,) = [f for f in post_forms(page) if "previewed_change" in f["fields"]]
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(decide, confirmed["fields"])
    moved = Meeting.objects.get()
    assert (moved.local_start.day, moved.sequence) == (13, 1)
    assert [m.to[0] for m in mail.outbox] == ["pr@belgium.example"]


def test_the_publish_page_warns_of_a_weekend_whichever_way_the_draft_came(staff_client):
    """A draft from letter review was never asked "Save anyway?": publishing is where
    the office sees that the day is a Saturday, before anything is sent."""
    saturday = new_york_datetime(date(2031, 3, 15), time(10))
    weekend = draft(start=saturday, end=saturday + timedelta(hours=3))
    weekday = draft(title="Plenary on a Monday", room=Room.objects.get(code="CR4"))
    page = staff_client.get(publish_url(weekend.pk)).content.decode()
    assert "Saturday 15 March 2031 is a weekend day." in page
    page = staff_client.get(publish_url(weekday.pk)).content.decode()
    assert "is a weekend day" not in page
