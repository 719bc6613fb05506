"""Pages of the programme and staff entry. Thin: forms validate, domain functions act."""

import time
from datetime import date, timedelta
from hashlib import sha256

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.formats import date_format
from django.utils.http import http_date, url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gasched.access import requires
from gasched.formats import weekday_date

from . import audit, changes, feeds, personal, schedule
from .enums import MeetingKind, MeetingStatus
from .forms import (
    AvailabilityForm,
    CoFacilitatorFormSet,
    MeetingForm,
    ProcessForm,
    RoomForm,
    ScheduleFilterForm,
    slot_of,
)
from .models import Meeting, PersonalSchedule, Process, Room, Session
from .pagecache import cached_fragment, cached_large, fragment_key
from .processes import save_process
from .rules import is_pga_office
from .venues import current_room_names, save_room

PAGE_SIZE = 100
# Reasons given for a 400 are plain text: they may repeat what the client sent.
PLAIN_TEXT = "text/plain; charset=utf-8"


def filter_form(request) -> ScheduleFilterForm:
    return ScheduleFilterForm(
        request.GET or None,
        processes=Process.objects.select_related("session"),
        rooms=Room.objects.all(),  # historical rooms too: the archive filters by them
    )


def read_filter(request) -> tuple[ScheduleFilterForm, schedule.ScheduleFilter | None]:
    """The filter in the URL, or None when it names something that does not exist."""
    form = filter_form(request)
    if not form.is_bound:
        return form, schedule.ScheduleFilter()
    if form.is_valid():
        return form, form.schedule_filter()
    return form, None


FILTER_PARAMETERS = ("kind", "process", "room")


def cacheable_parameters(request) -> str | None:
    """The query as a cache key: known parameters only, so that made-up ones cannot fill
    the cache; None (do not cache) for text searches and odd page numbers."""
    if request.GET.get("q", "").strip():
        return None
    page = request.GET.get("page", "1")
    if not (page.isdigit() and len(page) <= 4):
        return None
    pairs = sorted((k, v) for k in FILTER_PARAMETERS for v in request.GET.getlist(k))
    return urlencode([*pairs, ("page", page)])


def feed_url(request) -> str:
    """The https address of the feed for the filter in this request's URL."""
    pairs = [(k, v) for k in FILTER_PARAMETERS for v in request.GET.getlist(k)]
    query = f"?{urlencode(pairs)}" if pairs else ""
    return request.build_absolute_uri(reverse("meetings:feed") + query)


def schedule_page(
    request, name: str, build, *, around=None, template: str = "meetings/page.html"
) -> HttpResponse:
    """A page whose content (the same for every reader) is cached until the schedule changes.

    build() returns (fragment template, context, status); around() returns the context of
    the page around it (its title, what staff buttons need) and may raise Http404. A
    filter naming something that does not exist gives 400 and is never cached. For
    anonymous readers with no pending message the whole page is the same for everyone
    and is cached too.
    """
    parameters = cacheable_parameters(request)
    key = None
    if parameters is not None:
        # The host too: the content carries absolute feed addresses.
        key = fragment_key(name, parameters, schedule.today(), get_language(), request.get_host())

    def render_content():
        fragment, context, status = build()
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            "query": query.urlencode(),
            "today": schedule.today(),
            "feed_url": feed_url(request),
            "webcal_url": "webcal://" + feed_url(request).split("://", 1)[1],
            **context,
        }
        return render_to_string(fragment, context, request), status

    def render_page():
        outer = around() if around else {}  # first: it may answer 404
        content, status = cached_fragment(key, render_content) if key else render_content()
        context = {"content": content, "feed_url": feed_url(request), **outer}
        response = render(request, template, context, status=status)
        return response.content.decode(), status

    if key is None or request.user.is_authenticated or len(get_messages(request)):
        html, status = render_page()
    else:
        html, status = cached_fragment(f"{key}:anonymous-page", render_page)
    return HttpResponse(html, status=status)


