"""Cancelling and postponing a meeting: the one way a meeting is called off, with the
office's reason.

The staff pages (after their confirmation page) and the admin call call_off_meeting; it
stores the reason with the change (Meeting.status_reason), in the same save as the status
(schedule.save_meeting: SEQUENCE, history, and the cancellation e-mails through the
`meeting_saved` signal). A meeting is cancelled once: a second press changes nothing and
tells nobody again. Bringing a meeting back (with a new time) goes through the edit form,
which clears the reason (Meeting.clean).

Who will be told is known to the apps built on meetings (the invitations' outbox): they
register `an audience` here, which the confirmation page shows before anything is sent.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import schedule
from .enums import MeetingStatus
from .models import Meeting

CALLED_OFF = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)


@dataclass(frozen=True)
class Audience:
    """Who would hear of the meeting being called off now."""

    missions: int
    contacts: int


_audience: list[Callable[[Meeting], Audience]] = []


def register_audience(count: Callable[[Meeting], Audience]) -> None:
    """The one function that counts who is told (set again when ready() runs again)."""
    _audience[:] = [count]


def audience(meeting: Meeting) -> Audience | None:
    """Who would be told if `meeting` were called off now; None if nobody tells anyone."""
    return _audience[0](meeting) if _audience else None


def refusal(meeting: Meeting, status: str) -> str | None:
    """Why `meeting` cannot be given `status` by calling it off, or None."""
    if meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting is already cancelled: nothing was changed and nobody was told.")
    if meeting.status == status:
        return _("This meeting is already postponed: nothing was changed and nobody was told.")
    return None


@transaction.atomic
def call_off_meeting(
    meeting: Meeting, *, status: str, reason: str, expected_revision: int | None = None
) -> Meeting:
    """Cancel or postpone `meeting` (as it is, with any other change made to it) for
    `reason`. Raises ValidationError: an empty reason (keyed `status_reason`), a meeting
    already cancelled or already postponed, or a change since `expected_revision`."""
    if status not in CALLED_OFF:
        raise ValueError(f"Not a way to call a meeting off: {status!r}")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"status_reason": _("Give the reason: it goes to everyone told.")},
            code="required",
        )
    if meeting.pk is not None:
        # The status as stored, locked: two presses at once cancel once. (Deleted since:
        # save_meeting says so.)
        stored = Meeting.objects.select_for_update(of=("self",)).filter(pk=meeting.pk).first()
        refused = stored and refusal(stored, status)
        if refused:
            raise ValidationError(refused, code="already_off")
    meeting.status = status
    meeting.status_reason = reason
    return schedule.save_meeting(meeting, expected_revision=expected_revision)


def cancel_meeting(
    meeting: Meeting, *, reason: str, expected_revision: int | None = None
) -> Meeting:
    return call_off_meeting(
        meeting,
        status=MeetingStatus.CANCELLED,
        reason=reason,
        expected_revision=expected_revision,
    )


def postpone_meeting(
    meeting: Meeting, *, reason: str, expected_revision: int | None = None
) -> Meeting:
    return call_off_meeting(
        meeting,
        status=MeetingStatus.POSTPONED,
        reason=reason,
        expected_revision=expected_revision,
    )
