"""The letters the site-wide search finds (meetings.search), registered by
CorrespondenceConfig.ready(): the same search and the same visibility as the letters'
archive (published letters; the PGA office also those under review)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from meetings import search

from . import letters

SHOWN = 10


def letters_found(user, text: str) -> search.Group:
    """Two queries: the first letters, newest first, and how many in all."""
    found = letters.search(letters.visible_letters(user), text)
    shown = list(found.defer(*letters.AS_READ).order_by("-date", "-pk")[: SHOWN + 1])
    count = len(shown) if len(shown) <= SHOWN else found.count()
    items = [
        search.Found(
            title=str(letter),
            url=letter.get_absolute_url(),
            detail=date_format(letter.date, "DATE_FORMAT") if letter.date else "",
        )
        for letter in shown[:SHOWN]
    ]
    more = reverse("correspondence:letters") + "?" + urlencode({"q": text})
    return search.Group(heading=_("Letters"), items=items, count=count, more_url=more)


def register() -> None:
    search.register("letters", letters_found)
