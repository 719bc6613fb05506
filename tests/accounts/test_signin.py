"""Signing in: invitation-only sign-up, verification, MFA for writers, rate limits."""

import re
import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
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
        {"name": "Amina Diallo", "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_nobody_signs_up_without_an_invitation(client):
    response = client.get(reverse("account_signup"))
    assert "Accounts are by invitation" in response.content.decode()
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


def invited_sign_up(client, administrator, password: str):
    link = invite(client, administrator, email="new@un.example", role="pga-viewer")
    client.get(link)
    response = client.post(
        reverse("account_signup"),
        {"name": "N. Ew", "email": "new@un.example", "password1": password, "password2": password},
    )
    return response, get_user_model().objects.filter(email="new@un.example").first()


def test_a_password_needs_twelve_characters(client, administrator):
    response, user = invited_sign_up(client, administrator, "Kq7!zr2#Lm9")  # 11
    assert user is None
    assert "This password is too short. It must contain at least 12 characters." in (
        response.content.decode()
    )


def test_a_common_password_is_refused_however_long(client, administrator):
    response, user = invited_sign_up(client, administrator, "liverpool123")
    assert user is None
    assert "This password is too common." in response.content.decode()


def test_the_demo_passwords_keep_the_rules():
    from django.contrib.auth.password_validation import validate_password

    from accounts.demo import DEMO_ACCOUNTS

    for demo in DEMO_ACCOUNTS:
        user = get_user_model()(username=demo["email"], email=demo["email"])
        assert validate_password(demo["password"], user) is None


def test_setting_up_an_authenticator_asks_for_the_password_again(client):
    """Even just after signing in: a session left open must not enrol another phone."""
    editor = user_with_role(PGA_EDITORS, second_factor=False)
    editor.set_password(PASSWORD)
    editor.save()
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(editor.pk)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()


def authenticator_page(client, settings, *, debug: bool) -> str:
    settings.DEBUG = debug
    editor = user_with_role(PGA_EDITORS, second_factor=False)
    editor.set_password(PASSWORD)
    editor.save()
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    client.post(client.get(reverse("mfa_activate_totp"))["Location"], {"password": PASSWORD})
    if time.time() % 30 > 25:  # the code shown must still be the current one when typed
        time.sleep(30 - time.time() % 30 + 0.1)
    return client.get(reverse("mfa_activate_totp")).content.decode()


def test_the_demo_shows_the_authenticator_code_while_debug_is_on(client, settings):
    """`make run`'s editor sets up the second factor without a phone: the page shows the
    code an app would show, and that code is accepted."""
    page = authenticator_page(client, settings, debug=True)
    code = re.search(r"would show now is <strong>(\d{6})</strong>", page).group(1)
    secret = re.search(r"<code>oathtool --totp -b (\w+)</code>", page).group(1)
    assert code == current_code(secret)
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).exists()


def test_a_real_server_never_shows_the_authenticator_code(client, settings):
    page = authenticator_page(client, settings, debug=False)
    assert 'name="code"' in page
    assert "oathtool" not in page
    assert "would show now" not in page


def test_a_focal_point_is_not_told_whether_an_address_has_an_account(client, belgium):
    focal = UserFactory()
    Membership.objects.create(user=focal, mission=belgium, is_focal_point=True)
    account("known@belgium.example")
    client.force_login(focal)
    answers = []
    for email in ("known@belgium.example", "unknown@belgium.example"):
        response = client.post(
            reverse("accounts:invite"),
            {"email": email, "role": "mission-staff", "mission": belgium.pk},
            follow=True,
        )
        told = [str(m).replace(email, "ADDRESS") for m in response.context["messages"]]
        listed = re.search(rf"<li>{re.escape(email)}(.*?)</li>", response.content.decode())
        answers.append((response.status_code, response.redirect_chain, told, listed.group(1)))
    assert answers[0] == answers[1]
    assert answers[0][2] == ["Account invitation sent to ADDRESS."]
    # The owner of the address is told instead, and given the way in, not a sign-up link.
    to_known, to_unknown = mail.outbox
    assert "already has an account" in to_known.body
    assert "http://testserver/accounts/login/" in to_known.body
    assert "/team/invitations/" not in to_known.body
    assert "/team/invitations/" in to_unknown.body


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
        assert response["Location"].startswith(reverse("mfa_activate_totp") + "?next=")
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


