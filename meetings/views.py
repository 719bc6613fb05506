"""Pages of the programme and staff entry. Thin: forms validate, domain functions act."""

import copy
from datetime import date, timedelta
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.formats import date_format
from django.utils.http import http_date, url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gasched.access import requires
from gasched.formats import weekday_date

from . import (
    audit,
    calling_off,
    changes,
    day_programme,
    feed_notice,
    feedcache,
    feeds,
    following,
    pagecache,
    pageshell,
    personal,
    precedence,
    schedule,
    search,
    shownpages,
    signals,
)
from .enums import MeetingKind, MeetingStatus
from .forms import (
    AvailabilityForm,
    CallOffForm,
    CoFacilitatorFormSet,
    MeetingForm,
    ProcessForm,
    RoomForm,
    ScheduleFilterForm,
)
from .models import Deadline, Meeting, Organ, PersonalSchedule, Process, Room, Session
from .processes import save_process
from .rooms import current_room_names, save_room
from .rules import is_pga_office

PAGE_SIZE = 100
PUBLISHED = Q(meetings__published_at__isnull=False)  # drafts are counted nowhere public
# Reasons given for a 400 are plain text: they may repeat what the client sent.
PLAIN_TEXT = "text/plain; charset=utf-8"


def filter_choices(day: date | None = None, named=(), organs=()) -> schedule.FilterChoices:
    """What filters may name, from cache (no query while the schedule is unchanged): the
    processes of the session of `day` (today's by default), those `named`, the rooms,
    and the bodies `organs` names (one query, only then)."""
    return schedule.known_filter_values(day, named, organs)


def filter_form(
    data, choices: schedule.FilterChoices | None = None, *, day: date | None = None, counts=None
) -> ScheduleFilterForm:
    """The filter form listing the processes of the session that covers `day` (by default
    today's) and those the filter names; any process that exists is accepted."""
    choices = choices or filter_choices(day, data.getlist("process"), data.getlist("organ"))
    # historical rooms too: the archive filters by them
    return ScheduleFilterForm(
        data,
        processes=choices.processes,
        rooms=choices.rooms,
        organs=choices.organs,
        choices=choices,
        counts=counts,
    )


def read_filter(request) -> tuple[ScheduleFilterForm | None, schedule.ScheduleFilter | None]:
    """The filter in the URL, validated and made canonical (values deduplicated and
    sorted); or the bound form with its errors and None when it names something that
    does not exist. Known values are checked without building the form, which only a
    refusal (for its messages) or a rendering needs."""
    asked = {name: request.GET.getlist(name) for name in FILTER_PARAMETERS}
    text = request.GET.get("q", "")
    # No process, room or body named (most requests): nothing to look up.
    named_any = asked["process"] or asked["room"] or asked["organ"]
    choices = filter_choices(named=asked["process"], organs=asked["organ"]) if named_any else None
    known = choices.knows if choices else schedule.FilterChoices.knows_kinds
    plain_text = len(text) <= ScheduleFilterForm.base_fields["q"].max_length and "\x00" not in text
    if (
        known(
            kinds=asked["kind"],
            processes=asked["process"],
            rooms=asked["room"],
            organs=asked["organ"],
        )
        and plain_text
    ):
        canonical = schedule.ScheduleFilter.canonical(
            kinds=asked["kind"],
            processes=asked["process"],
            rooms=asked["room"],
            text=text,
            organs=asked["organ"],
        )
        return None, canonical
    form = filter_form(request.GET, choices)
    if form.is_valid():  # what the quick check refused, the form may still take
        return form, form.schedule_filter()
    return form, None


def shown_filter(
    schedule_filter: schedule.ScheduleFilter, day: date | None = None, counts=None
) -> ScheduleFilterForm:
    """The filter form as the page shows it: bound to the canonical filter, listing the
    processes of the session of `day` (the page's first day), with their `counts`."""
    form = filter_form(QueryDict(schedule_filter.as_query()), day=day, counts=counts)
    form.is_valid()
    return form


def filter_box(schedule_filter: schedule.ScheduleFilter, day: date | None) -> str:
    """The filter box of a page, rendered: from cache while what it lists and what is
    chosen are the same, whatever else changed (pagecache.by_content)."""
    choices = filter_choices(day, schedule_filter.processes, schedule_filter.organs)
    counts = schedule.known_counts(day)
    query = schedule_filter.as_query()
    inputs = (get_language(), query, choices.processes, choices.rooms, choices.organs, counts)
    inputs += (choices.room_names, sorted(choices.historical_rooms))

    def render() -> str:
        form = shown_filter(schedule_filter, day, counts)
        context = {"filter_form": form, "query": query}
        return render_to_string("meetings/_filters.html", context)

    return pagecache.by_content("filter-box", inputs, render)


