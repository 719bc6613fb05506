"""The programme on a phone (390 px wide): one menu button in a header under 60 px for
every role, no sideways scrolling on any schedule page, the month and the rooms' week as
lists of days, a filter box that leaves the results on the first screen; and the error
pages, as people meet them."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accounts.roles import ADMINISTRATORS, PGA_EDITORS, PGA_VIEWERS
from tests.browser.conftest import PHONE, axe_violations, person, sign_in

HEADER_LIMIT = 60  # px, on a phone


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def paths(programme) -> dict[str, str]:
    day = programme["day"]
    monday = day - timedelta(days=day.weekday())
    return {
        "programme": "/",
        "day": f"/day/{day}/",
        "week": f"/week/{monday}/",
        "rooms": f"/week/{monday}/rooms/",
        "month": f"/month/{day.year}/{day.month}/",
        "process": programme["oceans"].get_absolute_url(),
        "meeting": programme["consultation"].get_absolute_url(),
    }


def header_height(page) -> float:
    return page.locator("header.site").bounding_box()["height"]


def sideways(page) -> int:
    """How far the page scrolls sideways (0: not at all)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("role", ["anonymous", "mission", "viewer", "editor", "administrator"])
def test_the_header_is_one_short_bar_with_a_menu_button_for_every_role(
    page, programme, belgium, role
):
    if role == "mission":
        person("focal@belgium.example", mission=belgium, focal_point=True)
        sign_in(page, "focal@belgium.example")
    elif role != "anonymous":
        group = {"viewer": PGA_VIEWERS, "editor": PGA_EDITORS, "administrator": ADMINISTRATORS}
        _user, secret = person(f"{role}@un.example", role=group[role])
        sign_in(page, f"{role}@un.example", totp_secret=secret)
    phone = page
    phone.set_viewport_size(PHONE)
    phone.goto("/")
    assert header_height(phone) < HEADER_LIMIT
    menu = phone.locator("summary.menu-button")
    expect(menu).to_be_visible()
    nav = phone.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    menu.click()
    expect(nav.get_by_role("link", name="Programme", exact=True)).to_be_visible()
    expect(phone.get_by_role("button", name="Français")).to_be_visible()
    if role in ("editor", "administrator"):
        expect(nav.get_by_role("link", name="New meeting")).to_be_visible()
    if role != "anonymous":
        expect(nav.get_by_role("button", name="Sign out")).to_be_visible()
    # the open menu lies over the page: the bar itself keeps its height
    assert header_height(phone) < HEADER_LIMIT
    assert sideways(phone) <= 0
    phone.mouse.click(PHONE["width"] // 2, PHONE["height"] - 10)  # a tap elsewhere folds it
    expect(nav).to_be_hidden()


def test_the_menu_works_from_the_keyboard(phone, programme):
    phone.goto("/")
    menu = phone.locator("summary.menu-button")
    menu.focus()
    phone.keyboard.press("Enter")
    nav = phone.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    assert phone.evaluate("document.querySelector('details.site-menu').open")
    # the button says it is expanded, as the browser tells assistive technology
    assert menu_expanded(phone) is True
    phone.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Programme", exact=True)).to_be_focused()
    phone.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    assert menu_expanded(phone) is False


def menu_expanded(page) -> bool | None:
    """The "expanded" state of the Menu button in Chromium's accessibility tree."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    for node in nodes:
        if node.get("name", {}).get("value") == "Menu" and node["role"]["value"] != "group":
            states = {p["name"]: p["value"]["value"] for p in node.get("properties", [])}
            return states.get("expanded")
    return None


def test_wider_screens_show_the_menu_without_its_button(page, programme):
    page.goto("/")
    expect(page.locator("summary.menu-button")).to_be_hidden()
    expect(page.get_by_role("link", name="Processes", exact=True)).to_be_visible()
    page.set_viewport_size(PHONE)
    expect(page.get_by_role("link", name="Processes", exact=True)).to_be_hidden()


def test_without_javascript_wide_screens_still_show_the_menu(chromium, live_server, programme):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    expect(page.locator("summary.menu-button")).to_be_hidden()
    expect(page.get_by_role("link", name="Archive", exact=True)).to_be_visible()
    context.close()


def test_without_javascript_the_menu_still_opens(chromium, live_server, programme):
    context = chromium.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/")
    assert header_height(page) < HEADER_LIMIT
    page.locator("summary.menu-button").click()
    expect(page.get_by_role("link", name="Archive", exact=True)).to_be_visible()
    context.close()


def test_no_schedule_page_scrolls_sideways_on_a_phone(phone, programme):
    for name, path in paths(programme).items():
        phone.goto(path)
        assert sideways(phone) <= 0, name


def test_the_month_and_the_rooms_week_are_lists_of_days_on_a_phone(phone, programme):
    where = paths(programme)
    phone.goto(where["month"])
    assert sideways(phone) <= 0
    expect(phone.locator("table.month thead")).to_be_hidden()
    day = phone.locator("table.month td:not(.other-month):not(.no-meetings)").first
    expect(day).to_contain_text(programme["day"].strftime("%A"))
    expect(day).to_contain_text("Second informal consultation")
    phone.goto(where["rooms"])
    assert sideways(phone) <= 0
    expect(phone.locator("table.room-grid")).to_be_hidden()
    listed = phone.locator(".room-days")
    expect(listed).to_be_visible()
    expect(listed.get_by_role("heading", level=2)).to_have_count(5)
    taken = listed.locator("section", has_text="Conference Room 4")
    expect(taken).to_contain_text("Second informal consultation on the ocean declaration")
    # free rooms are left out of the list (the grid shows them)
    expect(listed.get_by_text("Conference Room 12")).to_have_count(0)


def test_the_filter_box_leaves_the_results_on_the_first_screen(phone, programme):
    phone.goto("/?room=CR4&room=CR1")
    box = phone.locator("details.filter-box")
    expect(box).to_contain_text("chosen: 2")
    first = phone.locator("li.meeting").first
    expect(first).to_be_in_viewport()
    assert first.bounding_box()["y"] < PHONE["height"] - 100
    box.locator("summary").click()
    boxes = phone.get_by_role("group", name="Room").get_by_role("checkbox")
    assert boxes.count() > 10
    expect(
        phone.get_by_role("checkbox", name=re.compile(r"^Conference Room 4 \(1\)"))
    ).to_be_checked()
    phone.get_by_role("checkbox", name=re.compile(r"^Conference Room 1 \(")).uncheck()
    phone.get_by_role("button", name="Show").click()
    expect(phone).to_have_url(re.compile(r"/\?(q=&)?room=CR4$"))
    expect(phone.locator("li.meeting")).to_have_count(1)


def test_the_process_page_subscribes_like_the_programme(phone, programme):
    phone.goto(programme["oceans"].get_absolute_url())
    phone.get_by_text("Subscribe in your calendar").click()
    subscribe = phone.get_by_role("link", name=re.compile("^Subscribe"))
    expect(subscribe).to_have_attribute("href", re.compile(r"^webcal://.*\?process=oceans$"))
    expect(phone.get_by_label("Address to copy")).to_have_value(re.compile(r"\?process=oceans$"))
    expect(phone.locator("details.subscribe")).to_contain_text("about once a day")
    assert sideways(phone) <= 0


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_changed_pages_have_no_serious_accessibility_problems(page, programme, width):
    if width == "phone":
        page.set_viewport_size(PHONE)
    for name, path in paths(programme).items():
        page.goto(path)
        for summary in page.locator(
            "details.filter-box > summary, details.subscribe > summary"
        ).all():
            summary.click()
        if width == "phone" and name in ("programme", "process"):
            page.locator("summary.menu-button").click()
        assert axe_violations(page) == [], (name, width)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_error_page_is_the_site_and_speaks_the_reader_language(
    page, live_server, programme, language
):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    response = page.goto("/no-such-page/")
    assert response.status == 404
    heading = {"en": "Page not found", "fr": "Page introuvable", "ar": "الصفحة غير موجودة"}
    expect(page.get_by_role("heading", level=1)).to_have_text(heading[language])
    expect(page.locator("header.site")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("searchbox").fill("ocean")
    page.keyboard.press("Enter")
    expect(page.locator("li.meeting")).to_have_count(1)
