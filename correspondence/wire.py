"""The bytes each recipient's message goes out as, without a MIME tree per recipient.

A fan-out sends the same message to hundreds of contacts but for a few parts: the Date,
To, Message-ID and List-Unsubscribe headers, the opt-out link in the text and HTML, the
ATTENDEE line of the calendar, and the MIME boundaries. The first message of a version
is built and flattened the ordinary way (messages.build_message); that flattening is cut
at the places where those parts sit, and checked by putting the first recipient's parts
back in: only a template that gives back exactly the same bytes is used. The parts of
every further recipient are encoded as the mail library encodes them (quoted-printable
for the text parts, base64 for the .ics attachment), so each recipient receives the
bytes the library would have written. A recipient the template cannot serve (an address
that is not a plain ASCII dot-atom) gets the message built the ordinary way.
"""

import base64
import re
from dataclasses import dataclass
from email import quoprimime
from email.generator import _make_boundary
from email.utils import format_datetime

from django.conf import settings
from django.core.mail.message import sanitize_address
from django.urls import reverse
from django.utils import timezone

from meetings.timing import NEW_YORK

from .messages import UNSUBSCRIBE, Prepared, build_message, calendar_for, recipient
from .models import Delivery

LINE_END = re.compile(rb"\r\n|\r|\n")  # what the mail library's generator normalises
LINE_BREAK = re.compile("\r\n|\r|\n")  # where quoprimime.body_encode cuts its lines
ENCODED: dict[str, str] = {}  # a line -> its quoted-printable form
ENCODED_LINES = 20_000  # forgotten beyond this many (a worker lives long)
# An address the template writes as it is (Django's sanitize_address leaves it so).
PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9.-]+\Z"
)
PLAIN_TOKEN = re.compile(r"[A-Za-z0-9_-]+\Z")  # reverse() leaves it as it is
SHORT_LINE = 76  # a header line this long is never folded (the library folds past 78)
HEADERS = {
    "date": b"Date",
    "to": b"To",
    "message_id": b"Message-ID",
    "unsubscribe": b"List-Unsubscribe",
}


@dataclass
class Outgoing:
    """One recipient's message as it goes to the SMTP server."""

    sender: str  # the envelope's
    to: str
    raw: bytes


@dataclass
class Template:
    segments: list  # bytes as they are, or the name of a recipient's part
    headers: dict  # header -> (length of the first recipient's value, folded)
    boundaries: list[bytes]
    sender: str
    link: tuple[str, str]  # the opt-out link around the contact's token


def crlf(data: bytes) -> bytes:
    return LINE_END.sub(b"\r\n", data)


def quoted_printable(data: bytes) -> bytes:
    """The text parts' encoding (email.charset.Charset.body_encode, quoted-printable),
    line endings as on the wire. It encodes each line on its own, and the lines are
    those of every recipient but one or two: each is encoded once (ENCODED)."""
    if not data:
        return data
    text = data.decode("latin1")  # as the library does: one code point per byte
    lines = LINE_BREAK.split(text)
    ends_with_break = text[-1] in "\r\n"
    if ends_with_break:
        lines.pop()
    if len(ENCODED) > ENCODED_LINES:
        ENCODED.clear()
    out = []
    for line in lines:
        encoded = ENCODED.get(line)
        if encoded is None:
            encoded = ENCODED[line] = quoprimime.body_encode(line, eol="\r\n")
        out.append(encoded)
    if ends_with_break:
        out.append("")
    return "\r\n".join(out).encode("ascii")


def in_base64(data: bytes) -> bytes:
    """email.encoders.encode_base64's encoding, line endings as on the wire."""
    value = base64.encodebytes(data)
    if data and data[-1] != 0x0A and value[-1:] == b"\n":
        value = value[:-1]
    return crlf(value)


def unsubscribe_link(contact, link: tuple[str, str]) -> str:
    if PLAIN_TOKEN.match(contact.token):
        return link[0] + contact.token + link[1]
    return settings.GASCHED_SITE_URL + reverse("correspondence:unsubscribe", args=[contact.token])


