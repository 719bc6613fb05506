"""The Publish page: a preview of who gets what, then publishing on confirmation.

GET shows, before anything is sent, each meeting as missions will see it, who will be
invited and why, the e-mail and the calendar entry (previews.py); POST publishes
(meetings.schedule.publish_meetings, whose save writes the outbox as any save does).
Several drafts at once (the drafts list's checkboxes), or a letter with its meetings.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from gasched.access import requires
from meetings import advice, schedule
from meetings.models import Meeting
from meetings.rules import is_pga_office

from . import previews, review
from .models import Letter

PLAIN_TEXT = "text/plain; charset=utf-8"
MAX_BATCH = 100  # a week of the IGN is a dozen: a limit on one page's work


def numbers(values: list[str]) -> list[int] | None:
    """Meeting numbers as sent; None if one is not a number."""
    if not all(v.isascii() and v.isdigit() and len(v) < 10 for v in values):
        return None
    return sorted({int(v) for v in values})


def opened_revisions(values: list[str]) -> dict[int, int] | None:
    """ "pk:revision" pairs, as the preview sent them; None if one is malformed."""
    opened = {}
    for value in values:
        pk, _sep, revision = value.partition(":")
        if numbers([pk, revision]) is None:
            return None
        opened[int(pk)] = int(revision)
    return opened


@requires("meetings.change_meeting")
@require_http_methods(["GET", "POST"])
def publish(request):
    """?meeting=… (repeatable) and/or ?letter=…: the drafts to publish."""
    if not is_pga_office(request.user):
        raise PermissionDenied(_("Only the PGA office publishes meetings."))
    letter = None
    data = request.POST if request.method == "POST" else request.GET
    letter_number = data.get("letter", "")
    if letter_number:
        if numbers([letter_number]) is None:
            raise Http404(_("There is no such letter."))
        letter = get_object_or_404(Letter, pk=int(letter_number), enclosed_in__isnull=True)
    if request.method == "POST":
        return confirm(request, letter)
    pks = numbers(request.GET.getlist("meeting"))
    if pks is None or len(pks) > MAX_BATCH or not (pks or letter):
        return HttpResponseBadRequest(
            _("Choose up to %(n)d meetings by their numbers.") % {"n": MAX_BATCH},
            content_type=PLAIN_TEXT,
        )
    if letter is not None:
        chosen = review.draft_meetings(letter)[:MAX_BATCH]
        previews.prefetch(chosen)
    else:
        chosen = list(previews.for_preview(Meeting.objects.drafts().filter(pk__in=pks)))
    shown = [previews.preview(m) for m in chosen]
    for item in shown:
        item.page = render_to_string("meetings/_meeting_content.html", {"meeting": item.meeting})
        # A weekend, a holiday, odd hours: seen here whichever way the draft came (the
        # staff form asked already; letter review did not).
        item.warnings = advice.warnings_for(item.meeting)
    context = {
        "letter": letter,
        "previews": shown,
        "totals": previews.totals(shown),
    }
    return render(request, "correspondence/publish.html", context)


def confirm(request, letter: Letter | None):
    opened = opened_revisions(request.POST.getlist("meeting"))
    if opened is None or len(opened) > MAX_BATCH or not (opened or letter):
        return HttpResponseBadRequest(
            _("Open the preview again: this button does not say what it publishes."),
            content_type=PLAIN_TEXT,
        )
    try:
        if letter is not None:
            published = review.publish_with_meetings(letter, opened)
        else:
            published, _already = schedule.publish_meetings(opened)
    except ValidationError as error:  # changed or deleted since the preview
        for message in error.messages:
            messages.error(request, message)
        again = "&".join(f"meeting={pk}" for pk in opened)
        if letter is not None:
            again = f"letter={letter.pk}&{again}"
        return redirect(f"{request.path}?{again}")
    if letter is not None:
        messages.success(
            request,
            ngettext(
                "The letter is now in the public archive, with %(n)d meeting published.",
                "The letter is now in the public archive, with %(n)d meetings published.",
                len(published),
            )
            % {"n": len(published)},
        )
        return redirect(letter)
    messages.success(
        request,
        ngettext("Published: %(n)d meeting.", "Published: %(n)d meetings.", len(published))
        % {"n": len(published)},
    )
    if len(published) == 1:
        return redirect(published[0])
    return redirect("meetings:drafts")
