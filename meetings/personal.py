"""A user's own schedule: what they follow, its private feed, and where it overlaps."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from .models import Meeting, PersonalSchedule, new_feed_token
from .schedule import start_of_day

FOLLOWABLE = ("process", "room", "meeting", "kind", "organ")
# What each followable thing is kept in on a PersonalSchedule (kinds: a list of values).
RELATED = {"process": "processes", "room": "rooms", "meeting": "meetings", "organ": "organs"}


def schedule_of(user) -> PersonalSchedule:
    return PersonalSchedule.objects.get_or_create(user=user)[0]


@transaction.atomic
def set_following(user, *, what: str, value, follow: bool) -> PersonalSchedule:
    """Follow or stop following a process, a room, a meeting, a body or a kind of meeting."""
    personal = schedule_of(user)
    if what == "kind":
        kinds = [k for k in personal.kinds if k != value] + ([value] if follow else [])
        personal.kinds = sorted(kinds)
        personal.save(update_fields=["kinds", "updated"])
    else:
        related = getattr(personal, RELATED[what])
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
    """Meetings of followed processes, in followed rooms, of followed kinds, of followed
    bodies, or followed one by one (any of these), soonest first. is_followed() below is
    the same rule for meetings already read."""
    condition = (
        Q(process__in=personal.processes.all())
        | Q(room__in=personal.rooms.all())
        | Q(overflow_room__in=personal.rooms.all())
        | Q(pk__in=personal.meetings.all())
        | Q(organ__in=personal.organs.all())
        | Q(kind__in=personal.kinds)
    )
    meetings = Meeting.objects.published().filter(condition)
    if since is not None:
        meetings = meetings.filter(booked_until__gt=start_of_day(since))
    return meetings.distinct().order_by("start", "pk")


@dataclass(frozen=True)
class Follows:
    """What one schedule follows, as ids (read by followers_among)."""

    processes: frozenset = frozenset()
    rooms: frozenset = frozenset()
    meetings: frozenset = frozenset()
    organs: frozenset = frozenset()
    kinds: frozenset = frozenset()


def is_followed(meeting: Meeting, follows: Follows) -> bool:
    """followed_meetings()'s rule for one meeting already read (keep the two together)."""
    return (
        meeting.process_id in follows.processes
        or meeting.room_id in follows.rooms
        or meeting.overflow_room_id in follows.rooms
        or meeting.pk in follows.meetings
        or meeting.organ_id in follows.organs
        or meeting.kind in follows.kinds
    )


def followers_among(schedules, meetings: list[Meeting]) -> dict[int, list[PersonalSchedule]]:
    """Which of `schedules` (a queryset) follow each of `meetings`, by meeting pk: five
    queries whatever the numbers (the schedules with their users, then what they follow
    of these meetings' processes, rooms, bodies and the meetings themselves)."""
    found = list(schedules.select_related("user"))
    ids = [s.pk for s in found]
    wanted = {
        "processes": {m.process_id for m in meetings} - {None},
        "rooms": {r for m in meetings for r in (m.room_id, m.overflow_room_id)} - {None},
        "meetings": {m.pk for m in meetings},
        "organs": {m.organ_id for m in meetings} - {None},
    }
    held: dict[int, dict[str, set]] = {pk: {name: set() for name in wanted} for pk in ids}
    for name, values in wanted.items():
        through = getattr(PersonalSchedule, name).through
        column = {"processes": "process_id", "rooms": "room_id"}.get(name, f"{name[:-1]}_id")
        rows = through.objects.filter(personalschedule_id__in=ids, **{f"{column}__in": values})
        for schedule_id, value in rows.values_list("personalschedule_id", column):
            held[schedule_id][name].add(value)
    followers: dict[int, list[PersonalSchedule]] = {m.pk: [] for m in meetings}
    for schedule in found:
        follows = Follows(
            **{name: frozenset(values) for name, values in held[schedule.pk].items()},
            kinds=frozenset(schedule.kinds),
        )
        for meeting in meetings:
            if is_followed(meeting, follows):
                followers[meeting.pk].append(schedule)
    return followers


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
