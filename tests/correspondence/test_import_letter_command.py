"""`manage.py import_letter PATH --json`: the reading on stdout, nothing saved;
`--save`: stored for review."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from correspondence.models import Letter, ProposedDeadline, ProposedMeeting
from meetings.models import Meeting

from .conftest import LETTER_2008, LETTER_2017

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_letter", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_prints_the_reading_and_saves_nothing():
    out, _ = run(LETTER_2017, "--json")
    found = json.loads(out)
    assert found["letter"]["date"] == "2017-06-19"
    assert [
        (m["date"], m["start"], m["end"], m["room"], m["kind"], m["tentative"])
        for m in found["meetings"]
    ] == [
        ("2017-06-16", None, None, None, "informal consultation", False),
        ("2017-09-27", None, None, None, "high-level meeting", False),
        ("2017-06-29", "10:00", None, "ECOSOC Chamber", "informal consultation", False),
        ("2017-07-06", "10:00", None, "Conference Room 3", "informal consultation", False),
        ("2017-07-10", None, None, None, "informal consultation", True),
    ]
    assert found["deadlines"][0]["date"] == "2017-06-23"
    assert (Letter.objects.count(), ProposedMeeting.objects.count(), Meeting.objects.count()) == (
        0,
        0,
        0,
    )


@pytest.mark.parametrize("kind", ["txt", "pdf", "docx"])
def test_every_kind_of_file_gives_the_same_meetings(kind, letter_files):
    out, _ = run(letter_files[kind], "--json")
    assert [m["date"] for m in json.loads(out)["meetings"]] == [
        "2017-06-16",
        "2017-09-27",
        "2017-06-29",
        "2017-07-06",
        "2017-07-10",
    ]


def test_the_2008_letter_as_json():
    out, _ = run(LETTER_2008, "--json")
    found = json.loads(out)
    assert found["letter"]["signatories"][0]["name"] == "Srgjan Kerim"
    assert [(m["date"], m["kind"]) for m in found["meetings"]] == [
        ("2008-06-03", "thematic debate")
    ]
    assert found["deadlines"] == []


def test_save_stores_the_letter_with_its_proposals_once(letter_files):
    run(letter_files["txt"], "--save")
    run(letter_files["txt"], "--save")  # the same file again
    assert Letter.objects.filter(enclosed_in__isnull=True).count() == 1
    assert Letter.objects.filter(enclosed_in__isnull=False).count() == 1
    assert ProposedMeeting.objects.count() == 5
    assert ProposedDeadline.objects.count() == 1
    assert Meeting.objects.count() == 0  # nothing in the schedule before review


def test_save_prints_the_reading_only_when_asked_with_json(letter_files):
    quiet, _ = run(letter_files["txt"], "--save")
    out, err = run(LETTER_2008, "--save", "--json")
    assert quiet == ""
    assert [m["date"] for m in json.loads(out)["meetings"]] == ["2008-06-03"]
    assert err.startswith("Stored letter ")
    assert Letter.objects.filter(enclosed_in__isnull=True).count() == 2


def test_a_scanned_pdf_is_a_clear_command_error(letter_files):
    with pytest.raises(CommandError, match="no text layer"):
        run(letter_files["scan"], "--json")


def test_a_missing_file_is_a_clear_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "nowhere.pdf", "--json")
