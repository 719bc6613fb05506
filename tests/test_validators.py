"""Titles and names are one line that reads as stored, and webcast links are web pages:
refused with the reason on every way in (staff pages, admin, letter review, CSV)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import ADMINISTRATORS
from correspondence.models import Letter, ProposedMeeting
from gasched.validators import one_line
from meetings.models import CoFacilitator, Meeting, Process, Room
from missions.contacts import CsvRejected, import_contacts
from missions.models import Contact, Mission
from tests.conftest import sign_in_with_second_factor
from tests.correspondence.conftest import LETTER_2017
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, user_with_role
from tests.meetings.test_staff_entry import meeting_form

pytestmark = pytest.mark.django_db

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "\u202egnp.exe" reads as "exe.png"
BIDI_REFUSED = "Remove the invisible character U+202E"
ON_ONE_LINE = "Write this on one line: remove the line break"


@pytest.mark.parametrize(
    "text",
    [
        "Informal consultation on the political declaration",
        "مشاورة غير رسمية\u200f (CR3)",  # Arabic with a right-to-left mark
        "Côte d'Ivoire — 第三次非正式磋商",
        "می\u200cخواهم",  # a zero-width non-joiner, as Persian writes
    ],
)
def test_one_line_of_any_script_is_accepted(text):
    assert one_line(text) is None


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        ("First line\r\nSecond line", "line_break", "U+000D"),
        ("Title\u2028forged line", "line_break", "U+2028"),
        (f"Meeting {RLO}3RC", "bidi_control", "U+202E"),
        ("Meeting \u2066isolated\u2069", "bidi_control", "U+2066"),
        ("Tab\tseparated", "control_character", "U+0009"),
        ("Escape \x1b[31m red", "control_character", "U+001B"),
        ("C1 \x9b control", "control_character", "U+009B"),
    ],
)
def test_breaks_controls_and_overrides_are_refused_with_their_code(text, code, named):
    with pytest.raises(ValidationError) as refused:
        one_line(text)
    assert refused.value.code == code
    assert named in refused.value.messages[0]


@pytest.fixture
def session_71(db):
    return SessionFactory()


def test_the_meeting_form_refuses_an_override_in_the_title(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(title=f"Consultation {RLO}3RC")
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["title"]
    assert BIDI_REFUSED in response.context["form"].errors["title"][0]
    assert Meeting.objects.count() == 0


def test_the_meeting_form_refuses_a_line_break_in_the_title(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(title="Consultation\r\nBCC: all")
    )
    assert response.status_code == 400
    assert response.context["form"].errors["title"] == [
        "Write this on one line: remove the line break (U+000D)."
    ]
    assert Meeting.objects.count() == 0


def test_the_process_form_refuses_a_line_break_in_a_cofacilitators_name(staff_client, session_71):
    response = staff_client.post(
        reverse("meetings:process-create"),
        {
            "title": "Political declaration",
            "slug": "",
            "session": session_71.pk,
            "cofacilitators-TOTAL_FORMS": "1",
            "cofacilitators-INITIAL_FORMS": "0",
            "cofacilitators-0-name": "H.E. Mr. Marc\nPecsteen",
            "cofacilitators-0-title": "Permanent Representative",
            "cofacilitators-0-state": "Belgium",
        },
    )
    assert response.status_code == 400
    assert ON_ONE_LINE in response.content.decode()
    assert (Process.objects.count(), CoFacilitator.objects.count()) == (0, 0)


def test_the_room_form_refuses_an_override_in_the_name(staff_client):
    response = staff_client.post(
        reverse("meetings:room-create"),
        {"name": f"Room {RLO}A", "code": "NEW", "building": "conference-building"},
    )
    assert response.status_code == 400
    assert BIDI_REFUSED in response.content.decode()
    assert not Room.objects.filter(code="NEW").exists()


def test_mission_staff_cannot_give_a_contact_a_two_line_name(client, mission_user, belgium):
    client.force_login(mission_user)
    response = client.post(
        reverse("missions:mission-contacts", args=[belgium.pk]),
        {"name": "Focal point\nPermanent Representative", "email": "fp@belgium.example"},
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["name"]
    assert Contact.objects.count() == 0


def test_a_csv_with_an_override_in_a_name_is_refused_whole():
    data = f"mission,name,email\nBelgium,Marc {RLO}neetsceP,pr@be.example\n".encode()
    with pytest.raises(CsvRejected) as rejected:
        import_contacts(data)
    assert rejected.value.errors == ["Line 2, column name: control characters are not allowed."]
    assert Contact.objects.count() == 0


def test_the_admin_refuses_an_override_in_a_missions_name(client):
    sign_in_with_second_factor(client, user_with_role(ADMINISTRATORS, second_factor=True))
    response = client.post(
        reverse("admin:missions_mission_add"),
        {"name": f"{RLO}aisenodnI", "kind": "member-state", "kinds": "[]"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert BIDI_REFUSED in response.content.decode()
    assert not Mission.objects.filter(name__contains=RLO).exists()


def test_letter_review_refuses_an_override_in_a_corrected_title(staff_client):
    process = ProcessFactory(session=SessionFactory(number=71), title="Trafficking declaration")
    CoFacilitator.objects.create(process=process, state="Belgium")
    CoFacilitator.objects.create(process=process, state="Qatar")
    staff_client.post(
        reverse("correspondence:letter-upload"),
        {"original": SimpleUploadedFile("letter.txt", LETTER_2017.read_bytes())},
    )
    letter = Letter.objects.get(enclosed_in__isnull=True)
    proposal = ProposedMeeting.objects.get(date=date(2017, 7, 6))
    fields = {
        "title": f"Third consultation {RLO}3RC",
        "kind": "informal-consultation",
        "date": "2017-07-06",
        "timing": "exact",
        "start_time": "15:00",
    }
    response = staff_client.post(
        reverse("correspondence:proposal-decide", args=[letter.pk, proposal.pk]),
        {"decision": "accept", **{f"m{proposal.pk}-{k}": v for k, v in fields.items()}},
    )
    assert response.status_code == 400
    assert BIDI_REFUSED in response.content.decode()
    assert Meeting.objects.count() == 0


WEB_ADDRESS_REFUSED = "Enter a web address that starts with https:// (or http://)."


@pytest.mark.parametrize(
    "typed", ["//evil.example/live", "ftp://evil.example/live", "javascript:alert(1)"]
)
def test_a_webcast_link_must_be_a_web_page(staff_client, session_71, typed):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(webcast_url=typed)
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {"webcast_url": [WEB_ADDRESS_REFUSED]}
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("https://webtv.un.org/en/asset/k1x", "https://webtv.un.org/en/asset/k1x"),
        ("http://webtv.un.org/live", "http://webtv.un.org/live"),
        ("webtv.un.org/live", "https://webtv.un.org/live"),  # no scheme typed: https
    ],
)
def test_a_web_page_is_a_webcast_link(staff_client, session_71, typed, stored):
    response = staff_client.post(
        reverse("meetings:meeting-create"), meeting_form(webcast_url=typed)
    )
    assert response.status_code == 302
    assert Meeting.objects.get().webcast_url == stored


@pytest.mark.parametrize("typed", ["//evil.example/live", "ftp://evil.example/live"])
def test_the_admin_refuses_what_the_staff_page_refuses(client, typed):
    sign_in_with_second_factor(client, user_with_role(ADMINISTRATORS, second_factor=True))
    meeting = MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    from tests.html_forms import post_forms

    (form,) = [f for f in post_forms(client.get(url).content.decode()) if "title" in f["fields"]]
    response = client.post(url, {**form["fields"], "webcast_url": typed})
    assert response.status_code == 200  # the form again, with the error
    assert WEB_ADDRESS_REFUSED in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.webcast_url == ""


def test_the_model_refuses_other_schemes_whatever_the_way_in():
    meeting = MeetingFactory.build(webcast_url="ftp://evil.example/live")
    with pytest.raises(ValidationError) as refused:
        meeting.full_clean(exclude=["session"])
    assert WEB_ADDRESS_REFUSED in refused.value.message_dict["webcast_url"]
