"""The PDF and Word readers, run in a child process that limits its own memory and time.

A file of a few kilobytes can be built to cost a parser gigabytes or minutes: a Word file
whose XML unpacks to gigabytes (a zip bomb), XML entities that expand a billion times, a
PDF whose pages share one content stream of a million operators. So documents.text_of
runs this module as a child process (`python -m correspondence.readers pdf|docx`, the
file on stdin, the answer as one line of JSON on stdout), which limits its address space
and CPU time before it reads a byte: whatever the file, the web process pays at most
MEMORY_BYTES and CPU_SECONDS, once per upload.

Inside the limits, a Word file is still checked before it is unpacked (the number of
entries, the sizes they declare, their compression ratio, no archive inside) and its text
is read as it streams, never as a tree: no DTD (so no entities), a cap on depth, on
elements and on characters. Python's zipfile never unpacks more than an entry declares
(and then fails its CRC), so the declared sizes are a true bound.

Nothing here loads Django: a refusal is a code (with its figures), which documents.py
turns into a message in the language of the person uploading.
"""

import io
import json
import resource
import sys
import zipfile
import zlib
from xml.parsers import expat

MEMORY_BYTES = 512 * 1024 * 1024  # the interpreter and pypdf take ~60 MB of it
CPU_SECONDS = 8  # a 200-page PDF of text takes under 2 s; a letter a fifth of a second

MAX_PAGES = 200
MAX_CHARACTERS = 500_000  # a letter with its enclosures is a few thousand words

