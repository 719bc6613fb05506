"""Storing letters with what they propose, and reading the letters archive."""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from meetings.models import Deadline, Process, Room, RoomAlias, Session
from meetings.rules import is_pga_office

from . import documents, extraction, mentions, review
from .enums import ProposalState
from .models import Announcement, Letter, ProposedDeadline, ProposedMeeting, Signatory

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
    meetings = settings.GASCHED_LETTER_MAX_MEETINGS
    deadlines = settings.GASCHED_LETTER_MAX_DEADLINES
    try:
        # Reading stops well past the limits (before things named twice are merged):
        # a crafted text is refused in the time a letter takes, not the time it would.
        return extraction.extract(
            text,
            rooms=room_names(),
            presidents=known_presidents(),
            most_meetings=2 * meetings,
            most_deadlines=2 * deadlines,
        )
    except extraction.TooManyMeetings as error:
        if error.what == "deadlines":
            raise TooManyProposals(too_many_deadlines(error.at_least, deadlines)) from error
        raise TooManyProposals(too_many_meetings(error.at_least, meetings)) from error


# --- Saving ----------------------------------------------------------------------------


@dataclass
class Imported:
    letter: Letter
    created: bool  # False: this very file was already in the archive
    found: extraction.Extraction


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class TooManyProposals(ValueError):
    """The letter proposes more than one letter may: nothing was saved; the message
    names the limit and the setting that holds it."""


def too_many_meetings(count: int, limit: int) -> str:
    return _(
        "This file proposes %(count)d meetings; one letter may propose at most "
        "%(limit)d (the setting %(setting)s). Nothing was saved: check that the "
        "file is a letter, or split it."
    ) % {"count": count, "limit": limit, "setting": "GASCHED_LETTER_MAX_MEETINGS"}


def too_many_deadlines(count: int, limit: int) -> str:
    return _(
        "This file proposes %(count)d deadlines; one letter may propose at most "
        "%(limit)d (the setting %(setting)s). Nothing was saved: check that the "
        "file is a letter, or split it."
    ) % {"count": count, "limit": limit, "setting": "GASCHED_LETTER_MAX_DEADLINES"}


