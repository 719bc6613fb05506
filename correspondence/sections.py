"""The letters on the meeting and process pages (meetings.sections), registered by
CorrespondenceConfig.ready(). The pages are cached for everyone: only letters in the
public archive."""

from django.db.models import Prefetch, Q

from meetings import sections

from .models import Announcement, Letter


def published_announcements() -> Prefetch:
    """A meeting's letters in the archive; an enclosed letter is published with its cover."""
    published = Q(letter__enclosed_in__isnull=True, letter__is_published=True) | Q(
        letter__enclosed_in__is_published=True
    )
    return Prefetch(
        "announcements",
        queryset=Announcement.objects.filter(published).select_related(
            "letter", "letter__enclosed_in"
        ),
        to_attr="published_announcements",
    )


def published_letters() -> Prefetch:
    """A process's letters in the archive (the outer letters only)."""
    letters = Letter.objects.filter(enclosed_in__isnull=True, is_published=True)
    return Prefetch("letters", queryset=letters, to_attr="published_letters")


def register() -> None:
    sections.register(
        sections.MEETING_PAGE,
        sections.Section("correspondence/_meeting_letters.html", published_announcements),
    )
    sections.register(
        sections.PROCESS_PAGE,
        sections.Section("correspondence/_process_letters.html", published_letters),
    )
    sections.register(
        sections.MEETING_STAFF, sections.Section("correspondence/_meeting_publish.html")
    )
    sections.register(
        sections.MEETING_STAFF, sections.Section("correspondence/_meeting_staff_links.html")
    )
    # Who answered the invitation: office staff all missions, a mission's staff its own.
    sections.register(
        sections.MEETING_STAFF, sections.Section("correspondence/_meeting_answers.html")
    )
