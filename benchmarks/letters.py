"""How fast gasched reads letters, and whether a long text costs only its length.

`make bench` runs this after the others; alone: `.venv/bin/python benchmarks/letters.py`.
In process, no database: `correspondence.extraction.extract` over every letter of the
test corpora (tests/correspondence/letters and tests/correspondence/corpus/*), five
rounds, the best round reported as letters per second (goal: at least 100). Then the
same letter-like text of 100 KB and of 1 MB: reading ten times the text should take
about ten times as long (ratio near 1; above 3 would say a pattern backtracks).
"""

import contextlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.dev")

import django  # noqa: E402 -- settings must be chosen before Django loads

django.setup()

from correspondence.extraction import ExtractionError, extract  # noqa: E402 -- after setup

sys.path.insert(0, str(Path(__file__).parent))
import common  # noqa: E402 -- benchmarks/common.py: record()

GOAL = 100  # letters per second
ROUNDS = 5


def letters() -> list[str]:
    folders = [
        ROOT / "tests/correspondence/letters",
        *(ROOT / "tests/correspondence/corpus").glob("*"),
    ]
    return [
        path.read_text(encoding="utf-8")
        for folder in folders
        for path in sorted(folder.glob("*.txt"))
    ]


def seconds(text: str) -> float:
    started = time.perf_counter()
    with contextlib.suppress(ExtractionError):
        extract(text)
    return time.perf_counter() - started


def main() -> int:
    texts = letters()
    best = 0.0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for text in texts:
            extract(text)
        best = max(best, len(texts) / (time.perf_counter() - started))
    verdict = "ok" if best >= GOAL else "FAIL"
    common.record("letters read a second (the corpus)", round(best), "letters/s", f">= {GOAL}")
    print(f"letters: {len(texts)} letters, {best:.0f} letters/s (goal {GOAL}): {verdict}")
    sample = "\n\n".join(texts)
    small = (sample * (100_000 // len(sample) + 1))[:100_000]
    large = (sample * (1_000_000 // len(sample) + 1))[:1_000_000]
    # The fastest of three readings of each: the machine is shared.
    ratio = min(seconds(large) for _ in range(3)) / (10 * min(seconds(small) for _ in range(3)))
    print(f"letters: 1 MB read in {ratio:.2f} times ten times 100 KB (linear: about 1)")
    common.record("reading 1 MB / ten times 100 KB (linear)", round(ratio, 2), "x", "<= 1.5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
