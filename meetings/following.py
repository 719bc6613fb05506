"""Following shown: whether a visitor follows what a page is about, everything they
follow on My schedule, the pages of a kind of meeting and of a body, and (for a
mission's focal point) who else at their mission follows a meeting.

What a visitor follows is theirs alone: it is read for each request and rendered in the
part of a page that is never cached for everyone (see pageshell)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from .enums import MeetingKind
from .models import Meeting, Organ, PersonalSchedule, Process, Room
from .personal import RELATED, followed_meetings, overlaps, schedule_of
from .schedule import listed, start_of_day, today

UPCOMING_ON_PAGE = 50  # as the room page: the next weeks, not the whole session


def is_following(user, what: str, value) -> bool:
    """Whether `user` follows this process, room, meeting, body (an object or its pk) or
    kind (its value): one query, none for a visitor who is not signed in."""
    if not user.is_authenticated:
        return False
    schedules = PersonalSchedule.objects.filter(user=user)
    if what == "kind":
        kinds = schedules.values_list("kinds", flat=True).first() or []
        return value in kinds
    return schedules.filter(**{RELATED[what]: value}).exists()


@dataclass
class Followed:
    """Everything a user follows, for My schedule: each with its Unfollow."""

    processes: list[Process]
    rooms: list[Room]
    organs: list[Organ]
    meetings: list[Meeting]
    kinds: list[tuple[str, str]]  # (value, label)

    @property
    def is_empty(self) -> bool:
        return not (self.processes or self.rooms or self.organs or self.meetings or self.kinds)


def followed_things(personal: PersonalSchedule) -> Followed:
    """Four queries: processes (with their session), rooms, bodies, single meetings
    (past ones too, so that they can be unfollowed)."""
    return Followed(
        processes=list(personal.processes.select_related("session")),
        rooms=list(personal.rooms.all()),
        organs=list(personal.organs.all()),
        meetings=list(personal.meetings.select_related("room").order_by("start", "pk")),
        kinds=[(k, MeetingKind(k).label) for k in personal.kinds if k in MeetingKind.values],
    )


def upcoming_of(**condition) -> QuerySet[Meeting]:
    """The next published meetings (from today on) of a kind or a body, soonest first."""
    meetings = Meeting.objects.published().filter(booked_until__gt=start_of_day(today()))
    return listed(meetings.filter(**condition)).order_by("start", "pk")[:UPCOMING_ON_PAGE]


# --- Who else from my mission follows this ----------------------------------------

# Set by the app that knows missions' staff (accounts, which meetings cannot import):
# provider(user, meetings) -> {meeting pk: [names]}, or None when the user may not know.
_colleagues: list[Callable] = []


def register_colleagues(provider: Callable) -> None:
    _colleagues[:] = [provider]  # ready() may run more than once in tests


def colleagues_following(user, meetings: list[Meeting]) -> dict[int, list[str]] | None:
    """Names of the user's mission colleagues who follow each meeting; None when nobody
    answers or the user may not know (only a mission's focal point may)."""
    if not _colleagues or not meetings:
        return None
    return _colleagues[0](user, meetings)


def my_schedule_page(user) -> dict:
    """What My schedule shows besides its feed: what is followed, what is coming, which
    followed meetings overlap, and who else at the user's mission follows those."""
    personal = schedule_of(user)
    upcoming = list(followed_meetings(personal, since=today()).for_listing())
    clashes = overlaps(upcoming)
    clashing = list({m.pk: m for pair in clashes for m in pair}.values())
    colleagues = colleagues_following(user, clashing)
    for meeting in clashing:  # read by the clash list; None: not to be shown
        meeting.colleagues = None if colleagues is None else colleagues.get(meeting.pk, [])
    return {
        "personal": personal,
        "upcoming": upcoming,
        "overlaps": clashes,
        "followed": followed_things(personal),
        "shows_colleagues": colleagues is not None,
    }
