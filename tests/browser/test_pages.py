"""Every page, as people with different needs meet it, in a real browser.

- axe-core finds no serious or critical accessibility problem on any public or staff
  page (the Django admin is left to Django's own accessibility work);
- the keyboard reaches everything, always with a visible focus;
- cancelled, postponed and tentative are said in words, never by colour alone;
- one small stylesheet and one small script, and the programme without JavaScript;
- the day's programme prints on A4 and on US Letter.
"""

import io
import re
import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import PGA_EDITORS
from correspondence import letters, review
from missions.models import Contact, ContactImport
from tests.browser.conftest import axe_violations, person, sign_in
from tests.correspondence.conftest import LETTER_2017

STYLESHEET_LIMIT = 16 * 1024
SCRIPT_LIMIT = 8 * 1024


@pytest.fixture
def site(programme, belgium):
    """The programme, plus a published letter and a mission with a contact."""
    imported = letters.import_letter(LETTER_2017.read_bytes(), filename="letter.txt")
    review.accept_all(imported.letter, user=None)
    review.publish(imported.letter)
    unreviewed = letters.import_letter(
        # The second date is not understood: the review page warns and offers a proposal.
        b"Excellency,\n\nOn 3 March 2027 at 10 a.m. in CR4 an informal consultation will be held."
        b" Delegations met on 4 March 2027.",
        filename="new.txt",
    )
    contact = Contact.objects.create(
        mission=belgium,
        name="Anne Dupont",
        email="a.dupont@belgium.example.org",
        confirmation_key="k" * 43,  # the link her confirmation e-mail carries
        confirmation_sent=timezone.now(),
    )
    contacts_import = ContactImport.objects.create(
        state="done", total=3, done=3, new_contacts=2, updated_contacts=1
    )
    day = programme["day"]
    monday = day - timedelta(days=day.weekday())
    meeting = programme["consultation"]
    return {
        **programme,
        "public": [
            "/",
            f"/day/{day}/",
            f"/week/{monday}/",
            f"/week/{monday}/rooms/",
            f"/month/{day.year}/{day.month}/",
            "/changes/",
            "/archive/",
            f"/archive/{programme['session'].number}/",
            "/processes/",
            programme["oceans"].get_absolute_url(),
            "/rooms/",
            meeting.room.get_absolute_url(),
            meeting.get_absolute_url(),
            "/letters/",
            imported.letter.get_absolute_url(),
            "/accounts/login/",
            "/accounts/password/reset/",
            f"/contacts/confirm/{contact.confirmation_key}/",
        ],
        "staff": [
            "/meetings/new/",
            "/meetings/drafts/",
            f"/publish/?letter={imported.letter.pk}",
            f"/meetings/{meeting.pk}/edit/",
            f"/meetings/{meeting.pk}/deliveries/",
            "/processes/new/",
            f"{programme['oceans'].get_absolute_url()}edit/",
            "/rooms/new/",
            f"{meeting.room.get_absolute_url()}edit/",
            "/letters/upload/",
            f"/letters/{unreviewed.letter.pk}/review/",
            f"/letters/{imported.letter.pk}/review/",
            "/missions/",
            f"/missions/{belgium.pk}/contacts/",
            f"/missions/{belgium.pk}/contacts/{contact.pk}/",
            "/missions/import/",
            contacts_import.get_absolute_url(),
            f"/team/missions/{belgium.pk}/",
            "/my/",
            "/accounts/email/",
            "/accounts/2fa/",
        ],
        "mission": [
            "/my/",
            "/team/invite/",
            f"/team/missions/{belgium.pk}/",
            f"/missions/{belgium.pk}/contacts/",
        ],
    }


def visit(page, path: str) -> None:
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"


def test_public_pages_have_no_serious_accessibility_problems(page, site):
    found = {}
    for path in site["public"]:
        visit(page, path)
        if problems := axe_violations(page):
            found[path] = problems
    assert found == {}


def test_staff_pages_have_no_serious_accessibility_problems(page, site):
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)
    found = {}
    for path in site["staff"]:
        visit(page, path)
        if problems := axe_violations(page):
            found[path] = problems
    assert found == {}


def test_mission_pages_have_no_serious_accessibility_problems(page, site, belgium):
    person("focal.point@belgium.example.org", mission=belgium, focal_point=True)
    sign_in(page, "focal.point@belgium.example.org")
    found = {}
    for path in site["mission"]:
        visit(page, path)
        if problems := axe_violations(page):
            found[path] = problems
    assert found == {}


def test_a_form_with_errors_has_no_serious_accessibility_problems(page, site):
    _, secret = person("editor@pga.example.org", role=PGA_EDITORS)
    sign_in(page, "editor@pga.example.org", totp_secret=secret)
    page.goto("/meetings/new/")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.locator(".has-error").first).to_be_visible()
    assert axe_violations(page) == []


def test_the_check_catches_a_serious_problem(page, site):
    """The axe check itself can fail: an image without a text alternative is serious."""
    visit(page, "/")
    page.evaluate(
        "document.querySelector('main').append("
        "Object.assign(document.createElement('img'), {src: '/static/favicon.svg'}))"
    )
    assert any(problem.startswith("image-alt") for problem in axe_violations(page))


