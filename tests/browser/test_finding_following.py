"""Finding and following in a real browser: following shows itself on every kind of
page and unfollowing works from the page and from My schedule; the search finds a past
process from the menu; axe finds no serious problem on the new pages."""

from datetime import date

from playwright.sync_api import expect

from meetings.models import Organ
from tests.browser.conftest import axe_violations, person, sign_in
from tests.factories import MeetingFactory, ProcessFactory, SessionFactory, at


def test_following_and_unfollowing_on_every_kind_of_page(page, programme):
    person("delegate@example.org")
    sign_in(page, "delegate@example.org")
    meeting = programme["consultation"]
    third = Organ.objects.get(code="third-committee")
    pages = [
        programme["oceans"].get_absolute_url(),
        meeting.get_absolute_url(),
        meeting.room.get_absolute_url(),
        "/kinds/briefing/",
        third.get_absolute_url(),
    ]
    for address in pages:
        page.goto(address)
        page.get_by_role("button", name="Follow in my schedule").click()
        expect(page.get_by_text("Following ✓")).to_be_visible()
        expect(page.get_by_role("button", name="Unfollow")).to_be_visible()
        assert page.url.endswith(address)
        assert axe_violations(page) == [], address
    page.goto("/my/")
    following = page.locator("ul.following")
    for name in [
        "Ocean conference declaration",
        meeting.title,
        "Conference Room 4",
        "Briefing",
        "Third Committee",
    ]:
        expect(following).to_contain_text(name)
    assert axe_violations(page) == []
    # Unfollow from My schedule; the page says so, and the process page shows Follow again.
    following.locator("li", has_text="Ocean conference declaration").get_by_role(
        "button", name="Unfollow"
    ).click()
    expect(page.get_by_text("Removed from your schedule.")).to_be_visible()
    expect(page.locator("ul.following")).not_to_contain_text("Ocean conference declaration")
    page.goto(programme["oceans"].get_absolute_url())
    expect(page.get_by_role("button", name="Follow in my schedule")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    page.goto(meeting.get_absolute_url())  # signed out: no follow state at all
    expect(page.get_by_text("Following ✓")).to_have_count(0)


def test_a_past_process_is_one_search_away(page, programme):
    process = ProcessFactory(
        session=SessionFactory(number=71),
        title="Political declaration on trafficking in persons",
        slug="trafficking-declaration",
    )
    MeetingFactory(
        process=process,
        title="Informal consultation on the trafficking declaration",
        start=at(date(2017, 6, 5), 10),
    )
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search every session").fill("trafficking")
    page.get_by_label("Search every session").press("Enter")
    expect(page.get_by_role("link", name="1 past meeting matches")).to_be_visible()
    expect(
        page.get_by_role("link", name="Political declaration on trafficking in persons")
    ).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="1 past meeting matches").click()
    expect(
        page.get_by_role("link", name="Informal consultation on the trafficking declaration")
    ).to_be_visible()
    assert axe_violations(page) == []
