"""Template helpers for showing New York times the way the Journal prints them."""

from django import template
from django.http import QueryDict

from gasched.formats import weekday_date
from meetings.rows import meeting_rows
from meetings.wording import (
    cofacilitator,
    isolated,
    meeting_time,
    meeting_when,
    title_of_state,
)

register = template.Library()


# A date with its weekday, written as the current language writes it.
register.filter("weekday_date", weekday_date)
# A meeting's time ("10:00–13:00") and its whole date-and-time line.
register.filter("meeting_time", meeting_time)
register.filter("meeting_when", meeting_when)
# A co-facilitator as one translated phrase, and a name as entered kept in its own
# direction (<bdi>) inside a page of the other direction.
register.filter("cofacilitator", cofacilitator)
register.filter("isolated", isolated)


@register.filter
def signatory_role(signatory) -> str:
    """A letter's signatory's title and State as one phrase (wording.title_of_state)."""
    if signatory.state:
        return title_of_state(signatory.title, signatory.state)
    return isolated(signatory.title)


# The rows of a list of meetings (meetings/rows.py: the week view's first view after a
# change is mostly these).
register.filter("meeting_rows", meeting_rows)


@register.simple_tag(takes_context=True)
def filter_url(context, **changes) -> str:
    """The page's canonical query string with some parameters replaced (pagination links)."""
    query = QueryDict(context.get("query", ""), mutable=True)
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()
