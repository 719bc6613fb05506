"""Tomorrow's programme and its corrections as e-mail: a plain-text and an HTML part that
read well on a phone and in Outlook (no layout tables, inline styles only), in the
subscriber's language for the e-mail's own words (the meetings' titles stay as they
were entered), the day's meetings in the Journal's order (meetings.journal_order), and
the one-click unsubscribe of RFC 8058 (List-Unsubscribe and List-Unsubscribe-Post).

Everything alike for the subscribers of one language (and one selection) is rendered
once; each recipient's message is that, with their address and their own link.
"""

from dataclasses import dataclass
from datetime import date
from email.utils import format_datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gasched.formats import weekday_date
from meetings.enums import MeetingStatus, Timing
from meetings.journal_order import journal_sections
from meetings.models import Meeting
from meetings.timing import NEW_YORK
from meetings.wording import meeting_time
from missions.addresses import clean_address

from . import wire
from .messages import MeetingMail, UnsendableAddress
from .models import ProgrammeAmendment, ProgrammeDelivery

UNSUBSCRIBE = "https://gasched.invalid/programme-unsubscribe-placeholder"


@dataclass
class Rendered:
    """What every subscriber of one language (and one selection) receives alike."""

    subject: str
    text: str
    html: str
    # The first recipient's message cut where each recipient's parts sit
    # (correspondence.wire); False when it could not be cut.
    template: wire.Template | bool | None = None


@dataclass
class Entry:
    """One meeting as the programme lists it."""

    time: str
    rooms: str
    title: str
    official_name: str
    process: str
    webcast_url: str
    url: str
    notes: list[str]
    change: str = ""  # a correction: what changed ("New room", "Cancelled", …)


def is_on(meeting: Meeting, day: date) -> bool:
    """Whether the programme of `day` lists the meeting as it is now."""
    return (
        meeting.published_at is not None
        and not meeting.is_off
        and meeting.timing != Timing.WEEK
        and meeting.local_start.date() == day
    )


def site(path: str) -> str:
    return settings.GASCHED_SITE_URL + path


def entry(meeting: Meeting) -> Entry:
    rooms = " + ".join(r.name for r in (meeting.room, meeting.overflow_room) if r is not None)
    notes = []
    if meeting.status == MeetingStatus.TENTATIVE:
        notes.append(_("Tentative"))
    if meeting.is_closed:
        notes.append(_("Closed meeting"))
    return Entry(
        time=meeting_time(meeting),
        rooms=rooms or _("Room to be announced"),
        title=meeting.title,
        official_name=meeting.official_name,
        process=meeting.process.title if meeting.process_id else "",
        webcast_url=meeting.webcast_url,
        url=site(meeting.get_absolute_url()),
        notes=notes,
    )


def sections_of(meetings: list[Meeting]) -> list[dict]:
    return [
        {
            "title": str(section.title),
            "groups": [
                {
                    "organ": str(group.organ) if group.organ else "",
                    "entries": [entry(m) for m in group.meetings],
                }
                for group in section.groups
            ],
        }
        for section in journal_sections(meetings)
    ]


def common_context(day: date) -> dict:
    return {
        "day": weekday_date(day),
        "day_url": site(reverse("meetings:day", args=[day])),
        "unsubscribe_url": UNSUBSCRIBE,
        "organizer_name": settings.GASCHED_ORGANIZER_NAME,
        "organizer_email": settings.GASCHED_ORGANIZER_EMAIL,
    }


def render_programme(day: date, meetings: list[Meeting], language: str) -> Rendered:
    """The programme of `day`: `meetings` (read with select_related("organ", "room",
    "overflow_room", "process"): no query here) in the Journal's order."""
    with translation.override(language):
        context = {**common_context(day), "sections": sections_of(meetings)}
        subject = _("Programme of meetings for %(day)s") % {"day": context["day"]}
        context["subject"] = subject
        return Rendered(
            subject=subject,
            text=render_to_string("email/programme.txt", context),
            html=render_to_string("email/programme.html", context),
        )


# A calendar headline (meetings.changes, in English) as the correction says it.
CHANGE_WORDS = {
    "Moved": gettext_lazy("New time"),
    "Room changed": gettext_lazy("New room"),
    "Renamed": gettext_lazy("New title"),
    "Reinstated": gettext_lazy("Reinstated"),
}


def change_words(amendments: list[ProgrammeAmendment], meeting: Meeting, day: date) -> str:
    """What a correction says of one meeting, from what it is now; "" if nothing is
    left to tell (added, then removed again before anyone heard of it)."""
    whats = {a.what for a in amendments}
    if not is_on(meeting, day):
        if whats == {"added"}:
            return ""
        if meeting.is_off:
            return str(meeting.get_status_display())
        return _("No longer on this day: now %(when)s") % {
            "when": f"{weekday_date(meeting.local_start)}, {meeting_time(meeting)}"
        }
    if "added" in whats:
        return _("Added")
    if len(whats) == 1:
        (what,) = whats
        if what in CHANGE_WORDS:
            return str(CHANGE_WORDS[what])
    return _("Changed")


