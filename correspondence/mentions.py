"""Every date, time, room and platform a letter names, as the review page shows them.

At import, letters.py keeps the text as read and, for each mention, the proposal it
became or the reason it did not (`marks_of`): the review page then marks the whole
text (`marked_text`) without reading the letter again. A date nothing was made of
can still become a proposal in one click: `draft_of` reads its sentence as staff
would fill the form, and letters.propose_from_mention stores it.

Pure functions: no database.
"""

from dataclasses import dataclass
from datetime import date, time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.enums import MeetingKind, Timing

from . import extraction

# Why a mention became no proposal, in words (the extraction's reasons).
REASONS = {
    "letter-date": gettext_lazy("a letter's date"),
    "resolution-date": gettext_lazy("a resolution's date"),
    "other-organisation": gettext_lazy("another organisation's event"),
    "deadline": gettext_lazy("a deadline"),
    "held-elsewhere": gettext_lazy("a meeting held elsewhere"),
    "term-of-office": gettext_lazy("the start of a term of office"),
    "past-event": gettext_lazy("an event long past"),
    "observance": gettext_lazy("a day observed or a holiday"),
    "closure": gettext_lazy("the premises closed"),
    "not-understood": gettext_lazy("not understood"),
}
WHAT = {
    "date": gettext_lazy("date"),
    "time": gettext_lazy("time"),
    "room": gettext_lazy("room"),
    "platform": gettext_lazy("platform"),
}
NOT_UNDERSTOOD = "not-understood"


# --- At import ---------------------------------------------------------------------------


def marks_of(
    found: extraction.Extraction,
    *,
    meeting_pks: list[int | None],
    deadline_pks: list[int | None],
    part_starts: list[int],
) -> list[dict]:
    """What the database keeps of each mention: where it is, and the pk of the proposal
    it became (`meeting_pks[i]` for found.meetings[i]) or why not; `part` when it is in
    an enclosed letter (`part_starts`: where each letter starts in the text)."""
    marks = []
    for mention in found.mentions:
        mark = {"start": mention.start, "end": mention.end, "what": mention.what}
        pk = None
        if mention.meeting is not None and mention.meeting < len(meeting_pks):
            pk = meeting_pks[mention.meeting]
            mark["meeting"] = pk
        elif mention.deadline is not None and mention.deadline < len(deadline_pks):
            pk = deadline_pks[mention.deadline]
            mark["deadline"] = pk
        if pk is None:
            mark["reason"] = mention.reason or NOT_UNDERSTOOD
            if mention.detail:
                mark["detail"] = mention.detail[:200]
        part = sum(1 for start in part_starts[1:] if 0 <= start <= mention.start)
        if part:
            mark["part"] = part
        marks.append(mark)
    return marks


def count_not_understood(marks: list[dict]) -> int:
    """The dates the page must warn about: a miss is never silent."""
    return sum(1 for m in marks if m["what"] == "date" and m.get("reason") == NOT_UNDERSTOOD)


# --- On the review page ------------------------------------------------------------------


@dataclass
class Mark:
    index: int
    what: str
    text: str
    anchor: str = ""  # a link to the proposal it became
    proposed_as: str = ""  # that proposal's title
    reason: str = ""  # why not, in words
    can_propose: bool = False
    not_understood: bool = False
    said: str = ""  # for screen readers: what it is and what became of it

    @property
    def what_label(self) -> str:
        return str(WHAT.get(self.what, self.what))


def reason_in_words(mark: dict) -> str:
    if mark.get("reason") == "back-reference":
        if mark.get("detail"):
            return _("refers to %(what)s") % {"what": mark["detail"]}
        return _("refers to a meeting already named")
    if mark.get("detail") and mark.get("reason") == "other-organisation":
        return _("another organisation's event (%(what)s)") % {"what": mark["detail"]}
    return str(REASONS.get(mark.get("reason"), _("not proposed")))


def marked_text(letter, *, meetings: dict, deadlines: dict) -> list[tuple[str, Mark | None]]:
    """The letter's text as read, cut into plain runs and marked mentions, in order.

    `meetings` and `deadlines`: (title, link) of the letter's proposals by pk. A mark
    whose proposal is gone (its open proposals were read again) is shown as not
    proposed."""
    text = letter.text_as_read
    pieces: list[tuple[str, Mark | None]] = []
    at = 0
    for index, stored in enumerate(letter.mentions):
        start, end = stored["start"], stored["end"]
        if start < at or end > len(text) or end <= start:
            continue  # overlapping or outside the text: never cut a mark in two
        if start > at:
            pieces.append((text[at:start], None))
        mark = Mark(index=index, what=stored["what"], text=text[start:end])
        meeting = meetings.get(stored.get("meeting"))
        deadline = deadlines.get(stored.get("deadline"))
        if meeting is not None:
            mark.proposed_as, mark.anchor = meeting
        elif deadline is not None:
            mark.proposed_as, mark.anchor = deadline
        else:
            mark.reason = reason_in_words(stored)
            mark.not_understood = stored.get("reason") == NOT_UNDERSTOOD
            mark.can_propose = stored["what"] == "date"
        # Said here, not in the template: a long letter has thousands of marks.
        what = WHAT.get(mark.what, mark.what)
        if mark.anchor:
            mark.said = _("%(what)s, proposed: %(title)s") % {
                "what": what,
                "title": mark.proposed_as,
            }
        else:
            mark.said = str(what)
        pieces.append((mark.text, mark))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


# --- A proposal from one sentence --------------------------------------------------------


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end], on one line (as the extraction
    cuts sentences: abbreviations left whole)."""
    return extraction.clean_space(extraction.sentence_at(text, start))


@dataclass
class Draft:
    """A meeting as one sentence states it: what staff would type into the form."""

    date: date | None
    start: time | None
    end: time | None
    timing: str
    room: str | None  # the room's name, as rooms are kept
    kind: str
    title: str
    tentative: bool


def draft_of(sentence: str, said: str, *, letter_date: date | None, rooms: dict) -> Draft:
    """The meeting of the date `said` in `sentence`: its day (the year from the letter's
    date when it gives none), the first time and room the sentence names, its kind.
    `date` is None when the day cannot be told."""
    dates = extraction.parse_date_mentions(said)
    day = None
    if dates and dates[0].days:
        day = extraction.resolve_year(dates[0].days[0], letter_date, past=False)
    times = extraction.parse_time_mentions(sentence)
    found_rooms = extraction.parse_room_mentions(sentence, rooms)
    kinds = [k for k in extraction.find_kinds(sentence) if not k.is_deadline]
    kind = kinds[0] if kinds else None
    start = times[0].begins if times else None
    timing = Timing.EXACT if start else Timing.DAY
    if start is None and dates:
        timing = extraction.period_of(dates[0], sentence)
    return Draft(
        date=day,
        start=start,
        end=times[0].ends if times else None,
        timing=timing,
        room=found_rooms[0].name if found_rooms else None,
        kind=kind.kind if kind else MeetingKind.OTHER,
        # The letter's own words, as every title read from a letter (calendars are English).
        title=extraction.title_of(sentence, kind) if kind else "Meeting",
        tentative=bool(extraction.TENTATIVE.search(sentence)),
    )
