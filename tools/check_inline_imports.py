#!/usr/bin/env python
"""Every inline import says why it is inline, with a reason from a short fixed list.

Ruff (PLC0415) refuses imports inside functions; a `# noqa: PLC0415` waives that, and
must end with ` -- <reason>`, the reason one of REASONS, optionally followed by
": <detail>". A reason outside the list is how an import that runs up the layers hides
(an app importing a higher one "inside a function, because of a cycle"): use a signal
or a registry instead, and let lint-imports keep the layers.

    python tools/check_inline_imports.py          # the whole repository (make lint)
    python tools/check_inline_imports.py FILE...  # these files
"""

import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "var", "node_modules", "migrations", ".git"}

REASONS = {
    "apps not ready": "it imports models, and runs before Django's app registry is ready "
    "(AppConfig.ready, module-level code of apps.py, scripts before django.setup())",
    "import cycle": "the two modules import each other (a Celery task and its domain module)",
    "loaded only when needed": "a heavy or optional library used on one path only",
}

WAIVER = re.compile(r"#\s*noqa:[^#]*\bPLC0415\b(?P<rest>.*)$")
REASON = re.compile(r"^[\s,A-Z0-9]* -- (?P<reason>.+)$")


def problems(text: str, name: str = "<text>") -> list[str]:
    """One line per waiver without a listed reason: `name:line: what is wrong`."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.COMMENT:
            continue
        waiver = WAIVER.search(token.string)
        if waiver is None:
            continue
        where = f"{name}:{token.start[0]}"
        given = REASON.match(waiver.group("rest"))
        if given is None:
            found.append(f"{where}: `# noqa: PLC0415` without ` -- <reason>`")
            continue
        reason = given.group("reason").strip()
        if not any(reason == r or reason.startswith(f"{r}: ") for r in REASONS):
            found.append(f"{where}: “{reason}” is not one of the reasons")
    return found


def python_files() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if not SKIPPED.intersection(path.relative_to(ROOT).parts)
    )


def main(arguments: list[str]) -> int:
    paths = [Path(a) for a in arguments] or python_files()
    found = [
        problem
        for path in paths
        for problem in problems(path.read_text(encoding="utf-8"), str(path))
    ]
    for problem in found:
        print(problem)
    if found:
        print("\nThe reasons an import may be inline (`# noqa: PLC0415 -- <reason>`):")
        for reason, meaning in REASONS.items():
            print(f"  {reason}: {meaning}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
