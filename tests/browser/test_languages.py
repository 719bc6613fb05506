"""The six official languages in the browser: the switcher, Arabic right to left,
dates written as each language writes them, New York time and meeting titles unchanged."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from gasched.formats import weekday_date
from tests.browser.conftest import axe_violations, screenshot

SWITCHER = {
    "ar": "العربية",
    "zh-hans": "中文",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}


def in_language(language: str, value) -> str:
    with translation.override(language):
        return weekday_date(value)


@pytest.mark.parametrize("language", SWITCHER)
def test_the_switcher_changes_the_language_and_remembers_it(page, programme, language):
    page.goto(f"/day/{programme['day']}/")
    page.locator("form.languages").get_by_role("button", name=SWITCHER[language]).click()

    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    # Back on the same page, now in that language: its date as the language writes it,
    # the times still New York times, the titles as entered.
    expect(page).to_have_url(f"{page.url.split('/day/')[0]}/day/{programme['day']}/")
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_contain_text(
        in_language(language, programme["day"])
    )
    expect(main).to_contain_text("10:00–13:00")
    expect(main).to_contain_text("Second informal consultation on the ocean declaration")
    expect(main).not_to_contain_text("Morning")

    # Remembered: another page, another visit, same language.
    page.goto("/processes/")
    expect(html).to_have_attribute("lang", language)
    current = page.locator("form.languages button[aria-current=true]")
    expect(current).to_have_text(SWITCHER[language])

    page.locator("form.languages").get_by_role("button", name="English").click()
    expect(html).to_have_attribute("lang", "en")


def test_arabic_is_laid_out_right_to_left(page, programme):
    page.goto("/")
    page.locator("form.languages").get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    # The brand starts at the right edge and the time column is right of the title.
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > width * 0.8
    row = page.locator("li.meeting").first
    when = row.locator(".when").bounding_box()
    what = row.locator(".what").bounding_box()
    assert when["x"] > what["x"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    screenshot(page, "programme-arabic")


def test_a_browser_asking_for_french_gets_french_without_choosing(chromium, live_server, programme):
    context = chromium.new_context(base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("main")).to_contain_text(in_language("fr", programme["day"]))
    context.close()