def check_proposal_limits(found: extraction.Extraction) -> None:
    """Refuse a reading that proposes more meetings or deadlines than any letter does,
    before anything is saved (every import goes through import_letter)."""
    meetings, limit = len(found.meetings), settings.GASCHED_LETTER_MAX_MEETINGS
    if meetings > limit:
        raise TooManyProposals(too_many_meetings(meetings, limit))
    deadlines, limit = len(found.deadlines), settings.GASCHED_LETTER_MAX_DEADLINES
    if deadlines > limit:
        raise TooManyProposals(too_many_deadlines(deadlines, limit))


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
    afresh, and nothing already accepted is proposed twice. Raises DocumentError,
    ExtractionError or TooManyProposals, with nothing saved.
    """
    found = read_file(data, filename=filename)
    check_proposal_limits(found)
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
    # Dates not understood are warned of from the marks, which a proposal made from one
    # clears; the reading's own sentence about them would stay behind.
    letter.extraction_warnings = [
        w for w in found.warnings if not w.startswith(extraction.NOT_UNDERSTOOD_WARNING)
    ]
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
    """Replace the open proposals with what the text says now; reviewed ones stay.

    Saved in bulk, with the meetings they repeat looked up in one query, so a letter
    at the limit is stored in seconds; then the text as read and its mentions, linked
    to the proposals they became, for the review page."""
    parts = [letter, *letter.enclosures.order_by("pk")]
    ProposedMeeting.objects.filter(letter__in=parts, state=ProposalState.PROPOSED).delete()
    ProposedDeadline.objects.filter(letter__in=parts, state=ProposalState.PROPOSED).delete()
    meeting_pks = propose_meetings(letter, parts, found.meetings)
    deadline_pks = propose_deadlines(letter, parts, found.deadlines)
    keep_mentions(letter, parts, found, meeting_pks=meeting_pks, deadline_pks=deadline_pks)


def part_of(parts: list[Letter], item) -> Letter:
    return parts[min(item.letter_index, len(parts) - 1)]


def propose_meetings(letter: Letter, parts: list[Letter], items: list) -> list[int | None]:
    """Store the meetings read; the pk of each one's proposal (a reviewed one it repeats)."""
    rooms = {room.name: room for room in Room.objects.all()}
    reviewed = {
        (source, day, start): pk
        for source, day, start, pk in ProposedMeeting.objects.filter(letter__in=parts)
        .exclude(state=ProposalState.PROPOSED)
        .order_by("pk")
        .values_list("source", "date", "start", "pk")
    }
    new = [
        ProposedMeeting(
            letter=part_of(parts, item),
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
        for order, item in enumerate(items)
        if (item.source, item.date, item.start) not in reviewed  # staff already decided
    ]
    for proposal, meeting in zip(
        new, review.match_existing_all(new, process=letter.process), strict=True
    ):
        proposal.existing = meeting
    saved = iter(ProposedMeeting.objects.bulk_create(new))
    return [reviewed.get((item.source, item.date, item.start)) or next(saved).pk for item in items]


def propose_deadlines(letter: Letter, parts: list[Letter], items: list) -> list[int | None]:
    reviewed = {
        (source, day): pk
        for source, day, pk in ProposedDeadline.objects.filter(letter__in=parts)
        .exclude(state=ProposalState.PROPOSED)
        .order_by("pk")
        .values_list("source", "due_date", "pk")
    }
    new = [
        ProposedDeadline(
            letter=part_of(parts, item),
            order=order,
            source=item.source,
            warnings=item.warnings,
            kind=item.kind,
            title=item.what[:300],
            due_date=item.date,
            due_time=item.time,
            close_of_business=item.close_of_business,
        )
        for order, item in enumerate(items)
        if (item.source, item.date) not in reviewed
    ]
    for proposal, deadline in zip(
        new, match_existing_deadlines(new, process=letter.process), strict=True
    ):
        proposal.existing = deadline
    saved = iter(ProposedDeadline.objects.bulk_create(new))
    return [reviewed.get((item.source, item.date)) or next(saved).pk for item in items]


def keep_mentions(letter: Letter, parts: list[Letter], found, *, meeting_pks, deadline_pks):
    """The text as read and its mentions, on the outer letter, for the review page."""
    # Where each enclosed letter starts in the text (its body is the text as read).
    starts, cursor = [0], 0
    for part in parts[1:]:
        where = found.text.find(part.body[:200], cursor) if part.body else -1
        starts.append(where)
        cursor = max(cursor, where)
    letter.text_as_read = found.text
    letter.mentions = mentions.marks_of(
        found, meeting_pks=meeting_pks, deadline_pks=deadline_pks, part_starts=starts
    )
    letter.dates_not_understood = mentions.count_not_understood(letter.mentions)
    letter.save(update_fields=["text_as_read", "mentions", "dates_not_understood"])


def match_existing_deadlines(
    proposals: list[ProposedDeadline], *, process: Process | None
) -> list[Deadline | None]:
    """For each proposal, the deadline of its process of that kind and day: one query."""
    if process is None or not proposals:
        return [None] * len(proposals)
    known: dict[tuple[str, date], Deadline] = {}
    for deadline in process.deadlines.filter(due_date__in={p.due_date for p in proposals}):
        known.setdefault((deadline.kind, deadline.due_date), deadline)
    return [known.get((p.kind, p.due_date)) for p in proposals]


@transaction.atomic
def set_process(letter: Letter, process: Process) -> Letter:
    """File the letter (and what it encloses) under a process; look again for the
    meetings its open proposals speak of, now that the process is known."""
    Letter.objects.filter(Q(pk=letter.pk) | Q(enclosed_in=letter)).update(process=process)
    letter.process = process
    parts = [letter, *letter.enclosures.all()]
    meetings = list(ProposedMeeting.objects.filter(letter__in=parts, state=ProposalState.PROPOSED))
    for proposal, meeting in zip(
        meetings, review.match_existing_all(meetings, process=process), strict=True
    ):
        proposal.existing = meeting
    ProposedMeeting.objects.bulk_update(meetings, ["existing"])
    deadlines = list(
        ProposedDeadline.objects.filter(letter__in=parts, state=ProposalState.PROPOSED)
    )
    for proposal, deadline in zip(
        deadlines, match_existing_deadlines(deadlines, process=process), strict=True
    ):
        proposal.existing = deadline
    ProposedDeadline.objects.bulk_update(deadlines, ["existing"])
    return letter


@transaction.atomic
def propose_from_mention(letter: Letter, index: int, *, user=None) -> ProposedMeeting:
    """A proposal made by hand from the sentence of one date in the letter's text,
    filled with what that sentence says, for staff to check and accept. A second click
    on the same date gives the same proposal. Raises ValidationError (nothing saved)."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if not 0 <= index < len(letter.mentions):
        raise ValidationError(_("There is no such date in this letter's text."), code="no_mention")
    mark = letter.mentions[index]
    if mark["what"] != "date":
        raise ValidationError(
            _("A meeting is proposed from a date; this is not one."), code="not_a_date"
        )
    made = ProposedMeeting.objects.filter(pk=mark.get("meeting")).first()
    if made is not None:
        return made
    parts = [letter, *letter.enclosures.order_by("pk")]
    part = parts[min(mark.get("part", 0), len(parts) - 1)]
    text = letter.text_as_read
    said = text[mark["start"] : mark["end"]]
    sentence = mentions.sentence_around(text, mark["start"], mark["end"])
    draft = mentions.draft_of(sentence, said, letter_date=part.date, rooms=room_names())
    if draft.date is None:
        raise ValidationError(
            _(
                "gasched cannot tell which day “%(date)s” is (no year, and the letter is "
                "undated, or no such day): add the meeting by hand."
            )
            % {"date": said},
            code="no_day",
        )
    last = ProposedMeeting.objects.filter(letter__in=parts).aggregate(last=Max("order"))["last"]
    proposal = ProposedMeeting(
        letter=part,
        order=(last or 0) + 1,
        source=sentence,
        date=draft.date,
        start=draft.start,
        end=draft.end,
        timing=draft.timing,
        room=Room.objects.filter(name=draft.room).first() if draft.room else None,
        kind=draft.kind,
        title=draft.title[:400],
        is_tentative=draft.tentative,
    )
    proposal.existing = review.match_existing(proposal, process=letter.process)
    proposal.save()
    mark.pop("reason", None)
    mark.pop("detail", None)
    mark["meeting"] = proposal.pk
    letter.dates_not_understood = mentions.count_not_understood(letter.mentions)
    letter.save(update_fields=["mentions", "dates_not_understood"])
    return proposal


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


# What only the review page shows: never loaded for a list or the public page.
AS_READ = ("text_as_read", "mentions")


def for_listing(letters: QuerySet[Letter]) -> QuerySet[Letter]:
    return (
        letters.defer(*AS_READ)
        .select_related("process")
        .prefetch_related(
            "signatories",
            Prefetch(
                "enclosures",
                queryset=Letter.objects.defer(*AS_READ).prefetch_related("signatories"),
            ),
        )
    )


def letter_for_page(pk: int, user) -> Letter:
    visible = visible_letters(user)  # an unpublished letter is never named to the public
    # Nor a draft meeting: the office alone sees what it has not published.
    announced = Announcement.objects.select_related("meeting__room")
    if not is_pga_office(user):
        announced = announced.filter(meeting__published_at__isnull=False)
    return (
        visible.defer(*AS_READ)
        .select_related("process")
        .prefetch_related(
            "signatories",
            Prefetch("refers_to", queryset=visible.defer(*AS_READ)),
            Prefetch("referred_to_by", queryset=visible.defer(*AS_READ)),
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
