"""How a meeting's time is written for people: on the pages, in e-mails and in the list
of changes, New York times the way the Journal prints them."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gasched.formats import weekday_date

from .enums import Timing
from .timing import NEW_YORK, zone_abbreviation


def meeting_time(meeting) -> str:
    """ "10:00–13:00", "10:00 (end not announced)", "Morning", "Time to be announced"."""
    start = meeting.local_start
    if meeting.timing == Timing.EXACT:
        if meeting.end:
            return f"{start:%H:%M}–{timezone.localtime(meeting.end, NEW_YORK):%H:%M}"
        return f"{start:%H:%M}"
    if meeting.timing == Timing.FOLLOWING:
        return _("Following the adjournment of the previous meeting")
    return meeting.get_timing_display()


def meeting_when(meeting) -> str:
    """The full date and time line of a meeting page, with the New York zone."""
    start = meeting.local_start
    if meeting.timing == Timing.WEEK:
        return _("Week of %(monday)s (day to be announced)") % {
            "monday": date_format(start, "DATE_FORMAT")
        }
    day = weekday_date(start)
    if meeting.timing == Timing.EXACT:
        zone = zone_abbreviation(start)
        return f"{day}, {meeting_time(meeting)} ({_('New York time')}, {zone})"
    if meeting.timing == Timing.DAY:
        return f"{day}, {_('time to be announced')}"
    return f"{day}, {meeting_time(meeting).lower()}"


# Titles a co-facilitator usually holds: said whole in the reader's language ("الممثل
# الدائم لـ Belgium" reads as one phrase, not "Permanent Representative لـ Belgium").
TITLE_OF_STATE = {
    "Permanent Representative": gettext_lazy("Permanent Representative of %(state)s"),
    "Deputy Permanent Representative": gettext_lazy("Deputy Permanent Representative of %(state)s"),
}


def isolated(text: str) -> SafeString:
    """A name as entered, isolated (<bdi>) so that it keeps its own direction and does
    not reorder the punctuation around it (an English name on an Arabic page)."""
    return format_html("<bdi>{}</bdi>", text)


def title_of_state(title: str, state: str) -> SafeString:
    """ "Permanent Representative of Belgium" as one translated phrase, the State isolated;
    a title not known here is kept as entered ("%(title)s of %(state)s")."""
    phrase = TITLE_OF_STATE.get(title)
    if phrase is not None:
        return mark_safe(conditional_escape(str(phrase)) % {"state": isolated(state)})  # noqa: S308 -- escaped
    return mark_safe(  # noqa: S308 -- the phrase escaped, its values isolated()
        conditional_escape(_("%(title)s of %(state)s"))
        % {"title": isolated(title), "state": isolated(state)}
    )


def cofacilitator(c) -> SafeString:
    """ "Ms. X, Permanent Representative of Belgium" as one translated phrase, the name
    and the State isolated (title_of_state)."""
    role = title_of_state(c.title, c.state)
    if not c.name:
        return mark_safe(role)  # noqa: S308 -- the phrase escaped, its values isolated()
    return mark_safe(  # noqa: S308 -- the same
        conditional_escape(_("%(name)s, %(role)s")) % {"name": isolated(c.name), "role": role}
    )
