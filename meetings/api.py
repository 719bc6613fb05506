"""The open data API: read-only JSON of meetings, processes, rooms and deadlines.

django-ninja builds the OpenAPI schema (served at /api/openapi.json) from the typed
schemas below, so the schema cannot drift from the code. Filters are those of the
schedule pages and feeds; ids are stable (meeting numbers, process slugs, room codes).
A client makes at most CALLS_A_MINUTE calls a minute (counted per address in the cache;
when the cache is down the API stays open rather than closed to all), and a page holds
at most MAX_PAGE rows.
"""

import logging
import math
import re
from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, Throttled
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.throttling import SimpleRateThrottle
from pydantic import BeforeValidator, Field
from redis.exceptions import RedisError

from . import pagecache, schedule
from .enums import MeetingKind
from .forms import ScheduleFilterForm
from .models import AgendaItem, Deadline, Meeting, Process, Room

logger = logging.getLogger(__name__)

CALLS_A_MINUTE = 120
MAX_PAGE = 200
COUNT_AHEAD = 1000  # meetings counted past a page's end (MeetingPage)


class PerClient(SimpleRateThrottle):
    """Calls per client address, the address as sign-in takes it: the connection's, or
    the one a declared proxy gives (ALLAUTH_TRUSTED_*), never a forged header."""

    def get_cache_key(self, request) -> str:
        try:
            address = DefaultAccountAdapter(request).get_client_ip(request)
        except PermissionDenied:  # no address (the declared proxy's header missing)
            address = "unknown"  # one count for all such calls, not a refusal
        return f"api-calls:{address}"

    def allow_request(self, request) -> bool:
        try:
            return super().allow_request(request)
        except RedisError:
            # The count is lost, not the API: open data stays open while Redis is down.
            logger.warning("API rate limit not applied: the cache is unreachable", exc_info=True)
            return True


api = NinjaAPI(
    title="gasched open data",
    version="1",
    description=(
        "Meetings of the United Nations General Assembly, in New York time. "
        f"At most {CALLS_A_MINUTE} calls a minute per client (then 429, with Retry-After), "
        f"and at most {MAX_PAGE} rows a page."
    ),
    urls_namespace="api",
    docs_url=None,  # the interactive docs load scripts from a CDN, which the CSP forbids
    throttle=[PerClient(f"{CALLS_A_MINUTE}/m")],
)


@api.exception_handler(Throttled)
def too_many_calls(request, error: Throttled):
    response = api.create_response(
        request,
        {"detail": f"Too many requests: at most {CALLS_A_MINUTE} a minute per client."},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(error.wait or 60))
    return response


class Problem(Schema):
    detail: str


class Invalid(Schema):
    """Parameters that are not of the declared type (ninja's own validation)."""

    detail: list[dict]


# Identifiers as the database holds them; this also keeps out NUL and other bytes that
# PostgreSQL refuses (a 500), and numbers too large for its integers.
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=140)]
MeetingNumber = Annotated[int, Field(ge=1, le=2**62)]


