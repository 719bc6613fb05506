"""Publishing is a deliberate step, in a real browser: a meeting saved from the staff
form is a draft that sends nothing; Publish shows who gets the invitation and the
e-mail, and sends only once the editor confirms (Django's locmem mail, eager Celery
in the live server's thread)."""

from datetime import UTC, datetime

from django.core import mail
from playwright.sync_api import expect

from accounts.roles import PGA_EDITORS
from correspondence.models import Delivery
from meetings import schedule
from meetings.models import Meeting
from missions.models import Contact, Mission
from tests.browser.conftest import axe_violations, person, screenshot, sign_in

TITLE = "Third informal consultation on the ocean declaration"


def contact(mission_name: str, address: str, **mission_fields) -> Contact:
    mission = Mission.objects.get(name=mission_name)
    for field, value in mission_fields.items():
        setattr(mission, field, value)
    mission.save()
    return Contact.objects.create(
        mission=mission,
        name=f"Contact {mission_name}",
        email=address,
        confirmed=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_a_draft_sends_nothing_and_publish_sends_only_after_the_preview(
    page, programme, live_server
):
    contact("Portugal", "pr@portugal.example", kinds=[], receives_everything=True)
    contact("Kenya", "focal@kenya.example", kinds=[]).focal_point_for.add(programme["oceans"])
    contact("Belgium", "pr@belgium.example", kinds=[])  # asks for nothing of this
    mail.outbox.clear()
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)

    page.get_by_role("link", name="New meeting").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Process").select_option(str(programme["oceans"].pk))
    page.get_by_label("Kind").select_option(label="Informal consultation")
    page.get_by_label("Date").fill(programme["day"].isoformat())
    page.get_by_label("Start time (New York)").fill("10:00")
    page.get_by_label("End time (New York)").fill("13:00")
    page.get_by_label("Room", exact=True).fill("Conference Room 5")
    page.get_by_role("button", name="Save meeting").click()

    # Saved as a draft: labelled so, and nothing written to the outbox or sent.
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.locator(".draft-note")).to_contain_text("Draft")
    meeting = Meeting.objects.get(title=TITLE)
    assert meeting.is_draft
    assert Delivery.objects.count() == 0
    assert mail.outbox == []

    # Anyone not signed in sees nothing of it.
    visitor = page.context.browser.new_context(base_url=live_server.url)
    public = visitor.new_page()
    public.goto("/")
    expect(public.locator("main")).not_to_contain_text(TITLE)
    assert public.goto(meeting.get_absolute_url()).status == 404
    visitor.close()

    # Publish: the preview says who gets what and shows the e-mail; nothing sent yet.
    page.get_by_role("link", name="Publish…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish: what will be sent")
    expect(page.locator(".recipients-total")).to_have_text("2 contacts in 2 missions")
    expect(page.locator('tr[data-reason="everything"]')).to_contain_text("1")
    expect(page.locator('tr[data-reason="focal-point"]')).to_contain_text("1")
    expect(page.locator(".mail-subject")).to_contain_text(f"Invitation: {TITLE}")
    expect(page.locator(".mail-text")).to_contain_text(TITLE)
    page.get_by_text("Calendar entry").click()
    expect(page.locator(".mail-event")).to_contain_text("BEGIN:VEVENT")
    assert axe_violations(page) == []
    screenshot(page, "publish-preview")
    assert mail.outbox == []

    page.get_by_role("button", name="Publish", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.locator(".draft-note")).to_have_count(0)
    assert sorted(m.to[0] for m in mail.outbox) == ["focal@kenya.example", "pr@portugal.example"]
    assert not Meeting.objects.get(title=TITLE).is_draft
    page.goto("/")
    expect(page.locator("main")).to_contain_text(TITLE)


def test_a_move_of_a_published_meeting_is_previewed_and_sent_on_confirmation(page, programme):
    consultation = programme["consultation"]  # published, in Conference Room 4
    contact("Kenya", "focal@kenya.example", kinds=[]).focal_point_for.add(programme["oceans"])
    schedule.save_meeting(consultation)  # as if published now: invitations written
    Delivery.objects.filter(meeting=consultation).update(state="sent")
    mail.outbox.clear()
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)

    page.goto(f"/meetings/{consultation.pk}/edit/")
    page.get_by_label("Room", exact=True).fill("Conference Room 5")
    page.get_by_role("button", name="Save meeting").click()

    preview = page.locator(".update-preview")
    expect(preview).to_contain_text("Room: Conference Room 4 → Conference Room 5")
    expect(preview).to_contain_text("Have it in their calendar: they get the update")
    expect(preview.locator(".mail-subject")).to_contain_text("Room changed:")
    assert mail.outbox == []
    assert Meeting.objects.get(pk=consultation.pk).room.code == "CR4"

    page.get_by_role("button", name="Save and send the update").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(consultation.title)
    assert [m.to[0] for m in mail.outbox] == ["focal@kenya.example"]
    assert mail.outbox[0].subject.startswith("Room changed:")
