"""What the schedule announces, and cache invalidation.

`meeting_saved` is the schedule's one domain event: the apps built on meetings (the
invitations' outbox) react to it without meetings knowing them.

Cache invalidation: every write to schedule data moves the schedule version. Model
signals rather than calls in the domain functions, because the admin, the shell and
data migrations write these models too, and a stale programme is worse than none.
Feeds compare the meetings and deadlines they hold row by row (meetings.feedcache);
a write to anything else they show moves the reference version too.
(bulk_create and QuerySet.update send no signals: callers of those call
pagecache.schedule_changed() themselves, and an update of meetings or deadlines sets
their `updated`, which the feeds compare.)
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from .models import (
    AgendaItem,
    CoFacilitator,
    Deadline,
    Meeting,
    Organ,
    Process,
    Room,
    RoomAlias,
    Segment,
    Session,
)
from .pagecache import schedule_changed

# Sent once by schedule.save_meeting, inside its transaction, after the meeting is
# saved (its segments are written next), with `meeting` (the saved Meeting). Sent with
# .send(), not .send_robust(): a receiver that raises rolls the change back, so no
# meeting is saved without what must go with it.
meeting_saved = Signal()

# Sent by the staff form before saving a significant change to a published meeting
# (changes.calendar_change), with `meeting` (unsaved, as it would be saved: its next
# SEQUENCE) and `change`; nothing is written. Each receiver returns an HTML fragment
# that says what saving will send (the invitations' outbox: who gets the update, the
# e-mail), shown for the editor to confirm.
change_previewed = Signal()

# Organs and agenda items are shown by the day page, the API and the feeds, but not
# compared row by row: reference data (a change to one moves every page's reference).
SCHEDULE_MODELS = (
    Session,
    Room,
    RoomAlias,
    Process,
    CoFacilitator,
    Meeting,
    Segment,
    Deadline,
    Organ,
    AgendaItem,
)
# What feeds compare row by row, or do not show (segments); the rest is reference data.
COMPARED_BY_FEEDS = (Meeting, Segment, Deadline)


def on_schedule_write(sender, **kwargs):
    schedule_changed(reference=sender not in COMPARED_BY_FEEDS)


def connect():
    for model in SCHEDULE_MODELS:
        post_save.connect(on_schedule_write, sender=model, dispatch_uid=f"schedule-{model}")
        post_delete.connect(on_schedule_write, sender=model, dispatch_uid=f"schedule-del-{model}")