# A Word letter is a zip of a few dozen entries, its XML a few hundred kilobytes.
MAX_ENTRIES = 1000
MAX_UNPACKED = 64 * 1024 * 1024  # all entries together, as the archive declares them
MAX_RATIO = 100  # XML compresses about 10:1; a bomb 1000:1
RATIO_FROM = 1024 * 1024  # small entries (a page of spaces) may compress further
ARCHIVE_SUFFIXES = (".zip", ".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".jar")
ARCHIVE_SUFFIXES += (".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".cab")
# Not gzip's magic: Word keeps compressed pictures (.emz, .wmz, a letterhead's emblem) so.
ARCHIVE_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"7z\xbc\xaf", b"Rar!", b"\xfd7zXZ")
MAX_DEPTH = 256  # tables in tables in text boxes stay under 50
MAX_ELEMENTS = 1_000_000  # a 500,000-character letter has about 300,000
CHUNK = 64 * 1024


class Refused(Exception):
    """The file is not read: `code` says why (documents.REFUSALS has the words), `params`
    gives the figures."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


# --- PDF ------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 -- loaded only when needed: a PDF came in
    from pypdf.errors import PdfReadError  # noqa: PLC0415 -- loaded only when needed

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Refused("pdf-password")
        if len(reader.pages) > MAX_PAGES:
            raise Refused("pdf-pages")
        pages, length = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            length += len(pages[-1])
            if length > MAX_CHARACTERS:
                raise Refused("too-long")
    except Refused:
        raise
    except PdfReadError as error:
        raise Refused("pdf-error", error=str(error)) from error
    except MemoryError:
        raise
    except Exception as error:  # a broken upload can fail anywhere inside the parser
        raise Refused("pdf-broken") from error
    return "\n\n".join(pages)


# --- Word -----------------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError) as error:
        raise Refused("not-word") from error
    with archive:
        try:
            check_archive(archive)
            return WordText().read(archive, main_part(archive))
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as error:
            # a bad CRC (an entry longer than it declares), a broken stream, an unknown method
            raise Refused("word-damaged") from error


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse, before unpacking anything, an archive no letter would be."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise Refused("entries", n=MAX_ENTRIES)
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise Refused("unpacked", n=MAX_UNPACKED // (1024 * 1024))
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise Refused("word-password")
        if entry.file_size > RATIO_FROM and entry.file_size > MAX_RATIO * entry.compress_size:
            raise Refused("zip-bomb")
    for entry in entries:
        if entry.is_dir():
            continue
        with archive.open(entry) as member:
            start = member.read(8)
        if entry.filename.lower().endswith(ARCHIVE_SUFFIXES) or start.startswith(ARCHIVE_MAGIC):
            raise Refused("nested-archive", name=entry.filename[:100])


def main_part(archive: zipfile.ZipFile) -> str:
    """The document's own XML, as the package's relationships name it (word/document.xml
    in every file Word, LibreOffice or Google Docs writes)."""
    target = "word/document.xml"
    if "_rels/.rels" in archive.namelist():

        def relationship(name, attributes):
            if name.endswith(" Relationship") and attributes.get("Type", "").endswith(
                "/officeDocument"
            ):
                nonlocal target
                target = attributes.get("Target", target).lstrip("/")

        parser = safe_parser()
        parser.StartElementHandler = relationship
        feed(parser, archive, "_rels/.rels")
    if target not in archive.namelist():
        raise Refused("not-word")
    return target


def safe_parser() -> "expat.XMLParserType":
    """An expat parser that refuses any DOCTYPE: Word never writes one, and without it no
    entity can be declared, expanded or fetched (the billion laughs, external entities)."""

    def refuse(*args):
        raise Refused("xml-entities")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    return parser


def feed(parser, archive: zipfile.ZipFile, name: str) -> None:
    try:
        with archive.open(name) as part:
            while chunk := part.read(CHUNK):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise Refused("word-damaged") from error


# WordprocessingML, as Word writes it and in its strict ISO form.
WORD = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
}
FALLBACK = "http://schemas.openxmlformats.org/markup-compatibility/2006 Fallback"
# What a run holds besides its text, as python-docx reads it (w:br below).
IN_RUN = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


class WordText:
    """The text of a Word document, read as its XML streams past: one line per paragraph,
    a table row's cells side by side (two spaces apart, a cell's paragraphs on lines of
    their own), in the order of the document. Deleted text (w:delText), field codes and
    the fallback copy of drawings (mc:Fallback) are left out."""

    def __init__(self):
        self.path: list[str] = []  # the open elements, by local name
        self.lines: list[list[str]] = [[]]  # the body, then each open table cell
        self.rows: list[list[str]] = []  # the cells of each open table row
        self.paragraphs: list[list[str]] = []  # the text of each open paragraph
        self.hidden_below = 0  # inside mc:Fallback: its depth
        self.elements = self.characters = 0

    def read(self, archive: zipfile.ZipFile, name: str) -> str:
        parser = safe_parser()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.chars
        feed(parser, archive, name)
        return "\n".join(self.lines[0])

    def start(self, name: str, attributes: dict) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS or len(self.path) >= MAX_DEPTH:
            raise Refused("xml-structure")
        namespace, _, local = name.rpartition(" ")
        if not self.path and (namespace not in WORD or local != "document"):
            raise Refused("not-word")
        self.path.append(local if namespace in WORD else name)
        if self.hidden_below:
            return
        if name == FALLBACK:
            self.hidden_below = len(self.path)
        elif self.path[-1] == "p":
            self.paragraphs.append([])
        elif self.path[-1] == "tc":
            self.lines.append([])
        elif self.path[-1] == "tr":
            self.rows.append([])
        elif len(self.path) > 1 and self.path[-2] == "r" and self.paragraphs:
            if self.path[-1] in IN_RUN:
                self.add(IN_RUN[self.path[-1]])
            elif self.path[-1] == "br" and not any(
                value in ("page", "column")
                for key, value in attributes.items()
                if key.endswith(" type")
            ):
                self.add("\n")

    def end(self, name: str) -> None:
        local = self.path.pop()
        if self.hidden_below:
            if len(self.path) < self.hidden_below:
                self.hidden_below = 0
            return
        if local == "p":
            self.lines[-1].append("".join(self.paragraphs.pop()))
        elif local == "tc":
            cell = "\n".join(self.lines.pop())
            if self.rows:
                self.rows[-1].append(cell)
        elif local == "tr":
            self.lines[-1].append("  ".join(self.rows.pop()))

    def chars(self, data: str) -> None:
        if not self.hidden_below and self.path[-1] == "t" and self.paragraphs:
            self.add(data)

    def add(self, text: str) -> None:
        self.characters += len(text)
        if self.characters > MAX_CHARACTERS:
            raise Refused("too-long")
        self.paragraphs[-1].append(text)


# --- The child process ----------------------------------------------------------------

READERS = {"pdf": pdf_text, "docx": docx_text}


def limit_this_process() -> None:
    """Past MEMORY_BYTES an allocation fails (MemoryError); past CPU_SECONDS the kernel
    stops the process (SIGXCPU, then SIGKILL a second later), and leaves no core file."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(kind: str) -> None:
    limit_this_process()
    data = sys.stdin.buffer.read()
    try:
        answer = {"text": READERS[kind](data)}
    except Refused as refused:
        answer = {"refused": refused.code, "params": refused.params}
    except (MemoryError, RecursionError):
        answer = {"refused": "memory"}
    usage = resource.getrusage(resource.RUSAGE_SELF)
    answer["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    answer["peak_kb"] = peak_memory_kb()
    sys.stdout.write(json.dumps(answer))


def peak_memory_kb() -> int:
    """This process's peak resident memory. Linux's VmHWM, since ru_maxrss keeps the peak
    of the process that was there before exec (the web process that started this one)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main(sys.argv[1])
