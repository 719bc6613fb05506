"""The reply address: what reaches it becomes a contact's answer, or goes to the office.

Every invitation names GASCHED_REPLY_ADDRESS as its ORGANIZER (and From), so every
"Accept" click in Outlook, Gmail or Apple Calendar mails a METHOD:REPLY here (about 200
per meeting) instead of to a person. The receiving server (receiving.py) calls
`receive` for each message: it is stored and committed first, and only then handled,
so a message the server said 250 to is never lost; one whose handling fails (the relay
down for a forward) waits for `handle_waiting`, the sweep Celery beat runs.

Handling, in `handle`:
- a calendar REPLY is matched by its UID to one of our meetings and by its ATTENDEE
  (mailto, case-insensitive) to a contact that meeting's invitation was sent to, and
  records that contact's answer (accepted, tentative, declined) with its time (the
  reply's DTSTAMP, or the receipt). A later answer replaces an earlier one only if it is
  newer: a higher SEQUENCE, or the same SEQUENCE with a later DTSTAMP. An answer to an
  earlier version of the meeting (its SEQUENCE below the meeting's) is recorded with
  that SEQUENCE and shown as such: the meeting changed after it was given;
- no change, only the reason in the stored mail's outcome (visible in the admin) and the
  log, for: a UID that is none of our meetings; a meeting cancelled or postponed (its
  answers no longer count); an ATTENDEE the meeting's invitation did not go to; a From
  outside the attendee's domain (a mission answering for another: the From is what the
  receiving mail server checks with SPF, DKIM and DMARC, so it is as trustworthy as
  that check; a delegate at the attendee's own domain or a subdomain passes); a PARTSTAT
  that is no answer (NEEDS-ACTION, DELEGATED);
- anything else (no calendar, or another METHOD: a COUNTER proposing another time, a
  person writing) is forwarded to GASCHED_OFFICE_MAILBOX exactly as it came, through
  the configured mail relay.
"""

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from meetings.models import Meeting
from missions.addresses import domain_in_idna
from missions.models import Contact

from . import itip
from .enums import DeliveryKind, DeliveryState, MailOutcome, MailState
from .models import ReceivedMail, Reply

log = logging.getLogger(__name__)

# A DTSTAMP this far ahead of the receipt is a wrong clock: the receipt is used instead.
CLOCK_SKEW = timedelta(minutes=5)
INVITED_KINDS = (DeliveryKind.INVITATION, DeliveryKind.UPDATE)


def is_reply_address(address: str) -> bool:
    """The reply address, in any case, with or without a +detail (rsvp+x@...)."""
    local, _, domain = address.strip().lower().rpartition("@")
    ours_local, _, ours_domain = settings.GASCHED_REPLY_ADDRESS.lower().rpartition("@")
    return domain == ours_domain and local.split("+", 1)[0] == ours_local


# --- Receiving -------------------------------------------------------------------------


def receive(raw: bytes, *, sender: str = "") -> ReceivedMail:
    """Store the message (committed when this returns), then handle it. Raises only if
    it could not be stored: the receiving server then answers 4xx and the sending
    server tries again later."""
    with transaction.atomic():
        mail = ReceivedMail.objects.create(raw=raw, sender=sender[:400])
    attempt(mail.pk)
    return mail


def attempt(pk: int) -> str | None:
    """Handle a stored message; a failure is recorded for a later attempt, not raised."""
    try:
        return handle(pk)
    except Exception as error:  # whatever it was, the message stays stored for a retry
        log.warning("received mail %s not handled", pk, exc_info=True)
        failed(pk, error)
        return None


def handle_waiting(*, now: datetime | None = None, limit: int = 200) -> int:
    """The sweep: messages whose handling failed, or that a crash left, handled again."""
    now = now or timezone.now()
    waiting = ReceivedMail.objects.filter(state=MailState.PENDING, next_attempt__lte=now)
    ids = list(waiting.order_by("next_attempt").values_list("pk", flat=True)[:limit])
    return sum(attempt(pk) is not None for pk in ids)


