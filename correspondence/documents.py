"""The text of an uploaded letter: plain text, PDF (pypdf) or Word (python-docx).

The type is read from the file's first bytes, not trusted from its name, and every
way a file can fail to give text ends in a DocumentError that says what to do.
"""

import io
import zipfile

from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024  # a letter with enclosures is a few hundred kilobytes
MAX_PAGES = 200
MAX_CHARACTERS = 500_000  # a letter with its enclosures is a few thousand words


class DocumentError(ValueError):
    """The file gives no text; the message tells the uploader why and what to do."""


def file_kind(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    return "txt"


def text_of(data: bytes, *, filename: str = "") -> str:
    """The letter's text from the bytes of an upload, whatever its type."""
    if not data:
        raise DocumentError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise DocumentError(_("The file is larger than 10 MB; a letter is much smaller."))
    kind = file_kind(data)
    text = {"pdf": pdf_text, "docx": docx_text, "txt": plain_text}[kind](data)
    if len(text) > MAX_CHARACTERS:
        raise DocumentError(_("The text is longer than 500,000 characters: this is no letter."))
    if not text.strip():
        if kind == "pdf":
            raise DocumentError(
                _(
                    "This PDF has no text layer: it looks like a scanned image. Run it "
                    "through OCR (text recognition) first, or upload the letter as text."
                )
            )
        raise DocumentError(_("The file holds no text."))
    return text


def plain_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise DocumentError(
            _("This is not a text, PDF or Word (.docx) file. Older .doc files: save as .docx.")
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 -- loaded only when needed: a PDF came in
    from pypdf.errors import PdfReadError  # noqa: PLC0415 -- loaded only when needed

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(_("This PDF is password-protected: upload an unprotected copy."))
        if len(reader.pages) > MAX_PAGES:
            raise DocumentError(_("This PDF has more than 200 pages; a letter is shorter."))
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except PdfReadError as error:
        raise DocumentError(_("This PDF cannot be read (%(error)s).") % {"error": error}) from error
    except Exception as error:  # a broken upload can fail anywhere inside the parser
        raise DocumentError(_("This PDF cannot be read.")) from error
    return "\n\n".join(pages)


def docx_text(data: bytes) -> str:
    import docx  # noqa: PLC0415 -- loaded only when needed: a Word file came in
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415 -- loaded only when needed

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                paragraphs.append("  ".join(cell.text for cell in row.cells))
    except (PackageNotFoundError, zipfile.BadZipFile) as error:
        raise DocumentError(_("This is not a Word (.docx) document that can be read.")) from error
    except Exception as error:  # broken XML inside the zip fails in lxml, anywhere
        raise DocumentError(_("This Word document is damaged and cannot be read.")) from error
    return "\n".join(paragraphs)
