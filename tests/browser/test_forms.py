"""The staff meeting form in a real browser: a refused save says so at the top and takes
the editor there, warnings ask for one more click, the history reads in New York time."""

from datetime import date

from playwright.sync_api import expect

from accounts.roles import PGA_EDITORS
from meetings import schedule
from meetings.models import Meeting
from meetings.sessions import ensure_session_covering
from tests.browser.conftest import axe_violations, person, screenshot, sign_in
from tests.factories import MeetingFactory, at, room

CHRISTMAS = date(2026, 12, 25)


def signed_in_editor(page):
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)


def fill_meeting(page, *, title, day, start="10:00", end="13:00", room_name="Conference Room 4"):
    page.get_by_label("Title").fill(title)
    page.get_by_label("Kind").select_option(label="Informal consultation")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time (New York)").fill(start)
    page.get_by_label("End time (New York)").fill(end)
    page.get_by_label("Room", exact=True).fill(room_name)


def test_a_refused_save_focuses_the_error_summary_and_a_free_room_fills_the_field(page, programme):
    signed_in_editor(page)
    page.goto("/meetings/new/")
    # Only for that timing: the meeting it follows.
    expect(page.get_by_label("Following the adjournment of meeting no.")).to_be_hidden()
    page.locator("#id_timing").select_option(label="Following the adjournment of another meeting")
    expect(page.get_by_label("Following the adjournment of meeting no.")).to_be_visible()
    page.locator("#id_timing").select_option(label="At a set time")

    fill_meeting(page, title="", day=programme["day"])
    page.get_by_role("button", name="Save meeting").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Title").click()
    expect(page.get_by_label("Title")).to_be_focused()

    # Conference Room 4 is taken at that time: said at the top, and a free room is a
    # button that puts it in the room field.
    page.get_by_label("Title").fill("Third informal consultation on the ocean declaration")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_contain_text("Conference Room 4 is already booked")
    free = page.locator("#availability")
    expect(free.get_by_role("button", name="Security Council Chamber")).to_have_count(0)
    free.get_by_role("button", name="Use Conference Room 5").click()
    expect(page.get_by_label("Room", exact=True)).to_have_value("Conference Room 5")
    expect(page.get_by_label("Room", exact=True)).to_be_focused()
    screenshot(page, "staff-entry-error-summary")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Third informal consultation")
    assert Meeting.objects.get(title__startswith="Third").room.name == "Conference Room 5"


def test_a_meeting_on_a_holiday_is_saved_after_save_anyway(page, programme):
    ensure_session_covering(CHRISTMAS)
    signed_in_editor(page)
    page.goto("/meetings/new/")
    fill_meeting(page, title="Briefing on the ocean declaration", day=CHRISTMAS)
    page.get_by_role("button", name="Save meeting").click()

    # Advice, not a problem: the warnings take the focus, and no error summary shows.
    warnings = page.locator(".warnings")
    expect(warnings).to_be_focused()
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(warnings).to_contain_text(
        "Friday 25 December 2026 is an official holiday at Headquarters (Christmas Day)."
    )
    assert not Meeting.objects.filter(title="Briefing on the ocean declaration").exists()
    assert axe_violations(page) == []
    # Enter in a field is "Save meeting", never "Save anyway" nor a free room: asked again.
    page.get_by_label("Title").press("Enter")
    expect(page.locator(".warnings")).to_be_focused()
    expect(page.get_by_label("Room", exact=True)).to_have_value("Conference Room 4")
    assert not Meeting.objects.filter(title="Briefing on the ocean declaration").exists()
    screenshot(page, "staff-entry-holiday-warning")
    warnings.get_by_role("button", name="Save anyway").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Briefing on the ocean declaration"
    )
    saved = Meeting.objects.get(title="Briefing on the ocean declaration")
    assert saved.local_start.date() == CHRISTMAS


def test_the_history_reads_in_new_york_time_in_french(page, programme):
    meeting = MeetingFactory(
        session=programme["session"],
        title="Consultation on the water resolution",
        start=at(programme["day"], 10),
        end=at(programme["day"], 13),
        room=room("CR6"),
    )
    schedule.save_meeting(meeting, expected_revision=meeting.revision)
    meeting.refresh_from_db()
    meeting.start, meeting.end = at(programme["day"], 15), at(programme["day"], 18)
    schedule.save_meeting(meeting, expected_revision=meeting.revision)

    signed_in_editor(page)
    # A browser set to US English still shows the 24-hour New York time.
    page.goto(f"/meetings/{meeting.pk}/edit/")
    start = page.get_by_label("Start time (New York)")
    expect(start).to_have_attribute("type", "text")
    expect(start).to_have_value("15:00")
    page.goto(f"/meetings/{meeting.pk}/")
    page.locator("form.languages").get_by_role("button", name="Français").click()
    history = page.locator("section.history")
    expect(history).to_contain_text("Modifiée")
    row = history.get_by_role("row").filter(has_text="Début (heure de New York)")
    expect(row).to_contain_text("10:00")
    expect(row).to_contain_text("15:00")
    expect(history).not_to_contain_text("+00:00")
    expect(history).not_to_contain_text("Start")
    assert axe_violations(page) == []
