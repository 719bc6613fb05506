"""Titles in the letter's own words, and what a deadline is for."""

from correspondence.extraction import extract

from .helpers import letter


def test_titles_keep_the_letters_words():
    found = extract(
        letter(
            "The third informal consultation will be held on 21 March at 10 a.m. I will "
            "convene an informal thematic debate on human trafficking on 3 June."
        )
    )
    assert [m.title for m in found.meetings] == [
        "Third informal consultation",
        "Informal thematic debate on human trafficking",
    ]


def test_a_deadline_says_what_is_due():
    found = extract(letter("Written inputs should be sent to the co-facilitators by 20 March."))
    assert [(d.what, d.kind, d.date.isoformat()) for d in found.deadlines] == [
        ("Written inputs", "written-inputs", "2023-03-20")
    ]
