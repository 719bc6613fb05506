"""Account invitations in people's words: who invites, for what, what the account allows;
people greeted by their name; the two kinds of invitation named apart."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import Membership
from accounts.roles import ADMINISTRATORS
from tests.conftest import sign_in_with_second_factor
from tests.factories import UserFactory, user_with_role

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase for gasched"


@pytest.fixture
def administrator(db):
    user = user_with_role(ADMINISTRATORS, second_factor=True)
    user.first_name = "Olena <b>Kovalenko</b>"
    user.save()
    return user


@pytest.fixture
def focal_point(belgium):
    user = UserFactory(email="fp@belgium.example", first_name="Lucie Dubois")
    Membership.objects.create(user=user, mission=belgium, is_focal_point=True)
    return user


def send_any(client, sender, **data):
    sign_in_with_second_factor(client, sender)
    response = client.post(reverse("accounts:invite"), data)
    assert response.status_code == 302, response.content.decode()
    client.logout()
    (message,) = mail.outbox
    return message, message.body


def send(client, sender, **data):
    message, body = send_any(client, sender, **data)
    return message, re.search(r"http://testserver(/team/invitations/\S+/)", body).group(1)


def test_invitation_email_names_the_focal_point_the_mission_and_what_staff_may_do(
    client, focal_point, belgium
):
    message, _ = send(
        client,
        focal_point,
        email="deputy@belgium.example",
        role="mission-staff",
        mission=belgium.pk,
    )
    assert message.subject == "[gasched] Lucie Dubois invites you to open an account"
    body = " ".join(message.body.split())
    assert "Lucie Dubois (focal point for Belgium) invites you to open an account" in body
    assert "The account is for Belgium: Mission staff." in body
    assert (
        "- manage your mission's contacts (the people who receive calendar invitations) "
        "and its receiving preferences: which meetings the mission is invited to"
    ) in body
    assert "authenticator" not in body


def test_invitation_email_to_an_editor_names_the_office_and_the_editing(client, administrator):
    message, _ = send(client, administrator, email="editor@un.example", role="pga-editor")
    body = " ".join(message.body.split())
    # Plain text: the name goes as typed, neither escaped nor interpreted.
    assert "Olena <b>Kovalenko</b> (site administrator) invites you" in body
    assert "&lt;" not in body
    assert "The account is for the Office of the President of the General Assembly" in body
    assert "- enter and change meetings, processes and rooms" in body
    assert "you will set up an authenticator app" in body


def test_landing_page_says_who_invites_for_what_escaped_and_asks_a_name(client, administrator):
    _, link = send(client, administrator, email="viewer@un.example", role="pga-viewer")
    page = client.get(link, follow=True)
    html = page.content.decode()
    assert page.redirect_chain == [(reverse("account_signup"), 302)]
    assert "<h1>Open your gasched account</h1>" in html
    assert "Olena &lt;b&gt;Kovalenko&lt;/b&gt; (site administrator) invites you" in html
    assert "<b>Kovalenko</b>" not in html
    assert "PGA office viewer" in html
    assert "<li>see every mission, its contacts and what it receives</li>" in html
    assert 'name="name"' in html
    assert "<title>Open your gasched account — General Assembly</title>" in html


def test_sign_up_keeps_the_name_and_the_header_greets_by_it(client, administrator):
    _, link = send(client, administrator, email="viewer@un.example", role="pga-viewer")
    client.get(link)
    client.post(
        reverse("account_signup"),
        {
            "name": "  Amina   Diallo ",
            "email": "viewer@un.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    user = get_user_model().objects.get(email="viewer@un.example")
    assert user.get_full_name() == "Amina Diallo"
    html = client.get(reverse("meetings:programme")).content.decode()
    assert "Hello, <bdi>Amina Diallo</bdi>" in html
    assert "Hello, <bdi>viewer" not in html


def test_sign_up_without_a_name_is_refused(client, administrator):
    _, link = send(client, administrator, email="viewer@un.example", role="pga-viewer")
    client.get(link)
    response = client.post(
        reverse("account_signup"),
        {"name": "", "email": "viewer@un.example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name"}
    assert not get_user_model().objects.filter(email="viewer@un.example").exists()


def test_an_account_without_a_name_is_greeted_by_its_whole_address_and_asked_for_one(client):
    user = UserFactory(email="k.tanaka@mission.example", username="k.tanaka")
    client.force_login(user)
    html = client.get(reverse("meetings:programme")).content.decode()
    assert "Hello, <bdi>k.tanaka@mission.example</bdi>" in html
    assert reverse("accounts:name") in html
    response = client.post(reverse("accounts:name"), {"name": "Kenji Tanaka"})
    assert response.status_code == 302
    html = client.get(reverse("meetings:programme")).content.decode()
    assert "Hello, <bdi>Kenji Tanaka</bdi>" in html
    assert reverse("accounts:name") not in html


def test_a_name_on_two_lines_is_refused(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:name"), {"name": "Kenji\nTanaka"})
    assert response.status_code == 400


def test_password_reset_email_greets_by_name(client):
    user = UserFactory(email="amina@un.example", first_name="Amina Diallo")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": "amina@un.example"})
    (message,) = mail.outbox
    assert message.body.startswith("Hello Amina Diallo,")


def test_password_reset_email_without_a_name_uses_the_address(client):
    user = UserFactory(email="amina@un.example", username="amina")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": "amina@un.example"})
    (message,) = mail.outbox
    assert message.body.startswith("Hello amina@un.example,")


def test_mission_page_separates_account_and_calendar_invitations(client, focal_point, belgium):
    client.force_login(focal_point)
    html = client.get(reverse("accounts:mission", args=[belgium.pk])).content.decode()
    assert ">Invite a colleague to gasched</a>" in html
    assert (
        ">Calendar invitations to this mission: its contacts and receiving preferences</a>" in html
    )
    contacts = client.get(reverse("missions:mission-contacts", args=[belgium.pk])).content.decode()
    assert "<h1>Calendar invitations to this mission: Belgium</h1>" in contacts
    invite = client.get(reverse("accounts:invite")).content.decode()
    assert "<h1>Invite a colleague to gasched</h1>" in invite
    assert ">Send the account invitation</button>" in invite


@pytest.mark.parametrize("staff", [1, 3])
def test_mission_page_lists_staff_by_name_in_constant_queries(
    client, focal_point, belgium, staff, django_assert_num_queries
):
    for n in range(staff):
        Membership.objects.create(user=UserFactory(first_name=f"Colleague {n}"), mission=belgium)
    client.force_login(focal_point)
    with django_assert_num_queries(7):
        html = client.get(reverse("accounts:mission", args=[belgium.pk])).content.decode()
    assert "<bdi>Lucie Dubois (fp@belgium.example)</bdi> — focal point" in html
    assert "Colleague 0 (" in html


def test_landing_page_runs_a_constant_number_of_queries(
    client, focal_point, belgium, django_assert_num_queries
):
    _, link = send(
        client,
        focal_point,
        email="deputy@belgium.example",
        role="mission-staff",
        mission=belgium.pk,
    )
    client.get(link)
    with django_assert_num_queries(5):
        response = client.get(reverse("account_signup"))
    assert "Lucie Dubois (focal point for Belgium) invites you" in response.content.decode()


def test_password_reset_email_has_a_sentence_case_subject(client):
    user = UserFactory(email="amina@un.example", first_name="Amina Diallo")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": "amina@un.example"})
    (message,) = mail.outbox
    assert message.subject == "[gasched] Reset your password"
    assert "asked to reset your gasched password" in message.body
    assert "/accounts/password/reset/key/" in message.body


def test_a_reset_for_an_unknown_address_is_answered_in_the_sites_words(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@un.example"})
    (message,) = mail.outbox
    assert message.subject == "[gasched] No gasched account for this address"
    assert message.body.startswith("Hello,")
    assert "Accounts are by invitation" in message.body
    assert "/accounts/signup/" not in message.body  # no sign-up without an invitation


def test_an_invitation_to_an_existing_account_greets_its_holder_by_name(
    client, focal_point, belgium
):
    # A focal point is not told the address has an account; its holder is, by name.
    UserFactory(email="amina@un.example", first_name="Amina Diallo")
    message, _ = send_any(
        client, focal_point, email="amina@un.example", role="mission-staff", mission=belgium.pk
    )
    assert message.body.startswith("Hello Amina Diallo,")
    assert "/team/invitations/" not in message.body


def test_a_name_typed_on_two_lines_in_the_admin_still_makes_a_one_line_subject(client, belgium):
    focal = UserFactory(email="fp@belgium.example", first_name="Lucie\r\nBcc: x@evil.example")
    Membership.objects.create(user=focal, mission=belgium, is_focal_point=True)
    message, _ = send(
        client, focal, email="deputy@belgium.example", role="mission-staff", mission=belgium.pk
    )
    assert message.subject == "[gasched] Lucie Bcc: x@evil.example invites you to open an account"
    assert message.bcc == []
