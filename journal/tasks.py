"""The Journal sync on Celery beat (settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import client, sync


@shared_task(name="journal.sync_journal", ignore_result=True)
def sync_journal() -> None:
    if client.is_enabled():
        sync.sync_journal()
