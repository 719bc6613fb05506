"""The entry point: the stages in order, over each letter of a file."""

from __future__ import annotations

from functools import partial

from .blocks import headed_blocks
from .heads import annex_of, body_of, read_letter, split_letters
from .letter_kinds import (
    kinds_from_the_letter,
    kinds_of_the_process,
    kinds_of_the_segments,
    kinds_of_the_subject,
)
from .normalising import normalise
from .places import room_of_its_day, unhq_room_names
from .proposing import read_announcements
from .record import Reading, credit_said_apart
from .resolving import merge_back_references
from .results import Extraction, ExtractionError


def extract(
    text: str,
    *,
    rooms: dict[str, str] | None = None,
    presidents: tuple[str, ...] = (),
    most_meetings: int | None = None,
    most_deadlines: int | None = None,
) -> Extraction:
    """Read `text` (one letter, or a letter and its enclosures).

    `rooms` maps alias keys to canonical names (default: the rooms shipped with
    gasched); `presidents` are names known to have been President of the General
    Assembly, so that a letter signed by one of them is known to be the PGA's.
    Past `most_meetings` meetings or `most_deadlines` deadlines named, reading stops
    with TooManyMeetings.
    """
    if not isinstance(text, str):
        raise ExtractionError("A letter is text.")
    text = normalise(text)
    if not text.strip():
        raise ExtractionError("The letter is empty: there is no text to read.")
    room_names = rooms if rooms is not None else unhq_room_names()
    letters = []
    reading = Reading(text=text)
    parts = split_letters(text)
    for index, (offset, part) in enumerate(parts):
        facts = read_letter(part, presidents=presidents)
        letters.append(facts)
        reading.warnings += facts.warnings
        # an enclosed letter that gives no date is read as of the letter enclosing it
        letter_date = (
            facts.date
            or facts.reference_date
            or ((letters[0].date or letters[0].reference_date) if index else None)
        )
        reading.last_made = []
        reading.add_blocks(headed_blocks(part, room_names), offset, index, letter_date)
        reading.note_head(offset, part, facts)  # but a headed block's date
        read = partial(
            read_announcements,
            letter_index=index,
            letter_date=letter_date,
            rooms=room_names,
            reading=reading,
            most_meetings=most_meetings,
            most_deadlines=most_deadlines,
        )
        body_start, body = body_of(part)
        read(body, offset=offset + body_start)
        # the programme the body says is annexed below the closing
        if (annex := annex_of(part)) is not None:
            read(
                annex.text,
                offset=offset + annex.start,
                programme_of=annex.kind,
                said_above=annex.said,
            )
        reading.note_tail(offset, part)
    merge_back_references(reading)
    for meeting in reading.meetings:
        meeting.room = room_of_its_day(meeting.room, meeting.date, room_names)
    kinds_from_the_letter(reading)
    kinds_of_the_subject(reading, letters)
    kinds_of_the_process(reading, letters)
    kinds_of_the_segments(reading, letters)
    credit_said_apart(reading, [offset for offset, _ in parts], room_names)
    return reading.extraction(letters)
