"""The e-mails: iMIP invitations, updates and cancellations (RFC 6047), and reminders.

Shape (shared/standards.md M2): multipart/mixed > multipart/alternative(text/plain,
text/html, text/calendar; method=REQUEST|CANCEL) + the same calendar as an
application/ics attachment. The event is written by the feed's own writer, so UID,
SEQUENCE, times and room are those of the feeds; DTSTAMP is the time of sending, the
ORGANIZER the office's real mailbox (also the From), one ATTENDEE: the recipient.
Reminders are plain e-mail with no calendar part (R3). One message per recipient.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from meetings import ics
from meetings.feeds import PRODID, meeting_lines, vtimezone_bytes
from meetings.templatetags.programme import meeting_when

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
    """A parameter value, quoted (names hold commas); quotes themselves cannot appear."""
    return '"' + value.replace('"', "'").replace("\r", " ").replace("\n", " ") + '"'


def calendar_for(delivery: Delivery, *, stamp=None) -> bytes:
    meeting, contact = delivery.meeting, delivery.contact
    method = METHODS[delivery.kind]
    event = meeting_lines(meeting, base_url=settings.GASCHED_SITE_URL, language="en")
    stamp = ics.utc_stamp(stamp or timezone.now())
    lines = []
    for line in event:
        if line.startswith("DTSTAMP:"):
            line = f"DTSTAMP:{stamp}"
        elif line.startswith("SEQUENCE:"):
            line = f"SEQUENCE:{delivery.sequence}"
        elif line == "END:VEVENT":
            lines += [
                f"ORGANIZER;CN={quoted(settings.GASCHED_ORGANIZER_NAME)}:"
                f"mailto:{settings.GASCHED_ORGANIZER_EMAIL}",
                f"ATTENDEE;CN={quoted(contact.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                f"PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{contact.email}",
            ]
        lines.append(line)
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", f"METHOD:{method}"]
    return b"".join(
        [
            *(ics.fold(line) for line in head),
            vtimezone_bytes(),
            *(ics.fold(line) for line in lines),
            b"END:VCALENDAR\r\n",
        ]
    )


def lead_time(minutes: int) -> str:
    if minutes % 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = minutes // 60
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


def build_message(delivery: Delivery, *, stamp=None) -> EmailMultiAlternatives:
    meeting, contact = delivery.meeting, delivery.contact
    site = settings.GASCHED_SITE_URL
    unsubscribe = site + reverse("correspondence:unsubscribe", args=[contact.token])
    context = {
        "delivery": delivery,
        "kind": delivery.kind,
        "meeting": meeting,
        "contact": contact,
        "when": meeting_when(meeting),
        "meeting_url": site + meeting.get_absolute_url(),
        "unsubscribe_url": unsubscribe,
        "organizer_name": settings.GASCHED_ORGANIZER_NAME,
        "organizer_email": settings.GASCHED_ORGANIZER_EMAIL,
        "lead": lead_time(delivery.lead_minutes),
    }
    subject = f"{SUBJECT_PREFIX[delivery.kind]}: {meeting.title}, {context['when']}"
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("email/meeting.txt", context),
        from_email=f"{settings.GASCHED_ORGANIZER_NAME} <{settings.GASCHED_ORGANIZER_EMAIL}>",
        to=[contact.email],
        headers={
            "Message-ID": delivery.message_id,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("email/meeting.html", context), "text/html")
    if delivery.kind in METHODS:
        calendar = calendar_for(delivery, stamp=stamp)
        method = METHODS[delivery.kind]
        message.attach_alternative(
            calendar.decode("utf-8"), f"text/calendar; method={method}; charset=utf-8"
        )
        message.attach("invite.ics", calendar, "application/ics")
    return message
