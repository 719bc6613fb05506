"""Cache invalidation: every write to schedule data moves the schedule version.

Signals rather than calls in the domain functions, because the admin, the shell and
data migrations write these models too, and a stale programme is worse than none.
(bulk_create and QuerySet.update send no signals: callers of those call
pagecache.schedule_changed() themselves.)
"""

from django.db.models.signals import post_delete, post_save

from .models import CoFacilitator, Deadline, Meeting, Process, Room, RoomAlias, Segment, Session
from .pagecache import schedule_changed

SCHEDULE_MODELS = (Session, Room, RoomAlias, Process, CoFacilitator, Meeting, Segment, Deadline)


def on_schedule_write(sender, **kwargs):
    schedule_changed()


def connect():
    for model in SCHEDULE_MODELS:
        post_save.connect(on_schedule_write, sender=model, dispatch_uid=f"schedule-{model}")
        post_delete.connect(on_schedule_write, sender=model, dispatch_uid=f"schedule-del-{model}")
