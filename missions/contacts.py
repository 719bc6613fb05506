"""The missions' contacts: kept by the PGA office and by each mission's own staff,
imported from CSV all or nothing, and free to opt out with one link."""

import csv
import io
import logging
from datetime import datetime, timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gasched.queueing import hand_over
from gasched.validators import misleading_character
from meetings.models import Process

from .addresses import clean_address, visible
from .confirmation import ask_for_confirmation
from .enums import ImportState
from .models import Contact, ContactImport, Mission
from .signals import contacts_changed

log = logging.getLogger(__name__)

MAX_CSV_ROWS = 5000
# Rows saved per step of an import job, each step its own transaction: the contacts
# and their invitations together, then the progress the page shows.
IMPORT_STEP = 500


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
    invite_to_upcoming(mission.contacts.only("pk"))
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
def import_contacts(data: bytes, *, missions=None, uploaded_by=None) -> ContactImport:
    """Check every row, in the request: all valid, or nothing saved and the errors name
    their line numbers (CsvRejected). Then a background job saves them (run_import).

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
        valid.append((line, mission, row["name"][:200], email, row.get("function", "")[:200]))
    if errors:
        raise CsvRejected(errors)
    job = ContactImport.objects.create(
        rows=[[line, mission.pk, *fields] for line, mission, *fields in valid],
        total=len(valid),
        uploaded_by=uploaded_by,
        confirmed_by_import=missions is None,
    )
    transaction.on_commit(partial(queue_import, job.pk))
    return job


# An import job waiting this long for a worker, or running without a step saved for
# this long (its worker lost), is queued again by the sweep; it goes on where it stopped.
QUEUED_FOR = timedelta(minutes=1)
STALLED_FOR = timedelta(minutes=10)


def queue_import(job_id: int) -> None:
    """After commit. A broker that cannot be reached is logged, never raised to the page
    that uploaded: the job waits, its page says so, and the sweep queues it."""
    from .tasks import run_contact_import  # noqa: PLC0415 -- import cycle

    what = f"contact import {job_id}"
    hand_over(run_contact_import, job_id, what=what, meanwhile="it waits for the sweep")


def requeue_imports(*, now: datetime | None = None) -> list[int]:
    """The sweep (Celery beat, every minute): jobs left waiting by a broker that was
    down, or running with no progress since their worker was lost, queued again."""
    now = now or timezone.now()
    ids = list(
        ContactImport.objects.filter(
            Q(state=ImportState.QUEUED, uploaded__lt=now - QUEUED_FOR)
            | Q(state=ImportState.RUNNING, progressed__lt=now - STALLED_FOR)
        )
        .order_by("uploaded")
        .values_list("pk", flat=True)
    )
    for job_id in ids:
        queue_import(job_id)
    return ids


def run_import(job_id: int) -> ContactImport:
    """The background job: the checked rows saved IMPORT_STEP at a time, each step in a
    transaction of its own with the invitations of its new contacts and the progress.

    Run twice (a worker lost, the task delivered again), it goes on where it stopped:
    each step locks the job and starts after the rows already saved.
    """
    ContactImport.objects.filter(
        pk=job_id, state__in=[ImportState.QUEUED, ImportState.RUNNING]
    ).update(state=ImportState.RUNNING, progressed=timezone.now())
    while True:
        try:
            with transaction.atomic():
                job = ContactImport.objects.select_for_update().get(pk=job_id)
                if job.is_finished or job.done >= job.total:
                    break
                step = job.rows[job.done : job.done + IMPORT_STEP]
                new, updated = save_rows(step, confirmed=job.confirmed_by_import)
                job.done += len(step)
                job.new_contacts += new
                job.updated_contacts += updated
                job.progressed = timezone.now()
                job.save(update_fields=["done", "new_contacts", "updated_contacts", "progressed"])
        except DatabaseError as error:
            # A clash with a change saved meanwhile (a mission deleted, the same address
            # added at that very moment): the steps before stay saved, and the page says
            # from which line the rows were not.
            job = ContactImport.objects.get(pk=job_id)
            log.exception("contact import %s stopped after %s rows", job_id, job.done)
            ContactImport.objects.filter(pk=job_id).update(
                state=ImportState.FAILED,
                stopped_at_line=job.rows[job.done][0],
                error=str(error)[:2000],
                finished=timezone.now(),
            )
            return ContactImport.objects.get(pk=job_id)
    if not job.is_finished:
        ContactImport.objects.filter(pk=job_id).update(
            state=ImportState.DONE, rows=[], finished=timezone.now()
        )
    return ContactImport.objects.get(pk=job_id)


def save_rows(rows: list, *, confirmed: bool) -> tuple[int, int]:
    """Contacts for checked rows ([line, mission pk, name, email, function]), in bulk: new
    addresses added (confirmed by the import, or asked to confirm) and announced for
    their invitations, known ones updated. Returns (new, updated)."""
    existing = {
        (c.mission_id, c.email): c
        for c in Contact.objects.filter(
            mission__in={row[1] for row in rows}, email__in={row[3] for row in rows}
        )
    }
    now = timezone.now()
    new, known = [], []
    for _line, mission, name, email, function in rows:
        contact = existing.get((mission, email))
        if contact is None:
            new.append(
                Contact(
                    mission_id=mission,
                    name=name,
                    email=email,
                    function=function,
                    confirmed=now if confirmed else None,
                )
            )
        else:
            contact.name, contact.function, contact.updated = name, function, now
            known.append(contact)
    Contact.objects.bulk_create(new, batch_size=1000)
    Contact.objects.bulk_update(known, ["name", "function", "updated"], batch_size=1000)
    if not confirmed:
        for contact in new:
            ask_for_confirmation(contact)
    invite_to_upcoming(new)
    return len(new), len(known)


def processes_for_choice():
    return Process.objects.select_related("session").order_by("-session__number", "title")
