from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from . import signals  # noqa: PLC0415 -- apps not ready

        signals.connect()