def parts(delivery: Delivery, prepared: Prepared, address: str, link: str, date: str) -> dict:
    """What differs from one recipient to the next, encoded as on the wire."""
    found = {
        "date": date.encode(),
        "to": address.encode(),
        "message_id": delivery.message_id.encode(),
        "unsubscribe": f"<{link}>".encode(),
        "text": quoted_printable(prepared.text.replace(UNSUBSCRIBE, link).encode()),
        "html": quoted_printable(prepared.html.replace(UNSUBSCRIBE, link).encode()),
    }
    if prepared.method:
        calendar = calendar_for(delivery, prepared, address=address)
        found["calendar"] = quoted_printable(calendar)
        found["ics"] = in_base64(calendar)
    return found


def cut(raw: bytes, found: dict) -> tuple[list, dict] | None:
    """`raw` as literal bytes and the places of the recipient's parts, with the length
    of each header's value and whether the library folded its line; None when a part is
    not found exactly once where it belongs."""
    head_end = raw.index(b"\r\n\r\n") + 2
    places, headers = [], {}
    for name, value in found.items():
        if not value:
            return None
        if name in HEADERS:
            if raw.count(value, 0, head_end) != 1:
                return None
            start = raw.index(value, 0, head_end)
            label = b"\r\n" + HEADERS[name] + b": "
            headers[name] = (len(value), raw[start - len(label) : start] != label)
        else:
            if raw.count(value, head_end) != 1:
                return None
            start = raw.index(value, head_end)
        places.append((start, start + len(value), name))
    places.sort()
    segments, at = [], 0
    for start, end, name in places:
        if start < at:
            return None
        segments += [raw[at:start], name]
        at = end
    segments.append(raw[at:])
    return segments, headers


def folded_alike(template: "Template", found: dict) -> bool:
    """Whether the recipient's header lines fold as the template's: the library folds a
    line too long (at its spaces), so a value of the same length folds the same, and
    one that leaves the line short is not folded at all."""
    for name, (length, folded) in template.headers.items():
        value = found[name]
        if len(value) == length and (not folded or b" " not in value):
            continue
        if folded or len(HEADERS[name]) + 2 + len(value) > SHORT_LINE:
            return False
    return True


def fill(template: Template, found: dict) -> bytes:
    raw = b"".join(s if isinstance(s, bytes) else found[s] for s in template.segments)
    for boundary in template.boundaries:
        raw = raw.replace(boundary, _make_boundary().encode())
    return raw


def boundaries(mime) -> list[bytes]:
    return [p.get_boundary().encode() for p in mime.walk() if p.is_multipart()]


def ordinary(delivery: Delivery, prepared: Prepared) -> Outgoing:
    """The message built and flattened as Django's SMTP backend does."""
    return flattened(build_message(delivery, prepared=prepared))[0]


def flattened(message) -> tuple[Outgoing, object]:
    mime = message.message()
    raw = mime.as_bytes(linesep="\r\n")
    sender = sanitize_address(message.from_email, message.encoding)
    return Outgoing(sender, sanitize_address(message.to[0], message.encoding), raw), mime


def first(delivery: Delivery, prepared: Prepared) -> tuple[Outgoing, Template | None]:
    """The first recipient's message built the ordinary way, and the template cut from it
    (None if it does not give the same bytes back)."""
    message = build_message(delivery, prepared=prepared)
    outgoing, mime = flattened(message)
    raw, sender = outgoing.raw, outgoing.sender
    address = message.to[0]
    marker = "T0KEN"
    site = settings.GASCHED_SITE_URL
    link = (site + reverse("correspondence:unsubscribe", args=[marker])).split(marker)
    if len(link) != 2 or not PLAIN_ADDRESS.match(address):
        return outgoing, None
    link = (link[0], link[1])
    found = parts(
        delivery, prepared, address, unsubscribe_link(delivery.contact, link), mime["Date"]
    )
    places = cut(raw, found)
    if places is None:
        return outgoing, None
    template = Template(places[0], places[1], [], sender, link)
    if fill(template, found) != raw:
        return outgoing, None
    template.boundaries = boundaries(mime)
    return outgoing, template


def from_template(delivery: Delivery, prepared: Prepared, template: Template) -> Outgoing | None:
    """This recipient's message, or None if the template cannot serve them."""
    address = recipient(delivery)
    if not PLAIN_ADDRESS.match(address):
        return None
    date = format_datetime(timezone.localtime(timezone.now(), NEW_YORK))
    link = unsubscribe_link(delivery.contact, template.link)
    found = parts(delivery, prepared, address, link, date)
    if not folded_alike(template, found):
        return None
    return Outgoing(template.sender, address, fill(template, found))