def focus_indicator(page) -> dict:
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                tag: element.tagName, text: (element.innerText || element.value || '').slice(0, 40),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                visible: box.width > 0 && box.height > 0,
            };
        }"""
    )


@pytest.mark.parametrize("path_of", ["programme", "meeting"])
def test_the_keyboard_reaches_every_control_with_a_visible_focus(page, site, path_of):
    path = "/" if path_of == "programme" else site["consultation"].get_absolute_url()
    visit(page, path)
    controls = page.evaluate(
        "[...document.querySelectorAll('a[href], button, input, select, textarea, summary')]"
        ".filter(e => e.checkVisibility()).length"
    )
    seen = []
    for _ in range(controls + 5):  # bounded: every control once, and a little more
        page.keyboard.press("Tab")
        focused = focus_indicator(page)
        if focused["tag"] == "BODY":
            break
        seen.append(focused)
    assert len(seen) == controls
    assert [f for f in seen if not (f["outline"] and f["visible"])] == []


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(page, site):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_filtering_the_programme_by_keyboard_alone(page, site):
    visit(page, "/")
    page.get_by_text("Filter by kind, process or room, or search").focus()
    page.keyboard.press("Enter")  # opens the filter box
    page.get_by_label("Search").focus()
    page.keyboard.type("ocean")
    page.keyboard.press("Enter")
    expect(page.locator("li.meeting")).to_have_count(1)
    expect(page.locator("li.meeting")).to_contain_text("ocean declaration")


def test_status_is_said_in_words_not_only_by_colour(page, site):
    """Every cancelled, postponed or tentative mark carries its word; the word itself
    stays readable in forced-colours (high-contrast) mode."""
    day = site["day"]
    monday = day - timedelta(days=day.weekday())
    for path in ["/", f"/day/{day}/", f"/week/{monday}/rooms/", f"/month/{day.year}/{day.month}/"]:
        visit(page, path)
        marks = page.locator(
            "[class*='status-cancelled'], [class*='status-postponed'], [class*='status-tentative']"
        )
        assert marks.count() > 0, path
        for index in range(marks.count()):
            mark = marks.nth(index)
            text = (
                mark.inner_text()
                + " "
                + (mark.locator("xpath=ancestor-or-self::*[self::li or self::td][1]").inner_text())
            )
            assert "Cancelled" in text or "Postponed" in text or "Tentative" in text, (path, text)
    page.emulate_media(forced_colors="active")
    visit(page, "/")
    expect(page.locator("li.meeting.status-cancelled")).to_contain_text("Cancelled")


def test_every_page_needs_one_small_stylesheet_and_one_small_script(page, site):
    loaded = []
    page.on("request", lambda request: loaded.append((request.resource_type, request.url)))
    for path in site["public"]:
        loaded.clear()
        visit(page, path)
        stylesheets = [url for kind, url in loaded if kind == "stylesheet"]
        scripts = [url for kind, url in loaded if kind == "script"]
        assert len(stylesheets) == 1, (path, stylesheets)
        assert len(scripts) <= 1, (path, scripts)
    sizes = page.evaluate(
        "performance.getEntriesByType('resource')"
        ".map(e => [e.initiatorType, e.name, e.decodedBodySize])"
    )
    for kind, url, size in sizes:
        if kind == "link" and url.endswith(".css"):
            assert size < STYLESHEET_LIMIT, (url, size)
        if kind == "script":
            assert size < SCRIPT_LIMIT, (url, size)


def test_the_programme_renders_and_filters_without_javascript(chromium, live_server, site):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    expect(page.locator("li.meeting")).to_have_count(4)
    page.get_by_text("Filter by kind, process or room, or search").click()
    page.get_by_role("checkbox", name=re.compile(r"^Conference Room 1 \(")).check()
    page.get_by_role("button", name="Show").click()
    expect(page.locator("li.meeting")).to_have_count(1)
    expect(page.locator("li.meeting")).to_contain_text("Briefing on the water action decade")
    context.close()


# Printable width of each paper at 96 CSS pixels per inch, with the stylesheet's 15 mm margins.
PAPER = {"A4": (210 - 30) / 25.4 * 96, "Letter": 8.5 * 96 - 30 / 25.4 * 96}


@pytest.mark.parametrize("paper", PAPER)
def test_the_day_programme_prints_on_a4_and_letter(page, site, paper):
    from pypdf import PdfReader

    visit(page, f"/day/{site['day']}/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": int(PAPER[paper]), "height": 1000})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow}px wider than {paper}"
    for hidden in ["nav", "form.languages", "details.filter-box", "details.subscribe", "footer"]:
        expect(page.locator(hidden).first).to_be_hidden()

    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    # NFKC undoes the typographic ligatures ("ﬁ") that PDF text extraction returns.
    text = " ".join(
        " ".join(unicodedata.normalize("NFKC", sheet.extract_text()).split()) for sheet in pdf.pages
    )
    assert len(pdf.pages) == 1
    for words in [
        "Informal consultations and negotiations",
        "Other meetings",
        "High-level plenary meeting on antimicrobial resistance",
        "Conference Room 4",
        "Cancelled",
        "Briefing",
    ]:
        assert words in text, words
    assert "Sign in" not in text
    assert "Subscribe" not in text