OFFICE = "198.51.100.10"  # one address for a whole office (a NAT, or its proxy)
ELSEWHERE = "203.0.113.99"
TOO_MANY = "Too many failed login attempts"


def sign_in(client, user, password=PASSWORD, **request):
    """One attempt, on a client with nobody signed in; whether it got in."""
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": password}, **request
    )
    return "_auth_user_id" in client.session, response.content.decode()


def test_wrong_passwords_for_one_account_do_not_lock_colleagues_out(client):
    """Five wrong passwords used to block every sign-in from that address, for 5 minutes."""
    careless, colleague = account("careless@un.example"), account("colleague@un.example")
    for _ in range(5):
        assert sign_in(client, careless, "wrong", REMOTE_ADDR=OFFICE)[0] is False
    assert sign_in(client, colleague, REMOTE_ADDR=OFFICE)[0] is True


def test_the_account_itself_waits_after_five_wrong_passwords_from_anywhere(client):
    target = account("target@un.example")
    for i in range(5):
        sign_in(client, target, "wrong", REMOTE_ADDR=f"192.0.2.{i + 1}")
    signed_in, page = sign_in(client, target, REMOTE_ADDR=ELSEWHERE)
    assert (signed_in, TOO_MANY in page) == (False, True)


def guess_from(client, address: str, n: int = 20, **headers) -> None:
    """`n` wrong passwords from one address, one per account: no account limit is hit."""
    for i in range(n):
        sign_in(client, UserFactory(email=f"guess{i}@un.example"), "wrong", REMOTE_ADDR=address,
                headers=headers)  # fmt: skip


def test_one_address_trying_account_after_account_is_stopped(client):
    colleague = account("colleague@un.example")
    guess_from(client, OFFICE)
    signed_in, page = sign_in(client, colleague, REMOTE_ADDR=OFFICE)
    assert (signed_in, TOO_MANY in page) == (False, True)
    assert sign_in(client, colleague, REMOTE_ADDR=ELSEWHERE)[0] is True


def test_a_forged_forwarded_for_is_ignored_without_a_declared_proxy(client):
    colleague = account("colleague@un.example")
    for i in range(20):
        sign_in(client, UserFactory(email=f"guess{i}@un.example"), "wrong", REMOTE_ADDR=OFFICE,
                headers={"X-Forwarded-For": f"192.0.2.{i + 1}"})  # fmt: skip
    forged = {"X-Forwarded-For": "192.0.2.200"}
    assert sign_in(client, colleague, REMOTE_ADDR=OFFICE, headers=forged)[0] is False