def page_number(request) -> int:
    """?page= as a number; anything else is the first page (as Paginator.get_page does)."""
    page = request.GET.get("page", "1")
    return int(page) if page.isascii() and page.isdigit() and len(page) <= 4 else 1


def feed_url(request, schedule_filter: schedule.ScheduleFilter) -> str:
    """The https address of the feed for this filter (searches aside)."""
    query = schedule_filter.as_query(text=False)
    return request.build_absolute_uri(reverse("meetings:feed") + (f"?{query}" if query else ""))


def subscription(url: str) -> dict:
    """What the "Subscribe in your calendar" box shows for a feed's https address."""
    return {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}


def schedule_page(
    request,
    kind: str,
    parts: tuple,
    schedule_filter: schedule.ScheduleFilter,
    template: str,
    build,
    *,
    shown,
    title: str,
    day: date | None = None,
) -> HttpResponse:
    """A schedule page, its filter already validated: the part that is the same for every
    reader from cache (build() gives its own context), the page around it for this
    visitor (see pageshell).

    The shared part is rendered without the request, so it cannot hold a per-visitor
    value; its identity is the page (`parts`), the canonical filter, the language, the
    host (absolute feed addresses) and today (links to this week). It is rendered again
    only when what it shows changed: `shown()`, the queryset of the meetings it shows
    (meetings.shownpages). Text searches are never cached: their identities have no
    bound and rarely repeat."""
    url = feed_url(request, schedule_filter)
    # The page's own address, as its print carries it (the host is in the identity).
    query = schedule_filter.as_query()
    page_url = request.build_absolute_uri(request.path + (f"?{query}" if query else ""))

    def render_content() -> str:
        context = {
            "query": schedule_filter.as_query(),
            "today": schedule.today(),
            "this_week": day_programme.this_week(schedule.today()),
            "page_url": page_url,
            **subscription(url),
            "filter_box": filter_box(schedule_filter, day),
            **build(),
        }
        return render_to_string(template, context)

    page_context = {"title": title, "feed_url": url}
    if schedule_filter.text:
        return render(request, "meetings/page.html", {"content": render_content(), **page_context})
    language, host = get_language(), request.get_host()
    identity = (*parts, schedule_filter.as_query(), language, host, schedule.today())

    if pageshell.is_for_anyone(request):

        def shell(content: str) -> bytes:
            return pageshell.render_for_anyone(
                request, "meetings/page.html", {"content": content, **page_context}
            )

        page = shownpages.page(kind, identity, shown, render_content, shell)
        return pageshell.personalise(request, page)
    content = shownpages.content(kind, identity, shown, render_content)
    return render(request, "meetings/page.html", {"content": content, **page_context})


def bad_filter_page(request, form, template: str, title: str, **context) -> HttpResponse:
    """400: the filter names something that does not exist; the form says what. Never
    cached."""
    context = {"filter_form": form, "today": schedule.today(), "query": "", **context}
    content = render_to_string(template, context)
    return render(request, "meetings/page.html", {"content": content, "title": title}, status=400)


@require_safe
def programme(request):
    """Upcoming meetings grouped by day. Filters: ?kind= &process= &room= &q= (repeatable)."""
    title = _("Programme of meetings")
    template = "meetings/_programme_content.html"
    form, schedule_filter = read_filter(request)
    if schedule_filter is None:
        return bad_filter_page(request, form, template, title, days=[])
    number = page_number(request)
    if schedule_filter.text:
        # A search lists every upcoming meeting it finds, a hundred a page, then the rest
        # of what the words find in every session (never cached: schedule_page; it may
        # read what only this visitor sees).
        def build():
            meetings = schedule.upcoming_meetings(schedule_filter)
            page = Paginator(meetings, PAGE_SIZE).get_page(number)
            found = search.everywhere(request.user, schedule_filter.text, upcoming=False)
            return {
                "page": page,
                "days": schedule.group_by_day(page.object_list),
                "results": found,
                "past_url": search.past_url(found.text),
            }

        shown = partial(schedule.upcoming_meetings, schedule_filter)
    else:
        # The programme a week at a time (seven days from today), not months on end.
        today = schedule.today()

        def build():
            week = day_programme.programme_week(number, today, schedule_filter)
            context = {"week": week, "days": week.days}
            if not week.days and week.next_day is None:  # nothing ahead: nor in the feed?
                context["feed_empty"] = feed_notice.for_filter(schedule_filter)
            return context

        shown = partial(day_programme.shown_for_week, number, today, schedule_filter)
    return schedule_page(
        request,
        "programme",
        (number,),
        schedule_filter,
        template,
        build,
        shown=shown,
        title=title,
    )


