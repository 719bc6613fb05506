"""Cancel, in a real browser: the button on the meeting's page opens a confirmation page
(who will be told, a reason); nothing is sent before it is confirmed, and the reason
reaches the cancellation e-mail (Django's locmem outbox, written by the real outbox and
delivery code, with eager Celery in the live server)."""

from datetime import UTC, datetime

from django.core import mail
from playwright.sync_api import expect

from accounts.roles import PGA_EDITORS
from meetings import schedule
from meetings.enums import MeetingStatus
from meetings.models import Meeting
from missions.models import Contact
from tests.browser.conftest import axe_violations, person, screenshot, sign_in

REASON = "owing to the liquidation of the conference room"


def test_cancel_asks_for_confirmation_and_a_reason_that_reaches_the_e_mail(
    page, programme, belgium
):
    Contact.objects.create(
        mission=belgium,
        name="Permanent Representative",
        email="pr@belgium.example",
        confirmed=datetime(2026, 1, 5, tzinfo=UTC),
    )
    plenary = schedule.save_meeting(programme["plenary"])  # published: Belgium is invited
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Invitation"]
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)

    page.goto(plenary.get_absolute_url())
    page.get_by_role("link", name="Cancel meeting").click()

    # The confirmation page: the meeting, who is told; nothing sent, nothing changed.
    expect(page.get_by_role("heading", level=1)).to_have_text("Cancel this meeting?")
    expect(page.locator(".call-off-meeting")).to_contain_text(
        "High-level plenary meeting on antimicrobial resistance"
    )
    told = page.locator(".audience")
    expect(told).to_contain_text("Contacts")
    expect(told.locator("dd").first).to_have_text("1")
    assert axe_violations(page) == []
    screenshot(page, "cancel-confirmation")
    assert Meeting.objects.get(pk=plenary.pk).status == MeetingStatus.SCHEDULED
    assert len(mail.outbox) == 1

    # No reason: refused on the field, still nothing sent.
    page.get_by_role("button", name="Cancel the meeting and tell them").click()
    expect(page.locator(".has-error")).to_contain_text("Give the reason")
    assert Meeting.objects.get(pk=plenary.pk).status == MeetingStatus.SCHEDULED
    assert len(mail.outbox) == 1

    page.get_by_label("Reason").fill(REASON)
    page.get_by_role("button", name="Cancel the meeting and tell them").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Cancelled")
    expect(page.locator("main .status-reason")).to_have_text(REASON)
    expect(page.get_by_role("link", name="Cancel meeting")).to_have_count(0)
    cancelled = Meeting.objects.get(pk=plenary.pk)
    assert (cancelled.status, cancelled.status_reason) == (MeetingStatus.CANCELLED, REASON)
    assert len(mail.outbox) == 2
    sent = mail.outbox[1]
    assert sent.to == ["pr@belgium.example"]
    assert sent.subject.startswith(
        "Cancelled: High-level plenary meeting on antimicrobial resistance"
    )
    assert f"Reason: {REASON}\n" in sent.body
    assert f"<strong>Reason:</strong> {REASON}</p>" in sent.alternatives[0][0]
