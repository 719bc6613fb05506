"""A floor under the reading of every corpus batch, once its first contact is measured.

These are "after" figures: the rules were written with these letters in view, so they
measure nothing about letters never seen (README: "Reading letters: measured" keeps each
batch's first contact). They guard against a new rule quietly undoing an old one.
"""

import functools
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from correspondence.extraction.scoring import Score, score_directory

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCS = Path(__file__).resolve().parents[3] / "docs"


def measured(batch: Path) -> bool:
    """Whether the batch's first contact is on record (the first three batches predate
    the record); a batch still kept aside is not read, not even by this test."""
    return (
        batch.name in ("first", "kept", "third")
        or (DOCS / f"letters-{batch.name}-first-contact.txt").exists()
    )


BATCHES = sorted(
    p for p in CORPUS.iterdir() if p.is_dir() and any(p.glob("*.json")) and measured(p)
)


def test_every_batch_is_here():
    assert len(BATCHES) >= 22


# Writers of the latest batches disagree with the earlier ones on kinds: the meetings of
# "the intergovernmental negotiations on" a declaration (negotiation here, informal
# consultations in 44 letters before), a commemorative meeting (plenary here, other
# before), the revitalization working group's meetings (informal consultations here,
# other before). The kind follows the majority, so these batches keep lower kind floors.
KIND_FLOORS = (
    dict.fromkeys(
        ("thirtysecond", "thirtythird", "thirtyeighth", "thirtyninth", "fortieth"),
        0.80,
    )
    | {"fortyfirst": 0.78}
    | {"fortysixth": 0.75, "thirtieth": 0.84}
)
# Later batches whose writers part from the majority on kinds (readings of a draft as
# negotiations, a debate in plenary as a thematic debate, the revitalization working
# group's meetings as `other`: 105 meetings, against 154 as informal consultations):
# floors at what they reach, the majority's kind kept.
KIND_FLOORS |= {"fortyeighth": 0.80, "fiftysecond": 0.80, "fiftythird": 0.73}
KIND_FLOORS |= {"fiftyfourth": 0.80, "fiftyfifth": 0.80, "fiftyeighth": 0.78, "sixtythird": 0.72}
KIND_FLOORS |= {"seventyseventh": 0.78, "seventyninth": 0.77, "eightyfirst": 0.79}
KIND_FLOORS |= {"eightysecond": 0.76, "eightythird": 0.84}
# The batches of 2026-12-06 whose writers part from the majority on kinds: a working
# group's or an enclosed letter's meetings as `other` (thirtyseventh/, hundredtenth/), a
# draft's readings as negotiations (hundredseventeenth/, hundredthirtyninth/), a plenary
# for informal consultations "of the plenary" (hundredthirtyninth/).
KIND_FLOORS |= {"thirtyseventh": 0.80, "hundredfourth": 0.82, "hundredtenth": 0.80}
KIND_FLOORS |= {"hundredtwelfth": 0.82, "hundrednineteenth": 0.82, "hundredthirtyninth": 0.77}
# hundredseventythird/: informal consultations "of the plenary" read as `plenary`, a
# compact's negotiations as `negotiation` (the majority reads both as consultations)
KIND_FLOORS |= {"hundredseventythird": 0.79}
# thirtysixth/ has tables whose cells the conversion broke over several lines, weekday and
# day apart (012, 032): read only in part so far. fiftyfourth/ is heavy OCR, fiftyeighth/
# days said only relative to others ("a week from Tuesday"), eightysixth/ short letters
# whose meetings hang on the letter before.
F1_FLOORS = {"thirtysixth": 0.80, "fortysixth": 0.80}
F1_FLOORS |= {"fiftysecond": 0.80, "fiftyfourth": 0.75, "fiftyeighth": 0.70, "eightysixth": 0.80}
# ninetyseventh/ and ninetyeighth/ were written in minutes (short letters, a broken table
# and an annex laid out on single long lines): read as they are, not yet fixed.
F1_FLOORS |= {"ninetyseventh": 0.83, "ninetyeighth": 0.79}
# hundredfiftysixth/ (a random draw of the archive): a special session's days said as a
# range with sittings in another paragraph, a summary's back-references; read as they are.
F1_FLOORS |= {"hundredfiftysixth": 0.81}
# hundredseventieth/ was asked for phrasings a program might not expect: days said by the
# day of the month alone ("the 15th, 22nd and 29th"), weekday-only references, "the Hall".
F1_FLOORS |= {"hundredseventieth": 0.76}


# The batches of the second session of 2026-12-06. fiftyninth/: a debate's first day,
# found since a lone OCR "l" before a month reads as a one, is `plenary` to its writer
# (a debate on an agenda item) and a thematic debate to the reader. hundredeightysixth/,
# hundredninetyfourth/ and twohundredsecond/: writers who call the co-facilitators'
# consultations on a text "negotiation" and a high-level meeting's segments `plenary`.
KIND_FLOORS |= {"fiftyninth": 0.84, "hundredeightysixth": 0.79, "hundredninetyfourth": 0.83}
KIND_FLOORS |= {"twohundredsecond": 0.82}
# hundredeightyfifth/ was asked for changes to earlier letters (about half the batch),
# hundredninetieth/ for days said relative to the letter or to each other.
F1_FLOORS |= {"hundredeightyfifth": 0.82, "hundredninetieth": 0.80}


@functools.cache
def scores() -> dict[str, Score]:
    """Every batch scored once for the whole module, on every core: the corpus is read in
    a minute or two, and the test of all batches together reuses the batches' scores."""
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip((b.name for b in BATCHES), pool.map(score_directory, BATCHES), strict=True))


@pytest.mark.parametrize("batch", BATCHES, ids=lambda p: p.name)
def test_no_batch_falls_below_its_floor(batch):
    score = scores()[batch.name]
    assert score.f1 >= F1_FLOORS.get(batch.name, 0.84), f"{batch.name}: F1 {score.f1:.2f}"
    floor = KIND_FLOORS.get(batch.name, 0.85)
    assert score.kind_accuracy >= floor, f"{batch.name}: kind {score.kind_accuracy:.2f}"


def test_all_batches_together_stay_above_nine_in_ten():
    overall = Score("overall")
    for score in scores().values():
        overall.add(score)
    assert overall.f1 >= 0.91
    assert overall.kind_accuracy >= 0.90
