"""Letters as files: the seed letters as text, PDF (with and without a text layer) and Word."""

import io
from pathlib import Path

import pytest

from correspondence.demo import DEMO_LETTERS

LETTER_2008 = DEMO_LETTERS / "2008-03-19-pga-thematic-debate-human-trafficking.txt"
LETTER_2017 = (
    DEMO_LETTERS / "2017-06-19-pga-cover-letter-cofacilitators-trafficking-declaration.txt"
)


def pdf_of(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for paragraph in text.split("\n"):
        # The core fonts are Latin-1: the letters' curly quotes become straight ones.
        line = paragraph.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        latin = line.encode("latin-1", "replace").decode("latin-1") or " "
        pdf.multi_cell(0, 5, latin, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page that is only a picture, as a scanner makes it: no text layer at all."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "Excellency, on Thursday 29 June ...", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def docx_of(text: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def letter_files(tmp_path) -> dict[str, Path]:
    text = LETTER_2017.read_text()
    files = {
        "txt": tmp_path / "letter.txt",
        "pdf": tmp_path / "letter.pdf",
        "docx": tmp_path / "letter.docx",
        "scan": tmp_path / "scan.pdf",
    }
    files["txt"].write_text(text)
    files["pdf"].write_bytes(pdf_of(text))
    files["docx"].write_bytes(docx_of(text))
    files["scan"].write_bytes(scanned_pdf())
    return files