def test_behind_a_declared_proxy_each_client_has_its_own_limit(client, settings):
    """The proxy at OFFICE adds the client's address to X-Forwarded-For."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    colleague = account("colleague@un.example")
    guess_from(client, OFFICE, **{"X-Forwarded-For": "192.0.2.66"})
    elsewhere = {"X-Forwarded-For": "192.0.2.66, 192.0.2.7"}  # the first one forged
    assert sign_in(client, colleague, REMOTE_ADDR=OFFICE, headers=elsewhere)[0] is True
    same = {"X-Forwarded-For": "192.0.2.7, 192.0.2.66"}
    assert sign_in(client, colleague, REMOTE_ADDR=OFFICE, headers=same)[0] is False


def test_or_behind_a_proxy_that_sets_one_header(client, settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    colleague = account("colleague@un.example")
    guess_from(client, OFFICE, **{"X-Real-IP": "192.0.2.66"})
    assert sign_in(client, colleague, REMOTE_ADDR=OFFICE, headers={"X-Real-IP": "192.0.2.7"})[0]
    assert not sign_in(client, colleague, REMOTE_ADDR=OFFICE, headers={"X-Real-IP": "192.0.2.66"})[
        0
    ]


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
    assert response["Location"] == reverse("mfa_reauthenticate") + "?next=%2Fmeetings%2Fnew%2F"
    sign_in_with_second_factor(client, editor)
    assert client.get(reverse("meetings:meeting-create")).status_code == 200


def test_administrator_without_second_factor_cannot_invite(client):
    administrator = user_with_role(ADMINISTRATORS, second_factor=False)
    client.force_login(administrator)
    response = client.post(
        reverse("accounts:invite"), {"email": "x@un.example", "role": "administrator"}
    )
    assert response["Location"].startswith(reverse("mfa_activate_totp") + "?next=")
    assert Invitation.objects.count() == 0


def test_a_permission_given_directly_also_requires_the_second_factor(client):
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_meeting"))
    client.force_login(user)
    assert client.get(reverse("meetings:meeting-create"))["Location"] == (
        reverse("mfa_activate_totp") + "?next=%2Fmeetings%2Fnew%2F"
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


def test_an_invitation_whose_mail_cannot_leave_is_kept_and_sent_again_once(
    client, administrator, belgium, settings
):
    """The SMTP server is down: the page says the invitation is saved and not mailed;
    sending it again later mails the same link, and there is still one invitation."""
    from tests.mailserver import free_port

    closed = free_port()  # nobody listens there
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed, 2
    sign_in_with_second_factor(client, administrator)
    data = {"email": "new@belgium.example", "role": "mission-staff", "mission": belgium.pk}
    response = client.post(reverse("accounts:invite"), data, follow=True)
    assert response.status_code == 200
    assert "is saved, but its e-mail could not be sent now" in response.content.decode()
    (kept,) = Invitation.objects.all()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # back
    client.post(reverse("accounts:invite"), data)
    assert list(Invitation.objects.values_list("pk", flat=True)) == [kept.pk]
    (message,) = mail.outbox
    assert kept.key in message.body


def current_code(secret: str) -> str:
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if time.time() % 30 > 28:  # never a code about to expire
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_after_setting_up_the_authenticator_the_editor_returns_to_the_page_asked_for(client):
    editor = user_with_role(PGA_EDITORS, second_factor=False)
    editor.set_password(PASSWORD)
    editor.save()
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    asked = reverse("meetings:meeting-edit", args=[42]) + "?from=week"

    setup = client.get(asked)["Location"]
    assert setup == reverse("mfa_activate_totp") + "?next=%2Fmeetings%2F42%2Fedit%2F%3Ffrom%3Dweek"
    reauthenticate = client.get(setup)["Location"]  # allauth: the password first
    assert reauthenticate.startswith(reverse("account_reauthenticate"))
    back_to_setup = client.post(reauthenticate, {"password": PASSWORD})["Location"]
    assert back_to_setup == setup
    page = client.get(setup)
    codes = client.post(setup, {"code": current_code(page.context["form"].secret)})
    assert codes["Location"] == reverse("mfa_view_recovery_codes")
    codes_page = client.get(codes["Location"]).content.decode()
    assert f'href="{asked.replace("&", "&amp;")}"' in codes_page
    assert "Continue to the page you asked for" in codes_page
    # The code just typed is this session's second factor: no other prompt on the way.
    response = client.get(reverse("meetings:meeting-create"))
    assert response.status_code == 200


def test_a_next_to_another_site_is_not_kept_through_the_setup(client):
    editor = user_with_role(PGA_EDITORS, second_factor=False)
    editor.set_password(PASSWORD)
    editor.save()
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"), {"next": "https://evil.example/"})
    assert page.status_code == 200
    assert "gasched_after_authenticator" not in client.session


def test_the_authenticator_prompt_has_no_password_field(client):
    editor = user_with_role(PGA_EDITORS, second_factor=True)
    client.force_login(editor)  # a password-only sign-in
    prompt = client.get(client.get(reverse("meetings:meeting-create"))["Location"])
    page = prompt.content.decode()
    assert prompt.status_code == 200
    assert "Confirm with your authenticator app" in page
    assert 'name="code"' in page
    assert 'type="password"' not in page
