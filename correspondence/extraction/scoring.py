"""How well the reading finds the meetings of a corpus of letters.

A corpus directory holds `NNN.txt` (a letter as it came) and `NNN.json` with the
meetings a careful officer reads in it: {"meetings": [{"date", "start", "end", "room",
"virtual", "kind", "held", "moved_from"}, ...]} (see tests/correspondence/corpus/README.md).
A proposal counts as found when its (date, start, room) is one the letter states;
precision is the share of proposals found, recall the share of the letter's meetings
proposed, and the kind is scored over the meetings found.

A proposal to cancel or postpone a meeting ("the consultation foreseen for Friday,
15 May is cancelled") proposes no meeting: it asks staff to call off one already
entered. It is scored apart, against the entries of the truth whose "action" is
"cancel" or "postpone", and counts neither for nor against the meetings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from correspondence.enums import ProposalAction
from meetings.enums import MeetingKind
from meetings.headquarters import room_key

from .output import KIND_WORDS
from .places import unhq_room_names
from .reading import extract

Key = tuple[str | None, str | None, str | None]


@dataclass
class Score:
    name: str
    letters: int = 0
    proposed: int = 0
    expected: int = 0
    found: int = 0
    kinds_right: int = 0
    misses: list[str] = field(default_factory=list)  # what a reader should look at
    # Meetings called off: proposed, stated and found (scored apart, see above).
    off_proposed: int = 0
    off_expected: int = 0
    off_found: int = 0

    @property
    def precision(self) -> float:
        return self.found / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.found if self.found else 1.0

    def add(self, other: Score) -> None:
        self.letters += other.letters
        self.proposed += other.proposed
        self.expected += other.expected
        self.found += other.found
        self.kinds_right += other.kinds_right
        self.misses += other.misses
        self.off_proposed += other.off_proposed
        self.off_expected += other.off_expected
        self.off_found += other.off_found

    def line(self) -> str:
        return (
            f"{self.name}: {self.letters} letters, {self.expected} meetings stated, "
            f"{self.proposed} proposed, {self.found} found; precision {self.precision:.2f}, "
            f"recall {self.recall:.2f}, F1 {self.f1:.2f}, kind accuracy {self.kind_accuracy:.2f}"
            + (
                f"; called off: {self.off_expected} stated, {self.off_proposed} proposed, "
                f"{self.off_found} found"
                if self.off_proposed or self.off_expected
                else ""
            )
        )


def kind_value(written: str | None) -> str | None:
    """A kind as a corpus may write it: the value, the label or the words of as_json."""
    if not written:
        return None
    text = written.strip().casefold()
    for kind in MeetingKind:
        if text in (kind.value, str(kind.label).casefold(), KIND_WORDS[kind]):
            return kind.value
    return text


def room_name(written: str | None, rooms: dict[str, str]) -> str | None:
    if not written:
        return None
    return rooms.get(room_key(written), written)


def start_of(written: str | None) -> str | None:
    return written[:5] if written else None


CALLED_OFF = (ProposalAction.CANCEL, ProposalAction.POSTPONE)


def score_letter(text: str, expected: list[dict], *, name: str, rooms: dict[str, str]) -> Score:
    found = extract(text, rooms=rooms)

    def key(m) -> Key:
        return (m.date.isoformat(), start_of(m.start and m.start.strftime("%H:%M")), m.room)

    proposed = [(key(m), m.kind) for m in found.meetings if m.action not in CALLED_OFF]
    stated = [
        (
            (m.get("date"), start_of(m.get("start")), room_name(m.get("room"), rooms)),
            kind_value(m.get("kind")),
        )
        for m in expected
        if m.get("action") not in CALLED_OFF
    ]
    score = Score(name, letters=1, proposed=len(proposed), expected=len(stated))
    off_proposed = [key(m)[0] for m in found.meetings if m.action in CALLED_OFF]
    off_stated = [m.get("date") for m in expected if m.get("action") in CALLED_OFF]
    score.off_proposed, score.off_expected = len(off_proposed), len(off_stated)
    for day in off_proposed:
        if day in off_stated:
            off_stated.remove(day)
            score.off_found += 1
        else:
            score.misses.append(f"{name}: proposed calling off the meeting of {day}, not stated")
    score.misses += [f"{name}: missed calling off the meeting of {day}" for day in off_stated]
    open_stated = list(stated)
    for key, kind in proposed:
        match = next((s for s in open_stated if s[0] == key), None)
        if match is None:
            score.misses.append(f"{name}: proposed {describe(key)} ({kind}), not in the letter")
            continue
        open_stated.remove(match)
        score.found += 1
        if match[1] is None or match[1] == kind:
            score.kinds_right += 1
        else:
            score.misses.append(f"{name}: {describe(key)} read as {kind}, not {match[1]}")
    for key, kind in open_stated:
        score.misses.append(f"{name}: missed {describe(key)} ({kind})")
    return score


def describe(key: Key) -> str:
    return " ".join(part or "-" for part in key)


def score_directory(directory: Path, *, rooms: dict[str, str] | None = None) -> Score:
    rooms = rooms if rooms is not None else unhq_room_names()
    total = Score(str(directory))
    for answer in sorted(directory.glob("*.json")):
        letter = answer.with_suffix(".txt")
        if not letter.exists():
            continue
        expected = json.loads(answer.read_text(encoding="utf-8")).get("meetings", [])
        total.add(
            score_letter(
                letter.read_text(encoding="utf-8"), expected, name=answer.stem, rooms=rooms
            )
        )
    return total


def score_directories(directories: list[Path]) -> tuple[list[Score], Score]:
    """Each directory's score, and all of them together."""
    scores = [score_directory(directory) for directory in directories]
    overall = Score("overall")
    for score in scores:
        overall.add(score)
    return scores, overall
