"""tools/check_inline_imports.py: an inline import gives a reason from the fixed list."""

import importlib.util
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "check_inline_imports.py"
spec = importlib.util.spec_from_file_location("check_inline_imports", TOOL)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


@pytest.mark.parametrize(
    "line",
    [
        "    from . import tasks  # noqa: PLC0415 -- import cycle",
        "    import pypdf  # noqa: PLC0415 -- loaded only when needed: a PDF came in",
        "    from .models import Letter  # noqa: E501, PLC0415 -- apps not ready",
        '    text = "# noqa: PLC0415 inside a string is no waiver"',
    ],
)
def test_a_listed_reason_passes(line):
    assert check.problems(f"def f():\n{line}\n") == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("    import x  # noqa: PLC0415", "<text>:2: `# noqa: PLC0415` without ` -- <reason>`"),
        (
            "    from correspondence import delivery  # noqa: PLC0415 -- builds on meetings",
            "<text>:2: “builds on meetings” is not one of the reasons",
        ),
        (
            "    import y  # noqa: PLC0415 -- loaded only when needed, honestly",
            "<text>:2: “loaded only when needed, honestly” is not one of the reasons",
        ),
    ],
)
def test_a_waiver_without_a_listed_reason_is_named_by_its_line(line, problem):
    assert check.problems(f"def f():\n{line}\n") == [problem]
