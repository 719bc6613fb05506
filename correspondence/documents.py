"""The text of an uploaded letter: plain text, PDF (pypdf) or Word (.docx).

The type is read from the file's first bytes, not trusted from its name, and every
way a file can fail to give text ends in a DocumentError that says what to do.
PDF and Word files are read by correspondence/readers.py in a child process that limits
its own memory and CPU time: an upload costs bounded memory and seconds, whatever it is.
"""

import json
import logging
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .readers import MAX_CHARACTERS

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024  # a letter with enclosures is a few hundred kilobytes
ROOT = Path(__file__).resolve().parent.parent  # where `-m correspondence.readers` is found
# The child stops itself after readers.CPU_SECONDS of CPU; this covers a busy machine.
WALL_SECONDS = 20  # under gunicorn's 30 s, so the uploader gets the reason, not a 502


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
    if kind == "txt":
        text = plain_text(data)
    else:
        reading = read_in_child(kind, data)
        if reading.refused:
            raise DocumentError(reading.message())
        text = reading.text
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


# Why readers.py refused a file, by the code it answers with.
REFUSALS = {
    "not-word": gettext_lazy("This is not a Word (.docx) document that can be read."),
    "word-damaged": gettext_lazy("This Word document is damaged and cannot be read."),
    "word-password": gettext_lazy(
        "This Word document is password-protected: upload an unprotected copy."
    ),
    "entries": gettext_lazy(
        "This Word document holds more than %(n)s files; a letter holds a few dozen."
    ),
    "unpacked": gettext_lazy(
        "This Word document unpacks to more than %(n)s MB; a letter is much smaller."
    ),
    "zip-bomb": gettext_lazy(
        "This Word document is compressed far more than any letter could be (a “zip "
        "bomb”): it was not opened."
    ),
    "nested-archive": gettext_lazy(
        "This Word document contains another archive (%(name)s): save the letter again "
        "without embedded files."
    ),
    "xml-entities": gettext_lazy(
        "This Word document declares XML entities, which a letter never does: it was not opened."
    ),
    "xml-structure": gettext_lazy(
        "This Word document is built in a way no letter is (too many or too deeply nested "
        "elements): it was not read."
    ),
    "pdf-password": gettext_lazy("This PDF is password-protected: upload an unprotected copy."),
    "pdf-pages": gettext_lazy("This PDF has more than 200 pages; a letter is shorter."),
    "pdf-error": gettext_lazy("This PDF cannot be read (%(error)s)."),
    "pdf-broken": gettext_lazy("This PDF cannot be read."),
    "too-long": gettext_lazy("The text is longer than 500,000 characters: this is no letter."),
    "memory": gettext_lazy("Reading this file needs more memory than any letter."),
}


@dataclass
class Reading:
    """What the child process answered: the text, or why it refused the file (a code of
    REFUSALS, with its figures in `params`); and what reading it cost."""

    text: str = ""
    refused: str = ""
    params: dict = field(default_factory=dict)
    cpu_seconds: float = 0.0
    peak_kb: int = 0  # the child's peak resident memory
    seconds: float = 0.0  # from start to answer, as the uploader waits

    def message(self) -> str:
        """Why the file was refused, in the active language."""
        message = REFUSALS[self.refused]
        return message % self.params if self.params else str(message)


def read_in_child(kind: str, data: bytes) -> Reading:
    """`kind` ("pdf" or "docx") read by readers.py in a child process; DocumentError when
    the child was stopped by its limits (or died)."""
    started = time.monotonic()
    try:
        done = subprocess.run(  # noqa: S603 -- our own interpreter and module, no shell
            [sys.executable, "-m", "correspondence.readers", kind],
            input=data,
            stdout=subprocess.PIPE,
            # Not kept: a crafted PDF makes pypdf warn once per broken object, megabytes of
            # it within the child's CPU limit. The exit status says enough for the log.
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            timeout=WALL_SECONDS,
            check=False,
        )
        answer = json.loads(done.stdout) if done.returncode == 0 else None
        why = f"exit status {done.returncode}"
    except (subprocess.TimeoutExpired, ValueError) as error:
        answer, why = None, str(error)
    seconds = time.monotonic() - started
    if answer is None:
        # Stopped by its CPU limit (SIGXCPU), by the clock, or dead for another reason.
        log.warning(
            "reading a %s upload (%d bytes) stopped after %.1f s (%s)",
            kind,
            len(data),
            seconds,
            why,
        )
        raise DocumentError(
            _(
                "Reading this file takes longer than any letter could: it was stopped. Save it "
                "again from your word processor, or upload the letter as text."
            )
        )
    reading = Reading(**answer, seconds=seconds)
    log.info(
        "read a %s upload (%d bytes): %.2f s CPU, %d MB peak, %s",
        kind,
        len(data),
        reading.cpu_seconds,
        reading.peak_kb // 1024,
        "refused" if reading.refused else f"{len(reading.text)} characters",
    )
    return reading