def iso_date_only(value):
    """2017-06-29, nothing else: pydantic would also read "0" as 1 January 1970."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(iso_date_only)]


class Paging(LimitOffsetPagination):
    """Pages of at most MAX_PAGE rows, from offsets the database can hold; a larger
    `limit` is refused (422, naming it and the maximum), never silently cut."""

    class Input(Schema):
        limit: int = Field(
            100, ge=1, le=MAX_PAGE, description=f"Rows on the page: 1 to {MAX_PAGE}."
        )
        offset: int = Field(0, ge=0, le=1_000_000)


# Every operation says how it fails: schemathesis holds the API to it.
ERRORS = {400: Problem, 404: Problem, 422: Invalid, 429: Problem}


class RoomOut(Schema):
    code: str
    name: str
    building: str
    has_interpretation: bool
    capacity: int | None
    is_current: bool
    aliases: list[str]

    @staticmethod
    def resolve_aliases(room) -> list[str]:
        return [alias.name for alias in room.aliases.all()]


class CoFacilitatorOut(Schema):
    name: str
    title: str
    state: str


class ProcessOut(Schema):
    slug: str
    title: str
    short_title: str
    session: int
    mandate: str
    mandate_symbol: str
    cofacilitators: list[CoFacilitatorOut]
    url: str

    @staticmethod
    def resolve_session(process) -> int:
        return process.session.number

    @staticmethod
    def resolve_url(process) -> str:
        return process.get_absolute_url()


class OrganOut(Schema):
    """The body whose official meeting it is (the Journal's "Official meetings")."""

    code: str
    name: str


class AgendaItemOut(Schema):
    number: str  # "13", "120 (b)"; may be empty
    title: str
    documents: list[str]  # document symbols, e.g. A/79/345


class MeetingOut(Schema):
    id: int
    uid: str
    title: str
    kind: str
    status: str
    status_reason: str  # why it is cancelled or postponed; empty while it is on
    timing: str
    start: datetime
    end: datetime | None
    room: str | None
    overflow_room: str | None
    mode: str
    process: str | None
    session: int
    is_closed: bool
    participation: str
    documents: list[str]
    organ: OrganOut | None  # null: not an official meeting of a body
    meeting_number: int | None  # the body's meeting number in its session (45th plenary)
    official_name: str  # "General Assembly, 45th plenary meeting"; empty without a body
    agenda_items: list[AgendaItemOut]
    webcast_url: str
    # Who keeps it: "office" (the PGA office) or "journal" (an official meeting read from
    # the Journal of the United Nations, read-only to the office).
    source: str
    notes: str
    sequence: int
    updated: datetime
    url: str

    @staticmethod
    def resolve_start(meeting) -> datetime:
        return meeting.local_start  # New York time, with its offset (-04:00 or -05:00)

    @staticmethod
    def resolve_end(meeting) -> datetime | None:
        return meeting.local_end

    @staticmethod
    def resolve_room(meeting) -> str | None:
        return meeting.room.code if meeting.room else None

    @staticmethod
    def resolve_overflow_room(meeting) -> str | None:
        return meeting.overflow_room.code if meeting.overflow_room else None

    @staticmethod
    def resolve_process(meeting) -> str | None:
        return meeting.process.slug if meeting.process else None

    @staticmethod
    def resolve_session(meeting) -> int:
        return meeting.session.number

    @staticmethod
    def resolve_agenda_items(meeting) -> list:
        return list(meeting.agenda_items.all())  # prefetched (with_relations)

    @staticmethod
    def resolve_official_name(meeting) -> str:
        with translation.override("en"):  # as stored: the same bytes in any language
            return meeting.official_name

    @staticmethod
    def resolve_url(meeting) -> str:
        return meeting.get_absolute_url()


class DeadlineOut(Schema):
    id: int
    process: str
    kind: str
    title: str
    due_date: date
    due_time: time | None
    close_of_business: bool

    @staticmethod
    def resolve_process(deadline) -> str:
        return deadline.process.slug


class MeetingFilter(Schema):
    kind: list[MeetingKind] = []
    process: list[Slug | Literal[""]] = []
    room: list[Slug | Literal[""]] = []
    organ: list[Slug | Literal[""]] = []
    q: str = ""
    since: IsoDate | None = None
    until: IsoDate | None = None


def with_relations(meetings):
    """What MeetingOut shows, read in a fixed number of queries: one for the meetings
    (with their session, process, rooms and organ), one for their agenda items."""
    return meetings.select_related(
        "session", "process", "room", "overflow_room", "organ"
    ).prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk"))
    )


