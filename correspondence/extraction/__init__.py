"""Reading a letter: who wrote it to whom, and the meetings and deadlines it announces.

Pure functions over text. No database, no network, no model: the same text always
gives the same result, and a value the letter does not state stays empty (None).
Staff review every proposal before it reaches the schedule (see review.py).

The modules are the stages a careful reader goes through:

1. `normalising`: the text as the rest expects it (OCR slips, broken lines, debris);
2. `heads`: where each letter starts (a cover letter and what it encloses), and its
   date, sender, signatories and addressees;
3. `dates`, `times`, `places`, `kinds`: the mentions a sentence holds;
4. `frames`: the sentences, and the stretch of each that speaks of one date;
5. `classifying`: what the clause does (announces, reports as held, moves, cancels,
   only refers to a letter or another organisation's event);
6. `resolving`: years, relative days, the meeting a back-reference names;
7. `proposing` turns frames into proposals, `output` into the JSON `import_letter` prints.
"""

from .output import as_json
from .reading import extract
from .results import (
    Extraction,
    ExtractionError,
    LetterFacts,
    Mention,
    ProposedDeadline,
    ProposedMeeting,
    Signatory,
)

__all__ = [
    "Extraction",
    "ExtractionError",
    "LetterFacts",
    "Mention",
    "ProposedDeadline",
    "ProposedMeeting",
    "Signatory",
    "as_json",
    "extract",
]
