"""A mission's focal point invites a colleague; the colleague accepts, in a real browser."""

import re

from django.core import mail
from playwright.sync_api import expect

from accounts.models import Membership
from tests.browser.conftest import PASSWORD, axe_violations, person, screenshot, sign_in


def test_flow_a_colleague_accepts_an_account_invitation_and_is_greeted_by_name(page, belgium):
    focal, _ = person("focal@belgium.example.org", mission=belgium, focal_point=True)
    focal.first_name = "Lucie Dubois"
    focal.save()
    sign_in(page, "focal@belgium.example.org")
    expect(page.get_by_text("Hello, Lucie Dubois")).to_be_visible()

    page.get_by_role("link", name="Invite a colleague").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invite a colleague to gasched")
    page.get_by_label("Email").fill("deputy@belgium.example.org")
    page.get_by_role("button", name="Send the account invitation").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Account invitation sent to deputy@belgium.example.org."
    )
    page.get_by_role("button", name="Sign out").click()

    (message,) = mail.outbox
    assert "Lucie Dubois (focal point for Belgium) invites you" in message.body
    link = re.search(r"https?://\S+(/team/invitations/\S+/)", message.body).group(1)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Open your gasched account")
    invitation = page.locator("section.invitation")
    expect(invitation).to_contain_text("Lucie Dubois (focal point for Belgium) invites you")
    expect(invitation).to_contain_text("The account is for Belgium: Mission staff.")
    expect(invitation).to_contain_text("manage your mission's contacts")
    assert axe_violations(page) == []
    screenshot(page, "account-invitation")

    page.get_by_label("Your name").fill("Jan Peeters")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_role("button", name="Open my account").click()

    expect(page.get_by_text("Hello, Jan Peeters")).to_be_visible()
    assert Membership.objects.get(user__email="deputy@belgium.example.org").mission == belgium

    # What the new colleague may now do: the mission's calendar invitations, one choice.
    page.get_by_role("link", name="My mission").click()
    page.get_by_role(
        "link", name="Calendar invitations to this mission: its contacts and receiving preferences"
    ).click()
    page.get_by_label("Everything").check()
    page.get_by_role("button", name="Save receiving preferences").click()
    expect(page.get_by_label("Everything")).to_be_checked()
    assert axe_violations(page) == []
    screenshot(page, "receiving-preferences")
