"""The text of an uploaded letter, whatever the file, or a message that says why not."""

import pytest

from correspondence.documents import DocumentError, text_of
from correspondence.extraction import as_json, extract

from .conftest import LETTER_2017, docx_of, pdf_of, scanned_pdf


def meetings_in(data: bytes) -> list[tuple[str, str | None, str | None]]:
    found = as_json(extract(text_of(data)))
    return [(m["date"], m["start"], m["room"]) for m in found["meetings"]]


EXPECTED_2017 = [
    ("2017-06-16", None, None),
    ("2017-09-27", None, None),
    ("2017-06-29", "10:00", "ECOSOC Chamber"),
    ("2017-07-06", "10:00", "Conference Room 3"),
    ("2017-07-10", None, None),
]


def test_a_text_letter_reads_the_same_from_pdf_and_word():
    text = LETTER_2017.read_text()
    assert meetings_in(text.encode()) == EXPECTED_2017
    assert meetings_in(pdf_of(text)) == EXPECTED_2017
    assert meetings_in(docx_of(text)) == EXPECTED_2017


def test_the_deadline_survives_the_pdf_too():
    found = extract(text_of(pdf_of(LETTER_2017.read_text())))
    assert [(d.date.isoformat(), d.kind) for d in found.deadlines] == [("2017-06-23", "zero-draft")]


def test_a_scanned_pdf_says_it_has_no_text_layer():
    with pytest.raises(DocumentError, match="no text layer") as error:
        text_of(scanned_pdf())
    assert "OCR" in str(error.value)


def test_a_windows_encoded_text_file_is_read():
    assert "Côte d’Ivoire" in text_of("Côte d’Ivoire".encode("cp1252"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.4 this is not really a PDF", "cannot be read"),
        (b"PK\x03\x04 not a zip at all", "Word"),
        (b"\x00\x01\x02binary", "not a text, PDF or Word"),
        (b"   \n\n  ", "no text"),
    ],
)
def test_broken_files_get_a_clear_message(data, message):
    with pytest.raises(DocumentError, match=message):
        text_of(data)


def test_a_file_over_ten_megabytes_is_refused():
    with pytest.raises(DocumentError, match="10 MB"):
        text_of(b"x" * (10 * 1024 * 1024 + 1))


def test_a_word_file_with_broken_xml_inside_is_a_clear_error():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><broken")
    with pytest.raises(DocumentError, match="Word"):
        text_of(buffer.getvalue())


def test_text_longer_than_any_letter_is_refused():
    with pytest.raises(DocumentError, match="500,000"):
        text_of(b"a" * 600_000)
