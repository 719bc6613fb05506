"""Tomorrow's programme by e-mail in a real browser: a delegate subscribes from My
schedule and chooses what and in which language, a mission's contact opts in from the
link of their invitations, and the e-mail's unsubscribe page asks before it stops; no
serious accessibility problem on any of these pages."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from correspondence.models import ProgrammeSubscription
from missions.models import Contact
from tests.browser.conftest import axe_violations, person, sign_in

pytestmark = pytest.mark.browser


def test_a_delegate_subscribes_from_my_schedule_then_unsubscribes_from_the_emails_link(page):
    user, _secret = person("delegate@belgium.example.org")
    sign_in(page, "delegate@belgium.example.org")
    page.goto("/my/")
    page.get_by_role("link", name="Tomorrow's programme by e-mail").click()
    assert axe_violations(page) == []
    page.get_by_label("Only what I follow").check()
    page.get_by_label("Language of the e-mail").select_option("fr")
    page.get_by_role("button", name="Send me the programme every evening").click()
    expect(page.get_by_text("Subscribed: the programme goes to")).to_be_visible()
    assert axe_violations(page) == []
    subscription = ProgrammeSubscription.objects.get(user=user)
    assert (subscription.scope, subscription.language) == ("followed", "fr")

    page.goto(f"/programme/by-email/unsubscribe/{subscription.token}/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert axe_violations(page) == []
    subscription.refresh_from_db()
    assert not subscription.active


def test_a_missions_contact_opts_in_from_their_invitations_page(page, belgium):
    contact = Contact.objects.create(
        mission=belgium,
        name="Anne Dupont",
        email="a.dupont@belgium.example.org",
        confirmed=timezone.now(),
    )
    page.goto(f"/unsubscribe/{contact.token}/")
    page.get_by_role("link", name="Tomorrow's programme by e-mail: subscribe or change").click()
    assert axe_violations(page) == []
    page.get_by_label("Only what my mission is invited to").check()
    page.get_by_role("button", name="Send me the programme every evening").click()
    expect(page.get_by_role("link", name="Unsubscribe")).to_be_visible()
    assert axe_violations(page) == []
    assert ProgrammeSubscription.objects.get(contact=contact).scope == "followed"
