"""The Celery application; workers and beat start from here (`celery -A gasched worker`).

Production settings unless DJANGO_SETTINGS_MODULE says otherwise (`make worker` says
gasched.settings.dev); a worker refuses to start on settings unsafe for a server.
"""

import os

from celery import Celery, bootsteps

from gasched.startup import refuse_unsafe_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.production")

app = Celery("gasched")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class RefuseUnsafeSettings(bootsteps.Step):
    """The worker's first step, before it connects to anything. A step rather than a
    check on import: this module is imported while Django reads its settings."""

    def __init__(self, parent, **kwargs):
        super().__init__(parent, **kwargs)
        refuse_unsafe_settings()


app.steps["worker"].add(RefuseUnsafeSettings)
