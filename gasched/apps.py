from django.apps import AppConfig


class GaschedConfig(AppConfig):
    """The project itself: its management commands (loaddemo) and deployment checks."""

    name = "gasched"

    def ready(self):
        from . import checks  # noqa: F401, PLC0415 -- apps not ready
