"""The pages of a kind of meeting and of a body: their next meetings, and Follow.

Rendered for each visitor (the Follow button shows whether they follow), like the room
page; three or four queries whatever the number of meetings."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import following, schedule
from .enums import MeetingKind
from .models import Organ


@require_safe
def kind_detail(request, kind: str):
    if kind not in MeetingKind.values:
        raise Http404(_("There is no such kind of meeting."))
    context = {
        "kind": kind,
        "label": MeetingKind(kind).label,
        "days": schedule.group_by_day(following.upcoming_of(kind=kind)),
        "following": following.is_following(request.user, "kind", kind),
    }
    return render(request, "meetings/kind_detail.html", context)


@require_safe
def organ_detail(request, code: str):
    organ = get_object_or_404(Organ, code=code)
    context = {
        "organ": organ,
        "days": schedule.group_by_day(following.upcoming_of(organ=organ)),
        "following": following.is_following(request.user, "organ", organ),
    }
    return render(request, "meetings/organ_detail.html", context)
