"""The Journal's meetings read into gasched's terms: shapes checked, times in New York,
rooms through meetings' room aliases, bodies by their document symbol.

A room is found by the room-map name (CR4.jpg is Conference Room 4) or the room's text,
through the aliases staff keep (RoomQuerySet.matching); one that answers to neither is
reported, never guessed. A body the Journal names and gasched does not know is added
(Organ, section "Other bodies")."""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from meetings.enums import OrganSection
from meetings.models import WEB_ADDRESS, Organ, Room
from meetings.timing import NEW_YORK

from .reading import first_number, plain_text


class ShapeError(ValueError):
    """A meeting (or day) the Journal gave in a shape this sync does not know."""


@dataclass
class JournalMeeting:
    journal_id: str
    title: str
    number: int | None
    organ_symbol: str
    organ_name: str
    session: str
    day: date
    start: datetime
    end: datetime | None
    follows: bool | str
    room_texts: list[str]
    room_map: str
    is_closed: bool
    is_cancelled: bool
    webcast: str
    statements: str
    agenda_count: int
    raw: dict = field(repr=False, default_factory=dict)


def meetings_in(data, key: str) -> list[dict]:
    """Every meeting under `key` of allnew's answer, however deep (groups → sessions →
    meetings for the official ones, a flat list or the same nesting for the others). A
    meeting is a dict with an "id"; a list or a dict of lists is walked."""
    if not isinstance(data, dict):
        raise ShapeError(f"the day is a {type(data).__name__}, not an object")
    if key not in data:
        raise ShapeError(f"the day has no {key!r}")
    found: list[dict] = []

    def walk(node, depth: int):
        if depth > 6:
            raise ShapeError("meetings nested deeper than groups, sessions, meetings")
        if node is None:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            if "id" in node and ("startDate" in node or "timeFrom" in node):
                found.append(node)
                return
            for value in node.values():
                if isinstance(value, list | dict):
                    walk(value, depth + 1)
        else:
            raise ShapeError(f"a {type(node).__name__} where meetings were expected")

    walk(data[key], 0)
    return found


def text_field(raw: dict, *names: str) -> str:
    for name in names:
        value = raw.get(name)
        if value not in (None, ""):
            if not isinstance(value, str | dict | int | float):
                raise ShapeError(f"{name} is a {type(value).__name__}")
            return plain_text(value)
    return ""


def flag(raw: dict, name: str) -> bool:
    value = raw.get(name)
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "0", "1"):
        return value.lower() in ("true", "yes", "1")
    if isinstance(value, int):
        return bool(value)
    raise ShapeError(f"{name} is {value!r}, not true or false")


def read_date(value) -> date:
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        raise ShapeError(f"startDate is {value!r}, not a date")
    return date.fromisoformat(value[:10])


TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([AaPp]\.?[Mm]\.?)?\s*$")


