"""The e-mails: iMIP invitations, updates and cancellations (RFC 6047), and reminders.

Shape (shared/standards.md M2): multipart/mixed > multipart/alternative(text/plain,
text/html, text/calendar; method=REQUEST|CANCEL) + the same calendar as an
application/ics attachment. The event is written by the feed's own writer, so UID,
times and room are those of the feeds; DTSTAMP is the time of sending and SEQUENCE the
version the delivery carries (both given to the writer), the ORGANIZER (also the From)
the reply address gasched receives itself (correspondence.replies), named as the
office, and one ATTENDEE: the recipient, asked to answer (RSVP=TRUE).
Reminders are plain e-mail with no calendar part (R3). One message per recipient.
"""

import itertools
import re
from dataclasses import dataclass
from datetime import timedelta
from email.charset import QP, Charset
from email.header import Header
from email.utils import format_datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import ngettext

from meetings import ics
from meetings.changes import differences_from
from meetings.enums import MeetingStatus, Timing
from meetings.feeds import PRODID, in_calendar_language, meeting_lines, vtimezone_bytes
from meetings.timing import NEW_YORK
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
    changed = differences_from(delivery.changes)
    starts = starts_in(meeting, now=stamp or timezone.now())
    context = {
        "kind": delivery.kind,
        "meeting": meeting,
        "when": when,
        "meeting_url": settings.GASCHED_SITE_URL + meeting.get_absolute_url(),
        "unsubscribe_url": UNSUBSCRIBE,
        "organizer_name": settings.GASCHED_ORGANIZER_NAME,
        "organizer_email": settings.GASCHED_ORGANIZER_EMAIL,
        "lead": lead_time(delivery.lead_minutes),
        "changes": [d.sentence for d in changed.differences],
        "starts": starts,
    }
    # ASCII where the title is: an en dash alone would make every Subject encoded.
    prefix = SUBJECT_PREFIX[delivery.kind]
    if delivery.kind == DeliveryKind.CANCELLATION and meeting.status == MeetingStatus.POSTPONED:
        prefix = "Postponed"  # calendars drop it (CANCEL); people read why
    if delivery.kind == DeliveryKind.UPDATE and changed.significant:
        prefix = changed.headline  # "Moved", "Room changed", … "Changed" when several
    if delivery.kind == DeliveryKind.REMINDER:
        when = starts  # "tomorrow at 10:00 (New York time)": not the same for every lead
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
            f"mailto:{settings.GASCHED_REPLY_ADDRESS}"
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


def starts_in(meeting, *, now) -> str:
    """When a reminded meeting starts, said from `now`: "in one hour", "in 45 minutes",
    "today at 15:00", "tomorrow at 10:00", "on Friday 14 March at 10:00", with the New
    York time named; a morning or afternoon without a set time: "tomorrow morning"."""
    start = meeting.local_start
    left = meeting.start - now
    days = (start.date() - timezone.localtime(now, NEW_YORK).date()).days
    if meeting.timing in (Timing.MORNING, Timing.AFTERNOON):
        part = "morning" if meeting.timing == Timing.MORNING else "afternoon"
        if days == 0:
            return f"this {part}"
        if days == 1:
            return f"tomorrow {part}"
        return f"on {date_format(start, 'l j F')}, {part}"
    if timedelta(0) < left <= timedelta(minutes=100):
        minutes = round(left.total_seconds() / 300) * 5  # to five minutes
        if 55 <= minutes <= 65:
            return f"in one hour, at {start:%H:%M} (New York time)"
        return f"in {max(minutes, 5)} minutes, at {start:%H:%M} (New York time)"
    if days == 0:
        return f"today at {start:%H:%M} (New York time)"
    if days == 1:
        return f"tomorrow at {start:%H:%M} (New York time)"
    return f"on {date_format(start, 'l j F')} at {start:%H:%M} (New York time)"


def lead_time(minutes: int) -> str:
    if minutes % 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = minutes // 60
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


# Every text part quoted-printable: the bytes on the wire are 7-bit, so a relay that does
# not offer 8BITMIME (RFC 6152) passes them unchanged (no BODY= to declare).
SEVEN_BIT_UTF8 = Charset("utf-8")
SEVEN_BIT_UTF8.body_encoding = QP
SEVEN_BIT_UTF8.header_encoding = QP


def subject_header(subject: str) -> Header:
    """The Subject with only its non-ASCII runs of words as encoded words, so that
    "Invitation: " and other plain words stay readable on the first line."""
    header = Header(header_name="Subject")
    for plain, run in itertools.groupby(re.findall(r"\S+\s*", subject), key=str.isascii):
        header.append("".join(run).rstrip(), "us-ascii" if plain else SEVEN_BIT_UTF8)
    return header


class MeetingMail(EmailMultiAlternatives):
    """Django's message, 7-bit on the wire, with a Subject folded where it should be."""

    encoding = SEVEN_BIT_UTF8

    def message(self):
        message = super().message()
        # Folded knowing the header's name (Django folds the value alone, which can put
        # a line break right after "Subject:"); encoded words only if needed.
        message.replace_header("Subject", subject_header(self.subject))
        # The time of writing with New York's real offset (-0500 or -0400), whatever
        # zone the worker's process is in.
        message.replace_header(
            "Date", format_datetime(timezone.localtime(timezone.now(), NEW_YORK))
        )
        return message


def build_message(
    delivery: Delivery, *, stamp=None, prepared: Prepared | None = None
) -> EmailMultiAlternatives:
    prepared = prepared or prepare(delivery, stamp=stamp)
    contact = delivery.contact
    address = recipient(delivery)
    unsubscribe = settings.GASCHED_SITE_URL + reverse(
        "correspondence:unsubscribe", args=[contact.token]
    )
    message = MeetingMail(
        subject=prepared.subject,
        body=prepared.text.replace(UNSUBSCRIBE, unsubscribe),
        from_email=f"{settings.GASCHED_ORGANIZER_NAME} <{settings.GASCHED_REPLY_ADDRESS}>",
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