def render_correction(day: date, amendments: list[ProgrammeAmendment], language: str) -> Rendered:
    """The changes to the programme of `day` since it went out, each meeting once, as
    it is now (amendments read with their meetings and rooms)."""
    by_meeting: dict[int, list[ProgrammeAmendment]] = {}
    for amendment in amendments:
        by_meeting.setdefault(amendment.meeting_id, []).append(amendment)
    with translation.override(language):
        entries = []
        for told in sorted(by_meeting.values(), key=lambda a: (a[0].meeting.start, a[0].pk)):
            meeting = told[0].meeting
            words = change_words(told, meeting, day)
            if words:
                item = entry(meeting)
                item.change = words
                entries.append(item)
        context = {**common_context(day), "entries": entries}
        subject = _("Changed since last evening's programme: %(day)s") % {"day": context["day"]}
        context["subject"] = subject
        return Rendered(
            subject=subject,
            text=render_to_string("email/programme_correction.txt", context),
            html=render_to_string("email/programme_correction.html", context),
        )


def address_of(row: ProgrammeDelivery) -> str:
    try:
        return clean_address(row.subscription.email)
    except ValidationError as error:
        with translation.override("en"):  # a reason for the office's log, in English
            raise UnsendableAddress(error.messages[0]) from None


def unsubscribe_url(subscription) -> str:
    return site(reverse("correspondence:programme-unsubscribe", args=[subscription.token]))


def build_message(row: ProgrammeDelivery, rendered: Rendered) -> EmailMultiAlternatives:
    subscription = row.subscription
    unsubscribe = unsubscribe_url(subscription)
    message = MeetingMail(
        subject=rendered.subject,
        body=rendered.text.replace(UNSUBSCRIBE, unsubscribe),
        from_email=f"{settings.GASCHED_ORGANIZER_NAME} <{settings.GASCHED_REPLY_ADDRESS}>",
        to=[address_of(row)],
        headers={
            "Message-ID": row.message_id,
            # RFC 8058: a POST to the link unsubscribes, with no sign-in and no page.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"Programme of meetings <programme.{settings.GASCHED_UID_DOMAIN}>",
            "Auto-Submitted": "auto-generated",
            "Content-Language": row.subscription.language,
        },
    )
    message.attach_alternative(rendered.html.replace(UNSUBSCRIBE, unsubscribe), "text/html")
    return message


# --- On the wire ------------------------------------------------------------------------


def parts(row: ProgrammeDelivery, rendered: Rendered, address: str, link: str, date: str):
    """What differs from one recipient to the next, encoded as on the wire."""
    return {
        "date": date.encode(),
        "to": address.encode(),
        "message_id": row.message_id.encode(),
        "unsubscribe": f"<{link}>".encode(),
        "text": wire.quoted_printable(rendered.text.replace(UNSUBSCRIBE, link).encode()),
        "html": wire.quoted_printable(rendered.html.replace(UNSUBSCRIBE, link).encode()),
    }


def outgoing(row: ProgrammeDelivery, rendered: Rendered) -> wire.Outgoing:
    """The row's bytes: the first of a rendering built by Django and the mail library
    and cut into a template (kept only if it gives the same bytes back); the others that
    template with their own parts. An address or token the template cannot take as it
    is, or a header the library would fold otherwise, is built the ordinary way."""
    address = address_of(row)
    link = unsubscribe_url(row.subscription)
    plain = wire.PLAIN_ADDRESS.match(address) and wire.PLAIN_TOKEN.match(row.subscription.token)
    if rendered.template is None:
        out, mime = wire.flattened(build_message(row, rendered))
        rendered.template = False
        if plain:
            found = parts(row, rendered, address, link, mime["Date"])
            places = wire.cut(out.raw, found)
            if places is not None:
                template = wire.Template(places[0], places[1], [], out.sender, ("", ""))
                if wire.fill(template, found) == out.raw:
                    template.boundaries = wire.boundaries(mime)
                    rendered.template = template
        return out
    if rendered.template and plain:
        date = format_datetime(timezone.localtime(timezone.now(), NEW_YORK))
        found = parts(row, rendered, address, link, date)
        if wire.folded_alike(rendered.template, found):
            return wire.Outgoing(
                rendered.template.sender, address, wire.fill(rendered.template, found)
            )
    return wire.flattened(build_message(row, rendered))[0]