def schedule_filter(filters: MeetingFilter) -> schedule.ScheduleFilter:
    """The same validation as the schedule pages. Empty values filter nothing; a process
    or room that does not exist is a 404 naming it."""
    data = {
        "kind": [k for k in filters.kind if k],
        "process": [p for p in filters.process if p],
        "room": [r for r in filters.room if r],
        "organ": [o for o in filters.organ if o],
        "q": filters.q,
    }
    choices = schedule.known_filter_values(named=data["process"], organs=data["organ"])
    form = ScheduleFilterForm(
        data, processes=choices.processes, rooms=choices.rooms, organs=choices.organs
    )
    if not form.is_valid():
        reasons = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
        status = 404 if {"process", "room", "organ"} & set(form.errors) else 400
        raise HttpError(status, f"Unknown filter value ({reasons})")
    return form.schedule_filter()


class MeetingPage(Schema):
    """A page of meetings, counted without reading every meeting ever stored: `count` is
    exact up to COUNT_AHEAD meetings past the end of the page; beyond that it says that
    many and `count_is_exact` is false (a larger offset counts further)."""

    items: list[MeetingOut]
    count: int = Field(
        description=f"Meetings matching, counted up to {COUNT_AHEAD} past the end of this page."
    )
    count_is_exact: bool = Field(description="False when more meetings match than `count`.")


def meeting_page(
    found: schedule.ScheduleFilter, filters: MeetingFilter, paging: Paging.Input
) -> dict:
    meetings = found.apply(with_relations(Meeting.objects.published()))
    if filters.since:
        meetings = meetings.filter(start__gte=schedule.start_of_day(filters.since))
    if filters.until:
        meetings = meetings.filter(start__lt=schedule.start_of_day(filters.until + timedelta(1)))
    meetings = meetings.order_by("start", "pk")
    end = paging.offset + paging.limit
    horizon = end + COUNT_AHEAD
    counted = meetings[: horizon + 1].count()  # a COUNT over a LIMIT: bounded
    page = {
        "items": list(meetings[paging.offset : end]),
        "count": min(counted, horizon),
        "count_is_exact": counted <= horizon,
    }
    return MeetingPage.model_validate(page).model_dump()


@api.get("/meetings", response={200: MeetingPage, **ERRORS}, tags=["meetings"])
def list_meetings(request, filters: Query[MeetingFilter], paging: Query[Paging.Input]):
    """Meetings in time order; `since`/`until` are New York dates (inclusive). Served from
    the schedule cache until the schedule changes (searches with `q` aside)."""
    found = schedule_filter(filters)  # refused (404, 400) before any cache is touched

    def render() -> bytes:
        page = meeting_page(found, filters, paging)
        return api.create_response(request, page, status=200).content

    if found.text:  # searches are not cached (keys without bound)
        body = render()
    else:
        identity = (
            found.as_query(),
            filters.since,
            filters.until,
            paging.offset,
            paging.limit,
            request.get_host(),
        )
        body = pagecache.fragment("api-meetings", identity, render).value
    return HttpResponse(body, content_type="application/json; charset=utf-8")


@api.get("/meetings/{meeting_id}", response={200: MeetingOut, **ERRORS}, tags=["meetings"])
def get_meeting(request, meeting_id: MeetingNumber):
    return get_object_or_404(with_relations(Meeting.objects.published()), pk=meeting_id)


@api.get("/processes", response={200: list[ProcessOut], **ERRORS}, tags=["processes"])
@paginate(Paging)
def list_processes(request):
    return Process.objects.select_related("session").prefetch_related("cofacilitators")


@api.get("/processes/{slug}", response={200: ProcessOut, **ERRORS}, tags=["processes"])
def get_process(request, slug: Slug):
    return get_object_or_404(
        Process.objects.select_related("session").prefetch_related("cofacilitators"), slug=slug
    )


@api.get("/rooms", response={200: list[RoomOut], **ERRORS}, tags=["rooms"])
def list_rooms(request):
    return Room.objects.prefetch_related("aliases")


@api.get("/deadlines", response={200: list[DeadlineOut], **ERRORS}, tags=["deadlines"])
@paginate(Paging)
def list_deadlines(request, process: Slug | None = None):
    deadlines = Deadline.objects.select_related("process")
    if process:
        deadlines = deadlines.filter(process__slug=process)
    return deadlines
