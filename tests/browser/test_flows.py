"""What people do with gasched, in a real browser: the four flows of the issue.

Each flow ends with screenshots at desktop and phone widths when asked for
(`make screenshots`, into docs/screenshots); the README shows some of them.
"""

import re
from pathlib import Path

from playwright.sync_api import expect

from accounts.roles import PGA_EDITORS
from correspondence.models import Letter
from meetings.enums import MeetingStatus
from meetings.models import Meeting, Process
from tests.browser.conftest import person, screenshot, sign_in
from tests.correspondence.conftest import LETTER_2017
from tests.factories import SessionFactory


def test_flow_a_visitor_filters_the_programme_opens_a_meeting_and_downloads_its_ics(
    page, programme
):
    page.goto("/")
    programme_list = page.locator("main")
    expect(programme_list).to_contain_text("High-level plenary meeting on antimicrobial resistance")
    screenshot(page, "programme")

    page.get_by_text("Filter by kind, process or room, or search").click()
    page.get_by_role("checkbox", name=re.compile(r"^Ocean conference declaration \(")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Conference Room 4 \(")).check()
    page.get_by_role("button", name="Show").click()

    meetings = page.locator("li.meeting")
    expect(meetings).to_have_count(1)
    expect(meetings).to_contain_text("Second informal consultation on the ocean declaration")
    expect(page).to_have_url(re.compile(r"process=oceans"))

    page.get_by_role("link", name="Second informal consultation on the ocean declaration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Second informal consultation on the ocean declaration"
    )
    expect(page.locator("main")).to_contain_text("Conference Room 4")
    screenshot(page, "meeting")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Path(download.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Second informal consultation on the ocean declaration" in calendar
    assert f"UID:meeting-{programme['consultation'].pk}@" in calendar


def test_flow_a_mission_user_signs_in_follows_a_process_and_copies_the_personal_feed(
    page, browser_context, programme, belgium
):
    person("delegate@belgium.example.org", mission=belgium)
    sign_in(page, "delegate@belgium.example.org")
    expect(page.get_by_role("link", name="My schedule")).to_be_visible()

    page.get_by_role("link", name="Processes").click()
    page.get_by_role("link", name="Ocean conference declaration").click()
    page.get_by_role("button", name="Follow in my schedule").click()

    page.get_by_role("link", name="My schedule").click()
    expect(page.locator(".following")).to_contain_text("Ocean conference declaration")
    page.get_by_role("button", name="Make my private feed address").click()

    browser_context.grant_permissions(["clipboard-read", "clipboard-write"])
    address = page.get_by_label(re.compile("Address to copy")).input_value()
    page.get_by_role("button", name="Copy address").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == address
    screenshot(page, "my-schedule")

    # The copied address is a calendar of what this person follows, without signing in.
    feed = browser_context.request.get(address)
    assert feed.ok
    body = feed.text()
    assert "Second informal consultation on the ocean declaration" in body
    assert "Briefing on the water action decade" not in body


def test_flow_an_editor_is_told_the_room_is_taken_picks_a_free_one_and_publishes(page, programme):
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)

    page.get_by_role("link", name="New meeting").click()
    page.get_by_label("Title").fill("Third informal consultation on the ocean declaration")
    page.get_by_label("Process").select_option(str(programme["oceans"].pk))
    page.get_by_label("Kind").select_option(label="Informal consultation")
    page.get_by_label("Status").select_option(label="Tentative")
    page.get_by_label("Date").fill(programme["day"].isoformat())
    page.get_by_label("Start time (New York)").fill("10:00")
    page.get_by_label("End time (New York)").fill("13:00")
    page.get_by_label("Room", exact=True).fill("Conference Room 4")
    screenshot(page, "staff-entry")
    page.get_by_role("button", name="Save meeting").click()

    # Refused, with who holds the room and which rooms are free; nothing saved.
    error = page.locator(".has-error .errors")
    expect(error).to_contain_text("Second informal consultation on the ocean declaration")
    free = page.locator("#availability")
    expect(free).to_contain_text("Conference Room 5")
    expect(free).not_to_contain_text("Conference Room 4")
    assert not Meeting.objects.filter(title__startswith="Third").exists()
    screenshot(page, "staff-entry-room-taken")

    page.get_by_label("Room", exact=True).fill("Conference Room 5")
    page.get_by_role("button", name="Save meeting").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Third informal consultation on the ocean declaration")
    expect(heading).to_contain_text("Tentative")  # in words, not only a colour
    page.get_by_role("button", name="Publish as scheduled").click()
    expect(page.locator("main")).not_to_contain_text("Publish as scheduled")
    meeting = Meeting.objects.get(title="Third informal consultation on the ocean declaration")
    assert meeting.status == MeetingStatus.SCHEDULED
    assert meeting.room.name == "Conference Room 5"
    # Still a draft until published (tests/browser/test_publishing.py: the preview).
    page.get_by_role("link", name="Publish…").click()
    page.get_by_role("button", name="Publish", exact=True).click()

    page.goto("/")
    expect(page.locator("main")).to_contain_text(
        "Third informal consultation on the ocean declaration"
    )


def test_flow_an_editor_reviews_a_letter_and_accepts_its_meetings(page, programme):
    # The letter's meetings are of June and July 2017: the 71st session.
    process = Process.objects.create(
        session=SessionFactory(number=71), title="Trafficking declaration", slug="trafficking"
    )
    process.cofacilitators.create(state="Belgium")
    process.cofacilitators.create(state="Qatar")
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)

    page.goto("/letters/upload/")
    page.get_by_label("Letter").set_input_files(str(LETTER_2017))
    page.get_by_role("button", name="Read the letter").click()

    expect(page.locator("main")).to_contain_text(
        "A third informal will be held on Thursday, 6 July (10:00 am CR3)."
    )
    screenshot(page, "letter-review")
    page.get_by_role("button", name=re.compile("Accept all")).click()
    expect(page.locator(".proposal.state-accepted").first).to_be_visible()
    page.get_by_role("button", name="Publish in the archive").click()

    letter = Letter.objects.get(enclosed_in__isnull=True)
    assert letter.is_published
    assert Meeting.objects.filter(process=process).count() == 5
    page.goto(letter.get_absolute_url())
    expect(page.locator("main")).to_contain_text("ECOSOC Chamber")