@require_safe
def day(request, day: date):
    title = weekday_date(day)
    template = "meetings/_day_content.html"
    context = {
        "date": day,
        "day": None,
        "previous": day - timedelta(days=1),
        "next": day + timedelta(days=1),
        "week": schedule.week_starting(day),
    }
    form, schedule_filter = read_filter(request)
    if schedule_filter is None:
        return bad_filter_page(request, form, template, title, **context)

    def build():
        return {**context, "day": day_programme.day_programme(day, schedule_filter)}

    return schedule_page(
        request,
        "day",
        (day,),
        schedule_filter,
        template,
        build,
        shown=lambda: day_programme.shown_for_day(day, schedule_filter),
        title=title,
        day=day,
    )


@require_safe
def week(request, day: date):
    monday = schedule.week_starting(day)
    if monday != day:
        query = request.GET.urlencode()
        return redirect(reverse("meetings:week", args=[monday]) + (f"?{query}" if query else ""))
    title = _("Week of %(day)s") % {"day": date_format(monday, "DATE_FORMAT")}
    template = "meetings/_week_content.html"
    context = {
        "monday": monday,
        "sunday": monday + timedelta(days=6),
        "days": [],
        "previous": monday - timedelta(days=7),
        "next": monday + timedelta(days=7),
    }
    form, schedule_filter = read_filter(request)
    if schedule_filter is None:
        return bad_filter_page(request, form, template, title, **context)

    def build():
        days = schedule.meetings_between(monday, monday + timedelta(days=6), schedule_filter)
        return {**context, "days": days}

    return schedule_page(
        request,
        "week",
        (monday,),
        schedule_filter,
        template,
        build,
        shown=lambda: schedule.published_between(
            monday, monday + timedelta(days=6), schedule_filter
        ),
        title=title,
        day=monday,
    )


@require_safe
def week_by_room(request, day: date):
    """The working week as a grid of rooms by days: free rooms at a glance."""
    monday = schedule.week_starting(day)
    if monday != day:
        return redirect("meetings:week-rooms", monday)
    title = _("Rooms, week of %(day)s") % {"day": date_format(monday, "DATE_FORMAT")}
    template = "meetings/_room_grid_content.html"
    context = {
        "monday": monday,
        "previous": monday - timedelta(days=7),
        "next": monday + timedelta(days=7),
        "days": [],
        "rows": [],
    }
    form, schedule_filter = read_filter(request)
    if schedule_filter is None:
        return bad_filter_page(request, form, template, title, **context)

    def build():
        days, rows = schedule.room_grid(monday, schedule_filter)
        room_days = schedule.rooms_by_day(days, rows)
        return {**context, "days": days, "rows": rows, "room_days": room_days}

    working_days = schedule.working_days(monday)
    return schedule_page(
        request,
        "rooms",
        (monday,),
        schedule_filter,
        template,
        build,
        shown=lambda: schedule.published_between(
            working_days[0], working_days[-1], schedule_filter
        ),
        title=title,
        day=monday,
    )


@require_safe
def month(request, year: int, month: int):
    """A month calendar of meetings, Monday first."""
    if not (1900 <= year <= 2200 and 1 <= month <= 12):
        raise Http404(_("There is no such month."))
    first = date(year, month, 1)
    title = date_format(first, "YEAR_MONTH_FORMAT")
    template = "meetings/_month_content.html"
    previous, following = first - timedelta(days=1), first + timedelta(days=32)
    context = {
        "first": first,
        "previous": (previous.year, previous.month),
        "next": (following.year, following.month),
        "weeks": [],
    }
    form, schedule_filter = read_filter(request)
    if schedule_filter is None:
        return bad_filter_page(request, form, template, title, **context)

    def build():
        weeks = schedule.month_weeks(year, month, schedule_filter)
        return {**context, "weeks": weeks}

    span = schedule.month_span(year, month)
    return schedule_page(
        request,
        "month",
        (year, month),
        schedule_filter,
        template,
        build,
        shown=lambda: schedule.published_between(*span, schedule_filter),
        title=title,
        day=first,
    )


@require_safe
def archive(request):
    # Newest first, as readers look for the current session (said here, not left to
    # Session.Meta.ordering, which other listings may change).
    sessions = Session.objects.annotate(meeting_count=Count("meetings", filter=PUBLISHED)).order_by(
        "-number"
    )
    return render(request, "meetings/archive.html", {"sessions": sessions})


def session_feed_url(request, session: Session, schedule_filter=None) -> str:
    """The https address of a session's own feed (the archive's), with the page's filter."""
    query = schedule_filter.as_query() if schedule_filter else ""
    path = reverse("meetings:session-feed", args=[session.number])
    return request.build_absolute_uri(path + (f"?{query}" if query else ""))


