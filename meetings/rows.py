"""A meeting's row in the schedule lists (week, day, month, programme), written in
Python.

The first view after any change renders every row of the page again; as a template
include each row cost about a third of a millisecond (the include, a context push, a
dozen variable lookups, three reverse() calls), most of the week view's time. Here a row
is a few string joins (the markup the row template had).
"""

from functools import lru_cache

from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .enums import MeetingKind, MeetingStatus, Mode
from .wording import meeting_time

SENTINEL = "0"  # reversed once per list, then replaced by each pk, slug or code


def _address(name: str):
    """A function from a meeting's pk (a process's slug, a room's code) to its address,
    from one reverse() per list."""
    prefix, _sentinel, suffix = reverse(name, args=[SENTINEL]).rpartition(SENTINEL)
    return lambda key: f"{prefix}{key}{suffix}"


@lru_cache(maxsize=64)
def _labels(choices: type, language: str | None) -> dict[str, str]:
    """A choice's label by value, translated once per language (get_FOO_display() builds
    the whole table of choices, and translates every label, for each call)."""
    return {value: str(label) for value, label in choices.choices}


def meeting_rows(meetings) -> SafeString:
    """The <li> of each meeting, in order."""
    meeting_url = _address("meetings:detail")
    process_url = _address("meetings:process")
    room_url = _address("meetings:room")
    words = {
        "closed": _("Closed meeting"),
        "sample": _("Sample data"),
        "virtual": _("Virtual"),
        "headquarters": _("UN Headquarters"),
        "overflow": _("overflow:"),
        "hybrid": _("Hybrid"),
        "kinds": _labels(MeetingKind, get_language()),
        "statuses": _labels(MeetingStatus, get_language()),
    }
    return mark_safe(  # noqa: S308 -- every value below is escaped by format_html
        "".join(_row(m, words, meeting_url, process_url, room_url) for m in meetings)
    )


def _row(meeting, words, meeting_url, process_url, room_url) -> str:
    meta = [
        format_html('<span class="kind">{}</span>', words["kinds"].get(meeting.kind, meeting.kind))
    ]
    if meeting.process:
        meta.append(
            format_html(
                '· <a href="{}"><bdi>{}</bdi></a>',
                process_url(meeting.process.slug),
                str(meeting.process),
            )
        )
    if meeting.is_closed:
        meta.append(format_html("· <span>{}</span>", words["closed"]))
    if meeting.is_sample:
        meta.append(format_html('· <span class="badge sample">{}</span>', words["sample"]))
    if meeting.room:
        where = format_html(
            '<a href="{}"><bdi>{}</bdi></a>', room_url(meeting.room.code), meeting.room.local_name
        )
    elif meeting.mode == Mode.VIRTUAL:
        where = conditional_escape(words["virtual"])
    else:
        where = conditional_escape(words["headquarters"])
    if meeting.overflow_room:
        where += format_html(
            ' <span class="overflow">{} <bdi>{}</bdi></span>',
            words["overflow"],
            meeting.overflow_room.local_name,
        )
    if meeting.mode == Mode.HYBRID:
        where += format_html(' <span class="mode">{}</span>', words["hybrid"])
    status = ""
    if meeting.status != MeetingStatus.SCHEDULED:
        status = format_html(
            '<span class="badge status-{}">{}</span>',
            meeting.status,
            words["statuses"].get(meeting.status, meeting.status),
        )
    return format_html(
        '<li class="meeting status-{}{}">\n'
        '  <div class="when">{}</div>\n'
        '  <div class="what">\n'
        '    <a class="title" href="{}" dir="auto">{}</a>\n'
        '    <div class="meta">\n      {}\n    </div>\n'
        "  </div>\n"
        '  <div class="where">\n    {}\n  </div>\n'
        '  <div class="status">{}</div>\n'
        "</li>\n",
        meeting.status,
        " is-off" if meeting.is_off else "",
        meeting_time(meeting),
        meeting_url(meeting.pk),
        meeting.title,
        mark_safe("\n      ".join(meta)),  # noqa: S308 -- built with format_html above
        where,
        status,
    )
