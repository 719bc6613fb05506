"""Reading a letter: who wrote it to whom, and the meetings and deadlines it announces.

Pure functions over text. No database, no network, no model: the same text always
gives the same result, and a value the letter does not state stays empty (None).
Staff review every proposal before it reaches the schedule (see review.py).

The modules are the stages a careful reader goes through:

1. `normalising`: the text as the rest expects it (OCR slips, broken lines, debris;
   `tables`: a table's rows each on a line, cells carried over lines put back);
2. `heads`: where each letter starts (a cover letter and what it encloses), and its
   date, sender, signatories and addressees;
3. `dates`, `times`, `places`, `kinds`: the mentions a sentence holds;
4. `frames`: the sentences, and the stretch of each that speaks of one date; `blocks`:
   a headed block (title, date line, room line) that states one meeting;
5. `classifying`: what the clause does (announces, reports as held, moves, cancels,
   only refers to a letter or another organisation's event);
6. `resolving`: years, relative days, the meeting a back-reference names;
7. `proposing` turns frames into proposals (`continuing`: a sentence that goes on
   about the meetings just named; `listing`: items of a list and rows of a table;
   `announcing`: a meeting announced without a date, for the sentences that date it;
   `naming`: titles and what a deadline is for; `letter_kinds`: the kind of a meeting
   called only "meeting", from the letter's others or the process its writers chair), kept
   with every mention in `record`; `output` gives the JSON `import_letter` prints;
   `scoring` measures the reading against a corpus (`manage.py score_letters`).
"""

from . import frames
from .classifying import TENTATIVE
from .dates import parse_date_mentions
from .kinds import find_kinds
from .naming import title_of
from .output import as_json
from .places import parse_room_mentions
from .reading import extract
from .record import NOT_UNDERSTOOD_WARNING
from .resolving import period_of, resolve_year
from .results import (
    Extraction,
    ExtractionError,
    LetterFacts,
    Mention,
    ProposedDeadline,
    ProposedMeeting,
    Signatory,
    TooManyMeetings,
)
from .times import parse_time_mentions
from .vocabulary import clean_space


# For drafting a proposal from one sentence of the text (correspondence/mentions.py):
# the same readings of a date, a time, a room and a kind as the stages use.
def sentences(text: str) -> list[str]:
    """The sentences of `text`, each on one line."""
    return [sentence for _offset, sentence in frames.sentences(text)]


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` (an Extraction.text) that holds the character at `offset`."""
    start = text.rfind("\n\n", 0, offset)
    start = start + 2 if start >= 0 else 0
    end = text.find("\n\n", offset)
    end = end if end >= 0 else len(text)
    for begins, sentence in frames.sentences(text[start:end]):
        if begins <= offset - start < begins + len(sentence):
            return sentence
    return clean_space(text[start:end])


__all__ = [
    "NOT_UNDERSTOOD_WARNING",
    "TENTATIVE",
    "Extraction",
    "ExtractionError",
    "LetterFacts",
    "Mention",
    "ProposedDeadline",
    "ProposedMeeting",
    "Signatory",
    "TooManyMeetings",
    "as_json",
    "clean_space",
    "extract",
    "find_kinds",
    "parse_date_mentions",
    "parse_room_mentions",
    "parse_time_mentions",
    "period_of",
    "resolve_year",
    "sentence_at",
    "sentences",
    "title_of",
]
