"""Normalising: OCR slips mended without guessing, page debris out, lines joined."""

import pytest

from correspondence.extraction.normalising import normalise


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("GENERALASSEMBLY", "GENERAL ASSEMBLY"),
        ("the delegation oflndia", "the delegation of India"),
        ("will resume at lO a.m. and 3 p.m.", "will resume at 10 a.m. and 3 p.m."),
        ("from Il.30 a.m.", "from 11.30 a.m."),
        ("in the Trusteeship Counci1 Chamber", "in the Trusteeship Council Chamber"),
        ("on 3 Apri1 2002 in Room1", "on 3 April 2002 in Room1"),
        ("in the General Assembly Hal1.", "in the General Assembly Hall."),
        ("an lnformal meeting", "an Informal meeting"),
        ("at l0 a.m.", "at 10 a.m."),
        ("Agenda 20lO", "Agenda 2010"),
        ("the seventy- fourth session", "the seventy-fourth session"),
        ("the seventy-\nfourth session", "the seventy-fourth session"),
        ("informal consul-\ntations", "informal consultations"),
        ("by Tuesday,9 May 2023", "by Tuesday, 9 May 2023"),
        ("Excel1ency, A1l Permanent", "Excellency, All Permanent"),
        ("27 0ctober 2006", "27 October 2006"),
        ("Permanent 0bservers", "Permanent Observers"),
        ("at 3.OO pm", "at 3.00 pm"),
        ("from 10:3O a.m.", "from 10:30 a.m."),
        ("from l0 a.m. to l p.m.", "from 10 a.m. to 1 p.m."),
        ("on 17 Apri1 2012", "on 17 April 2012"),
    ],
)
def test_ocr_slips_are_mended(written, read):
    assert normalise(written) == read


@pytest.mark.parametrize(
    "written",
    ["at am and 4.00 pm", "the 10 rooms", "a l in a word", "in 2010 and 0 cases", "l am pleased"],
)
def test_what_cannot_be_mended_without_guessing_is_left(written):
    assert normalise(written) == written


def test_page_numbers_and_running_letterheads_are_taken_out_and_the_sentence_joined():
    text = (
        "The first paragraph of the letter is long enough to be a paragraph of text, "
        "surely.\n\nThe consultations will be held on\n\n- 2 -\n\nUNITED NATIONS\n\n"
        "14 May in Conference Room 4.\n\nPage 3 of 3\n\nA last paragraph."
    )
    assert normalise(text) == (
        "The first paragraph of the letter is long enough to be a paragraph of text, "
        "surely.\n\nThe consultations will be held on\n14 May in Conference Room 4.\n\n"
        "A last paragraph."
    )


def test_the_letterhead_at_the_top_stays():
    text = "THE PRESIDENT\nOF THE\nGENERAL ASSEMBLY\n\n19 March 2008\n\nExcellency,"
    assert normalise(text) == text


def test_a_list_item_marked_with_a_star_stays_an_item():
    assert normalise("   *  Monday, 3 June: from 10 a.m.") == "• Monday, 3 June: from 10 a.m."
