"""Normalising: OCR slips mended without guessing, page debris out, lines joined."""

import pytest

from correspondence.extraction.normalising import normalise


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("GENERALASSEMBLY", "GENERAL ASSEMBLY"),
        ("the delegation oflndia", "the delegation of India"),
        ("an lnformal meeting", "an Informal meeting"),
        ("at l0 a.m.", "at 10 a.m."),
        ("Agenda 20lO", "Agenda 2010"),
        ("the seventy- fourth session", "the seventy-fourth session"),
        ("the seventy-\nfourth session", "the seventy-fourth session"),
        ("informal consul-\ntations", "informal consultations"),
        ("by Tuesday,9 May 2023", "by Tuesday, 9 May 2023"),
        ("Excel1ency, A1l Permanent", "Excellency, All Permanent"),
    ],
)
def test_ocr_slips_are_mended(written, read):
    assert normalise(written) == read


def test_a_time_lost_in_conversion_is_not_made_up():
    assert normalise("at am and 4.00 pm") == "at am and 4.00 pm"


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
