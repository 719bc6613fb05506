"""Real-browser tests: Playwright drives Debian's Chromium against the app served on
127.0.0.1 by pytest-django's live server, with the test database behind it.

Every test here is marked `browser`: without /usr/bin/chromium and axe-core it skips
with a reason, and under .ci/run it fails instead (tests/conftest.py).
"""

import os
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from accounts.models import Membership
from accounts.roles import PGA_EDITORS
from meetings import schedule
from meetings.enums import MeetingKind, MeetingStatus
from meetings.holidays import holiday_on
from meetings.models import CoFacilitator
from meetings.sessions import ensure_session_covering
from missions.models import Mission
from tests.conftest import AXE, CHROMIUM
from tests.factories import MeetingFactory, ProcessFactory, UserFactory, at, room, user_with_role

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PASSWORD = "correct horse battery staple 81"
# As the machine's own probe found: without these Chromium reaches for Google's hosts
# on a closed network, and as root it needs --no-sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Pictures are taken only when asked for (`make screenshots`): resizing the window and
# taking full-page pictures in the middle of a flow leaves Chromium, now and then,
# ignoring the next click on the page (seen on the meeting form's Save after a refusal).
SCREENSHOTS_ASKED = bool(os.environ.get("GASCHED_SCREENSHOTS"))
SCREENSHOTS = Path(os.environ.get("GASCHED_SCREENSHOTS", "build/screenshots"))


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            # The live server reads committed data; serialized_rollback restores the rows
            # the migrations ship (rooms, missions, roles) after each test's flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="module")
def chromium(orm_beside_playwright):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Django keeps connections in context-local storage, and Playwright's sync API runs
    # what follows in another context: the test database's snapshot that
    # serialized_rollback restores from must follow, or every later transactional test
    # would start from an empty database. One browser per module, so that no event loop
    # outlives the browser tests.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module", autouse=True)
def orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread while the test's own ORM
    calls run synchronously beside it; Django would otherwise refuse them. Only while a
    browser module runs: the variable must not reach other tests' subprocesses
    (check --deploy refuses it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def browser_context(chromium, live_server):
    """A fresh browser profile in New York time, English first, as a desk in New York."""
    context = chromium.new_context(
        base_url=live_server.url,
        viewport=DESKTOP,
        locale="en-US",
        timezone_id="America/New_York",
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    # Script errors, CSP refusals and missing assets: our own pages must have none. A
    # page answered 400 (a form with errors) is by design, so documents are left out.
    page.problems = []
    page.on("console", lambda message: _console_problem(page, message))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and page.problems.append(f"{response.status} {response.url}")
        ),
    )
    yield page
    assert page.problems == []


def _console_problem(page, message) -> None:
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        page.problems.append(message.text)


def screenshot(page, name: str) -> None:
    """Save the page at desktop and phone widths (the README shows some of these)."""
    if not SCREENSHOTS_ASKED:
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
    page.set_viewport_size(size)


SERIOUS = {"serious", "critical"}
# WCAG 2.2 A and AA, and axe's best practices.
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now.

    axe is evaluated through the DevTools protocol, which the page's CSP does not
    govern, so the pages are tested with their real CSP in force.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_RULES,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]


def sign_in(page, email: str, *, totp_secret: str | None = None) -> None:
    """Sign in through allauth's pages, with the authenticator code when asked."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if totp_secret:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        # allauth accepts only the current 30-second code: never type one about to expire.
        if time.time() % 30 > 27:
            time.sleep(30 - time.time() % 30 + 0.1)
        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name=re.compile("sign in", re.IGNORECASE)).click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def person(
    email: str, *, role: str | None = None, mission: Mission | None = None, focal_point=False
):
    """A user who can sign in with PASSWORD (verified address; editors with a TOTP app)."""
    user = user_with_role(role) if role else UserFactory()
    user.email = email
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if mission:
        Membership.objects.create(user=user, mission=mission, is_focal_point=focal_point)
    secret = None
    if role == PGA_EDITORS:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    return user, secret


@pytest.fixture
def programme(db):
    """A programme a few days ahead, as the office would enter it.

    Relative to today in New York, so the public programme (which starts today) shows it
    whenever the suite runs.
    """
    day = schedule.today() + timedelta(days=2)
    while day.weekday() >= 5 or holiday_on(day):  # a working day: the form would warn
        day += timedelta(days=1)
    session = ensure_session_covering(day)
    oceans = ProcessFactory(session=session, title="Ocean conference declaration", slug="oceans")
    CoFacilitator.objects.create(process=oceans, state="Portugal")
    CoFacilitator.objects.create(process=oceans, state="Kenya")
    water = ProcessFactory(session=session, title="Water action decade review", slug="water")
    meetings = {
        "consultation": MeetingFactory(
            session=session,
            process=oceans,
            title="Second informal consultation on the ocean declaration",
            start=at(day, 10),
            end=at(day, 13),
            room=room("CR4"),
        ),
        "briefing": MeetingFactory(
            session=session,
            process=water,
            kind=MeetingKind.BRIEFING,
            title="Briefing on the water action decade",
            start=at(day, 15),
            end=at(day, 18),
            room=room("CR1"),
        ),
        "plenary": MeetingFactory(
            session=session,
            kind=MeetingKind.HIGH_LEVEL,
            title="High-level plenary meeting on antimicrobial resistance",
            start=at(day, 10),
            end=at(day, 13),
            room=room("GA-HALL"),
        ),
        "cancelled": MeetingFactory(
            session=session,
            process=water,
            title="Informal consultation on the water resolution",
            status=MeetingStatus.CANCELLED,
            start=at(day, 15),
            end=at(day, 18),
            room=room("CR2"),
        ),
    }
    return {"day": day, "session": session, "oceans": oceans, "water": water, **meetings}


@pytest.fixture
def belgium(db):
    return Mission.objects.get(name="Belgium")