@require_safe
def archive_session(request, number: int):
    session = get_object_or_404(Session, number=number)
    form, schedule_filter = read_filter(request)
    # Not cached: which meetings are past changes by the minute, not by the day.
    context = {
        "session": session,
        # the processes of this session, with their counts (a refused filter: its errors)
        "filter_form": form
        if schedule_filter is None
        else shown_filter(
            schedule_filter, session.start_date, schedule.known_counts(session.start_date)
        ),
        "days": [],
        "session_feed_url": session_feed_url(request, session),
    }
    if schedule_filter is None:
        return render(request, "meetings/archive_session.html", context, status=400)
    context["query"] = schedule_filter.as_query()
    context["session_feed_url"] = session_feed_url(request, session, schedule_filter)
    page = Paginator(schedule.past_meetings(session, schedule_filter), PAGE_SIZE).get_page(
        page_number(request)
    )
    context.update(page=page, days=schedule.group_by_day(page.object_list))
    return render(request, "meetings/archive_session.html", context)


@require_safe
def meeting_detail(request, pk: int):
    def render_meeting() -> dict | None:
        try:
            meeting = schedule.meeting_for_page(pk)
        except Meeting.DoesNotExist:
            return None  # remembered too: a missing number costs no query either
        html = render_to_string("meetings/_meeting_content.html", {"meeting": meeting})
        return {
            "html": html,
            "title": meeting.title,
            "status": meeting.status,
            "revision": meeting.revision,
            "source": meeting.source,
        }

    identity = (pk, get_language(), request.get_host(), schedule.today())

    def found(*, drafts: bool = False) -> dict:
        shown = pagecache.fragment("meeting", identity, render_meeting).value
        if shown is None and drafts:
            shown = draft_for_office(pk)  # no public page: perhaps a draft
        if shown is None:
            raise Http404(_("There is no meeting with this number."))
        return shown

    def context(shown: dict) -> dict:
        meeting = {
            "pk": pk,
            "status": shown["status"],
            "revision": shown["revision"],
            "is_draft": shown.get("draft", False),
            "source": shown.get("source", ""),
            "kept_elsewhere": precedence.office_refusal(shown),
        }
        return {"content": shown["html"], "title": shown["title"], "meeting": meeting}

    template = "meetings/meeting_detail.html"
    if pageshell.is_for_anyone(request):
        return pageshell.page_for_anyone(
            request, "meeting", identity, template, lambda: context(found())
        )
    page = context(found(drafts=is_pga_office(request.user)))
    page["following"] = following.is_following(request.user, "meeting", pk)
    if is_pga_office(request.user):
        page["changes"] = audit.meeting_changes(get_object_or_404(Meeting, pk=pk))
    return render(request, template, page)


def draft_for_office(pk: int) -> dict | None:
    """A draft's page, for the office only: rendered for each visit, never cached (the
    cache is what everyone else is served). None if there is no such meeting."""
    try:
        meeting = schedule.meeting_for_page(pk, drafts=True)
    except Meeting.DoesNotExist:
        return None
    html = render_to_string("meetings/_meeting_content.html", {"meeting": meeting})
    return {
        "html": html,
        "title": meeting.title,
        "status": meeting.status,
        "revision": meeting.revision,
        "source": meeting.source,
        "draft": True,
    }


def meeting_form_page(
    request, form, meeting=None, status=200, changed_since=None, update_preview=None
):
    context = {
        "form": form,
        "meeting": meeting,
        "room_names": current_room_names(),
        "free_rooms": None,
        "changed_since": changed_since,
        "update_preview": update_preview,
    }
    if form.is_bound and "start" in form.cleaned_data:
        start, until = form.slot()
        every_room = form.cleaned_data.get("every_room", False)
        context["free_rooms"] = schedule.free_rooms(
            start, until, ignore=meeting, every_room=every_room
        )
    return render(request, "meetings/meeting_form.html", context, status=status)


def save_meeting_from(request, form, meeting=None):
    picked = request.POST.get("pick_room", "")
    if picked:
        # A free room chosen without JavaScript: the form again, with that room in it.
        form.data = form.data.copy()
        form.data["room"] = picked[:200]
    if request.POST.get("check") or picked:
        # "Check free rooms" (the form without JavaScript): show availability, save nothing.
        only_warned = all(name == "save_anyway" for name in form.errors)
        return meeting_form_page(request, form, meeting, status=200 if only_warned else 400)
    if not form.is_valid():
        return meeting_form_page(request, form, meeting, status=400)
    if meeting is not None:
        preview = update_preview(request, form.instance, form.cleaned_data["opened_revision"])
        if preview is not None:
            return meeting_form_page(request, form, meeting, update_preview=preview)
    try:
        if meeting is None:
            token = form.cleaned_data["entry_token"]
            saved, created = schedule.create_meeting(form.instance, entry_token=token)
            if not created:  # the same form sent again: nothing more is created
                messages.info(
                    request,
                    _("This form had already saved “%(title)s”: here it is, saved once.")
                    % {"title": saved.title},
                )
                return redirect(saved)
        else:
            saved = schedule.save_meeting(
                form.instance, expected_revision=form.cleaned_data["opened_revision"]
            )
    except schedule.MeetingChanged as changed:
        # Someone saved the meeting since this form was opened: show what they changed,
        # keep what was typed, and let a second save replace their changes knowingly.
        form.add_error(None, changed)
        form.reopen_at(changed.revision)
        return meeting_form_page(request, form, meeting, status=409, changed_since=changed)
    except ValidationError as error:
        form.add_error(None, error)
        return meeting_form_page(request, form, meeting, status=400)
    if saved.is_draft:
        messages.success(
            request,
            _(
                "Saved “%(title)s” as a draft: nobody sees it or is sent anything until "
                "you publish it."
            )
            % {"title": saved.title},
        )
    else:
        messages.success(request, _("Saved “%(title)s”.") % {"title": saved.title})
    return redirect(saved)


