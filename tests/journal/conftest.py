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


@pytest.fixture
def admin_client(client):
    """A superuser who passed the second factor, as the admin asks."""
    from accounts.roles import ADMINISTRATORS
    from tests.conftest import sign_in_with_second_factor
    from tests.factories import user_with_role

    administrator = user_with_role(ADMINISTRATORS, second_factor=True)
    administrator.is_superuser = True
    administrator.save()
    return sign_in_with_second_factor(client, administrator)