@require_safe
def programme(request):
    """Upcoming meetings grouped by day. Filters: ?kind= &process= &room= &q= (repeatable)."""

    def build():
        form, schedule_filter = read_filter(request)
        if schedule_filter is None:
            return "meetings/_programme_content.html", {"filter_form": form, "days": []}, 400
        page = Paginator(schedule.upcoming_meetings(schedule_filter), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        days = schedule.group_by_day(page.object_list)
        context = {"filter_form": form, "page": page, "days": days}
        return "meetings/_programme_content.html", context, 200

    return schedule_page(
        request, "programme", build, around=lambda: {"title": _("Programme of meetings")}
    )


@require_safe
def day(request, day: date):
    def build():
        form, schedule_filter = read_filter(request)
        context = {
            "filter_form": form,
            "date": day,
            "day": None,
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1),
            "week": schedule.week_starting(day),
        }
        if schedule_filter is None:
            return "meetings/_day_content.html", context, 400
        (context["day"],) = schedule.meetings_between(day, day, schedule_filter)
        return "meetings/_day_content.html", context, 200

    title = weekday_date(day)
    return schedule_page(request, f"day:{day}", build, around=lambda: {"title": title})


@require_safe
def week(request, day: date):
    monday = schedule.week_starting(day)
    if monday != day:
        query = request.GET.urlencode()
        return redirect(reverse("meetings:week", args=[monday]) + (f"?{query}" if query else ""))

    def build():
        form, schedule_filter = read_filter(request)
        context = {
            "filter_form": form,
            "monday": monday,
            "sunday": monday + timedelta(days=6),
            "days": [],
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
        }
        if schedule_filter is None:
            return "meetings/_week_content.html", context, 400
        last = monday + timedelta(days=6)
        context["days"] = schedule.meetings_between(monday, last, schedule_filter)
        return "meetings/_week_content.html", context, 200

    title = _("Week of %(day)s") % {"day": date_format(monday, "DATE_FORMAT")}
    return schedule_page(request, f"week:{monday}", build, around=lambda: {"title": title})


@require_safe
def week_by_room(request, day: date):
    """The working week as a grid of rooms by days: free rooms at a glance."""
    monday = schedule.week_starting(day)
    if monday != day:
        return redirect("meetings:week-rooms", monday)

    def build():
        form, schedule_filter = read_filter(request)
        context = {
            "filter_form": form,
            "monday": monday,
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "days": [],
            "rows": [],
        }
        if schedule_filter is None:
            return "meetings/_room_grid_content.html", context, 400
        context["days"], context["rows"] = schedule.room_grid(monday, schedule_filter)
        return "meetings/_room_grid_content.html", context, 200

    title = _("Rooms, week of %(day)s") % {"day": date_format(monday, "DATE_FORMAT")}
    return schedule_page(request, f"rooms:{monday}", build, around=lambda: {"title": title})


@require_safe
def month(request, year: int, month: int):
    """A month calendar of meetings, Monday first."""
    if not (1900 <= year <= 2200 and 1 <= month <= 12):
        raise Http404(_("There is no such month."))
    first = date(year, month, 1)

    def build():
        form, schedule_filter = read_filter(request)
        previous = first - timedelta(days=1)
        following = first + timedelta(days=32)
        context = {
            "filter_form": form,
            "first": first,
            "previous": (previous.year, previous.month),
            "next": (following.year, following.month),
            "weeks": [],
        }
        if schedule_filter is None:
            return "meetings/_month_content.html", context, 400
        context["weeks"] = schedule.month_weeks(year, month, schedule_filter)
        return "meetings/_month_content.html", context, 200

    title = date_format(first, "YEAR_MONTH_FORMAT")
    return schedule_page(request, f"month:{year}-{month}", build, around=lambda: {"title": title})


@require_safe
def archive(request):
    sessions = Session.objects.annotate(meeting_count=Count("meetings"))
    return render(request, "meetings/archive.html", {"sessions": sessions})


