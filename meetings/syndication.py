"""The programme's changes as an Atom feed: a small declarative class, as Django's
syndication framework has it."""

from datetime import UTC

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseNotAllowed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .changes import programme_changes


class ProgrammeChangesFeed(Feed):
    """What changed in the programme over the last seven days (`/changes/feed/`)."""

    feed_type = Atom1Feed
    # Feed readers only read: any other method is 405 (as for the calendar feeds), and
    # the CSRF check must not answer it with a 403 first.
    csrf_exempt = True

    def __call__(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().__call__(request, *args, **kwargs)

    title = _("General Assembly: changes to the programme of meetings")
    subtitle = _("Meetings added, moved, re-roomed, published, postponed or cancelled")

    def link(self):
        return reverse("meetings:changes")

    def items(self):
        return programme_changes(days=7)

    def item_title(self, item):
        return f"{item.what}: {item.title}"

    def item_description(self, item):
        # Atom's <summary type="html"> is HTML that the writer escapes once more for
        # XML: escaped here too, a room called "<img …>" reaches feed readers as text.
        return escape(item.summary or item.what)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        """An absolute IRI, as Atom requires of an entry's id: a tag URI (RFC 4151) of
        the calendars' UID domain, the same whatever host served the feed."""
        when = item.when.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        return f"tag:{settings.GASCHED_UID_DOMAIN},2017:meeting-{item.meeting_id}/change-{when}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.when

    def item_updateddate(self, item):
        return item.when
