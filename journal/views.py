"""The staff page of the Journal sync: where the Journal differs from the office's
meetings, and what the last read could not place."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from gasched.access import requires

from . import matching, sync
from .models import SyncReport


@requires("meetings.change_meeting")
@require_safe
def differs(request):
    """Office meetings the Journal also lists, where the two disagree (time, room,
    cancelled), from yesterday on; and the last sync's report. Two queries."""
    context = {
        "entries": matching.differing_entries(),
        "report": SyncReport.objects.first(),
        "last_good_read": sync.last_good_read(),
    }
    return render(request, "journal/differs.html", context)
