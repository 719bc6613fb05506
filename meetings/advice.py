"""Warnings that do not block a save: what an editor should look at twice.

A meeting on a weekend, on an official holiday at Headquarters, outside the working
hours of the conference services, or of all Member States in a room without
interpretation may be right (a summit runs late, a weekend retreat is planned): the
staff form shows these and saves once the editor confirms them. They are advice, not
rules: the domain (schedule.save_meeting) never looks at them.

Each warning has a key naming exactly what it is about (the day, the hours, the room):
the form carries the keys the editor confirmed, and a change that warns of something
else asks again.
"""

from dataclasses import dataclass
from datetime import time

from django.utils.translation import gettext as _

from gasched.formats import weekday_date

from .enums import Participation, Timing
from .holidays import holiday_on
from .models import Meeting

# Conference services at Headquarters serve meetings from 8:00 to 21:00 New York time.
WORKING_HOURS = (time(8), time(21))
# Timings whose start is a time of day someone chose (not the start of a period).
TIMED = (Timing.EXACT, Timing.FOLLOWING, Timing.MORNING, Timing.AFTERNOON)


@dataclass(frozen=True)
class MeetingWarning:
    key: str
    message: str


def warnings_for(meeting: Meeting) -> list[MeetingWarning]:
    """What is worth a second look in this meeting as it would be saved (no query)."""
    if meeting.start is None or meeting.timing == Timing.WEEK or meeting.is_off:
        return []  # a meeting called off is held nowhere, at no time
    found = []
    start = meeting.local_start
    day = start.date()
    if day.weekday() >= 5:
        found.append(
            MeetingWarning(
                f"weekend:{day.isoformat()}",
                _("%(day)s is a weekend day.") % {"day": weekday_date(day)},
            )
        )
    holiday = holiday_on(day)
    if holiday:
        found.append(
            MeetingWarning(
                f"holiday:{day.isoformat()}",
                _("%(day)s is an official holiday at Headquarters (%(holiday)s).")
                % {"day": weekday_date(day), "holiday": holiday},
            )
        )
    if meeting.timing in TIMED:
        until = meeting.local_end or start + (meeting.holds_room_until() - meeting.start)
        early = start.time() < WORKING_HOURS[0]
        late = until.date() > day or until.time() > WORKING_HOURS[1]
        if early or late:
            found.append(
                MeetingWarning(
                    f"hours:{start:%H:%M}-{until:%H:%M}",
                    _(
                        "%(start)s–%(end)s is outside the hours of the conference services "
                        "(8:00–21:00 New York time)."
                    )
                    % {"start": f"{start:%H:%M}", "end": f"{until:%H:%M}"},
                )
            )
    if meeting.participation != Participation.INVITATION:
        for room in (meeting.room, meeting.overflow_room):
            if room is not None and not room.has_interpretation:
                found.append(
                    MeetingWarning(
                        f"interpretation:{room.code}",
                        _(
                            "%(room)s has no interpretation booths, and the meeting is "
                            "open to all Member States."
                        )
                        % {"room": room.name},
                    )
                )
    return found


def acknowledgement(warnings: list[MeetingWarning]) -> str:
    """What the form carries to say these warnings, exactly, were confirmed."""
    return " ".join(sorted(w.key for w in warnings))
