"""What a reading gives: the letters' facts, the proposals, and every mention found."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from correspondence.enums import ProposalAction
from meetings.enums import DeadlineKind, MeetingKind, Timing


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str | None = None
    state: str | None = None
    honorific: str | None = None


@dataclass
class LetterFacts:
    date: date | None
    sender: str | None  # "pga", "co-facilitators", "committee-chair" or None
    signatories: list[Signatory]
    addressees: str | None
    subject: str | None
    further_to: list[date]
    text: str
    # A dateline OCR left unreadable ("IS November, 2013"): what the rest of the letter
    # gives (the first of its month) to place dates without a year, and why.
    reference_date: date | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class ProposedMeeting:
    date: date
    start: time | None
    end: time | None
    timing: Timing
    room: str | None
    kind: MeetingKind
    title: str
    tentative: bool
    held: bool
    source: str
    action: ProposalAction = ProposalAction.ANNOUNCE
    moved_from: date | None = None
    warnings: list[str] = field(default_factory=list)
    letter_index: int = 0  # 0: the letter itself; 1, 2...: its enclosures
    virtual: bool = False  # "via the Cisco WebEx platform", "virtually": no room


@dataclass
class ProposedDeadline:
    date: date
    what: str
    kind: DeadlineKind
    time: time | None
    close_of_business: bool
    source: str
    warnings: list[str] = field(default_factory=list)
    letter_index: int = 0


@dataclass(frozen=True)
class Mention:
    """A date, time, room or platform named in the letter, and what became of it.

    `start` and `end` are offsets into `Extraction.text`. A mention that became a
    proposal names it (`meeting` or `deadline`: its index in the extraction's list);
    any other says why not (`reason`, one of REASONS) and, briefly, `detail`.
    """

    start: int
    end: int
    what: str  # "date", "time", "room" or "platform"
    text: str
    meeting: int | None = None
    deadline: int | None = None
    reason: str | None = None
    detail: str = ""


# Why a mention did not become a proposal of its own.
REASONS = (
    "letter-date",
    "back-reference",
    "resolution-date",
    "other-organisation",
    "deadline",
    "held-elsewhere",
    "term-of-office",
    "past-event",
    "not-understood",
)


@dataclass
class Extraction:
    letters: list[LetterFacts]  # the letter, then what it encloses
    meetings: list[ProposedMeeting]
    deadlines: list[ProposedDeadline]
    warnings: list[str]
    text: str = ""  # the normalised text staff see; mentions point into it
    mentions: list[Mention] = field(default_factory=list)

    @property
    def letter(self) -> LetterFacts:
        return self.letters[0]


class ExtractionError(ValueError):
    """The text cannot be read as a letter; the message says why."""


class TooManyMeetings(ExtractionError):
    """The text names more meetings or deadlines than the reader was asked to read (no
    letter does): reading stopped there, so that a crafted text costs no more than a
    letter. `what` is "meetings" or "deadlines"."""

    def __init__(self, at_least: int, what: str = "meetings"):
        super().__init__(f"The text names more than {at_least - 1} {what}.")
        self.at_least = at_least
        self.what = what
