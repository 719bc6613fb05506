"""A contact's address is confirmed by its owner before gasched sends it anything.

Mission staff (and the PGA office) may type any address; without this, one mission
member could point some 300 invitations a session at a stranger's mailbox. So a new
address, or a changed one, first receives one e-mail with a one-click link, and until
it is followed the contact gets no invitation, update or reminder (correspondence
reads `Contact.confirmed` when it chooses recipients, and again before it sends).
Confirming announces the contact with `contacts_changed`, so it is caught up at once:
invited to the meetings to come that it wants, as a new contact always was.

The link carries a random key of its own, not the opt-out token (every message carries
that, and whoever held the address before would know it). A changed address gets a new
key, so a link never confirms an address it was not sent to. Opening the link shows a
button and changes nothing; only the POST confirms (mail scanners open links). A link
works for CONFIRMATION_LIFETIME; staff may send it again.

Contacts the PGA office imports from CSV are confirmed by the import itself (see
contacts.save_rows): the file is the office's own list, imported by the office alone.
"""

import re
import secrets
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gasched.queueing import hand_over

from .models import Contact
from .signals import contacts_changed

CONFIRMATION_LIFETIME = timedelta(days=14)
SEND_AGAIN_AFTER = timedelta(hours=1)  # a stranger's mailbox gets one link an hour at most
REQUEUE_AFTER = timedelta(minutes=1)  # a link not mailed by then is queued again
KEY = re.compile(r"[A-Za-z0-9_-]{32,64}")
# Confirmation e-mails are written in English, as the invitations are.
MAIL_LANGUAGE = "en"


class LinkRefused(Exception):
    """The link opens nothing; `reason` says why, for the page that answers 404."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def link_expires(contact: Contact) -> datetime | None:
    if contact.confirmation_sent is None:
        return None
    return contact.confirmation_sent + CONFIRMATION_LIFETIME


def ask_for_confirmation(contact: Contact) -> None:
    """The address is new to gasched (a new contact, or a changed address): nothing goes
    to it until its owner follows the link sent to it. Called inside the transaction
    that saved the contact; the e-mail leaves after commit, from a task."""
    contact.confirmed = None
    contact.confirmation_key = secrets.token_urlsafe(32)
    contact.confirmation_sent = timezone.now()
    contact.confirmation_mailed = None
    contact.save(
        update_fields=[
            "confirmed",
            "confirmation_key",
            "confirmation_sent",
            "confirmation_mailed",
            "updated",
        ]
    )
    transaction.on_commit(partial(queue_confirmation, contact.pk))


@transaction.atomic
def send_link_again(contact: Contact, *, now: datetime | None = None) -> Contact:
    """The same link, valid again for CONFIRMATION_LIFETIME: at most once an hour
    once it has left (a link that never did, the broker or mail server down, may be
    asked for again at once)."""
    now = now or timezone.now()
    if contact.confirmed is not None:
        raise ValidationError(_("This address is already confirmed."))
    if (
        link_mailed(contact)
        and contact.confirmation_sent
        and now - contact.confirmation_sent < SEND_AGAIN_AFTER
    ):
        raise ValidationError(
            _("A link was sent to this address less than an hour ago: wait for it.")
        )
    if not contact.confirmation_key:
        contact.confirmation_key = secrets.token_urlsafe(32)
    contact.confirmation_sent = now
    contact.save(update_fields=["confirmation_key", "confirmation_sent", "updated"])
    transaction.on_commit(partial(queue_confirmation, contact.pk))
    return contact


def link_mailed(contact: Contact) -> bool:
    """The e-mail with the contact's current link has left."""
    return (
        contact.confirmation_mailed is not None
        and contact.confirmation_sent is not None
        and contact.confirmation_mailed >= contact.confirmation_sent
    )


def queue_confirmation(contact_id: int) -> None:
    """After commit. A broker that cannot be reached is logged, never raised to the page
    that saved: the link waits unmailed, and the sweep (requeue_unmailed) queues it."""
    from .tasks import send_confirmation  # noqa: PLC0415 -- import cycle

    what = f"the confirmation link of contact {contact_id}"
    hand_over(send_confirmation, contact_id, what=what, meanwhile="it waits for the sweep")


