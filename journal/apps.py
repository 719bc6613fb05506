from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal of the United Nations"

    def ready(self):
        # Models (and so every module that imports them) load only once apps are ready.
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415 -- apps not ready

        from meetings.signals import on_schedule_write  # noqa: PLC0415 -- apps not ready

        from . import sections  # noqa: PLC0415 -- apps not ready
        from .models import JournalEntry  # noqa: PLC0415 -- apps not ready

        sections.register()
        # The meeting page shows the statements link: keep its cache honest.
        post_save.connect(on_schedule_write, sender=JournalEntry, dispatch_uid="journal-entry")
        post_delete.connect(on_schedule_write, sender=JournalEntry, dispatch_uid="journal-entry-d")
