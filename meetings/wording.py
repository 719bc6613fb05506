"""How a meeting's time is written for people: on the pages, in e-mails and in the list
of changes, New York times the way the Journal prints them."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

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
