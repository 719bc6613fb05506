"""A user's own schedule: what they follow, its private feed, and where it overlaps."""

from django.db import transaction
from django.db.models import Q

from .models import Meeting, PersonalSchedule, new_feed_token
from .schedule import start_of_day, today

FOLLOWABLE = ("process", "room", "meeting", "kind")


def schedule_of(user) -> PersonalSchedule:
    return PersonalSchedule.objects.get_or_create(user=user)[0]


@transaction.atomic
def set_following(user, *, what: str, value, follow: bool) -> PersonalSchedule:
    """Follow or stop following a process, a room, a meeting or a kind of meeting."""
    personal = schedule_of(user)
    if what == "kind":
        kinds = [k for k in personal.kinds if k != value] + ([value] if follow else [])
        personal.kinds = sorted(kinds)
        personal.save(update_fields=["kinds", "updated"])
    else:
        related = getattr(
            personal, {"process": "processes", "room": "rooms", "meeting": "meetings"}[what]
        )
        (related.add if follow else related.remove)(value)
        personal.save(update_fields=["updated"])
    # Not a schedule change: the personal feed is cached under its own `updated`, and
    # nobody else's page or feed depends on what this user follows.
    return personal


def rotate_token(user) -> PersonalSchedule:
    """A new private address; the old one answers 404 from now on."""
    personal = schedule_of(user)
    personal.token = new_feed_token()
    personal.save(update_fields=["token", "updated"])
    return personal


def revoke_token(user) -> PersonalSchedule:
    personal = schedule_of(user)
    personal.token = None
    personal.save(update_fields=["token", "updated"])
    return personal


def followed_meetings(personal: PersonalSchedule, *, since=None):
    """Meetings of followed processes, in followed rooms, of followed kinds, or followed
    one by one (any of these), soonest first."""
    condition = (
        Q(process__in=personal.processes.all())
        | Q(room__in=personal.rooms.all())
        | Q(overflow_room__in=personal.rooms.all())
        | Q(pk__in=personal.meetings.all())
        | Q(kind__in=personal.kinds)
    )
    meetings = Meeting.objects.published().filter(condition)
    if since is not None:
        meetings = meetings.filter(booked_until__gt=start_of_day(since))
    return meetings.distinct().order_by("start", "pk")


def overlaps(meetings: list[Meeting]) -> list[tuple[Meeting, Meeting]]:
    """Pairs of meetings that are on at the same time (a small delegation cannot be in
    two rooms at once). Postponed and cancelled meetings do not count."""
    on = sorted((m for m in meetings if not m.is_off), key=lambda m: m.start)
    pairs, open_meetings = [], []
    for meeting in on:
        open_meetings = [m for m in open_meetings if m.booked_until > meeting.start]
        pairs += [(earlier, meeting) for earlier in open_meetings]
        open_meetings.append(meeting)
    return pairs


def my_schedule(user):
    personal = schedule_of(user)
    upcoming = list(followed_meetings(personal, since=today()).for_listing())
    return personal, upcoming, overlaps(upcoming)
