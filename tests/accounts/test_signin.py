"""Signing in: invitation-only sign-up, verification, MFA for writers, rate limits."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Membership, Role
from accounts.roles import ADMINISTRATORS, PGA_EDITORS
from missions.models import Mission
from tests.conftest import sign_in_with_second_factor
from tests.factories import UserFactory, user_with_role

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase for gasched"


@pytest.fixture
def administrator(db):
    return user_with_role(ADMINISTRATORS, second_factor=True)


def account(email: str, *, verified: bool = True):
    """A user who signs in with `email` and PASSWORD, as allauth knows them."""
    user = UserFactory(email=email)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def invite(client, sender, **data) -> str:
    """Send an invitation through the page and return the link from the e-mail."""
    sign_in_with_second_factor(client, sender)
    response = client.post(reverse("accounts:invite"), data)
    assert response.status_code == 302, response.content.decode()
    client.logout()
    (message,) = mail.outbox[-1:]
    return re.search(r"http://testserver(/team/invitations/\S+/)", message.body).group(1)


def sign_up(client, email: str):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_nobody_signs_up_without_an_invitation(client):
    response = client.get(reverse("account_signup"))
    assert "Sign Up Closed" in response.content.decode()
    sign_up(client, "intruder@example.org")
    assert not get_user_model().objects.filter(email="intruder@example.org").exists()


def test_invited_mission_staff_join_their_mission_once(client, administrator, belgium):
    link = invite(
        client,
        administrator,
        email="deputy@belgium.example",
        role="mission-staff",
        mission=belgium.pk,
    )
    assert client.get(link)["Location"] == reverse("account_signup")
    response = sign_up(client, "deputy@belgium.example")
    user = get_user_model().objects.get(email="deputy@belgium.example")
    assert response.status_code == 302
    assert Membership.objects.get(user=user).mission == belgium
    assert EmailAddress.objects.get(user=user).verified is True  # the link reached that mailbox
    assert Invitation.objects.get().accepted is not None
    client.logout()
    assert client.get(link).status_code == 404  # works once


def test_invited_editor_gets_the_editor_role(client, administrator):
    link = invite(client, administrator, email="editor@un.example", role="pga-editor")
    client.get(link)
    sign_up(client, "editor@un.example")
    user = get_user_model().objects.get(email="editor@un.example")
    assert list(user.groups.values_list("name", flat=True)) == [PGA_EDITORS]
    assert user.has_perm("meetings.change_meeting") is True


def test_invitation_is_for_its_own_address_only(client, administrator, belgium):
    link = invite(
        client,
        administrator,
        email="deputy@belgium.example",
        role="mission-staff",
        mission=belgium.pk,
    )
    client.get(link)
    response = sign_up(client, "someone.else@example.org")
    assert "Use the address the invitation was sent to." in response.content.decode()
    assert not get_user_model().objects.filter(email="someone.else@example.org").exists()


def test_expired_invitation_is_refused(client, administrator, belgium):
    invitation = Invitation.objects.create(
        email="late@example.org",
        role=Role.MISSION_STAFF,
        mission=belgium,
        invited_by=administrator,
        expires=timezone.now() - timedelta(minutes=1),
    )
    assert client.get(invitation.get_absolute_url()).status_code == 404


def test_focal_point_invites_to_their_own_mission_only(client, belgium):
    focal = UserFactory()
    Membership.objects.create(user=focal, mission=belgium, is_focal_point=True)
    qatar = Mission.objects.get(name="Qatar")
    client.force_login(focal)
    refused = client.post(
        reverse("accounts:invite"),
        {"email": "x@qatar.example", "role": "mission-staff", "mission": qatar.pk},
    )
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
    editor_refused = client.post(
        reverse("accounts:invite"), {"email": "x@un.example", "role": "pga-editor", "mission": ""}
    )
    assert editor_refused.status_code == 400
    assert Invitation.objects.count() == 0
    client.post(
        reverse("accounts:invite"),
        {"email": "colleague@belgium.example", "role": "mission-staff", "mission": belgium.pk},
    )
    assert Invitation.objects.get().mission == belgium


def test_mission_staff_who_are_not_focal_points_cannot_invite(mission_client):
    assert mission_client.get(reverse("accounts:invite")).status_code == 403


def test_unverified_address_cannot_sign_in_until_confirmed(client):
    user = account("new@un.example", verified=False)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    (message,) = mail.outbox
    confirm = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", message.body).group(1)
    client.post(confirm)
    assert EmailAddress.objects.get(user=user).verified is True


def test_editor_without_second_factor_is_sent_to_set_one_up(client):
    editor = user_with_role(PGA_EDITORS, second_factor=False)
    client.force_login(editor)
    for url in (reverse("meetings:meeting-create"), reverse("admin:index")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    # reading stays open
    assert client.get(reverse("meetings:programme")).status_code == 200


def test_editor_with_second_factor_writes(staff_client):
    assert staff_client.get(reverse("meetings:meeting-create")).status_code == 200


def test_repeated_failed_sign_ins_are_stopped(client):
    user = account("target@un.example")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_sends_a_link(client):
    user = UserFactory(email="forgetful@un.example")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": user.email})
    (message,) = mail.outbox
    assert "/accounts/password/reset/key/" in message.body


def test_the_admin_login_page_sends_people_to_the_real_sign_in(client):
    """Its own form would skip allauth's rate limits and the second factor."""
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    user = user_with_role(PGA_EDITORS, second_factor=True)
    user.set_password(PASSWORD)
    user.save()
    client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_having_an_authenticator_is_not_enough_this_session_must_have_used_it(client):
    editor = user_with_role(PGA_EDITORS, second_factor=True)
    client.force_login(editor)  # as after a password-only sign-in
    response = client.get(reverse("meetings:meeting-create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    sign_in_with_second_factor(client, editor)
    assert client.get(reverse("meetings:meeting-create")).status_code == 200


def test_administrator_without_second_factor_cannot_invite(client):
    administrator = user_with_role(ADMINISTRATORS, second_factor=False)
    client.force_login(administrator)
    response = client.post(
        reverse("accounts:invite"), {"email": "x@un.example", "role": "administrator"}
    )
    assert response["Location"] == reverse("mfa_activate_totp")
    assert Invitation.objects.count() == 0


def test_a_permission_given_directly_also_requires_the_second_factor(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_meeting"))
    client.force_login(user)
    assert client.get(reverse("meetings:meeting-create"))["Location"] == reverse(
        "mfa_activate_totp"
    )


def test_no_invitation_to_an_address_that_already_has_an_account(client, administrator):
    account("taken@un.example")
    sign_in_with_second_factor(client, administrator)
    response = client.post(
        reverse("accounts:invite"), {"email": "TAKEN@un.example", "role": "pga-viewer"}
    )
    assert response.status_code == 400
    assert "This address already has an account." in response.content.decode()
    assert Invitation.objects.count() == 0