def update_preview(request, edited: Meeting, opened: int | None) -> dict | None:
    """What a significant change to a published meeting will send, for the editor to see
    before it goes (None: nothing to preview, or previewed already and confirmed). The
    form carries the fingerprint of the change it previewed: a save with another change
    (typed meanwhile, or made by someone else) is previewed again."""
    before = Meeting.objects.select_related("room", "overflow_room").filter(pk=edited.pk).first()
    if before is None or before.is_draft or opened != before.revision:
        # Deleted or changed since the form was opened (save_meeting refuses and says
        # so), or a draft: nobody to tell.
        return None
    change = changes.calendar_change(before, edited)
    if not change.significant:
        return None
    fingerprint = changes.fingerprint(change, revision=before.revision)
    if request.POST.get("previewed_change") == fingerprint:
        return None
    edited.sequence = before.sequence + 1  # the version the update carries
    fragments = [
        html
        for _receiver, html in signals.change_previewed.send(
            sender=Meeting, meeting=edited, change=change
        )
        if html
    ]
    edited.sequence = before.sequence
    return {"change": change, "fingerprint": fingerprint, "fragments": fragments}


@requires("meetings.add_meeting")
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    if request.method == "POST":
        return save_meeting_from(request, MeetingForm(request.POST))
    # ?room= (a free room's link on a page without the form's script) fills the room.
    return meeting_form_page(request, MeetingForm(initial={"room": request.GET.get("room", "")}))


@requires("meetings.change_meeting")
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    if refused := precedence.office_refusal(meeting):
        return refuse_change(request, meeting, refused)
    if request.method == "POST":
        return save_meeting_from(request, MeetingForm(request.POST, instance=meeting), meeting)
    return meeting_form_page(request, MeetingForm(instance=meeting), meeting)


