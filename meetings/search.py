"""Search across every session: meetings (upcoming first, then how many past ones match),
processes, and what other apps register (the letters, from correspondence).

PostgreSQL: its English full-text search ("negotiations" finds "negotiation"), and a
trigram match on names (meeting and process titles) for a typo ("trafficing"); GIN
indexes on both (migration 0023). SQLite (the embedded default): every word must appear,
as in the programme's filter. A fixed number of queries whatever is stored.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode

from .models import Meeting, Process, Room
from .schedule import ScheduleFilter, listed, start_of_day, today

MAX_LENGTH = 200  # as the programme's search field
UPCOMING_SHOWN = 50
PROCESSES_SHOWN = 20
CONFIG = "english"
# The vectors the GIN indexes of migration 0023 are built on: a query must use the same
# expression for PostgreSQL to use them.
MEETING_VECTOR = ("title", "notes")
PROCESS_VECTOR = ("title", "short_title", "description")


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def meeting_condition(text: str) -> Q:
    """Which meetings match `text`: by their own words, their process's, their room's
    name, or (PostgreSQL) a title close to what was typed. On PostgreSQL a union of
    four lookups that each use an index (an OR of them would read every meeting)."""
    if not is_postgresql():
        return Q(pk__in=ScheduleFilter(text=text).apply(Meeting.objects.all()).values("pk"))
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    meetings = Meeting.objects.order_by()
    own = meetings.annotate(found=SearchVector(*MEETING_VECTOR, config=CONFIG)).filter(found=query)
    close = meetings.filter(title__trigram_word_similar=text)
    of_process = meetings.filter(process__in=matching_processes(text).values("pk"))
    in_room = meetings.filter(room__in=Room.objects.filter(name__icontains=text).values("pk"))
    ids = own.values("pk").union(close.values("pk"), of_process.values("pk"), in_room.values("pk"))
    return Q(pk__in=ids)


def matching_processes(text: str) -> QuerySet[Process]:
    if not is_postgresql():
        processes = Process.objects.all()
        for word in text.split():
            processes = processes.filter(
                Q(title__icontains=word)
                | Q(short_title__icontains=word)
                | Q(description__icontains=word)
            )
        return processes
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    own = Process.objects.annotate(found=SearchVector(*PROCESS_VECTOR, config=CONFIG)).filter(
        found=query
    )
    return Process.objects.filter(
        Q(pk__in=own.values("pk"))
        | Q(title__trigram_word_similar=text)
        | Q(short_title__trigram_word_similar=text)
    )


def matching_meetings(text: str) -> QuerySet[Meeting]:
    """Published meetings of any session that match `text`."""
    return Meeting.objects.published().filter(meeting_condition(text))


def past_matches(text: str) -> QuerySet[Meeting]:
    """Matching meetings held before today (New York), most recent first: the page of
    past matches."""
    meetings = matching_meetings(text).filter(start__lt=start_of_day(today()))
    return listed(meetings).order_by("-start", "pk")


def past_url(text: str) -> str:
    """The page of the past meetings that match."""
    return reverse("meetings:search-past") + "?" + urlencode({"q": text})


def upcoming_matches(text: str) -> QuerySet[Meeting]:
    meetings = matching_meetings(text).filter(start__gte=start_of_day(today()))
    return listed(meetings).order_by("start", "pk")


# --- What other apps find (registered in their AppConfig.ready()) --------------------


@dataclass(frozen=True)
class Found:
    """One thing another app found: its title, address and a line under it."""

    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class Group:
    heading: str
    items: list[Found]
    count: int
    more_url: str = ""  # where all of them are listed, when more than shown


# provider(user, text) -> Group: one or two queries, whatever is stored.
_providers: dict[str, Callable] = {}


def register(name: str, provider: Callable) -> None:
    _providers[name] = provider  # ready() may run more than once in tests


@dataclass
class Results:
    text: str
    upcoming: list[Meeting] = field(default_factory=list)
    upcoming_count: int = 0
    past_count: int = 0
    processes: list[Process] = field(default_factory=list)
    others: list[Group] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.upcoming_count
            or self.past_count
            or self.processes
            or any(group.count for group in self.others)
        )


def everywhere(user, text: str, *, upcoming: bool = True) -> Results:
    """Everything that matches `text`: the next upcoming meetings (`upcoming`: the
    programme lists them itself), how many past ones, the processes, and what the other
    apps find. Five queries, or three without the upcoming meetings, plus the others'."""
    text = " ".join(text.split())
    results = Results(text=text)
    if not text:
        return results
    if upcoming:
        found = list(upcoming_matches(text)[: UPCOMING_SHOWN + 1])
        results.upcoming = found[:UPCOMING_SHOWN]
        results.upcoming_count = len(found)
        if len(found) > UPCOMING_SHOWN:
            results.upcoming_count = upcoming_matches(text).count()
    results.past_count = past_matches(text).count()
    results.processes = list(
        matching_processes(text)
        .select_related("session")
        .order_by("-session__number", "title")[:PROCESSES_SHOWN]
    )
    results.others = [provider(user, text) for provider in _providers.values()]
    return results
