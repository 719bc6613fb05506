"""A letter around a body, as the tests of each stage write them."""

from correspondence.extraction import extract


def letter(body: str, dated: str = "14 March 2023") -> str:
    return (
        f"{dated}\n\nExcellency,\n\n{body}\n\n"
        "Please accept, Excellency, the assurances of my highest consideration.\n\n"
        "Jane Doe\n\nAll Permanent Representatives and Permanent Observers to the United "
        "Nations New York\n"
    )


def meetings_of(body: str, dated: str = "14 March 2023") -> list[tuple]:
    """(date, start, end, room, kind) of each meeting the letter proposes."""
    return [
        (
            m.date.isoformat(),
            m.start and m.start.strftime("%H:%M"),
            m.end and m.end.strftime("%H:%M"),
            m.room,
            m.kind.value,
        )
        for m in extract(letter(body, dated)).meetings
    ]