@requires("meetings.change_meeting")
@require_POST
def meeting_status(request, pk: int):
    """Publish, postpone, cancel or reinstate a meeting (a POST from its page)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if refused := precedence.office_refusal(meeting):
        return refuse_change(request, meeting, refused)
    status = request.POST.get("status")
    if status not in MeetingStatus.values:
        return HttpResponseBadRequest(
            _("Unknown status: choose one of %(s)s.") % {"s": ", ".join(MeetingStatus.values)},
            content_type=PLAIN_TEXT,
        )
    opened = request.POST.get("opened_revision", "")
    if not (opened.isascii() and opened.isdigit() and len(opened) < 10):
        # Without it a press on an old page would undo whatever changed since.
        return HttpResponseBadRequest(
            _("Open the meeting's page again: this button does not say what it was pressed on."),
            content_type=PLAIN_TEXT,
        )
    opened = int(opened)
    if status in calling_off.CALLED_OFF:
        # Only after its confirmation page, with a reason (meeting_cancel, meeting_postpone).
        return HttpResponseBadRequest(
            _("Cancel or postpone a meeting from its confirmation page, with a reason."),
            content_type=PLAIN_TEXT,
        )
    # Publishing a tentative meeting or reinstating one tells everyone who has it: the
    # editor sees that update first, as on the edit form (update_preview).
    edited = copy.copy(meeting)
    edited.status = MeetingStatus(status)
    preview = update_preview(request, edited, opened)
    if preview is not None:
        context = {
            "meeting": meeting,
            "status": status,
            "opened_revision": opened,
            "update_preview": preview,
        }
        return render(request, "meetings/status_preview.html", context)
    try:
        schedule.set_meeting_status(meeting, MeetingStatus(status), expected_revision=opened)
    except ValidationError as error:  # a room taken, or a change since the page was opened
        for message in error.messages:
            messages.error(request, message)
        return redirect(meeting)
    messages.success(
        request,
        _("The meeting is now %(status)s.") % {"status": meeting.get_status_display().lower()},
    )
    return redirect(meeting)


def refuse_change(request, meeting: Meeting, reason: str) -> HttpResponse:
    """Back to the meeting's page, saying why nothing can be changed there (a meeting
    the Journal keeps: meetings.precedence)."""
    messages.error(request, reason)
    return redirect(meeting)


CALL_OFF_DONE = {
    MeetingStatus.CANCELLED: gettext_lazy("“%(title)s” is cancelled."),
    MeetingStatus.POSTPONED: gettext_lazy("“%(title)s” is postponed."),
}


def call_off_page(request, pk: int, status: MeetingStatus):
    """Confirm a cancellation or postponement: the meeting, who will be told and a
    reason (GET changes nothing); the POST calls the meeting off (calling_off)."""
    meeting = get_object_or_404(Meeting.objects.select_related("room", "overflow_room"), pk=pk)
    if refused := precedence.office_refusal(meeting):
        return refuse_change(request, meeting, refused)
    form = CallOffForm(request.POST or None, initial={"opened_revision": meeting.revision})
    refused = calling_off.refusal(meeting, status)
    http_status = 200
    if request.method == "POST":
        http_status = 409 if refused else 400
        if not refused and form.is_valid():
            try:
                calling_off.call_off_meeting(
                    meeting,
                    status=status,
                    reason=form.cleaned_data["reason"],
                    expected_revision=form.cleaned_data["opened_revision"],
                )
            except schedule.MeetingChanged as changed:
                # The page shows the meeting as it is now: confirming again is knowing.
                form.add_error(None, changed)
                form.reopen_at(changed.revision)
                http_status = 409
            except ValidationError as error:  # already called off meanwhile, or refused
                fields = getattr(error, "error_dict", {})
                if "status_reason" in fields:
                    form.add_error("reason", fields["status_reason"])
                else:
                    form.add_error(None, error.messages)
            else:
                messages.success(request, CALL_OFF_DONE[status] % {"title": meeting.title})
                return redirect(meeting)
            # As it is now (the refused change was not saved).
            meeting = get_object_or_404(
                Meeting.objects.select_related("room", "overflow_room"), pk=pk
            )
            refused = calling_off.refusal(meeting, status)
    context = {
        "meeting": meeting,
        "form": form,
        "status": status,
        "refused": refused,
        "audience": None if refused else calling_off.audience(meeting),
    }
    return render(request, "meetings/call_off.html", context, status=http_status)


@requires("meetings.change_meeting")
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk: int):
    return call_off_page(request, pk, MeetingStatus.CANCELLED)


@requires("meetings.change_meeting")
@require_http_methods(["GET", "POST"])
def meeting_postpone(request, pk: int):
    return call_off_page(request, pk, MeetingStatus.POSTPONED)


@requires("meetings.change_meeting")
@require_safe
def drafts(request):
    """The office's drafts, soonest first, to choose some and publish them together (the
    Publish page previews them first). Two queries."""
    if not is_pga_office(request.user):
        raise PermissionDenied(_("Only the PGA office sees drafts."))
    meetings = schedule.listed(Meeting.objects.drafts()).order_by("start", "pk")
    return render(request, "meetings/drafts.html", {"meetings": meetings})


@requires("meetings.view_meeting")
@require_safe
def room_availability(request):
    """The free rooms for a date and time, as an HTML fragment for the meeting form."""
    form = AvailabilityForm(request.GET)
    if not form.is_valid():
        return render(request, "meetings/_availability.html", {"form": form}, status=400)
    ignore = Meeting.objects.filter(pk=form.cleaned_data["ignore"]).first()
    start, until = form.slot()
    every_room = form.cleaned_data["every_room"]
    free = schedule.free_rooms(start, until, ignore=ignore, every_room=every_room)
    context = {"form": form, "free_rooms": free, "every_room": every_room}
    return render(request, "meetings/_availability.html", context)


@require_safe
def process_list(request):
    processes = Process.objects.select_related("session").annotate(
        meeting_count=Count("meetings", filter=PUBLISHED)
    )
    return render(request, "meetings/process_list.html", {"processes": processes})


@require_safe
def process_detail(request, slug: str):
    """A process, its meetings (planned from today on, as in the programme) and its
    deadlines. Cached like the schedule pages for visitors who are not signed in."""

    def context() -> dict:
        try:
            process = schedule.process_for_page(slug)
        except Process.DoesNotExist:
            raise Http404(_("There is no process at this address.")) from None
        past, planned = schedule.split_past_and_planned(process.meetings.all())
        feed = schedule.ScheduleFilter.canonical(processes=[process.slug])
        return {
            "process": process,
            "past": past,
            "planned": planned,
            "feed_empty": feed_notice.for_process(process),
            **subscription(feed_url(request, feed)),
        }

    template = "meetings/process_detail.html"
    if pageshell.is_for_anyone(request):
        identity = (slug, get_language(), request.get_host(), schedule.today())
        return pageshell.page_for_anyone(request, "process", identity, template, context)
    page = context()
    page["following"] = following.is_following(request.user, "process", page["process"])
    return render(request, template, page)


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
    rooms = list(Room.objects.prefetch_related("aliases"))
    for room in rooms:  # its other names, joined by the template with no comma left over
        room.also_written = [alias.name for alias in room.aliases.all() if alias.name != room.name]
    return render(request, "meetings/room_list.html", {"rooms": rooms})


@require_safe
def room_detail(request, code: str):
    room = get_object_or_404(Room.objects.prefetch_related("aliases"), code=code)
    upcoming = schedule.upcoming_meetings(schedule.ScheduleFilter(rooms=(room.code,)))[:50]
    context = {
        "room": room,
        "days": schedule.group_by_day(upcoming),
        "following": following.is_following(request.user, "room", room),
    }
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


# Calendars only read feeds: any other method is 405 with Allow: GET, HEAD (require_safe),
# which the CSRF check must not turn into a 403 first (there is nothing to protect).
@csrf_exempt
@require_safe
def programme_feed(request):
    """The programme as an iCalendar feed, for any filter of the schedule pages.

    ?kind= &process= &room= &q= combine as on the schedule pages; a feed of processes
    also carries their deadlines. Unknown values: 400 with the reason, before any cache
    is touched. Served from cache, and built again only when what it holds changed
    (meetings.feedcache); ETag and Last-Modified come from its content and answer
    conditional requests with 304, without touching the database while the schedule is
    unchanged. The same bytes whatever language the request asks for.
    """
    return filtered_feed(request, "feed", (), schedule.feed_contents)


@csrf_exempt
@require_safe
def session_feed(request, number: int):
    """A session's meetings, all of them, as a feed: the archive's, for the history the
    programme's feeds no longer hold (they keep feeds.FEED_HISTORY back). Same filters,
    validators and cache as the programme feed (meetings.feedcache); the record of a
    session, whole: a download, not bound by a subscription's limit."""
    session = get_object_or_404(Session, number=number)
    return filtered_feed(
        request,
        "session-feed",
        (session.number,),
        partial(schedule.session_feed_contents, session),
        named=f" ({session})",
        limit=None,
    )


