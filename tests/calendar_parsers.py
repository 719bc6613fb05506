"""Two more readers of our calendars, as clients read them: libical (the C library of
Evolution and KDE, with its iTIP classification from libicalss) and Mozilla's ical.js
(Thunderbird and many web calendars). Beside icalendar and the strict `ical`, the suite's
four parsers.

libical comes from Debian (libical-dev); tests/libical_check.c is compiled with gcc the
first time it is needed, once per source version, into the temporary directory. ical.js
comes from the npm registry (package.json); tests/icaljs_check.mjs runs it with node.
tests/browser/install-deps.sh installs both. Tests that use them are marked `parsers`.

Both readers take only the file: the instants they report come from its own VTIMEZONE
(a TZID the file does not declare counts as an error), never from zone data of their own.
"""

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

HERE = Path(__file__).resolve().parent
C_SOURCE = HERE / "libical_check.c"
ICALJS_SCRIPT = HERE / "icaljs_check.mjs"
ICALJS = HERE.parent / "node_modules" / "ical.js" / "package.json"
LIBICAL_HEADER = Path("/usr/include/libical/ical.h")


def missing() -> str | None:
    """What this machine lacks to run both readers, or None."""
    if shutil.which("gcc") is None:
        return "gcc"
    if not LIBICAL_HEADER.exists():
        return "libical-dev (Debian)"
    if shutil.which("node") is None:
        return "node"
    if not ICALJS.exists():
        return "ical.js (npm ci)"
    return None


@dataclass(frozen=True)
class Event:
    """A VEVENT as a reader understood it; instants in UTC ("20170629T140000Z"), dates
    as dates ("20170629")."""

    uid: str
    sequence: int
    status: str
    start: str
    end: str


@dataclass(frozen=True)
class Reading:
    """One file: how many errors the reader found, and its events in file order."""

    errors: int
    events: list[Event]


def _checker() -> Path:
    source = C_SOURCE.read_bytes()
    binary = (
        Path(tempfile.gettempdir()) / f"gasched-libical-{hashlib.sha256(source).hexdigest()[:16]}"
    )
    if not binary.exists():
        gcc = shutil.which("gcc") or "gcc"
        partial = binary.with_name(f"{binary.name}.{os.getpid()}.partial")
        subprocess.run(
            [gcc, "-O1", "-Wall", "-o", str(partial), str(C_SOURCE), "-lical", "-licalss"],
            check=True,
            capture_output=True,
        )
        partial.replace(binary)  # atomic: parallel test processes never run half a file
    return binary


def _readings(output: str) -> list[Reading]:
    readings: list[Reading] = []
    for line in output.splitlines():
        kind, *fields = line.split("\t")
        if kind == "FILE":
            errors = fields[1]
            readings.append(Reading(int(errors) if errors.isdigit() else -1, []))
        elif kind == "EVENT":
            uid, sequence, status, start, end = fields
            readings[-1].events.append(Event(uid, int(sequence), status, start, end))
    return readings


def _with_files(bodies: list[bytes], run) -> str:
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for n, body in enumerate(bodies):
            path = Path(directory) / f"{n:03d}.ics"
            path.write_bytes(body)
            paths.append(str(path))
        return run(paths)


def _run(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def libical(*bodies: bytes) -> list[Reading]:
    """Each calendar as libical reads it."""
    checker = str(_checker())
    return _readings(_with_files(list(bodies), lambda paths: _run([checker, "events", *paths])))


def icaljs(*bodies: bytes) -> list[Reading]:
    """Each calendar as ical.js reads it."""
    command = [shutil.which("node") or "node", str(ICALJS_SCRIPT)]
    return _readings(_with_files(list(bodies), lambda paths: _run([*command, *paths])))


@dataclass(frozen=True)
class Delivered:
    """iTIP messages applied in order by a libical client: how icalclassify classed
    each (REQUEST-NEW, REQUEST-UPDATE, REQUEST-RESCHEDULE, CANCEL-EVENT, OBSOLETE, ...)
    and whether the client took it, then the copy it kept: (UID, SEQUENCE, STATUS,
    METHOD)."""

    steps: list[tuple[str, bool]]
    final: tuple[str, int, str, str]


def libical_itip(user: str, messages: list[bytes]) -> Delivered:
    checker = str(_checker())
    output = _with_files(messages, lambda paths: _run([checker, "itip", user, *paths]))
    steps, final = [], None
    for line in output.splitlines():
        kind, *fields = line.split("\t")
        if kind == "STEP":
            steps.append((fields[1], fields[2] == "1"))
        elif kind == "FINAL":
            uid, sequence, status, method = fields
            final = (uid, int(sequence), status, method)
    return Delivered(steps, final)


def _icalendar_stamp(value) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def icalendar_events(body: bytes) -> list[Event]:
    """The same view of a calendar from the icalendar library, to compare with."""
    events = []
    for vevent in Calendar.from_ical(body).walk("VEVENT"):
        end = vevent.decoded("dtend") if "dtend" in vevent else None
        events.append(
            Event(
                uid=str(vevent["uid"]),
                sequence=int(vevent.get("sequence", 0)),
                status=str(vevent.get("status", "-")),
                start=_icalendar_stamp(vevent.decoded("dtstart")),
                end=_icalendar_stamp(end) if end is not None else "-",
            )
        )
    return events


def read_everywhere(body: bytes) -> list[Event]:
    """The events of a calendar once libical, ical.js and icalendar have all read it with
    no error and agree on every UID, SEQUENCE, STATUS and instant (AssertionError
    otherwise)."""
    (by_libical,) = libical(body)
    (by_icaljs,) = icaljs(body)
    assert by_libical.errors == 0, f"libical found {by_libical.errors} error(s)"
    assert by_icaljs.errors == 0, f"ical.js found {by_icaljs.errors} error(s)"
    expected = icalendar_events(body)
    assert by_libical.events == expected, "libical reads other events or times than icalendar"
    assert by_icaljs.events == expected, "ical.js reads other events or times than icalendar"
    return expected
