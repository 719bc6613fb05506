"""score_letters: precision, recall, F1 on (date, start, room), kind accuracy."""

import json

import pytest
from django.core.management import CommandError, call_command

from correspondence.extraction.scoring import score_directory

from .helpers import letter

BODY = (
    "An informal consultation will be held on 21 March at 10 a.m. in CR 4, and a briefing "
    "on 22 March at 3 p.m. in Conference Room 2."
)


def write(tmp_path, meetings):
    (tmp_path / "001.txt").write_text(letter(BODY), encoding="utf-8")
    (tmp_path / "001.json").write_text(json.dumps({"meetings": meetings}), encoding="utf-8")


def test_a_corpus_read_right_scores_one(tmp_path):
    write(
        tmp_path,
        [
            {
                "date": "2023-03-21",
                "start": "10:00",
                "room": "Conference Room 4",
                "kind": "informal-consultation",
            },
            {"date": "2023-03-22", "start": "15:00", "room": "CR2", "kind": "briefing"},
        ],
    )
    score = score_directory(tmp_path)
    assert (score.precision, score.recall, score.f1, score.kind_accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_a_proposal_not_in_the_letter_and_a_wrong_kind_count(tmp_path):
    write(
        tmp_path,
        [
            {
                "date": "2023-03-21",
                "start": "10:00",
                "room": "Conference Room 4",
                "kind": "plenary",
            },
            {"date": "2023-03-23", "start": None, "room": None, "kind": "briefing"},
        ],
    )
    score = score_directory(tmp_path)
    assert (score.proposed, score.expected, score.found, score.kinds_right) == (2, 2, 1, 0)
    assert (score.precision, score.recall, score.kind_accuracy) == (0.5, 0.5, 0.0)


def test_the_command_prints_each_directory_and_the_whole(tmp_path, capsys):
    write(tmp_path, [{"date": "2023-03-21", "start": "10:00", "room": "Conference Room 4"}])
    call_command("score_letters", str(tmp_path), str(tmp_path), "--misses")
    out = capsys.readouterr().out
    assert out.count("precision 0.50, recall 1.00, F1 0.67") == 3
    assert "proposed 2023-03-22 15:00 Conference Room 2 (briefing), not in the letter" in out


def test_the_command_refuses_a_directory_that_is_not_there(tmp_path):
    with pytest.raises(CommandError, match="is not a directory"):
        call_command("score_letters", str(tmp_path / "nowhere"))


def test_a_meeting_called_off_is_scored_apart_from_the_meetings(tmp_path):
    (tmp_path / "001.txt").write_text(
        letter(
            "The briefing foreseen for 21 March is cancelled. An informal consultation will "
            "be held on 22 March at 3 p.m. in Conference Room 2."
        ),
        encoding="utf-8",
    )
    meeting = {"date": "2023-03-22", "start": "15:00", "room": "Conference Room 2"}
    (tmp_path / "001.json").write_text(json.dumps({"meetings": [meeting]}), encoding="utf-8")
    score = score_directory(tmp_path)
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert (score.off_proposed, score.off_expected, score.off_found) == (1, 0, 0)
    called_off = {"date": "2023-03-21", "start": None, "room": None, "action": "cancel"}
    (tmp_path / "001.json").write_text(
        json.dumps({"meetings": [meeting, called_off]}), encoding="utf-8"
    )
    score = score_directory(tmp_path)
    assert (score.precision, score.recall, score.off_found) == (1.0, 1.0, 1)
    assert "called off: 1 stated, 1 proposed, 1 found" in score.line()
