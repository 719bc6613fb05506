"""Sections that the apps built on meetings add to the meeting and process pages.

meetings sits at the bottom and cannot import what other apps keep about a meeting
(the letters that announced it). An app registers a section in its AppConfig.ready():
a template the page includes, and a factory of the Prefetch that loads what the
template reads, so the page keeps its fixed number of queries whatever is registered.

    sections.register(sections.MEETING_PAGE, sections.Section(
        template="correspondence/_meeting_letters.html",
        prefetch=lambda: Prefetch("announcements", queryset=..., to_attr="published_announcements"),
    ))

Pages are cached for everyone: a section shows what every visitor may see.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch

MEETING_PAGE = "meeting"  # prefetched on the Meeting of schedule.meeting_for_page
PROCESS_PAGE = "process"  # prefetched on the Process of schedule.process_for_page
# The staff part of a meeting's page: rendered for each visitor, never cached, with
# `meeting` (its pk, status and revision) and the visitor's `perms`; no prefetch.
MEETING_STAFF = "meeting-staff"


@dataclass(frozen=True)
class Section:
    template: str
    # A factory: the queryset is built for each page, never shared between requests.
    prefetch: Callable[[], Prefetch] | None = None
    # Or a one-to-one relation read in the page's own query (select_related), for what
    # a meeting has at most one of: no query more.
    related: str | None = None


_registry: dict[str, dict[str, Section]] = {MEETING_PAGE: {}, PROCESS_PAGE: {}, MEETING_STAFF: {}}


def register(page: str, section: Section) -> None:
    """Add a section to a page, in the order of registration; registering the same
    template again replaces it (ready() may run more than once in tests)."""
    _registry[page][section.template] = section


def prefetches(page: str) -> list[Prefetch]:
    return [section.prefetch() for section in _registry[page].values() if section.prefetch]


def related(page: str) -> list[str]:
    return [section.related for section in _registry[page].values() if section.related]


def templates(page: str) -> list[str]:
    return list(_registry[page])
