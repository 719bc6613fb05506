import pytest

from tests.factories import SessionFactory

from .server import JournalServer


@pytest.fixture
def journal(settings):
    """The Journal's API on loopback; the sync is pointed at it."""
    server = JournalServer().start()
    settings.GASCHED_JOURNAL_URL = server.url
    settings.GASCHED_JOURNAL_SYNC = True
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def session71(db):
    return SessionFactory()
