"""Every date, time, room and platform mention is accounted for, with offsets into the
text staff see; a date not understood is a warning, never silent."""

from correspondence.extraction import Mention, extract, sentence_at

from .helpers import letter


def test_every_mention_points_into_the_text_and_names_its_meeting():
    found = extract(
        letter(
            "An informal consultation will be held on 21 March at 10 a.m. in Conference Room 4 "
            "via the Cisco WebEx platform. My letter of 2 March refers."
        )
    )
    assert all(found.text[m.start : m.end] == m.text for m in found.mentions)
    assert [(m.what, m.text, m.meeting, m.reason) for m in found.mentions] == [
        ("date", "14 March 2023", None, "letter-date"),
        ("date", "21 March", 0, None),
        ("time", "10 a.m.", 0, None),
        ("room", "Conference Room 4", 0, None),
        ("platform", "Cisco WebEx platform", None, "not-understood"),
        ("date", "2 March", None, "letter-date"),
    ]


def test_a_date_not_understood_is_a_warning():
    found = extract(letter("The Secretariat will be closed on 22 March for maintenance."))
    assert found.meetings == []
    assert [(m.text, m.reason) for m in found.mentions if m.what == "date"][-1] == (
        "22 March",
        "not-understood",
    )
    assert any('"22 March"' in w for w in found.warnings)


def test_mention_is_a_frozen_record():
    mention = Mention(0, 5, "date", "5 May")
    assert (mention.meeting, mention.deadline, mention.reason, mention.detail) == (
        None,
        None,
        None,
        "",
    )


def test_the_sentence_at_a_mention_is_the_one_that_holds_it():
    found = extract(
        letter("A first sentence here.\nThe briefing will be held on 22 March at\n3 p.m.")
    )
    [mention] = [m for m in found.mentions if m.text == "22 March"]
    assert (
        sentence_at(found.text, mention.start) == "The briefing will be held on 22 March at 3 p.m."
    )