def read_time(value, name: str) -> time | None:
    """ "10:00", "15:00:00", "3:00 PM", "3.00 p.m."; blank: None."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ShapeError(f"{name} is a {type(value).__name__}, not a time")
    value = plain_text(value)
    if not value:
        return None
    found = TIME.match(value)
    if not found:
        raise ShapeError(f"{name} is {value!r}, not a time")
    hour, minute = int(found.group(1)), int(found.group(2))
    half = (found.group(3) or "").lower()
    if half.startswith("p") and hour < 12:
        hour += 12
    elif half.startswith("a") and hour == 12:
        hour = 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ShapeError(f"{name} is {value!r}, not a time")
    return time(hour, minute)


def read_meeting(raw: dict) -> JournalMeeting:
    """One meeting of the Journal, checked; ShapeError names what is not as expected."""
    journal_id = raw.get("id")
    if not isinstance(journal_id, str | int) or not str(journal_id).strip():
        raise ShapeError(f"a meeting's id is {journal_id!r}")
    journal_id = str(journal_id).strip()[:64]
    day = read_date(raw.get("startDate"))
    start_time = read_time(raw.get("timeFrom"), "timeFrom")
    end_time = read_time(raw.get("timeTo"), "timeTo")
    follows = raw.get("isFollowedBy")
    if isinstance(follows, str) and follows.lower() in ("true", "false"):
        follows = follows.lower() == "true"
    elif follows is None:
        follows = False
    elif not isinstance(follows, bool | str):
        raise ShapeError(f"isFollowedBy is {follows!r}")
    if start_time is None:
        # No time: the day's start. A meeting following another starts when it ends.
        start_time = time(10)
    start = datetime.combine(day, start_time, NEW_YORK)
    end = datetime.combine(day, end_time, NEW_YORK) if end_time else None
    if end is not None and end <= start:
        end = None  # an end before the start is no end anyone can rely on
    rooms = raw.get("rooms") or []
    if not isinstance(rooms, list):
        raise ShapeError(f"rooms is a {type(rooms).__name__}, not a list")
    room_texts = []
    for item in rooms:
        value = item.get("value") if isinstance(item, dict) else item
        if value not in (None, "") and not isinstance(value, str):
            raise ShapeError(f"a room is {value!r}")
        if value:
            room_texts.append(plain_text(value))
    room = text_field(raw, "room")
    if room and room not in room_texts:
        room_texts.append(room)
    agenda_count = raw.get("agendaCount") or 0
    if not isinstance(agenda_count, int):
        try:
            agenda_count = int(agenda_count)
        except (TypeError, ValueError) as error:
            raise ShapeError(f"agendaCount is {agenda_count!r}") from error
    number_text = text_field(raw, "meetingNumber")
    return JournalMeeting(
        journal_id=journal_id,
        title=text_field(raw, "title", "sessionNameText")[:400],
        number=first_number(number_text) if number_text else None,
        organ_symbol=text_field(raw, "organSymbol")[:40],
        organ_name=text_field(raw, "relatedOrganizationFullName", "organization")[:200],
        session=text_field(raw, "sessionNameText", "session")[:200],
        day=day,
        start=start,
        end=end,
        follows=follows,
        room_texts=room_texts,
        room_map=text_field(raw, "roomLink")[:100],
        is_closed=flag(raw, "isClosed"),
        is_cancelled=flag(raw, "isCancelled"),
        webcast=text_field(raw, "webcastLink")[:500],
        statements=text_field(raw, "paperSmartLink")[:500],
        agenda_count=agenda_count,
        raw=raw,
    )


NO_MAP = {"", "nomap", "nomap.jpg", "nomap.png"}


def room_map_names(room_map: str) -> list[str]:
    """ "CR4.jpg" -> ["CR4"]; NOMAP -> none."""
    if room_map.strip().lower() in NO_MAP:
        return []
    return [re.sub(r"\.(jpe?g|png|gif|svg)$", "", room_map.strip(), flags=re.IGNORECASE)]


def find_room(meeting: JournalMeeting) -> tuple[Room | None, str]:
    """The room the Journal means, and the text it gave (for the report when none)."""
    for text in [*room_map_names(meeting.room_map), *meeting.room_texts]:
        room = Room.objects.matching(text).first()
        if room is not None:
            return room, text
    said = "; ".join(meeting.room_texts) or meeting.room_map
    return None, "" if said.strip().lower() in NO_MAP else said


def find_organ(meeting: JournalMeeting) -> Organ | None:
    """The body by its document symbol (A/C.5), then its name; a body gasched does not
    know is added under "Other bodies". None when the Journal names no body."""
    symbol, name = meeting.organ_symbol, meeting.organ_name
    if symbol:
        organ = Organ.objects.filter(symbol__iexact=symbol).first()
        if organ is not None:
            return organ
    if name:
        organ = Organ.objects.filter(name__iexact=name).first()
        if organ is not None:
            return organ
    if not (symbol or name):
        return None
    code = slugify(name or symbol)[:50] or "organ"
    base, n = code, 1
    while Organ.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return Organ.objects.create(
        code=code,
        name=name or symbol,
        short_name=name[:80],
        symbol=symbol,
        section=OrganSection.OTHER,
    )


def digest(raw: dict) -> str:
    """The fingerprint of what the Journal said of a meeting: unchanged, nothing to do."""
    return hashlib.sha256(json.dumps(raw, sort_keys=True, default=str).encode()).hexdigest()


def web_address(text: str) -> str:
    """A web page's address as the Journal gives it, or "" for anything else."""
    try:
        WEB_ADDRESS(text)
    except ValidationError:
        return ""
    return text
