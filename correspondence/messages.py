"""The e-mails: iMIP invitations, updates and cancellations (RFC 6047), and reminders.

Shape (shared/standards.md M2): multipart/mixed > multipart/alternative(text/plain,
text/html, text/calendar; method=REQUEST|CANCEL) + the same calendar as an
application/ics attachment. The event is written by the feed's own writer, so UID,
times and room are those of the feeds; DTSTAMP is the time of sending and SEQUENCE the
version the delivery carries (both given to the writer), the ORGANIZER the office's
real mailbox (also the From), one ATTENDEE: the recipient.
Reminders are plain e-mail with no calendar part (R3). One message per recipient.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from meetings import ics
from meetings.enums import MeetingStatus
from meetings.feeds import PRODID, in_calendar_language, meeting_lines, vtimezone_bytes
from meetings.wording import meeting_when
from missions.addresses import clean_address

from .enums import DeliveryKind
from .models import Delivery

METHODS = {
    DeliveryKind.INVITATION: "REQUEST",
    DeliveryKind.UPDATE: "REQUEST",
    DeliveryKind.CANCELLATION: "CANCEL",
}
SUBJECT_PREFIX = {
    DeliveryKind.INVITATION: "Invitation",
    DeliveryKind.UPDATE: "Updated invitation",
    DeliveryKind.CANCELLATION: "Cancelled",
    DeliveryKind.REMINDER: "Reminder",
}


def quoted(value: str) -> str:
    """A parameter value, quoted (names hold commas). Quotes and control characters
    cannot appear in one (RFC 5545 QSAFE-CHAR)."""
    value = "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in value)
    return '"' + value.replace('"', "'") + '"'


UNSUBSCRIBE = "https://gasched.invalid/unsubscribe-placeholder"


class UnsendableAddress(ValueError):
    """The contact's address is not one mail can go to: stored before addresses were
    checked, or written around the checks. The delivery fails with this reason."""


def recipient(delivery: Delivery) -> str:
    """The contact's address, checked by the rule it entered by (missions.addresses),
    its domain in IDNA form: never handed to the mail library as it is."""
    try:
        return clean_address(delivery.contact.email)
    except ValidationError as error:
        with translation.override("en"):  # a reason for the office's log, in English
            raise UnsendableAddress(error.messages[0]) from None


@dataclass
class Prepared:
    """What every recipient of one version of one meeting gets alike: rendered once per
    batch, then completed with each recipient's address, name and opt-out link."""

    subject: str
    text: str
    html: str
    event: list[str]  # the VEVENT lines, without ORGANIZER and ATTENDEE
    method: str | None
    # The calendar before and after the ATTENDEE line, folded once (calendar_for).
    around_attendee: tuple[bytes, bytes] | None = None


def prepare(delivery: Delivery, *, stamp=None) -> Prepared:
    """The parts of a message that are the same for every contact, in the calendar
    language whatever language is active (a task run eagerly in a French request)."""
    with in_calendar_language():
        return _prepare(delivery, stamp=stamp)


def _prepare(delivery: Delivery, *, stamp=None) -> Prepared:
    meeting = delivery.meeting
    when = meeting_when(meeting)
    context = {
        "kind": delivery.kind,
        "meeting": meeting,
        "when": when,
        "meeting_url": settings.GASCHED_SITE_URL + meeting.get_absolute_url(),
        "unsubscribe_url": UNSUBSCRIBE,
        "organizer_name": settings.GASCHED_ORGANIZER_NAME,
        "organizer_email": settings.GASCHED_ORGANIZER_EMAIL,
        "lead": lead_time(delivery.lead_minutes),
    }
    # ASCII where the title is: an en dash alone would make every Subject encoded.
    prefix = SUBJECT_PREFIX[delivery.kind]
    if delivery.kind == DeliveryKind.CANCELLATION and meeting.status == MeetingStatus.POSTPONED:
        prefix = "Postponed"  # calendars drop it (CANCEL); people read why
    subject = f"{prefix}: {meeting.title}, {when}".replace("–", "-")
    method = METHODS.get(delivery.kind)
    event = []
    if method:
        event = meeting_lines(
            meeting,
            base_url=settings.GASCHED_SITE_URL,
            language="en",
            dtstamp=stamp or timezone.now(),
            sequence=delivery.sequence,
        )
    return Prepared(
        subject=" ".join(subject.split()),
        text=render_to_string("email/meeting.txt", context),
        html=render_to_string("email/meeting.html", context),
        event=event,
        method=method,
    )


def calendar_for(delivery: Delivery, prepared: Prepared, *, address: str) -> bytes:
    """The calendar of one recipient: the parts alike for all folded once, then the
    recipient's ATTENDEE line before END:VEVENT."""
    if prepared.around_attendee is None:
        end = prepared.event.index("END:VEVENT")
        head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", f"METHOD:{prepared.method}"]
        organizer = (
            f"ORGANIZER;CN={quoted(settings.GASCHED_ORGANIZER_NAME)}:"
            f"mailto:{settings.GASCHED_ORGANIZER_EMAIL}"
        )
        before = [ics.fold(line) for line in head] + [vtimezone_bytes()]
        before += [ics.fold(line) for line in [*prepared.event[:end], organizer]]
        after = [ics.fold(line) for line in prepared.event[end:]] + [b"END:VCALENDAR\r\n"]
        prepared.around_attendee = (b"".join(before), b"".join(after))
    attendee = ics.fold(
        f"ATTENDEE;CN={quoted(delivery.contact.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
        f"PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{address}"
    )
    return prepared.around_attendee[0] + attendee + prepared.around_attendee[1]


def lead_time(minutes: int) -> str:
    if minutes % 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = minutes // 60
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


def build_message(
    delivery: Delivery, *, stamp=None, prepared: Prepared | None = None
) -> EmailMultiAlternatives:
    prepared = prepared or prepare(delivery, stamp=stamp)
    contact = delivery.contact
    address = recipient(delivery)
    unsubscribe = settings.GASCHED_SITE_URL + reverse(
        "correspondence:unsubscribe", args=[contact.token]
    )
    message = EmailMultiAlternatives(
        subject=prepared.subject,
        body=prepared.text.replace(UNSUBSCRIBE, unsubscribe),
        from_email=f"{settings.GASCHED_ORGANIZER_NAME} <{settings.GASCHED_ORGANIZER_EMAIL}>",
        to=[address],
        headers={
            "Message-ID": delivery.message_id,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(prepared.html.replace(UNSUBSCRIBE, unsubscribe), "text/html")
    if prepared.method:
        calendar = calendar_for(delivery, prepared, address=address)
        # Django adds the charset; the method parameter is what makes it iMIP.
        message.attach_alternative(
            calendar.decode("utf-8"), f"text/calendar; method={prepared.method}"
        )
        message.attach("invite.ics", calendar, "application/ics")
    return message
