"""The missions directory, their contacts and preferences, and importing contacts."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import PGA_EDITORS
from missions.contacts import CsvRejected, import_contacts, run_import
from missions.directory import MEMBER_STATES, OBSERVER_STATES
from missions.models import Contact, ContactImport, Mission
from tests.conftest import sign_in_with_second_factor
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_the_directory_ships_every_member_state_and_the_observer_states():
    assert len(MEMBER_STATES) == 193
    members = Mission.objects.filter(kind="member-state").values_list("name", flat=True)
    assert set(members) >= set(MEMBER_STATES)
    observers = Mission.objects.filter(kind="observer-state").values_list("name", flat=True)
    assert set(observers) == set(OBSERVER_STATES) == {"Holy See", "State of Palestine"}
    assert Mission.objects.get(name="Belgium").kinds == ["plenary", "high-level"]


# --- CSV --------------------------------------------------------------------------------


def test_a_valid_csv_imports_every_row_and_updates_known_addresses():
    Contact.objects.create(
        mission=Mission.objects.get(name="Belgium"), name="Old name", email="pr@be.example"
    )
    data = (
        "mission,name,email,function\n"
        "Belgium,Marc Pecsteen,PR@be.example,Permanent Representative\n"
        "Côte d'Ivoire,Aya Koné,aya@ci.example,Deputy\n"
    ).encode()
    job = run_import(import_contacts(data).pk)
    assert (job.state, job.done, job.new_contacts, job.updated_contacts) == ("done", 2, 1, 1)
    assert sorted(Contact.objects.values_list("mission__name", "name", "email", "function")) == [
        ("Belgium", "Marc Pecsteen", "pr@be.example", "Permanent Representative"),
        ("Côte d'Ivoire", "Aya Koné", "aya@ci.example", "Deputy"),
    ]


def test_a_csv_with_bad_rows_is_refused_whole_with_line_numbers():
    data = (
        b"mission,name,email,function\n"
        b"Belgium,Marc Pecsteen,pr@be.example,PR\n"
        b"Atlantis,Someone,someone@atlantis.example,\n"
        b"Qatar,Alya,not-an-address,\n"
        b"Fiji,,fj@fiji.example,\n"
        b"Belgium,Marc again,pr@be.example,\n"
    )
    with pytest.raises(CsvRejected) as rejected:
        import_contacts(data)
    assert rejected.value.errors == [
        "Line 3: no mission called “Atlantis”.",
        "Line 4, column email: “not-an-address” is not an e-mail address: it needs a name, "
        "an @ and a domain.",
        "Line 5: the name is empty.",
        "Line 6: pr@be.example appears twice for Belgium.",
    ]
    assert not Contact.objects.exists()  # not even the good first row
    assert not ContactImport.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"name,email\nA,a@b.example\n", r"Line 1: the header lacks the column\(s\) mission\."),
        ("mission,name,email\nBelgium,Zoë,z@b.example\n".encode("utf-16"), "not UTF-8"),
    ],
)
def test_a_csv_that_is_not_a_contact_list_says_why(data, error):
    with pytest.raises(CsvRejected, match=error):
        import_contacts(data)


def test_staff_import_through_the_page_and_see_the_errors(
    staff_client, django_capture_on_commit_callbacks
):
    bad = SimpleUploadedFile("c.csv", b"mission,name,email\nNowhere,X,x@y.example\n")
    response = staff_client.post(reverse("missions:contacts-import"), {"file": bad})
    assert response.status_code == 400
    assert "Line 2: no mission called “Nowhere”." in response.content.decode()
    good = SimpleUploadedFile("c.csv", b"mission,name,email\nFiji,Ana,ana@fj.example\n")
    with django_capture_on_commit_callbacks(execute=True):  # the job, eager in the suite
        response = staff_client.post(reverse("missions:contacts-import"), {"file": good})
    job = ContactImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("missions:contacts-import-job", args=[job.pk])
    assert Contact.objects.get().mission.name == "Fiji"
    page = staff_client.get(response["Location"]).content.decode()
    assert "1 new contacts, 0 updated." in page


# --- A mission's own staff --------------------------------------------------------------


def test_mission_staff_add_contacts_and_choose_what_they_receive(client, mission_user, belgium):
    client.force_login(mission_user)
    url = reverse("missions:mission-contacts", args=[belgium.pk])
    response = client.post(url, {"name": "Focal point", "email": "FP@belgium.example"})
    assert response.status_code == 302
    assert Contact.objects.get(mission=belgium).email == "fp@belgium.example"
    response = client.post(
        reverse("missions:mission-preferences", args=[belgium.pk]),
        {"kinds": ["plenary", "briefing"]},
    )
    assert response.status_code == 302
    belgium.refresh_from_db()
    assert (belgium.receives_everything, belgium.kinds) == (False, ["briefing", "plenary"])


def test_a_bad_contact_is_refused_field_by_field(client, mission_user, belgium):
    client.force_login(mission_user)
    url = reverse("missions:mission-contacts", args=[belgium.pk])
    response = client.post(url, {"name": "", "email": "nope"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "email"}
    client.post(url, {"name": "A", "email": "a@belgium.example"})
    response = client.post(url, {"name": "B", "email": "a@belgium.example"})
    assert response.status_code == 400  # the same address twice for one mission
    assert Contact.objects.count() == 1


def test_a_mission_sees_and_changes_only_its_own_contacts(client, mission_user):
    qatar = Mission.objects.get(name="Qatar")
    theirs = Contact.objects.create(mission=qatar, name="PR", email="pr@qatar.example")
    client.force_login(mission_user)
    assert client.get(reverse("missions:mission-contacts", args=[qatar.pk])).status_code == 404
    response = client.post(
        reverse("missions:contact-edit", args=[qatar.pk, theirs.pk]), {"action": "delete"}
    )
    assert response.status_code == 404
    assert Contact.objects.filter(pk=theirs.pk).exists()


def test_pga_editors_manage_every_mission(client, editor):
    sign_in_with_second_factor(client, editor)
    kenya = Mission.objects.get(name="Kenya")
    response = client.post(
        reverse("missions:mission-contacts", args=[kenya.pk]),
        {"name": "Deputy", "email": "deputy@kenya.example", "function": "Deputy"},
    )
    assert response.status_code == 302
    person = Contact.objects.get(mission=kenya)
    client.post(reverse("missions:contact-edit", args=[kenya.pk, person.pk]), {"action": "delete"})
    assert not Contact.objects.exists()


@pytest.mark.parametrize("n", [1, 20])
def test_contacts_page_queries_do_not_grow(
    client, mission_user, belgium, django_assert_num_queries, n
):
    for k in range(n):
        Contact.objects.create(mission=belgium, name=f"C{k}", email=f"c{k}@belgium.example")
    client.force_login(mission_user)
    with django_assert_num_queries(11):
        response = client.get(reverse("missions:mission-contacts", args=[belgium.pk]))
    assert response.content.decode().count("@belgium.example") == n


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            b"mission,name,email\n\n\nBelgium,A,bad\n",
            "Line 4, column email: “bad” is not an e-mail address",
        ),
        (b'mission,name,email\n"Belgium","A\nB",bad\n', "Line 3, column name: control characters"),
        (b"mission,name,email\nBelgium,A\x00B,a@b.example\n", "Line 2, column name: control"),
        (b"mission,name,email\nBelgium," + b"x" * 140_000 + b",a@b.example\n", "Line 2"),
    ],
    ids=["blank lines", "quoted newline", "NUL", "huge field"],
)
def test_csv_line_numbers_are_the_file_lines_and_odd_bytes_are_refused(data, error):
    with pytest.raises(CsvRejected) as rejected:
        import_contacts(data)
    assert rejected.value.errors[0].startswith(error)
    assert not Contact.objects.exists()


def test_an_editor_without_the_second_factor_in_this_session_cannot_change_contacts(client, editor):
    client.force_login(editor)  # password only
    kenya = Mission.objects.get(name="Kenya")
    response = client.post(
        reverse("missions:mission-contacts", args=[kenya.pk]),
        {"name": "Deputy", "email": "deputy@kenya.example"},
    )
    assert response.status_code == 302
    assert "reauthenticate" in response.url
    assert not Contact.objects.exists()


def test_an_editor_without_an_authenticator_reads_contacts_but_cannot_change_them(client):
    """Only writes need the second factor: reading the directory does not."""
    editor = user_with_role(PGA_EDITORS, second_factor=False)
    kenya = Mission.objects.get(name="Kenya")
    Contact.objects.create(mission=kenya, name="Permanent Representative", email="pr@ke.example")
    client.force_login(editor)
    page = client.get(reverse("missions:mission-contacts", args=[kenya.pk]))
    assert page.status_code == 200
    assert "pr@ke.example" in page.content.decode()
    assert "Kenya" in client.get(reverse("missions:missions")).content.decode()
    response = client.post(
        reverse("missions:mission-contacts", args=[kenya.pk]),
        {"name": "Deputy", "email": "deputy@ke.example"},
    )
    assert response["Location"].startswith(reverse("mfa_activate_totp") + "?next=")
    assert list(Contact.objects.values_list("email", flat=True)) == ["pr@ke.example"]


def test_receiving_preferences_are_one_choice_of_two_radios_that_round_trip(
    client, mission_user, belgium
):
    client.force_login(mission_user)
    url = reverse("missions:mission-contacts", args=[belgium.pk])
    html = client.get(url).content.decode()
    assert 'type="radio" name="receives_everything" value="True"' in html
    assert 'type="radio" name="receives_everything" value="False"' in html
    assert html.count('name="receives_everything"') == 2
    assert "Plenary and high-level meetings plus:" in html
    save = reverse("missions:mission-preferences", args=[belgium.pk])
    client.post(save, {"receives_everything": "True", "kinds": ["plenary"]})
    belgium.refresh_from_db()
    assert belgium.receives_everything is True
    html = client.get(url).content.decode()
    assert re.search(r'value="True"[^>]*checked', html)
    assert not re.search(r'value="False"[^>]*checked', html)
    client.post(save, {"receives_everything": "False", "kinds": ["plenary", "high-level"]})
    belgium.refresh_from_db()
    assert (belgium.receives_everything, belgium.kinds) == (False, ["high-level", "plenary"])
    html = client.get(url).content.decode()
    assert re.search(r'value="False"[^>]*checked', html)


def test_receiving_preferences_refuse_an_answer_that_is_neither(client, mission_user, belgium):
    client.force_login(mission_user)
    response = client.post(
        reverse("missions:mission-preferences", args=[belgium.pk]), {"receives_everything": "on"}
    )
    assert response.status_code == 400
    belgium.refresh_from_db()
    assert belgium.receives_everything is False


def test_a_refused_contact_edit_lists_its_problems_at_the_top(client, mission_user, belgium):
    contact = Contact.objects.create(mission=belgium, name="PR", email="pr@belgium.example")
    client.force_login(mission_user)
    response = client.post(
        reverse("missions:contact-edit", args=[belgium.pk, contact.pk]), {"name": "", "email": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert page.index('<a href="#id_name">') < page.index('<a href="#id_email">')