def filtered_feed(
    request, kind: str, parts: tuple, contents_of, *, named="", limit=feeds.SUBSCRIPTION_LIMIT
) -> HttpResponse:
    """A feed of the schedule filtered as the request asks: an unknown filter value is a
    400 with the reason, before any cache is touched; searches are built for the request
    (their keys have no bound), the rest kept by meetings.feedcache. `contents_of(filter)`
    gives what the feed holds; `named` follows the feed's name."""
    form, schedule_filter = read_filter(request)
    if schedule_filter is None:
        reasons = "; ".join(f"{f}: {' '.join(e)}" for f, e in form.errors.items())
        return HttpResponseBadRequest(f"Unknown filter value ({reasons})", content_type=PLAIN_TEXT)

    def build(held: feedcache.Contents) -> bytes:
        meetings, deadlines = held
        with feeds.in_calendar_language():
            name = feed_name(schedule_filter) + named
        return feeds.build_calendar(
            list(meetings),
            deadlines=list(deadlines),
            name=name,
            base_url=request.build_absolute_uri("/").rstrip("/"),
            limit=limit,
        )

    def contents() -> feedcache.Contents:
        return contents_of(schedule_filter)

    if schedule_filter.text:
        feed = feedcache.uncached(contents, build)
    else:
        identity = (*parts, schedule_filter.as_query(), request.get_host())
        feed = feedcache.feed(kind, identity, contents, build)
    return calendar_response(request, feed, filename=feed_filename(schedule_filter, *parts))


def feed_filename(schedule_filter: schedule.ScheduleFilter, *parts) -> str:
    """A feed's file named after what it holds: "gasched-trafficking-declaration.ics"
    (a process's slug), "gasched-71-cr4.ics" (a session's, one room); "gasched.ics" for
    the whole programme. ASCII only, so every client keeps it as it is."""
    named = [*map(str, parts), *schedule_filter.processes, *schedule_filter.rooms]
    named += [*schedule_filter.organs, *schedule_filter.kinds, slugify(schedule_filter.text)]
    words = "-".join(slugify(word) for word in named if word)[:100].strip("-")
    return f"gasched-{words}.ics" if words else "gasched.ics"


def calendar_response(request, feed: feedcache.Feed, *, filename="gasched.ics") -> HttpResponse:
    """A feed with validators; 304 when the client already has these bytes."""
    last_modified = pagecache.last_modified(feed.changed)
    response = HttpResponse(feed.body, content_type=FEED_CONTENT_TYPE)
    response["ETag"] = feed.etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "no-cache"  # always revalidate: the validators are cheap
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = feeds.CALENDAR_LANGUAGE
    # A 304 carries the same validators and Cache-Control (RFC 9110 §15.4.5).
    not_modified = get_conditional_response(
        request, etag=feed.etag, last_modified=last_modified, response=response
    )
    return not_modified if not_modified is not None else response


