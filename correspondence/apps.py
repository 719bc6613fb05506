from django.apps import AppConfig

from missions.signals import contacts_changed


class CorrespondenceConfig(AppConfig):
    name = "correspondence"
    verbose_name = "Correspondence"

    def ready(self):
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415

        from meetings.signals import on_schedule_write  # noqa: PLC0415 -- models first

        from . import delivery  # noqa: PLC0415 -- models first
        from .models import Announcement, Letter  # noqa: PLC0415

        # A new contact, or new wishes: invited to what is already published, in the same
        # transaction.
        contacts_changed.connect(
            delivery.on_contacts_changed, dispatch_uid="correspondence-catch-up"
        )
        # Meeting and process pages list published letters: keep their cache honest.
        for model in (Letter, Announcement):
            post_save.connect(on_schedule_write, sender=model, dispatch_uid=f"letters-{model}")
            post_delete.connect(on_schedule_write, sender=model, dispatch_uid=f"letters-d-{model}")
