"""The text of an uploaded letter, whatever the file, or a message that says why not."""

import time

import pytest

from correspondence import documents, readers
from correspondence.demo import DEMO_LETTERS
from correspondence.documents import DocumentError, Reading, read_in_child, text_of
from correspondence.extraction import as_json, extract

from .conftest import (
    LETTER_2017,
    docx_of,
    docx_with,
    pdf_of,
    pdf_pages,
    scanned_pdf,
    word_xml,
    zip_bomb,
)


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


# --- Files built to exhaust a reader: refused in seconds, within bounded memory -----------

GIGABYTE = 1 << 30
MEGABYTE = 1 << 20
# The child process (Python, and pypdf for a PDF) takes 30-60 MB to start with.
MEMORY_PEAK = 100 * MEGABYTE


def test_every_letter_reads_the_same_from_word_as_from_text():
    """The Word reader gives back, line for line, the text the letter was written from."""
    letters = sorted(
        (DEMO_LETTERS.parent.parent / "tests" / "correspondence" / "letters").glob("*.txt")
    )
    letters += sorted(DEMO_LETTERS.glob("*.txt"))
    assert len(letters) > 20
    text = "".join(letter.read_text() for letter in letters)  # one file: one child process
    assert text_of(docx_of(text)) == text


def test_a_word_table_reads_row_by_row_in_its_place():
    document = word_xml(
        "<w:p><w:r><w:t>Programme of work</w:t></w:r></w:p>"
        "<w:tbl><w:tr>"
        "<w:tc><w:p><w:r><w:t>29 June</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>10 a.m.</w:t><w:br/><w:t>ECOSOC Chamber</w:t></w:r></w:p></w:tc>"
        "</w:tr></w:tbl>"
        "<w:p><w:r><w:t>Accept, Excellency</w:t><w:tab/><w:delText>removed</w:delText></w:r></w:p>"
    )
    assert text_of(docx_with({"word/document.xml": document})) == (
        "Programme of work\n29 June  10 a.m.\nECOSOC Chamber\nAccept, Excellency\t"
    )


def refused(kind: str, data: bytes) -> Reading:
    """The child's reading of `data`: refused within seconds of CPU (its own, whatever
    else the machine runs) and bounded memory."""
    reading = read_in_child(kind, data)
    assert reading.text == ""
    assert reading.cpu_seconds < 4
    assert reading.peak_kb * 1024 < MEMORY_PEAK
    return reading


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = zip_bomb(2 * GIGABYTE)
    assert len(bomb) < 3 * MEGABYTE  # two gigabytes of XML in two megabytes
    reading = refused("docx", bomb)
    assert reading.message() == (
        "This Word document unpacks to more than 64 MB; a letter is much smaller."
    )
    with pytest.raises(DocumentError, match="unpacks to more than 64 MB"):
        text_of(bomb)


def test_a_zip_bomb_that_lies_about_its_size_unpacks_no_more_than_it_declares():
    reading = refused("docx", zip_bomb(GIGABYTE, declared=100_000))
    assert reading.message() == "This Word document is damaged and cannot be read."


def test_an_entry_compressed_like_a_bomb_is_refused_even_when_small_overall():
    reading = refused("docx", zip_bomb(32 * MEGABYTE))  # under the 64 MB in all
    assert "zip bomb" in reading.message()


def test_billion_laughs_in_a_word_document_are_never_expanded():
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    document = f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>' + word_xml(
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
    )
    reading = refused("docx", docx_with({"word/document.xml": document}))
    assert reading.message() == (
        "This Word document declares XML entities, which a letter never does: it was not opened."
    )


def test_a_word_document_of_thousands_of_entries_is_refused():
    entries = {f"word/media/image{n}.png": b"\x89PNG" for n in range(5000)}
    entries["word/document.xml"] = word_xml("<w:p><w:r><w:t>Excellency,</w:t></w:r></w:p>")
    reading = refused("docx", docx_with(entries))
    assert reading.message() == (
        "This Word document holds more than 1000 files; a letter holds a few dozen."
    )


def test_an_archive_inside_a_word_document_is_refused():
    inner = docx_with({"word/document.xml": word_xml("")})
    entries = {
        "word/document.xml": word_xml("<w:p><w:r><w:t>Excellency,</w:t></w:r></w:p>"),
        "word/embeddings/oleObject1.bin": inner,  # a zip, whatever its name says
    }
    reading = refused("docx", docx_with(entries))
    assert reading.message() == (
        "This Word document contains another archive (word/embeddings/oleObject1.bin): save "
        "the letter again without embedded files."
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<w:tbl><w:tr><w:tc>" * 100 + "</w:tc></w:tr></w:tbl>" * 100, "too deeply nested"),
        (
            "".join(
                f'<w:p w:rsidR="{n * 2654435761 % 2**32:08X}"/>'
                for n in range(readers.MAX_ELEMENTS + 1)
            ),
            "too many or too deeply nested",
        ),
        ("<w:p><w:r><w:t>" + "x" * 600_000 + "</w:t></w:r></w:p>", "500,000 characters"),
    ],
    ids=["deep", "many", "long"],
)
def test_word_xml_deeper_larger_or_longer_than_any_letter_is_refused(body, message):
    reading = refused("docx", docx_with({"word/document.xml": word_xml(body)}))
    assert message in reading.message()


def test_a_pdf_of_deeply_nested_objects_is_refused_quickly():
    nested = b"[" * 50_000 + b"]" * 50_000
    reading = refused("pdf", pdf_pages(1, page_extra=b"/Nested " + nested))
    assert reading.message().startswith("This PDF cannot be read")


def test_a_pdf_that_would_take_minutes_to_read_is_stopped_at_the_time_limit():
    """A few kilobytes: twenty pages drawing one stream of a million operators (pypdf
    took 100 s of CPU on it). The child is stopped at its CPU limit."""
    bomb = pdf_pages(20, drawing=b"0 0 m " * 600_000)
    assert len(bomb) < 20_000
    started = time.monotonic()
    with pytest.raises(DocumentError, match="takes longer than any letter could"):
        text_of(bomb)
    # Its CPU limit stops it after 8 s of CPU; the clock, after 20 s on a busy machine.
    assert time.monotonic() - started < documents.WALL_SECONDS + 2