FILTER_PARAMETERS = ("kind", "process", "room", "organ")


def feed_name(schedule_filter: schedule.ScheduleFilter) -> str:
    """ "General Assembly meetings", or what the filter chose: "... — Conference Room 3".
    From the labels of the filter choices, without building a form of every process."""
    chosen = [str(MeetingKind(kind).label) for kind in schedule_filter.kinds]
    if schedule_filter.processes or schedule_filter.rooms or schedule_filter.organs:
        choices = filter_choices(named=schedule_filter.processes, organs=schedule_filter.organs)
        processes, rooms = dict(choices.processes), dict(choices.rooms)
        chosen += [processes[slug] for slug in schedule_filter.processes]
        chosen += [rooms[code] for code in schedule_filter.rooms]
        organs = dict(choices.organs)
        chosen += [organs[code] for code in schedule_filter.organs]
    if schedule_filter.text:
        chosen.append(f"“{schedule_filter.text}”")
    title = _("General Assembly meetings")
    return f"{title} — {', '.join(chosen)}" if chosen else title


@csrf_exempt
@require_safe
def meeting_ics(request, pk: int):
    """ "Add to calendar": one meeting, with the same UID and SEQUENCE as in every feed."""
    try:
        meeting = schedule.meeting_for_page(pk)
    except Meeting.DoesNotExist:
        raise Http404(_("There is no meeting with this number.")) from None
    body = feeds.build_calendar(
        [meeting],
        name=meeting.title,  # as entered: no translation
        base_url=request.build_absolute_uri("/").rstrip("/"),
        subscription=False,
    )
    response = HttpResponse(body, content_type=FEED_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{meeting.ics_filename}"'
    response["Content-Language"] = feeds.CALENDAR_LANGUAGE
    return response


# --- My schedule: follows, a private feed, overlaps ------------------------------


@login_required
@require_safe
def my_schedule(request):
    page = following.my_schedule_page(request.user)
    mine = page["personal"]
    feed = None
    if mine.token:
        feed = request.build_absolute_uri(reverse("meetings:personal-feed", args=[mine.token]))
    context = {
        **page,
        "days": schedule.group_by_day(page["upcoming"]),
        "feed_url": feed,
        "webcal_url": "webcal://" + feed.split("://", 1)[1] if feed else None,
    }
    return render(request, "meetings/my_schedule.html", context)


@login_required
@require_POST
def follow(request):
    """Follow or unfollow: what=process|room|meeting|kind|organ,
    value=slug|code|number|kind|code."""
    what, value = request.POST.get("what"), request.POST.get("value", "")
    lookups = {
        "process": lambda: Process.objects.filter(slug=value).first(),
        "room": lambda: Room.objects.filter(code=value).first(),
        "meeting": lambda: (
            # isdigit() alone takes "²" and Arabic-Indic digits, which int() may refuse
            Meeting.objects.published().filter(pk=int(value)).first()
            if value.isascii() and value.isdigit() and len(value) < 19
            else None
        ),
        "kind": lambda: value if value in MeetingKind.values else None,
        "organ": lambda: Organ.objects.filter(code=value).first(),
    }
    if what not in lookups:
        return HttpResponseBadRequest(
            _("Follow what? One of: process, room, meeting, kind, organ."),
            content_type=PLAIN_TEXT,
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


@csrf_exempt
@require_safe
def personal_feed(request, token: str):
    """A user's schedule as a feed: the token is the only key (no login; calendars fetch
    it from their servers). An unknown or revoked token is 404 at once. Cached under its
    own state (what it follows, its token), built again only when what it holds changed
    (meetings.feedcache): following never moves the version of everybody's schedule."""
    found = PersonalSchedule.objects.filter(token=token).first() if token else None
    if found is None:
        raise Http404(_("No feed at this address."))

    def contents() -> feedcache.Contents:
        since = feeds.feed_window(timezone.now()).date()
        meetings = personal.followed_meetings(found, since=since).for_calendar()
        return meetings, Deadline.objects.none()

    def build(held: feedcache.Contents) -> bytes:
        with feeds.in_calendar_language():
            name = _("My General Assembly meetings")
        base_url = request.build_absolute_uri("/").rstrip("/")
        return feeds.build_calendar(held[0], name=name, base_url=base_url)

    followed = found.updated.isoformat()
    identity = (found.pk, found.token, followed, request.get_host())
    changed = int(found.updated.timestamp() * 1e9)
    feed = feedcache.feed("personal-feed", identity, contents, build, own_change=changed)
    return calendar_response(request, feed)


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
