"""A feed with nothing in its window says so where it is offered: the programme's
subscribe box (with a filter) and a process's page. The programme's feeds hold the
recent past and everything ahead (feeds.feed_window); an older process's meetings are in
its session's archive, which has a feed of its own (/feeds/sessions/<n>.ics).

Both pages are cached for the day at most; the window moves by the New York day, so a
notice stays true for as long as the page is kept."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from .feeds import feed_window
from .models import Meeting, Process, Session
from .schedule import ScheduleFilter, feed_contents


@dataclass(frozen=True)
class EmptyFeed:
    """The feed holds nothing now; where its meetings are, when there are older ones."""

    session: Session | None = None
    archive_url: str = ""  # the session's archive page, filtered the same way
    session_feed_url: str = ""  # path of its feed: the page makes it absolute


def _in_archive(session: Session | None, query: str) -> EmptyFeed:
    if session is None:
        return EmptyFeed()
    suffix = f"?{query}" if query else ""
    return EmptyFeed(
        session=session,
        archive_url=reverse("meetings:archive-session", args=[session.number]) + suffix,
        session_feed_url=reverse("meetings:session-feed", args=[session.number]) + suffix,
    )


def for_filter(schedule_filter: ScheduleFilter) -> EmptyFeed | None:
    """None when the programme's feed for this filter (its words aside, as the feed is
    offered) holds something; else where its meetings were. Two or three queries; none
    for the unfiltered programme (always full)."""
    offered = ScheduleFilter(
        kinds=schedule_filter.kinds,
        processes=schedule_filter.processes,
        rooms=schedule_filter.rooms,
    )
    if offered.is_empty:
        return None
    meetings, deadlines = feed_contents(offered)
    if meetings.exists() or deadlines.exists():
        return None
    latest = (
        offered.apply(Meeting.objects.published())
        .select_related("session")
        .order_by("-start", "pk")
        .first()
    )
    return _in_archive(latest.session if latest else None, offered.as_query())


def for_process(process: Process) -> EmptyFeed | None:
    """The same for a process read with its meetings and deadlines (schedule.
    process_for_page): no query. Its meetings' archive is that of its session."""
    since = feed_window(timezone.now())
    meetings = list(process.meetings.all())
    if any(m.start >= since for m in meetings):
        return None
    if any(d.due_date >= since.date() for d in process.deadlines.all()):
        return None
    if not meetings:
        return EmptyFeed()
    return _in_archive(process.session, urlencode({"process": process.slug}))
