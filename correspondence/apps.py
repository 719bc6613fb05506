from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

from missions.signals import contacts_changed


class CorrespondenceConfig(AppConfig):
    name = "correspondence"
    verbose_name = "Correspondence"

    def ready(self):
        # Models (and so every module that imports them) load only once apps are ready.
        from meetings.calling_off import register_audience  # noqa: PLC0415 -- apps not ready
        from meetings.signals import (  # noqa: PLC0415 -- apps not ready
            change_previewed,
            meeting_saved,
            on_schedule_write,
        )

        from . import (  # noqa: PLC0415 -- apps not ready
            daily_programme,
            delivery,
            found,
            previews,
            sections,
        )
        from .models import Announcement, Letter  # noqa: PLC0415 -- apps not ready

        # The outbox: a saved meeting, a new contact or new wishes, in the same transaction.
        meeting_saved.connect(delivery.on_meeting_saved, dispatch_uid="correspondence-outbox")
        # A late change to a programme already e-mailed: kept for its correction.
        meeting_saved.connect(
            daily_programme.on_meeting_saved, dispatch_uid="correspondence-programme"
        )
        # What a significant change will send, shown on the staff form before it is saved.
        change_previewed.connect(previews.on_change_previewed, dispatch_uid="update-preview")
        contacts_changed.connect(
            delivery.on_contacts_changed, dispatch_uid="correspondence-catch-up"
        )
        # Who a cancellation or postponement reaches, shown before it is confirmed.
        register_audience(delivery.told_if_called_off)
        # The letters on the meeting and process pages.
        sections.register()
        # Letters in the site-wide search (meetings.search).
        found.register()
        # Those pages list published letters: keep their cache honest.
        for model in (Letter, Announcement):
            post_save.connect(on_schedule_write, sender=model, dispatch_uid=f"letters-{model}")
            post_delete.connect(on_schedule_write, sender=model, dispatch_uid=f"letters-d-{model}")