@require_safe
def archive_session(request, number: int):
    session = get_object_or_404(Session, number=number)
    form, schedule_filter = read_filter(request)
    # Not cached: which meetings are past changes by the minute, not by the day.
    context = {
        "session": session,
        "filter_form": form,
        "days": [],
        "query": request.GET.urlencode(),
    }
    if schedule_filter is None:
        return render(request, "meetings/archive_session.html", context, status=400)
    page = Paginator(schedule.past_meetings(session, schedule_filter), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context.update(page=page, days=schedule.group_by_day(page.object_list))
    return render(request, "meetings/archive_session.html", context)


@require_safe
def meeting_detail(request, pk: int):
    def page_around():
        # One light query: the 404, the page title and what the staff buttons need.
        meeting = Meeting.objects.only("pk", "status", "title").filter(pk=pk).first()
        if meeting is None:
            raise Http404(_("There is no meeting with this number."))
        around = {"meeting": meeting, "title": meeting.title}
        if is_pga_office(request.user):
            around["changes"] = audit.meeting_changes(meeting)
        return around

    def build():
        return "meetings/_meeting_content.html", {"meeting": schedule.meeting_for_page(pk)}, 200

    return schedule_page(
        request, f"meeting:{pk}", build, around=page_around, template="meetings/meeting_detail.html"
    )


def meeting_form_page(request, form, meeting=None, status=200):
    context = {
        "form": form,
        "meeting": meeting,
        "room_names": current_room_names(),
        "free_rooms": None,
    }
    if form.is_bound and "start" in form.cleaned_data:
        start, until = slot_of(form.cleaned_data)
        context["free_rooms"] = schedule.free_rooms(start, until, ignore=meeting)
    return render(request, "meetings/meeting_form.html", context, status=status)


def save_meeting_from(request, form, meeting=None):
    if not form.is_valid():
        return meeting_form_page(request, form, meeting, status=400)
    if request.POST.get("check"):
        # "Check free rooms" (the form without JavaScript): show availability, save nothing.
        return meeting_form_page(request, form, meeting)
    try:
        saved = schedule.save_meeting(form.meeting())
    except ValidationError as error:
        form.add_error(None, error)
        return meeting_form_page(request, form, meeting, status=400)
    messages.success(request, _("Saved “%(title)s”.") % {"title": saved.title})
    return redirect(saved)


@requires("meetings.add_meeting")
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    if request.method == "POST":
        return save_meeting_from(request, MeetingForm(request.POST))
    return meeting_form_page(request, MeetingForm())


@requires("meetings.change_meeting")
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    if request.method == "POST":
        return save_meeting_from(request, MeetingForm(request.POST, instance=meeting), meeting)
    return meeting_form_page(request, MeetingForm(instance=meeting), meeting)


@requires("meetings.change_meeting")
@require_POST
def meeting_status(request, pk: int):
    """Publish, postpone, cancel or reinstate a meeting (a POST from its page)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    status = request.POST.get("status")
    if status not in MeetingStatus.values:
        return HttpResponseBadRequest(
            _("Unknown status: choose one of %(s)s.") % {"s": ", ".join(MeetingStatus.values)},
            content_type=PLAIN_TEXT,
        )
    try:
        schedule.set_meeting_status(meeting, MeetingStatus(status))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(meeting)
    messages.success(
        request,
        _("The meeting is now %(status)s.") % {"status": meeting.get_status_display().lower()},
    )
    return redirect(meeting)


@requires("meetings.view_meeting")
@require_safe
def room_availability(request):
    """The free rooms for a date and time, as an HTML fragment for the meeting form."""
    form = AvailabilityForm(request.GET)
    if not form.is_valid():
        return render(request, "meetings/_availability.html", {"form": form}, status=400)
    ignore = Meeting.objects.filter(pk=form.cleaned_data["ignore"]).first()
    start, until = form.slot()
    context = {"form": form, "free_rooms": schedule.free_rooms(start, until, ignore=ignore)}
    return render(request, "meetings/_availability.html", context)


@require_safe
def process_list(request):
    processes = Process.objects.select_related("session").annotate(meeting_count=Count("meetings"))
    return render(request, "meetings/process_list.html", {"processes": processes})


@require_safe
def process_detail(request, slug: str):
    try:
        process = schedule.process_for_page(slug)
    except Process.DoesNotExist:
        raise Http404(_("There is no process at this address.")) from None
    past, planned = schedule.split_past_and_planned(process.meetings.all())
    context = {"process": process, "past": past, "planned": planned}
    return render(request, "meetings/process_detail.html", context)


def process_form_page(request, process=None):
    form = ProcessForm(request.POST or None, instance=process)
    formset = CoFacilitatorFormSet(request.POST or None, instance=process or Process())
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            try:
                saved = save_process(form.save(commit=False), cofacilitators=formset)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved “%(title)s”.") % {"title": saved})
                return redirect(saved)
        context = {"form": form, "formset": formset, "process": process}
        return render(request, "meetings/process_form.html", context, status=400)
    context = {"form": form, "formset": formset, "process": process}
    return render(request, "meetings/process_form.html", context)


@requires("meetings.add_process")
@require_http_methods(["GET", "POST"])
def process_create(request):
    return process_form_page(request)


@requires("meetings.change_process")
@require_http_methods(["GET", "POST"])
def process_edit(request, slug: str):
    return process_form_page(request, get_object_or_404(Process, slug=slug))


@require_safe
def room_list(request):
    rooms = Room.objects.prefetch_related("aliases")
    return render(request, "meetings/room_list.html", {"rooms": rooms})


@require_safe
def room_detail(request, code: str):
    room = get_object_or_404(Room.objects.prefetch_related("aliases"), code=code)
    upcoming = schedule.upcoming_meetings(schedule.ScheduleFilter(rooms=(room.code,)))[:50]
    context = {"room": room, "days": schedule.group_by_day(upcoming)}
    return render(request, "meetings/room_detail.html", context)


def room_form_page(request, room=None):
    form = RoomForm(request.POST or None, instance=room)
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = save_room(form.save(commit=False), aliases=form.alias_names())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved %(room)s.") % {"room": saved})
                return redirect(saved)
        return render(request, "meetings/room_form.html", {"form": form, "room": room}, status=400)
    return render(request, "meetings/room_form.html", {"form": form, "room": room})


@requires("meetings.add_room")
@require_http_methods(["GET", "POST"])
def room_create(request):
    return room_form_page(request)


@requires("meetings.change_room")
@require_http_methods(["GET", "POST"])
def room_edit(request, code: str):
    return room_form_page(request, get_object_or_404(Room, code=code))


FEED_CONTENT_TYPE = "text/calendar; charset=utf-8"


@require_safe
def programme_feed(request):
    """The programme as an iCalendar feed, for any filter of the schedule pages.

    ?kind= &process= &room= &q= combine as on the schedule pages; a feed of processes
    also carries their deadlines. Unknown values: 400 with the reason. Served from cache
    until the schedule changes; ETag and Last-Modified answer conditional requests
    with 304 without touching the database.
    """
    parameters = sorted({(k, v) for k in FILTER_PARAMETERS for v in request.GET.getlist(k)})
    # The window (this session and the previous one) moves with the date: so does the key.
    key = fragment_key("feed", urlencode(parameters), request.get_host(), schedule.today())

    def render_feed():
        form, schedule_filter = read_filter(request)
        if schedule_filter is None:
            reasons = "; ".join(f"{f}: {' '.join(e)}" for f, e in form.errors.items())
            return (f"Unknown filter value ({reasons})".encode(), "", 0), 400
        meetings, deadlines = schedule.feed_items(schedule_filter)
        body = feeds.build_calendar(
            meetings,
            deadlines=deadlines,
            name=feed_name(form),
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
        etag = '"' + sha256(body).hexdigest()[:32] + '"'
        return (body, etag, int(time.time())), 200

    if request.GET.get("q", "").strip():  # searches are not cached (keys without bound)
        (body, etag, last_modified), status = render_feed()
    else:
        (body, etag, last_modified), status = cached_large(key, render_feed, lambda v: len(v[0]))
    if status != 200:
        return HttpResponseBadRequest(body, content_type=PLAIN_TEXT)
    return calendar_response(request, body, etag, last_modified)


def calendar_response(request, body: bytes, etag: str, last_modified: int) -> HttpResponse:
    """A feed with validators; 304 when the client already has these bytes."""
    response = HttpResponse(body, content_type=FEED_CONTENT_TYPE)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "no-cache"  # always revalidate: the validators are cheap
    response["Content-Disposition"] = 'inline; filename="gasched.ics"'
    # A 304 carries the same validators and Cache-Control (RFC 9110 §15.4.5).
    not_modified = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
    return not_modified if not_modified is not None else response


def feed_name(form) -> str:
    """ "General Assembly meetings", or what the filter chose: "... — Conference Room 3"."""
    cleaned = getattr(form, "cleaned_data", {})  # unbound: no filter at all
    chosen = []
    for name in FILTER_PARAMETERS:
        labels = dict(form.fields[name].choices)
        chosen += [str(labels[value]) for value in dict.fromkeys(cleaned.get(name, []))]
    if cleaned.get("q"):
        chosen.append(f"“{cleaned['q']}”")
    title = _("General Assembly meetings")
    return f"{title} — {', '.join(chosen)}" if chosen else title


@require_safe
def meeting_ics(request, pk: int):
    """ "Add to calendar": one meeting, with the same UID and SEQUENCE as in every feed."""
    try:
        meeting = schedule.meeting_for_page(pk)
    except Meeting.DoesNotExist:
        raise Http404(_("There is no meeting with this number.")) from None
    body = feeds.build_calendar(
        [meeting],
        name=meeting.title,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        subscription=False,
    )
    response = HttpResponse(body, content_type=FEED_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{meeting.ics_filename}"'
    return response


# --- My schedule: follows, a private feed, overlaps ------------------------------


@login_required
@require_safe
def my_schedule(request):
    mine, upcoming, clashes = personal.my_schedule(request.user)
    feed = None
    if mine.token:
        feed = request.build_absolute_uri(reverse("meetings:personal-feed", args=[mine.token]))
    context = {
        "personal": mine,
        "days": schedule.group_by_day(upcoming),
        "overlaps": clashes,
        "feed_url": feed,
        "webcal_url": "webcal://" + feed.split("://", 1)[1] if feed else None,
        "processes": mine.processes.select_related("session"),
        "rooms": mine.rooms.all(),
        "kinds": [(k, MeetingKind(k).label) for k in mine.kinds if k in MeetingKind.values],
    }
    return render(request, "meetings/my_schedule.html", context)


@login_required
@require_POST
def follow(request):
    """Follow or unfollow: what=process|room|meeting|kind, value=slug|code|number|kind."""
    what, value = request.POST.get("what"), request.POST.get("value", "")
    lookups = {
        "process": lambda: Process.objects.filter(slug=value).first(),
        "room": lambda: Room.objects.filter(code=value).first(),
        "meeting": lambda: (
            # isdigit() alone takes "²" and Arabic-Indic digits, which int() may refuse
            Meeting.objects.filter(pk=int(value)).first()
            if value.isascii() and value.isdigit() and len(value) < 19
            else None
        ),
        "kind": lambda: value if value in MeetingKind.values else None,
    }
    if what not in lookups:
        return HttpResponseBadRequest(
            _("Follow what? One of: process, room, meeting, kind."), content_type=PLAIN_TEXT
        )
    target = lookups[what]()
    if target is None:
        # Plain text: the reason repeats what was sent.
        reason = _("There is no %(what)s “%(value)s”.") % {"what": what, "value": value}
        return HttpResponseBadRequest(reason, content_type=PLAIN_TEXT)
    following = request.POST.get("follow") != "0"
    personal.set_following(request.user, what=what, value=target, follow=following)
    messages.success(
        request, _("Added to your schedule.") if following else _("Removed from your schedule.")
    )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("meetings:my-schedule")
    return redirect(back)


@login_required
@require_POST
def feed_token(request):
    """action=rotate: a new private feed address (the old one stops at once); revoke: none."""
    action = request.POST.get("action")
    if action == "rotate":
        personal.rotate_token(request.user)
        messages.success(request, _("Your feed has a new address; the old one no longer works."))
    elif action == "revoke":
        personal.revoke_token(request.user)
        messages.success(request, _("Your feed address no longer works."))
    else:
        return HttpResponseBadRequest(_("Choose rotate or revoke."), content_type=PLAIN_TEXT)
    return redirect("meetings:my-schedule")


@require_safe
def personal_feed(request, token: str):
    """A user's schedule as a feed: the token is the only key (no login; calendars fetch
    it from their servers). An unknown or revoked token is 404 at once."""
    found = PersonalSchedule.objects.filter(token=token).first() if token else None
    if found is None:
        raise Http404(_("No feed at this address."))
    key = fragment_key("personal-feed", found.pk, found.token, request.get_host())

    def render_feed():
        meetings = (
            personal.followed_meetings(found, since=schedule.today() - timedelta(days=366))
            .select_related("process", "room", "overflow_room", "follows")
            .prefetch_related("process__cofacilitators")
        )
        body = feeds.build_calendar(
            meetings,
            name=_("My General Assembly meetings"),
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
        return (body, '"' + sha256(body).hexdigest()[:32] + '"', int(time.time())), 200

    (body, etag, last_modified), _status = cached_large(key, render_feed, lambda v: len(v[0]))
    return calendar_response(request, body, etag, last_modified)


@require_safe
def programme_changes(request):
    """What changed over the last days (`?days=`, 1 to 60; default 7)."""
    try:
        days = int(request.GET.get("days", 7))
    except ValueError:
        return HttpResponseBadRequest(
            _("days must be a number from 1 to 60."), content_type=PLAIN_TEXT
        )
    if not 1 <= days <= changes.MAX_DAYS:
        return HttpResponseBadRequest(
            _("days must be a number from 1 to 60."), content_type=PLAIN_TEXT
        )
    context = {"changes": changes.programme_changes(days=days), "days": days}
    return render(request, "meetings/changes.html", context)