def requeue_unmailed(*, now: datetime | None = None, limit: int = 500) -> list[int]:
    """The sweep (Celery beat, every minute): links asked for more than a minute ago,
    still valid, whose e-mail never left (not queued, or the mail server refused it),
    queued again. A copy queued twice sends once (send_confirmation checks)."""
    now = now or timezone.now()
    ids = list(
        Contact.objects.filter(
            confirmed__isnull=True,
            confirmation_sent__lt=now - REQUEUE_AFTER,
            confirmation_sent__gt=now - CONFIRMATION_LIFETIME,
        )
        .exclude(confirmation_key="")
        .exclude(confirmation_mailed__gte=F("confirmation_sent"))
        .order_by("confirmation_sent")
        .values_list("pk", flat=True)[:limit]
    )
    for contact_id in ids:
        queue_confirmation(contact_id)
    return ids


def send_confirmation(contact_id: int) -> bool:
    """The e-mail with the link, to the address as it is now (a contact confirmed or
    changed meanwhile is not sent a stale link), once: a link already mailed is not
    mailed again by a second copy of the task. SMTP errors propagate (the task fails,
    and the sweep tries again a minute later)."""
    contact = (
        Contact.objects.select_related("mission")
        .filter(pk=contact_id, confirmed__isnull=True)
        .exclude(confirmation_key="")
        .first()
    )
    if contact is None or link_mailed(contact):
        return False
    with translation.override(MAIL_LANGUAGE):
        message = confirmation_message(contact)
    message.send()
    Contact.objects.filter(pk=contact_id).update(confirmation_mailed=timezone.now())
    return True


def confirmation_message(contact: Contact) -> EmailMultiAlternatives:
    context = {
        "contact": contact,
        "mission": contact.mission,
        "link": settings.GASCHED_SITE_URL
        + reverse("missions:contact-confirm", args=[contact.confirmation_key]),
        "expires": date_format(timezone.localtime(link_expires(contact)), "DATE_FORMAT"),
        "organizer_name": settings.GASCHED_ORGANIZER_NAME,
        "organizer_email": settings.GASCHED_ORGANIZER_EMAIL,
    }
    message = EmailMultiAlternatives(
        subject=_("Confirm your address for invitations to General Assembly meetings"),
        body=render_to_string("email/confirm_address.txt", context),
        from_email=f"{settings.GASCHED_ORGANIZER_NAME} <{settings.GASCHED_ORGANIZER_EMAIL}>",
        to=[contact.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string("email/confirm_address.html", context), "text/html")
    return message


def contact_for_link(key: str, *, now: datetime | None = None) -> Contact:
    """The contact whose link this is, or LinkRefused saying why not. A confirmed
    contact's link keeps opening its page (a second click says it is done)."""
    now = now or timezone.now()
    contact = None
    if KEY.fullmatch(key):
        contact = Contact.objects.select_related("mission").filter(confirmation_key=key).first()
    if contact is None:
        raise LinkRefused(
            _(
                "This confirmation link is not valid. If the address was changed since, "
                "the link sent to the new address replaces it."
            )
        )
    expires = link_expires(contact)
    if contact.confirmed is None and (expires is None or expires <= now):
        raise LinkRefused(
            _(
                "This confirmation link has expired. Ask your mission's staff or the "
                "PGA office to send a new one."
            )
        )
    return contact


@transaction.atomic
def confirm_address(contact: Contact, *, now: datetime | None = None) -> Contact:
    """The owner followed the link: the contact now receives what it wants, and is
    caught up at once (a second click changes nothing)."""
    now = now or timezone.now()
    confirmed = Contact.objects.filter(
        pk=contact.pk, confirmed__isnull=True, confirmation_key=contact.confirmation_key
    ).update(confirmed=now, updated=now)
    if confirmed:
        contact.confirmed = now
        contacts_changed.send(sender=Contact, contact_ids=[contact.pk])
    return contact
