"""What a message the reply address received says as a calendar answer (iTIP, RFC 5546,
carried by e-mail as iMIP, RFC 6047). Pure: the message's bytes in, a Reading out.

Where the calendar is: a text/calendar part (Outlook and Apple send only that; Gmail
puts one inline with method=REPLY and the same calendar again as an application/ics
"invite.ics" attachment), or an application/ics or *.ics attachment; never inside a
message attached to it (a forwarded mail is a person writing, not a client answering).
The METHOD inside the calendar decides, not the Content-Type's method parameter.

What a REPLY must carry for us: UID and an ATTENDEE with its PARTSTAT. ORGANIZER is not
required: Exchange leaves it out (nextcloud/server#53949). SEQUENCE defaults to 0 (RFC
5545 §3.8.7.4); DTSTAMP may be missing (the time of receipt is used then). The
attendee's address is the ATTENDEE's mailto: value, or its EMAIL parameter when the
value is not a mailto: URI (Apple may write a urn:uuid there).
"""

import email
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage

from icalendar import Calendar

from .enums import Answer

log = logging.getLogger(__name__)

CALENDAR_TYPES = ("text/calendar", "application/ics")
ANSWERS = {
    "ACCEPTED": Answer.ACCEPTED,
    "TENTATIVE": Answer.TENTATIVE,
    "DECLINED": Answer.DECLINED,
}


@dataclass(frozen=True)
class Reading:
    method: str = ""  # the calendar's METHOD, upper case; "" when there is no calendar
    uid: str = ""
    attendee: str = ""  # the answering attendee's address, lower case
    partstat: str = ""  # as written, upper case (NEEDS-ACTION, DELEGATED, ...)
    sequence: int = 0
    stamp: datetime | None = None  # DTSTAMP, in UTC
    sender: str = ""  # the From address, lower case

    @property
    def is_reply(self) -> bool:
        return self.method == "REPLY"

    @property
    def answer(self) -> str:
        """accepted, tentative or declined; "" for any other PARTSTAT."""
        return ANSWERS.get(self.partstat, "")


def read(raw: bytes) -> Reading:
    """The calendar answer in a received message, if it is one. A message that cannot be
    read at all, or whose calendar does not parse, is not an answer (it goes to the
    office as it came)."""
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        sender = sender_of(message)
        for calendar in calendars(message):
            method = str(calendar.get("METHOD", "")).strip().upper()
            if method:
                return reading_of(calendar, method, sender)
        return Reading(sender=sender)
    except Exception:  # any malformed message: not an answer, so forwarded as it came
        log.info("received message not readable as a calendar answer", exc_info=True)
        return Reading()


def sender_of(message: EmailMessage) -> str:
    header = message["From"]
    addresses = getattr(header, "addresses", ()) if header is not None else ()
    return addresses[0].addr_spec.lower() if addresses else ""


def parts(message: EmailMessage) -> Iterator[EmailMessage]:
    """The leaf parts of the message itself, not of messages attached to it."""
    if message.get_content_maintype() == "message":
        return  # a message/rfc822 counts as multipart to the email package
    if message.is_multipart():
        for part in message.get_payload():
            yield from parts(part)
    else:
        yield message


def calendars(message: EmailMessage) -> Iterator[Calendar]:
    for part in parts(message):
        filename = (part.get_filename() or "").lower()
        if part.get_content_type() not in CALENDAR_TYPES and not filename.endswith(".ics"):
            continue
        payload = part.get_payload(decode=True) or b""
        text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
        try:
            yield Calendar.from_ical(text)
        except ValueError:
            log.info("a calendar part that does not parse", exc_info=True)


def reading_of(calendar: Calendar, method: str, sender: str) -> Reading:
    events = [c for c in calendar.walk("VEVENT") if c.get("UID")]
    if not events:
        return Reading(method=method, sender=sender)
    # The meeting itself before any one occurrence of it (we send no recurrences).
    event = next((e for e in events if "RECURRENCE-ID" not in e), events[0])
    attendee = answering_attendee(event, sender)
    return Reading(
        method=method,
        uid=str(event["UID"]).strip(),
        attendee=address_of(attendee) if attendee is not None else "",
        partstat=str(attendee.params.get("PARTSTAT", "")).upper() if attendee is not None else "",
        sequence=sequence_of(event),
        stamp=stamp_of(event),
        sender=sender,
    )


def answering_attendee(event, sender: str):
    """The one ATTENDEE of a REPLY; if a client wrote several, the sender's."""
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return None
    if not isinstance(attendees, list):
        return attendees
    mine = [a for a in attendees if address_of(a) == sender]
    return (mine or attendees)[0]


def address_of(attendee) -> str:
    value = str(attendee).strip()
    if value.lower().startswith("mailto:"):
        return value[len("mailto:") :].strip().lower()
    return str(attendee.params.get("EMAIL", "")).strip().lower()


def sequence_of(event) -> int:
    try:
        return max(int(event.get("SEQUENCE", 0)), 0)
    except (TypeError, ValueError):
        return 0


def stamp_of(event) -> datetime | None:
    try:
        value = event.decoded("DTSTAMP")
    except (KeyError, ValueError):
        return None
    if not isinstance(value, datetime):
        return None
    # DTSTAMP is UTC by definition; a client that wrote it floating meant UTC too.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
