"""Fixtures shared by the whole suite, and the rules for tests that need real services.

Tests marked `postgres` or `redis` run against the servers at DATABASE_URL and
REDIS_URL. Without them they are skipped with a reason, except under .ci/run
(GASCHED_REQUIRE_SERVICES=1), where a missing service fails the run instead.
"""

import os

import pytest

from tests.factories import UserFactory

REQUIRE_SERVICES = os.environ.get("GASCHED_REQUIRE_SERVICES") == "1"


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
    }
    for item in items:
        for marker, (available, reason) in needs.items():
            if item.get_closest_marker(marker) and not available:
                if REQUIRE_SERVICES:
                    raise pytest.UsageError(f"{item.nodeid}: {reason}")
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages (on_commit never fires inside a test's
    transaction, so the schedule version would not move between tests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_user(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def mission_client(client, db):
    client.force_login(UserFactory())
    return client
