"""Storing letters with what they propose, and reading the letters archive."""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from meetings.models import Process, Room, RoomAlias, Session
from meetings.rules import is_pga_office

from . import documents, extraction
from .enums import ProposalState
from .models import Announcement, Letter, ProposedDeadline, ProposedMeeting, Signatory
from .review import match_existing

# --- Reading a file --------------------------------------------------------------------


def room_names() -> dict[str, str]:
    """Alias key -> room name, as staff keep them (one query)."""
    return dict(RoomAlias.objects.values_list("key", "room__name"))


def known_presidents() -> tuple[str, ...]:
    return tuple(
        Session.objects.exclude(president="").values_list("president", flat=True).distinct()
    )


def read_file(data: bytes, *, filename: str = "") -> extraction.Extraction:
    """Text from the file, then what it says. Raises DocumentError or ExtractionError."""
    text = documents.text_of(data, filename=filename)
    return extraction.extract(text, rooms=room_names(), presidents=known_presidents())


# --- Saving ----------------------------------------------------------------------------


@dataclass
class Imported:
    letter: Letter
    created: bool  # False: this very file was already in the archive
    found: extraction.Extraction


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@transaction.atomic
def import_letter(
    data: bytes,
    *,
    filename: str,
    process: Process | None = None,
    user=None,
) -> Imported:
    """Store the letter (and any it encloses) with its proposals for review.

    The same file uploaded again is the same letter: its open proposals are read
    afresh, and nothing already accepted is proposed twice.
    """
    found = read_file(data, filename=filename)
    sha = digest(data)
    letter = Letter.objects.filter(sha256=sha, enclosed_in__isnull=True).first()
    created = letter is None
    if created:
        letter, created = store_letter(data, found, filename=filename, process=process, user=user)
    elif process is not None and letter.process is None:
        letter.process = process
        letter.save(update_fields=["process", "updated"])
    link_earlier_letters(letter)
    propose(letter, found)
    return Imported(letter=letter, created=created, found=found)


def store_letter(data: bytes, found, *, filename: str, process, user) -> tuple[Letter, bool]:
    """Create the letter and its enclosures; if the same file is being stored at this
    very moment by someone else, theirs is the letter (and our copy of the file goes)."""
    # The co-facilitators who sign an enclosed letter tell the process of the whole.
    process = process or next(filter(None, map(process_of, found.letters)), None)
    letter = Letter(sha256=digest(data), original_name=filename[-255:], created_by=user)
    fill_letter(letter, found.letter, process=process)
    letter.original.save(f"letter.{documents.file_kind(data)}", ContentFile(data), save=False)
    letter.extraction_warnings = found.warnings
    try:
        with transaction.atomic():
            letter.save()
    except IntegrityError:
        letter.original.delete(save=False)
        return Letter.objects.get(sha256=letter.sha256, enclosed_in__isnull=True), False
    save_signatories(letter, found.letter)
    for facts in found.letters[1:]:
        enclosure = Letter(enclosed_in=letter, created_by=user)
        fill_letter(enclosure, facts, process=process)
        enclosure.save()
        save_signatories(enclosure, facts)
    return letter, True


def fill_letter(letter: Letter, facts: extraction.LetterFacts, *, process: Process | None):
    letter.date = facts.date
    letter.sender = facts.sender or ""
    letter.subject = (facts.subject or "")[:400]
    letter.addressees = (facts.addressees or "")[:400]
    letter.body = facts.text
    letter.refers_to_dates = [day.isoformat() for day in facts.further_to]
    letter.process = process


def process_of(facts: extraction.LetterFacts) -> Process | None:
    """The process whose co-facilitators signed the letter, if exactly one fits."""
    states = {s.state.casefold() for s in facts.signatories if s.state}
    if len(states) < 2:
        return None
    candidates = []
    for process in Process.objects.prefetch_related("cofacilitators"):
        theirs = {c.state.casefold() for c in process.cofacilitators.all()}
        if theirs and all(any(t in s or s in t for s in states) for t in theirs):
            candidates.append(process)
    return candidates[0] if len(candidates) == 1 else None


def save_signatories(letter: Letter, facts: extraction.LetterFacts) -> None:
    Signatory.objects.bulk_create(
        Signatory(
            letter=letter,
            order=order,
            name=s.name[:200],
            honorific=(s.honorific or "")[:40],
            title=(s.title or "")[:200],
            state=(s.state or "")[:200],
        )
        for order, s in enumerate(facts.signatories)
    )


def link_earlier_letters(letter: Letter) -> None:
    """ "Further to my letter dated 12 June": link the archived letters of those dates."""
    for part in [letter, *letter.enclosures.all()]:
        if part.refers_to_dates:
            days = [date.fromisoformat(d) for d in part.refers_to_dates]
            earlier = Letter.objects.filter(date__in=days, enclosed_in__isnull=True).exclude(
                pk__in=[letter.pk, part.pk]
            )
            if part.sender:
                earlier = earlier.filter(sender=part.sender)
            part.refers_to.add(*earlier)


