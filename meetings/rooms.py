"""Rooms as staff type them, and keeping the room list with its aliases."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gasched.formats import weekday_date

from .enums import Mode
from .headquarters import room_key
from .models import Meeting, Room, RoomAlias
from .schedule import announce_room_renamed

# Words that name a venue rather than a room.
HEADQUARTERS_WORDS = {room_key(w) for w in ("UN Headquarters", "United Nations Headquarters")}
MODE_WORDS = {
    room_key("virtual"): Mode.VIRTUAL,
    room_key("online"): Mode.VIRTUAL,
    room_key("hybrid"): Mode.HYBRID,
}


def find_room(text: str) -> Room | None:
    """The room people mean by `text`; None for "UN Headquarters" (room not yet fixed).

    Raises ValidationError naming the text when no room answers to it.
    """
    key = room_key(text)
    if not key or key in HEADQUARTERS_WORDS or key in MODE_WORDS:
        return None
    room = Room.objects.filter(aliases__key=key).first()
    if room is None:
        raise ValidationError(
            _("No room at UN Headquarters is called “%(text)s”.") % {"text": text},
            code="unknown_room",
        )
    return room


def current_room_names():
    """Every name of today's rooms, for the room field's suggestions."""
    return RoomAlias.objects.filter(room__is_current=True).values_list("name", flat=True)


def mode_named_by(text: str) -> str | None:
    """ "virtual" and "hybrid" are valid venues: the mode they name, if any."""
    return MODE_WORDS.get(room_key(text))


def check_out_of_use(room: Room) -> None:
    """A room still booked for meetings ahead cannot be taken out of use: they would be
    stranded in a room their own rules refuse (Meeting.clean). Staff form and admin."""
    if not room.pk or room.is_current:
        return
    ahead = (
        Meeting.objects.holding_rooms()
        .filter(Q(room=room) | Q(overflow_room=room), booked_until__gt=timezone.now())
        .order_by("start")
    )
    if ahead:
        listed = "; ".join(f"{m.title} ({weekday_date(m.local_start)})" for m in ahead[:5])
        raise ValidationError(
            {
                "is_current": _(
                    "%(room)s is still booked for meetings ahead: %(meetings)s. Move "
                    "them to another room first."
                )
                % {"room": room, "meetings": listed}
            },
            code="room_booked_ahead",
        )


@transaction.atomic
def store_room(room: Room) -> Room:
    """Save a room (staff form and admin); a new name reaches the calendars of the
    meetings ahead in it (schedule.announce_room_renamed)."""
    was = (
        Room.objects.select_for_update().filter(pk=room.pk).values_list("name", flat=True).first()
        if room.pk
        else None
    )
    room.save()
    if was is not None and was != room.name:
        announce_room_renamed(room, was=was)
    return room


@transaction.atomic
def save_room(room: Room, *, aliases: list[str]) -> Room:
    """Save a room with its aliases; its name and code always answer for it too."""
    room.full_clean()
    check_out_of_use(room)
    store_room(room)
    names = list(dict.fromkeys([room.name, room.code, *aliases]))
    taken = {
        alias.key: alias.room
        for alias in RoomAlias.objects.filter(key__in=[room_key(n) for n in names])
        .exclude(room=room)
        .select_related("room")
    }
    clashes = [name for name in names if room_key(name) in taken]
    if clashes:
        raise ValidationError(
            {
                "aliases": [
                    _("“%(name)s” already names %(room)s.")
                    % {"name": name, "room": taken[room_key(name)]}
                    for name in clashes
                ]
            }
        )
    room.aliases.all().delete()
    seen = set()
    for name in names:
        if room_key(name) and room_key(name) not in seen:
            seen.add(room_key(name))
            RoomAlias(room=room, name=name).save()
    return room
