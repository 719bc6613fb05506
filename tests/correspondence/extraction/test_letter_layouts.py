"""Layouts the text of a letter comes in that are not its words: a scan's bar down the
margin, a dateline with the text right under it, a date line that ends a sentence with
two sittings: patterns of issue #18 in wordings of their own."""

from correspondence.extraction import extract

CR = "Conference Room {}".format


def read(text: str) -> list[tuple]:
    return [
        (m.date.isoformat(), m.start and m.start.strftime("%H:%M"), m.room, m.kind.value)
        for m in extract(text).meetings
    ]


def test_a_bar_down_the_margin_of_a_scan_is_no_table():
    text = (
        "|9 May 2024\n|\n|Excellency,\n|\n"
        "The co-facilitators will hold informal consultations on the following days, each\n"
        "from 3 p.m. to 6 p.m. in Conference Room 11:\n"
        "|   - Monday, 13 May 2024\n"
        "|   - Thursday, 16 May 2024\n"
        "|\nPlease accept, Excellency, the assurances of our highest consideration.\n"
    )
    found = extract(text)
    assert found.letter.date.isoformat() == "2024-05-09"
    assert read(text) == [
        ("2024-05-13", "15:00", CR(11), "informal-consultation"),
        ("2024-05-16", "15:00", CR(11), "informal-consultation"),
    ]


def test_a_dateline_with_the_text_right_under_it_is_no_heading_of_the_sentence():
    text = (
        "NOTE TO PERMANENT MISSIONS\n\n"
        "11 March 2016\n"
        "The Office of the President of the General Assembly informs that the debate on\n"
        "agenda item 31 will take place on\n"
        "Thursday, 17 March 2016, at 10 a.m. and 3 p.m. in the General Assembly Hall.\n"
        "Delegations are invited to inscribe on the list of speakers.\n"
    )
    assert [(d, t) for d, t, _r, _k in read(text)] == [
        ("2016-03-17", "10:00"),
        ("2016-03-17", "15:00"),
    ]
    assert {r for _d, _t, r, _k in read(text)} == {"General Assembly Hall"}
