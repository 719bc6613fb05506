"""The missions' contacts: kept by the PGA office and by each mission's own staff,
imported from CSV all or nothing, and free to opt out with one link."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gasched.validators import misleading_character
from meetings.models import Process

from .addresses import clean_address, visible
from .confirmation import ask_for_confirmation
from .models import Contact, Mission
from .signals import contacts_changed

MAX_CSV_ROWS = 5000


@transaction.atomic
def save_contact(contact: Contact, *, focal_point_for=()) -> Contact:
    """Save a contact; a new one (or one with new processes) is invited at once to the
    published meetings to come that it wants, not only to the next ones. A new address
    is first confirmed by its owner (confirmation.py): until then nothing goes to it."""
    contact.email = contact.email.strip().lower()
    refuse_control_characters({f: getattr(contact, f) for f in ("name", "email", "function")})
    contact.full_clean()
    new_address = (
        contact.pk is None
        or not Contact.objects.filter(pk=contact.pk, email=contact.email).exists()
    )
    contact.save()
    if new_address:
        ask_for_confirmation(contact)
    contact.focal_point_for.set(focal_point_for)
    invite_to_upcoming([contact])
    return contact


def invite_to_upcoming(contacts_to_invite) -> None:
    """Announce the contacts who may now want meetings already published (the
    invitations app catches them up, in this transaction)."""
    contact_ids = [c.pk for c in contacts_to_invite]
    if contact_ids:
        contacts_changed.send(sender=Contact, contact_ids=contact_ids)


@transaction.atomic
def set_preferences(
    mission: Mission, *, receives_everything: bool, kinds: list[str], processes
) -> Mission:
    mission.receives_everything = receives_everything
    mission.kinds = sorted(set(kinds))
    mission.full_clean()
    mission.save(update_fields=["receives_everything", "kinds"])
    mission.processes.set(processes)
    invite_to_upcoming(list(mission.contacts.all()))
    return mission


def opt_out(contact: Contact) -> Contact:
    """One click in any e-mail: no more mail to this address (pending ones are skipped)."""
    if contact.opted_out is None:
        contact.opted_out = timezone.now()
        contact.save(update_fields=["opted_out", "updated"])
    return contact


def opt_in(contact: Contact) -> Contact:
    contact.opted_out = None
    contact.save(update_fields=["opted_out", "updated"])
    return contact


# --- CSV import ------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int
    updated: int


class CsvRejected(ValueError):
    """The whole file is refused; `errors` lists each bad line by its number."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


MAX_CSV_BYTES = 2 * 1024 * 1024


def read_csv(data: bytes) -> list[tuple[int, dict]]:
    """(line number in the file, row) for every row; the header must name the columns."""
    if len(data) > MAX_CSV_BYTES:
        raise CsvRejected([_("The file is larger than 2 MB: split it.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvRejected([_("The file is not UTF-8 text: save it as “CSV UTF-8”.")]) from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        missing = [c for c in ("mission", "name", "email") if c not in header]
        if missing:
            raise CsvRejected(
                [_("Line 1: the header lacks the column(s) %(c)s.") % {"c": ", ".join(missing)}]
            )
        reader.fieldnames = header
        for row in reader:
            # The file's own line number (where the row ends: a quoted field may span
            # lines, and blank lines are skipped but counted).
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}))
            if len(rows) > MAX_CSV_ROWS:
                raise CsvRejected(
                    [_("More than %(n)d rows: split the file.") % {"n": MAX_CSV_ROWS}]
                )
    except csv.Error as error:
        raise CsvRejected(
            [_("Line %(n)d: %(e)s.") % {"n": reader.line_num + 1, "e": error}]
        ) from error
    return rows


def has_control_characters(text: str) -> bool:
    """Line breaks, control characters and bidirectional overrides (gasched.validators)."""
    return misleading_character(text) is not None


def refuse_control_characters(values: dict[str, str]) -> None:
    """ValidationError naming each field (of a contact) that holds control characters."""
    errors = {
        field: _("Control characters are not allowed here.")
        for field, value in values.items()
        if has_control_characters(value or "")
    }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def import_contacts(data: bytes, *, missions=None) -> ImportResult:
    """Every row valid, or nothing saved: the errors name their line numbers.

    A row for an address the mission already has updates that contact. `missions`
    limits the rows to those missions (a mission's staff import only their own).
    """
    rows = read_csv(data)
    by_name = {m.name.casefold(): m for m in Mission.objects.all()}
    allowed = None if missions is None else {m.pk for m in missions}
    errors, valid, seen = [], [], set()
    for line, row in rows:
        mission = by_name.get(row.get("mission", "").casefold())
        email = row.get("email", "").lower()
        # The address has its own rule below, which says what is wrong with it.
        bad = [c for c, value in row.items() if c != "email" and has_control_characters(value)]
        if bad:
            errors.append(
                _("Line %(n)d, column %(c)s: control characters are not allowed.")
                % {"n": line, "c": visible(bad[0])}
            )
            continue
        if mission is None:
            errors.append(
                _("Line %(n)d: no mission called “%(m)s”.") % {"n": line, "m": row.get("mission")}
            )
            continue
        if allowed is not None and mission.pk not in allowed:
            errors.append(
                _("Line %(n)d: you may not add contacts to %(m)s.") % {"n": line, "m": mission}
            )
            continue
        try:
            email = clean_address(email)
        except ValidationError as error:
            errors.append(
                _("Line %(n)d, column email: %(reason)s") % {"n": line, "reason": error.messages[0]}
            )
            continue
        if not row.get("name"):
            errors.append(_("Line %(n)d: the name is empty.") % {"n": line})
            continue
        if (mission.pk, email) in seen:
            errors.append(
                _("Line %(n)d: %(e)s appears twice for %(m)s.")
                % {"n": line, "e": email, "m": mission}
            )
            continue
        seen.add((mission.pk, email))
        valid.append((mission, row["name"][:200], email, row.get("function", "")[:200]))
    if errors:
        raise CsvRejected(errors)
    try:
        with transaction.atomic():
            return save_rows(valid, by_office=missions is None)
    except IntegrityError as error:
        raise CsvRejected(
            [_("Another change to these contacts was saved at the same moment: upload again.")]
        ) from error


def save_rows(valid, *, by_office: bool) -> ImportResult:
    existing = {
        (c.mission_id, c.email): c
        for c in Contact.objects.filter(mission__in={m for m, *_ in valid})
    }
    created = updated = 0
    new = []
    for mission, name, email, function in valid:
        contact = existing.get((mission.pk, email))
        if contact is None:
            # The PGA office's own list is confirmed by its import (confirmation.py);
            # a mission's staff's rows wait for their owners' click like typed ones.
            contact = Contact.objects.create(
                mission=mission,
                name=name,
                email=email,
                function=function,
                confirmed=timezone.now() if by_office else None,
            )
            if not by_office:
                ask_for_confirmation(contact)
            new.append(contact)
            created += 1
        else:
            contact.name, contact.function = name, function
            contact.save(update_fields=["name", "function", "updated"])
            updated += 1
    invite_to_upcoming(new)
    return ImportResult(created=created, updated=updated)


def processes_for_choice():
    return Process.objects.select_related("session").order_by("-session__number", "title")
