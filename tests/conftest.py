"""Fixtures shared by the whole suite, and the rules for tests that need real services.

Tests marked `postgres` or `redis` run against the servers at DATABASE_URL and
REDIS_URL; tests marked `browser` drive Debian's Chromium, `gettext` ones run
xgettext, and `parsers` ones read calendars with libical and ical.js
(tests/calendar_parsers.py). Without them they are skipped with a reason, except under .ci/run
(GASCHED_REQUIRE_SERVICES=1), where anything missing fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

from accounts.models import Membership
from accounts.roles import PGA_EDITORS, PGA_VIEWERS
from missions.models import Mission
from tests import calendar_parsers
from tests.factories import UserFactory, user_with_role

REQUIRE_SERVICES = os.environ.get("GASCHED_REQUIRE_SERVICES") == "1"
# Debian's Chromium, driven by Playwright (which must never download a browser of its own).
CHROMIUM = os.environ.get("GASCHED_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(config, items):
    needs = {
        "postgres": (
            os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis")),
            "needs PostgreSQL: set DATABASE_URL=postgres://… (make test does under .ci/run)",
        ),
        "redis": (
            bool(os.environ.get("REDIS_URL")),
            "needs Redis: set REDIS_URL=redis://… (make test does under .ci/run)",
        ),
        "browser": (
            Path(CHROMIUM).exists() and AXE.exists(),
            f"needs {CHROMIUM} and axe-core: run tests/browser/install-deps.sh (make test does)",
        ),
        "gettext": (
            shutil.which("xgettext") is not None,
            "needs GNU gettext's xgettext: run tests/browser/install-deps.sh (make test does)",
        ),
        "parsers": (
            calendar_parsers.missing() is None,
            f"needs {calendar_parsers.missing()}: run tests/browser/install-deps.sh "
            "(make test does)",
        ),
    }
    for item in items:
        for marker, (available, reason) in needs.items():
            if item.get_closest_marker(marker) and not available:
                if REQUIRE_SERVICES:
                    raise pytest.UsageError(f"{item.nodeid}: {reason}")
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded letters go to a directory of the test's own, never var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages (on_commit never fires inside a test's
    transaction, so the schedule version would not move between tests)."""
    from django.core.cache import cache

    from gasched import health
    from gasched.cache import DEFAULT_OUTAGE
    from meetings import pagecache

    # What this process knows of an outage first: clear() must reach Redis.
    DEFAULT_OUTAGE.forget()
    pagecache.forget()
    health.forget()
    cache.clear()
    yield
    DEFAULT_OUTAGE.forget()
    pagecache.forget()
    health.forget()
    cache.clear()


@pytest.fixture
def own_redis(tmp_path):
    """A Redis of the test's own with every cache alias on it, to stop, pause and start
    (tests/redisserver.py); never the shared one."""
    from django.test import override_settings

    from tests.redisserver import RedisServer, caches_at

    server = RedisServer(tmp_path).start()
    try:
        with override_settings(CACHES=caches_at(server.url)):
            yield server
    finally:
        server.stop()


@pytest.fixture
def editor(db):
    """A PGA office editor who has set up an authenticator app."""
    return user_with_role(PGA_EDITORS, second_factor=True)


def sign_in_with_second_factor(client, user):
    """force_login, plus the record allauth.mfa keeps of a passed TOTP challenge."""
    import time

    client.force_login(user)
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time()},
        {"method": "mfa", "type": "totp", "at": time.time()},
    ]
    session.save()
    return client


@pytest.fixture
def staff_client(client, editor):
    return sign_in_with_second_factor(client, editor)


@pytest.fixture
def viewer(db):
    return user_with_role(PGA_VIEWERS)


@pytest.fixture
def belgium(db):
    return Mission.objects.get_or_create(name="Belgium")[0]


@pytest.fixture
def mission_user(belgium):
    user = UserFactory()
    Membership.objects.create(user=user, mission=belgium)
    return user


@pytest.fixture
def mission_client(client, mission_user):
    client.force_login(mission_user)
    return client
