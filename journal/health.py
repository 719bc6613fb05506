"""The Journal sync in the readiness check (/readyz/): how old the last good read is."""

from django.utils import timezone

from . import client, sync


def journal_freshness() -> dict:
    """Informative only: the site serves its last good data when the Journal is down."""
    last = sync.last_good_read()
    return {
        "enabled": client.is_enabled(),
        "last_good_read": last.isoformat() if last else None,
        "age_seconds": round((timezone.now() - last).total_seconds()) if last else None,
    }
