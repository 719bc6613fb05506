"""Letters as files: the seed letters as text, PDF (with and without a text layer) and Word."""

import io
from pathlib import Path

import pytest

from correspondence.demo import DEMO_LETTERS
from gasched.celery import app
from tests.celeryworker import Worker
from tests.mailserver import MailServer

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


# --- Files built to exhaust a reader -----------------------------------------------------

WORD_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def word_xml(body: str) -> str:
    return f'<w:document xmlns:w="{WORD_MAIN}"><w:body>{body}</w:body></w:document>'


def docx_with(entries: dict[str, str | bytes]) -> bytes:
    """A Word package of these entries, with the relationship to word/document.xml."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_bomb(unpacked: int, *, declared: int | None = None) -> bytes:
    """A .docx whose word/document.xml unpacks to `unpacked` bytes of spaces (a multiple
    of a megabyte), made without ever holding them: after a full flush, each megabyte of
    spaces compresses to the same ~1 kB, so the entry is that repeated. `declared`: the
    size the archive claims for it, if it lies."""
    import struct
    import zlib

    megabyte = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(megabyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = unpacked >> 20
    stream = block * count + compressor.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(megabyte, crc)
    out, directory = io.BytesIO(), io.BytesIO()
    entries = [
        (name, zlib.crc32(text.encode()), text.encode(), len(text))
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS))
    ]
    entries.append(("word/document.xml", crc, stream, unpacked if declared is None else declared))
    for name, checksum, raw, size in entries:
        compressed = raw if name == "word/document.xml" else zlib.compress(raw)[2:-4]
        encoded = name.encode()
        header = (checksum, len(compressed), size, len(encoded))
        directory.write(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                33,
                *header,
                0,
                0,
                0,
                0,
                0,
                out.tell(),
            )
        )
        directory.write(encoded)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, *header, 0))
        out.write(encoded + compressed)
    start = out.tell()
    out.write(directory.getvalue())
    out.write(
        struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, len(directory.getvalue()), start, 0)
    )
    return out.getvalue()


def pdf_with(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalogue) with its xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def pdf_pages(count: int, *, page_extra: bytes = b"", drawing: bytes = b"") -> bytes:
    """`count` pages that all show one content stream: "Excellency," and `drawing`."""
    import zlib

    stream = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Excellency,) Tj ET\n" + drawing, 9)
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
    page += b"/Resources << /Font << /F1 4 0 R >> >> %s >>" % page_extra
    return pdf_with(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        + [page] * count
    )


# --- A real Celery worker sending to aiosmtpd on loopback (the delivery tests) --------


@pytest.fixture
def smtp():
    with MailServer() as server:
        yield server


@pytest.fixture
def not_eager():
    """The test process queues to Redis for the worker instead of running tasks itself."""
    app.conf.task_always_eager = False
    app.control.purge()
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def worker(smtp, not_eager):
    started = Worker(smtp_port=smtp.port).start()
    yield started
    started.stop()