def propose(letter: Letter, found: extraction.Extraction) -> None:
    """Replace the open proposals with what the text says now; reviewed ones stay."""
    parts = [letter, *letter.enclosures.order_by("pk")]
    ProposedMeeting.objects.filter(letter__in=parts, state=ProposalState.PROPOSED).delete()
    ProposedDeadline.objects.filter(letter__in=parts, state=ProposalState.PROPOSED).delete()
    rooms = {room.name: room for room in Room.objects.all()}
    reviewed = set(
        ProposedMeeting.objects.filter(letter__in=parts)
        .exclude(state=ProposalState.PROPOSED)
        .values_list("source", "date", "start")
    )
    for order, item in enumerate(found.meetings):
        part = parts[min(item.letter_index, len(parts) - 1)]
        if (item.source, item.date, item.start) in reviewed:
            continue  # staff already decided on this one
        proposal = ProposedMeeting(
            letter=part,
            order=order,
            source=item.source,
            warnings=item.warnings,
            action=item.action,
            date=item.date,
            start=item.start,
            end=item.end,
            timing=item.timing,
            room=rooms.get(item.room) if item.room else None,
            kind=item.kind,
            title=item.title[:400],
            is_tentative=item.tentative,
            was_held=item.held,
            moved_from=item.moved_from,
        )
        proposal.existing = match_existing(proposal, process=letter.process)
        proposal.save()
    reviewed_deadlines = set(
        ProposedDeadline.objects.filter(letter__in=parts)
        .exclude(state=ProposalState.PROPOSED)
        .values_list("source", "due_date")
    )
    for order, item in enumerate(found.deadlines):
        if (item.source, item.date) in reviewed_deadlines:
            continue
        proposal = ProposedDeadline(
            letter=parts[min(item.letter_index, len(parts) - 1)],
            order=order,
            source=item.source,
            warnings=item.warnings,
            kind=item.kind,
            title=item.what[:300],
            due_date=item.date,
            due_time=item.time,
            close_of_business=item.close_of_business,
        )
        proposal.existing = match_existing_deadline(proposal, process=letter.process)
        proposal.save()


def match_existing_deadline(proposal: ProposedDeadline, *, process: Process | None):
    if process is None:
        return None
    return process.deadlines.filter(kind=proposal.kind, due_date=proposal.due_date).first()


@transaction.atomic
def set_process(letter: Letter, process: Process) -> Letter:
    """File the letter (and what it encloses) under a process; look again for the
    meetings its open proposals speak of, now that the process is known."""
    Letter.objects.filter(Q(pk=letter.pk) | Q(enclosed_in=letter)).update(process=process)
    letter.process = process
    for proposal in ProposedMeeting.objects.filter(
        letter__in=[letter, *letter.enclosures.all()], state=ProposalState.PROPOSED
    ):
        proposal.existing = match_existing(proposal, process=process)
        proposal.save(update_fields=["existing"])
    for proposal in ProposedDeadline.objects.filter(
        letter__in=[letter, *letter.enclosures.all()], state=ProposalState.PROPOSED
    ):
        proposal.existing = match_existing_deadline(proposal, process=process)
        proposal.save(update_fields=["existing"])
    return letter


# --- The archive -----------------------------------------------------------------------


def visible_letters(user) -> QuerySet[Letter]:
    """Published letters for everyone; the PGA office also sees those under review."""
    letters = Letter.objects.filter(enclosed_in__isnull=True)
    if not is_pga_office(user):
        letters = letters.filter(is_published=True)
    return letters


def search(letters: QuerySet[Letter], text: str) -> QuerySet[Letter]:
    """Full-text search over subject, body and signatories, enclosures included.

    PostgreSQL: its English full-text search ("negotiation" finds "negotiations").
    SQLite (the embedded default): every word must appear.
    """
    text = text.strip()
    if not text:
        return letters
    if connection.vendor == "postgresql":
        vector = SearchVector("subject", "body", config="english")
        query = SearchQuery(text, search_type="websearch", config="english")
        matching = Letter.objects.annotate(search=vector).filter(search=query)
    else:
        matching = Letter.objects.all()
        for word in text.split()[:10]:
            matching = matching.filter(Q(subject__icontains=word) | Q(body__icontains=word))
    signed = Signatory.objects.filter(Q(name__icontains=text) | Q(state__iexact=text)).values(
        "letter"
    )
    ids = Letter.objects.filter(Q(pk__in=matching.values("pk")) | Q(pk__in=signed)).values(
        "pk", "enclosed_in"
    )
    wanted = {row["enclosed_in"] or row["pk"] for row in ids}
    return letters.filter(pk__in=wanted)


def for_listing(letters: QuerySet[Letter]) -> QuerySet[Letter]:
    return letters.select_related("process").prefetch_related(
        "signatories",
        Prefetch("enclosures", queryset=Letter.objects.prefetch_related("signatories")),
    )


def letter_for_page(pk: int, user) -> Letter:
    visible = visible_letters(user)  # an unpublished letter is never named to the public
    # Nor a draft meeting: the office alone sees what it has not published.
    announced = Announcement.objects.select_related("meeting__room")
    if not is_pga_office(user):
        announced = announced.filter(meeting__published_at__isnull=False)
    return (
        visible.select_related("process")
        .prefetch_related(
            "signatories",
            Prefetch("refers_to", queryset=visible),
            Prefetch("referred_to_by", queryset=visible),
            Prefetch(
                "enclosures",
                queryset=Letter.objects.prefetch_related(
                    "signatories", Prefetch("announcements", queryset=announced)
                ),
            ),
            Prefetch("announcements", queryset=announced),
        )
        .get(pk=pk)
    )


def no_such_letter() -> str:
    return _("There is no letter with this number.")
