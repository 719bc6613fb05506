"""What a title or a name may hold: one line of text that reads as it is stored.

Titles and names (of meetings, processes, rooms, missions, contacts, co-facilitators,
letters) appear in lists, feeds, calendars and e-mail subjects, where a line break
splits or forges a line and an invisible bidirectional control reorders what follows
(U+202E makes "gnp.exe" read as "exe.png"). The models carry this validator on those
fields, so every way in (staff pages, admin, letter review, imports) refuses the same
characters with the same message.

Left alone on purpose: the direction marks U+200E, U+200F and U+061C, which Arabic text
uses correctly and which reorder nothing around them, and the joiners U+200C and U+200D.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
# Besides CR and LF, what Python and Unicode also count as ending a line.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def misleading_character(text: str) -> str | None:
    """The first character that has no place in one line of text, or None."""
    for character in text:
        if (
            character in LINE_BREAKS
            or character in BIDI_CONTROLS
            or unicodedata.category(character) == "Cc"  # NUL, TAB, ESC, DEL, C1 controls
        ):
            return character
    return None


def one_line(value: str) -> None:
    """Refuse a line break, a control character or a bidirectional override."""
    character = misleading_character(value or "")
    if character is None:
        return
    code = f"U+{ord(character):04X}"
    if character in LINE_BREAKS:
        raise ValidationError(
            _("Write this on one line: remove the line break (%(code)s)."),
            code="line_break",
            params={"code": code},
        )
    if character in BIDI_CONTROLS:
        raise ValidationError(
            _(
                "Remove the invisible character %(code)s: it changes the order in which "
                "the text around it is read."
            ),
            code="bidi_control",
            params={"code": code},
        )
    raise ValidationError(
        _("Remove the control character %(code)s."),
        code="control_character",
        params={"code": code},
    )
