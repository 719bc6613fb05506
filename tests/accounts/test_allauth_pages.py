"""allauth's pages in the site's design and sentence case (templates/account/)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def heading(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


def assert_site_page(html: str, expected: str) -> None:
    """The site's base template (its header and footer), and a sentence-case heading."""
    assert '<header class="site">' in html
    assert "All times are New York time." in html
    assert heading(html) == expected
    assert f"<title>{expected} — General Assembly</title>" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("account_login", "Sign in"),
        ("account_signup", "Accounts are by invitation"),
        ("account_reset_password", "Reset your password"),
        ("account_reset_password_done", "Check your e-mail"),
        ("account_email_verification_sent", "Confirm your e-mail address"),
        ("account_inactive", "This account is closed"),
    ],
)
def test_signed_out_pages_are_the_sites(client, url, expected):
    assert_site_page(client.get(reverse(url)).content.decode(), expected)


def test_a_spent_reset_link_says_so(client):
    url = reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad"})
    html = client.get(url, follow=True).content.decode()
    assert_site_page(html, "This link no longer works")


def test_a_spent_confirmation_link_says_so(client):
    html = client.get(reverse("account_confirm_email", args=["nope"])).content.decode()
    assert_site_page(html, "Confirm your e-mail address")
    assert "This link has expired or does not work." in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("account_logout", "Sign out"),
        ("account_change_password", "Change password"),
        ("account_email", "Your account"),
        ("accounts:name", "Your name"),
    ],
)
def test_signed_in_pages_are_the_sites(client, url, expected):
    user = UserFactory(email="amina@un.example", first_name="Amina Diallo")
    user.set_password("a long passphrase for gasched")
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    html = client.get(reverse(url)).content.decode()
    assert_site_page(html, expected)


def test_the_account_page_lists_the_address_in_the_sites_words(client):
    user = UserFactory(email="amina@un.example", first_name="Amina Diallo")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    html = client.get(reverse("account_email")).content.decode()
    assert "Signed in as Amina Diallo." in html
    assert re.search(r"amina@un.example\s*<strong>confirmed</strong>\s*<strong>main address", html)


def test_pages_are_translated(client):
    client.cookies["django_language"] = "fr"
    with translation.override("en"):  # the middleware's French must not outlive the test
        html = client.get(reverse("account_reset_password")).content.decode()
    assert heading(html) == "Réinitialiser votre mot de passe"


def test_the_forms_are_labelled_in_sentence_case_without_placeholders(client):
    user = UserFactory(email="amina@un.example", first_name="Amina Diallo")
    user.set_password("a long passphrase for gasched")
    user.save()
    login = client.get(reverse("account_login")).content.decode()
    assert "Keep me signed in on this computer" in login
    assert "Remember Me" not in login
    assert "placeholder=" not in login
    client.force_login(user)
    change = client.get(reverse("account_change_password")).content.decode()
    labels = [label.strip() for label in re.findall(r"<label for=\"id_\w+\">([^<]*)", change)]
    assert labels == ["Current password", "New password", "New password (again)"]
    assert "placeholder=" not in change


def test_a_password_is_reset_through_the_sites_pages(client):
    user = UserFactory(email="amina@un.example", first_name="Amina Diallo")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": "amina@un.example"})
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body)
    page = client.get(link.group(1), follow=True)
    html = page.content.decode()
    assert_site_page(html, "Choose a new password")
    new = "another long passphrase for gasched"
    done = client.post(
        page.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True
    )
    assert_site_page(done.content.decode(), "Password changed")
    user.refresh_from_db()
    assert user.check_password(new)
