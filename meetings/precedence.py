"""Who keeps a meeting: the office keeps its own; the Journal of the United Nations
keeps the official meetings read from it (Meeting.source), which the office's forms
(the staff pages, the admin and a letter's review) only read. The one place that says
so."""

from django.utils.translation import gettext as _

from .enums import Source


def office_refusal(meeting) -> str | None:
    """Why the office's forms may not change `meeting` (a Meeting, or the page's dict
    of it), or None."""
    source = meeting.get("source") if isinstance(meeting, dict) else meeting.source
    if source == Source.JOURNAL:
        return _(
            "This meeting comes from the Journal of the United Nations, which keeps it: "
            "gasched follows the Journal's changes and cannot be changed here."
        )
    return None
