"""The Celery application; workers and beat start from here (`celery -A gasched worker`)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.dev")

app = Celery("gasched")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
