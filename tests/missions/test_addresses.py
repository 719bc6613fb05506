"""Every e-mail address is checked where it enters, by one rule (missions/addresses.py):
the contact forms, the CSV import, the admin, a model's full_clean, an invitation."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.adapter import InvitationOnlyAdapter
from accounts.forms import InvitationForm
from accounts.models import Role
from missions.addresses import clean_address
from missions.contacts import CsvRejected, import_contacts
from missions.models import Contact, Mission
from tests.conftest import sign_in_with_second_factor

pytestmark = pytest.mark.django_db

# (what was typed, what the refusal says)
POISONED = [
    pytest.param(
        "poison@example.org\u202e",
        "The address “poison@example.org<U+202E>” holds invisible control or direction "
        "characters (U+202E): type it again without them.",
        id="right-to-left override",
    ),
    pytest.param(
        '"a\x0bb"@example.org',
        'The address “"a<U+000B>b"@example.org” holds invisible control or direction '
        "characters (U+000B): type it again without them.",
        id="vertical tab in a quoted local part",
    ),
    pytest.param(
        "x@[127.0.0.1]",
        "“[127.0.0.1]” is an IP address: use the mission's domain name instead.",
        id="IP literal",
    ),
    pytest.param(
        "x@localhost",
        "“localhost” is not a domain mail can be sent to from the internet.",
        id="localhost",
    ),
]
MORE_REFUSED = [
    ("x@127.0.0.1", "is an IP address"),
    ("x@mail.localhost", "not a domain mail can be sent to"),
    ("x@intranet", "not a full domain name"),
    ("x@example.org.", "not a domain mail can be sent to"),
    ("x@ex_ample.org", "not a valid internet domain name"),
    ("x@xn--zz.example", "not a valid internet domain name"),
    ("\u200ex@example.org", "(U+200E)"),
    ("x\u2066@example.org", "(U+2066)"),
    ("x\u00ad@example.org", "(U+00AD)"),  # a soft hyphen: Cf, invisible
    ('"a b"@example.org', "The part before the @"),
    ("a..b@example.org", "The part before the @"),
    ("zoë@example.org", "The part before the @"),
    ("x" * 65 + "@example.org", "The part before the @"),
    ("no-at-sign.example.org", "is not an e-mail address"),
]
# (what was typed, what is stored): a Unicode domain is kept in its IDNA form.
ACCEPTED = [
    ("info@bücher.example", "info@xn--bcher-kva.example"),
    ("info@xn--bcher-kva.example", "info@xn--bcher-kva.example"),
    ("pr@straße.de", "pr@xn--strae-oqa.de"),  # IDNA 2008: not strasse.de
    ("mission@例え.テスト", "mission@xn--r8jz45g.xn--zckzah"),
    ("first.last+un@mission.example.org", "first.last+un@mission.example.org"),
]


@pytest.mark.parametrize(("typed", "reason"), POISONED)
def test_a_poisoned_address_is_refused_saying_why(typed, reason):
    with pytest.raises(ValidationError) as refused:
        clean_address(typed)
    assert refused.value.messages == [reason]


@pytest.mark.parametrize(("typed", "reason"), MORE_REFUSED)
def test_addresses_mail_cannot_reach_are_refused(typed, reason):
    with pytest.raises(ValidationError) as refused:
        clean_address(typed)
    assert reason in refused.value.messages[0]


@pytest.mark.parametrize(("typed", "stored"), ACCEPTED)
def test_unicode_domains_are_accepted_in_their_idna_form(typed, stored):
    assert clean_address(typed) == stored


# --- Every way in ----------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "reason"), POISONED)
def test_the_model_refuses_a_poisoned_address_on_full_clean(typed, reason):
    contact = Contact(mission=Mission.objects.get(name="Belgium"), name="X", email=typed)
    with pytest.raises(ValidationError) as refused:
        contact.full_clean()
    assert refused.value.message_dict == {"email": [reason]}


@pytest.mark.parametrize(("typed", "reason"), POISONED)
def test_the_contact_form_refuses_a_poisoned_address_on_its_field(
    client, mission_user, belgium, typed, reason
):
    client.force_login(mission_user)
    url = reverse("missions:mission-contacts", args=[belgium.pk])
    response = client.post(url, {"name": "Someone", "email": typed})
    assert response.status_code == 400
    assert response.context["form"].errors == {"email": [reason]}
    assert not Contact.objects.exists()


def test_the_contact_form_keeps_a_unicode_domain_in_idna_form(client, mission_user, belgium):
    client.force_login(mission_user)
    url = reverse("missions:mission-contacts", args=[belgium.pk])
    response = client.post(url, {"name": "Librairie", "email": "Info@Bücher.example"})
    assert response.status_code == 302
    assert list(Contact.objects.values_list("email", flat=True)) == ["info@xn--bcher-kva.example"]
    # The same address in its other spelling is the same contact, refused twice.
    response = client.post(url, {"name": "Again", "email": "info@xn--bcher-kva.example"})
    assert response.status_code == 400
    assert Contact.objects.count() == 1


def test_editing_a_contact_checks_the_address_too(client, mission_user, belgium):
    contact = Contact.objects.create(mission=belgium, name="PR", email="pr@belgium.example")
    client.force_login(mission_user)
    response = client.post(
        reverse("missions:contact-edit", args=[belgium.pk, contact.pk]),
        {"name": "PR", "email": "pr@belgium.example\u202e"},
    )
    assert response.status_code == 400
    assert "U+202E" in response.context["form"].errors["email"][0]
    contact.refresh_from_db()
    assert contact.email == "pr@belgium.example"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        pytest.param(
            "poison@example.org\u202e",
            "Line 3, column email: The address “poison@example.org<U+202E>” holds invisible "
            "control or direction characters (U+202E): type it again without them.",
            id="right-to-left override",
        ),
        pytest.param(
            '"a\x0bb"@example.org',
            # the CSV reader takes the quotes as its own: the address is a<VT>b@example.org
            "Line 3, column email: The address “a<U+000B>b@example.org” holds invisible "
            "control or direction characters (U+000B): type it again without them.",
            id="vertical tab",
        ),
        pytest.param(
            "x@[127.0.0.1]",
            "Line 3, column email: “[127.0.0.1]” is an IP address: use the mission's domain "
            "name instead.",
            id="IP literal",
        ),
        pytest.param(
            "x@localhost",
            "Line 3, column email: “localhost” is not a domain mail can be sent to from the "
            "internet.",
            id="localhost",
        ),
    ],
)
def test_the_csv_import_refuses_a_poisoned_address_by_line_and_column(typed, reason):
    data = f"mission,name,email\nQatar,Alya,alya@qatar.example\nFiji,Ana,{typed}\n".encode()
    with pytest.raises(CsvRejected) as rejected:
        import_contacts(data)
    assert rejected.value.errors == [reason]
    assert not Contact.objects.exists()


def test_the_csv_import_keeps_a_unicode_domain_in_idna_form(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the job runs after commit
        import_contacts("mission,name,email\nGermany,Buch,info@bücher.example\n".encode())
    assert list(Contact.objects.values_list("email", flat=True)) == ["info@xn--bcher-kva.example"]


@pytest.fixture
def admin_client(client):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    Authenticator.objects.create(user=root, type=Authenticator.Type.TOTP, data={})
    return sign_in_with_second_factor(client, root)


@pytest.mark.parametrize(("typed", "reason"), POISONED)
def test_the_admin_refuses_a_poisoned_address_on_its_field(admin_client, typed, reason):
    response = admin_client.post(
        reverse("admin:missions_contact_add"),
        {
            "mission": Mission.objects.get(name="Fiji").pk,
            "name": "Someone",
            "email": typed,
            "function": "",
            "_save": "Save",
        },
    )
    assert response.status_code == 200  # the form again, with its errors
    assert response.context_data["adminform"].form.errors == {"email": [reason]}
    assert not Contact.objects.exists()


def test_a_contact_added_in_the_admin_is_stored_in_idna_form_and_asked_to_confirm(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:missions_contact_add"),
            {
                "mission": Mission.objects.get(name="Germany").pk,
                "name": "Buch",
                "email": "info@bücher.example",
                "function": "",
                "_save": "Save",
            },
        )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.email, contact.confirmed) == ("info@xn--bcher-kva.example", None)
    assert [m.to for m in mail.outbox] == [["info@xn--bcher-kva.example"]]


@pytest.mark.parametrize(("typed", "reason"), POISONED)
def test_an_invitation_to_open_an_account_refuses_a_poisoned_address(typed, reason):
    administrator = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    form = InvitationForm(
        {"email": typed, "role": Role.PGA_VIEWER, "mission": ""}, sender=administrator
    )
    assert form.errors == {"email": [reason]}


def test_signing_up_refuses_a_poisoned_address():
    with pytest.raises(ValidationError) as refused:
        InvitationOnlyAdapter().clean_email("me@example.org\u202e")
    assert "U+202E" in refused.value.messages[0]


@pytest.mark.parametrize(("typed", "reason"), POISONED)
def test_the_admin_user_and_email_address_forms_refuse_a_poisoned_address(
    admin_client, typed, reason
):
    """Django's own user form and allauth's address admin: allauth mails what is typed."""
    from allauth.account.models import EmailAddress

    root = get_user_model().objects.get(username="root")
    user = get_user_model().objects.create_user("delegate", "delegate@fiji.example", "x" * 12)
    response = admin_client.post(
        reverse("admin:auth_user_change", args=[user.pk]),
        {
            "username": "delegate",
            "email": typed,
            "is_active": "on",
            "date_joined_0": "2026-12-01",
            "date_joined_1": "10:00:00",
            "_save": "Save",
        },
    )
    assert response.status_code == 200
    assert response.context_data["adminform"].form.errors["email"] == [reason]
    response = admin_client.post(
        reverse("admin:account_emailaddress_add"),
        {"user": root.pk, "email": typed, "_save": "Save"},
    )
    assert response.status_code == 200
    assert response.context_data["adminform"].form.errors["email"] == [reason]
    assert not EmailAddress.objects.filter(email=typed).exists()
    user.refresh_from_db()
    assert user.email == "delegate@fiji.example"
