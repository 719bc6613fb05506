"""The pages of a kind of meeting and of a body: their next meetings, and Follow.

Rendered for each visitor (the Follow button shows whether they follow), like the room
page; three or four queries whatever the number of meetings."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import following, schedule
from .enums import MeetingKind, OrganSection
from .models import Organ
from .views import feed_url, subscription

# The Assembly's own bodies: "all plenaries and Main Committees" is one subscription.
ASSEMBLY_SECTIONS = (OrganSection.PLENARY, OrganSection.MAIN_COMMITTEE)


@require_safe
def organ_list(request):
    """The bodies whose official meetings the programme holds, in the Journal's order,
    and one feed of every General Assembly plenary and Main Committee meeting."""
    organs = list(Organ.objects.all())
    assembly = [organ.code for organ in organs if organ.section in ASSEMBLY_SECTIONS]
    feed = schedule.ScheduleFilter.canonical(organs=assembly)
    sections = [
        (label, [organ for organ in organs if organ.section == value])
        for value, label in OrganSection.choices
    ]
    context = {
        "sections": [(label, found) for label, found in sections if found],
        "feed_intro": _(
            "Every meeting of the General Assembly plenary and its six Main Committees "
            "as one calendar feed that keeps itself up to date."
        ),
        **subscription(feed_url(request, feed)),
    }
    return render(request, "meetings/organ_list.html", context)


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
        "feed_intro": _("This body's meetings as a calendar feed that keeps itself up to date."),
        **subscription(feed_url(request, schedule.ScheduleFilter.canonical(organs=[code]))),
    }
    return render(request, "meetings/organ_detail.html", context)