def forget_old(*, now: datetime | None = None) -> int:
    """Handled mail older than GASCHED_RECEIVED_MAIL_DAYS is deleted (about 200 replies a
    meeting would otherwise pile up); the answers it recorded stay."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.GASCHED_RECEIVED_MAIL_DAYS)
    old = ReceivedMail.objects.filter(state=MailState.HANDLED, received__lt=cutoff)
    return old.delete()[0]


def failed(pk: int, error: Exception) -> None:
    mail = ReceivedMail.objects.get(pk=pk)
    attempts = mail.attempts + 1
    given_up = attempts >= settings.GASCHED_MAX_ATTEMPTS
    delay = min(settings.GASCHED_RETRY_SECONDS * 2 ** (attempts - 1), 3600.0)
    ReceivedMail.objects.filter(pk=pk, state=MailState.PENDING).update(
        attempts=attempts,
        next_attempt=timezone.now() + timedelta(seconds=delay),
        state=MailState.FAILED if given_up else MailState.PENDING,
        detail=f"{type(error).__name__}: {error}"[:2000],
    )


# --- Handling --------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    outcome: str
    detail: str = ""


def handle(pk: int, *, now: datetime | None = None) -> str | None:
    """Handle one stored message, once: the row is locked while it is handled, so the
    sweep and the receiver never both do it. Returns the outcome, or None if the
    message was already handled (or is being handled)."""
    now = now or timezone.now()
    with transaction.atomic():
        mail = (
            ReceivedMail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, state=MailState.PENDING)
            .first()
        )
        if mail is None:
            return None
        raw = bytes(mail.raw)
        reading = itip.read(raw)
        if reading.is_reply:
            result = record(reading, mail=mail, received=mail.received)
        else:
            forward(raw)
            result = Outcome(MailOutcome.FORWARDED, reading.method and f"METHOD:{reading.method}")
        mail.state, mail.outcome, mail.detail, mail.handled = (
            MailState.HANDLED,
            result.outcome,
            result.detail,
            now,
        )
        mail.save(update_fields=["state", "outcome", "detail", "handled"])
    log.info("received mail %s: %s %s", pk, result.outcome, result.detail)
    return result.outcome


UID = re.compile(r"meeting-(?P<pk>[0-9]{1,18})@(?P<domain>.+)")


def meeting_of(uid: str) -> Meeting | None:
    """The meeting whose UID this is (Meeting.uid: meeting-<pk>@GASCHED_UID_DOMAIN)."""
    match = UID.fullmatch(uid)
    if match is None or match["domain"].lower() != settings.GASCHED_UID_DOMAIN.lower():
        return None
    return Meeting.objects.filter(pk=int(match["pk"])).first()


def record(reading: itip.Reading, *, mail: ReceivedMail, received: datetime) -> Outcome:
    """Record the answer of a REPLY, or say why not (in the caller's transaction)."""
    meeting = meeting_of(reading.uid)
    if meeting is None:
        return Outcome(MailOutcome.UNKNOWN_MEETING, f"UID {reading.uid[:200]}")
    if meeting.is_off:
        return Outcome(MailOutcome.MEETING_OFF, f"meeting {meeting.pk}")
    attendee = normalised(reading.attendee)
    invited = [c for c in invited_contacts(meeting) if normalised(c.email) == attendee]
    if not attendee or not invited:
        return Outcome(MailOutcome.NOT_INVITED, f"ATTENDEE {reading.attendee[:200]}")
    if not from_attendees_domain(reading.sender, attendee):
        return Outcome(
            MailOutcome.OTHER_SENDER, f"From {reading.sender[:200]} for {reading.attendee[:200]}"
        )
    if not reading.answer:
        return Outcome(MailOutcome.UNUSABLE, f"PARTSTAT {reading.partstat[:40] or 'missing'}")
    # A SEQUENCE above the meeting's answers no version we sent: read as the current one.
    sequence = min(reading.sequence, meeting.sequence)
    stamp = reading.stamp
    answered = stamp if stamp is not None and stamp <= received + CLOCK_SKEW else received
    recorded = [
        contact
        for contact in invited
        if replace(meeting, contact, reading.answer, sequence, answered, mail)
    ]
    if not recorded:
        return Outcome(MailOutcome.NOT_NEWER, f"meeting {meeting.pk}, SEQUENCE {sequence}")
    return Outcome(
        MailOutcome.RECORDED,
        f"meeting {meeting.pk}: {reading.answer} (SEQUENCE {sequence} of {meeting.sequence})",
    )


def invited_contacts(meeting: Meeting) -> list[Contact]:
    """The contacts this meeting's invitation (or an update of it) was sent to."""
    return list(
        Contact.objects.filter(
            deliveries__meeting=meeting,
            deliveries__kind__in=INVITED_KINDS,
            deliveries__state=DeliveryState.SENT,
        ).distinct()
    )


def replace(
    meeting: Meeting,
    contact: Contact,
    answer: str,
    sequence: int,
    answered: datetime,
    mail: ReceivedMail,
) -> bool:
    """The contact's answer, unless the one on record is as new or newer."""
    mine = Reply.objects.filter(meeting=meeting, contact=contact)
    current = mine.select_for_update().order_by("pk").first()
    if current is not None and (current.sequence, current.answered) >= (sequence, answered):
        return False
    Reply.objects.update_or_create(
        meeting=meeting,
        contact=contact,
        defaults={"answer": answer, "sequence": sequence, "answered": answered, "mail": mail},
    )
    return True


def normalised(address: str) -> str:
    """An address as compared: lower case, its domain in IDNA form (as stored)."""
    local, _, domain = address.strip().lower().rpartition("@")
    if not local:
        return ""
    try:
        return f"{local}@{domain_in_idna(domain)}"
    except ValidationError:
        return ""


def from_attendees_domain(sender: str, attendee: str) -> bool:
    """The From is at the attendee's domain, or at a subdomain of it."""
    sent_from = normalised(sender).rpartition("@")[2]
    domain = attendee.rpartition("@")[2]
    return bool(sent_from) and (sent_from == domain or sent_from.endswith("." + domain))


# --- Forwarding ------------------------------------------------------------------------


class AsReceived:
    """A received message's own bytes where the mail backends ask for a message."""

    def __init__(self, raw: bytes):
        self.raw = raw

    def as_bytes(self, linesep: str = "\n") -> bytes:
        lines = self.raw.splitlines()
        return linesep.encode().join(lines) + linesep.encode()

    def get_charset(self):
        return None


class Forward(EmailMessage):
    """The received message, untouched, to the office's mailbox; the envelope sender is
    the office's mailbox too, so a bounce of the forward never comes back here."""

    def __init__(self, raw: bytes):
        super().__init__(
            from_email=settings.GASCHED_OFFICE_MAILBOX, to=[settings.GASCHED_OFFICE_MAILBOX]
        )
        self.raw = raw

    def message(self, *, policy=None) -> AsReceived:
        return AsReceived(self.raw)


def forward(raw: bytes) -> None:
    """Through the configured relay; raises if the relay does not take it."""
    connection = get_connection(fail_silently=False)
    if connection.send_messages([Forward(raw)]) != 1:
        raise RuntimeError("the mail relay did not take the forward")
