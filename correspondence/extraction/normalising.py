"""The text as the rest expects it: plain characters, OCR slips mended, lines joined.

Only what can be mended without guessing is mended: a letter "l" or "O" among digits
("l0 a.m.", "Agenda 20lO"), a word break a PDF left ("seventy- fourth"), words glued
by OCR in a letterhead ("GENERALASSEMBLY"), page numbers between paragraphs. A time
is never made up from noise ("at am" stays as it is).

Every pattern here is linear: the text comes from uploads of up to a megabyte, and a
pattern that can fail after a long run (say "[ ]+\\n" on 100,000 spaces) costs the
square of the run.
"""

from __future__ import annotations

import re

from gasched.validators import BIDI_CONTROLS

from . import tables
from .vocabulary import DAY, HOURS_RANGE, MONTH, WEEKDAY, YEAR

# What gasched.validators refuses in one line of typed text, but line breaks and tabs.
MISLEADING = re.compile("[" + re.escape("".join(BIDI_CONTROLS)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# "20lO", "l0", "1O": a number with letters that look like digits (at least one digit).
DIGITS_READ_AS_LETTERS = re.compile(r"\b(?=[lIO]{0,3}\d)[0-9lIO]{2,6}\b")
GLUED = re.compile(
    r"\b(GENERAL)(ASSEMBLY)\b|\b(UNITED)(NATIONS)\b|\b(NATIONS)(UNIES)\b|\b(PRESIDENT)(OF)\b",
    re.IGNORECASE,
)
ZERO_FOR_O = re.compile(r"\b0(?=[a-z]{2})")
# "Trusteeship Counci1 Chamber", "Apri1", "Hal1": a word of letters that ends in a one ends in an
# "l" (not "Room1", a room's number)
ONE_FOR_L = re.compile(r"\b(?![Rr]oom1)([A-Z]?[a-z]{2,})1\b")
# "at lO a.m.", "at Il a.m.": an hour of letters alone, read by the a.m. after it
HOUR_READ_AS_LETTERS = re.compile(r"\b[lI][O0oIl1](?=(?:[.:][0-5O][0-9O])?\s*[ap]\.?\s?m\b)")
MINUTES_READ_AS_LETTERS = re.compile(
    r"(?<=\d[.:])(?=[0-5Oo]?[Oo])[0-5Oo][0-9Ool](?=\s*[ap]\.?\s?m\b|\s*(?:hrs|hours)\b)", re.I
)
# "oflndia", "lnformal": no English word starts with "ln", so the "l" is an "I".
EL_FOR_I = re.compile(r"\b(of|to|in|and|the)?ln(?=[a-z]{2})")
# "seventy- fourth", "high- level": a PDF's word break kept its hyphen and a space.
BROKEN_WORD = re.compile(r"(?<=[a-z])- (?=[a-z])")
# "seventy-\nfourth": a compound keeps its hyphen; "consul-\ntations" is one word.
COMPOUND = re.compile(
    r"(?:co|high|multi|non|self|well|follow|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|one|two|three|four|five|six|seven|eight|nine|mid|pre|post|long|short|open)$",
    re.I,
)
# A line that is only a page number ("2", "- 2 -", "Page 2 of 3", "2/3").
PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}/\d{1,3})$", re.I
)
# "/...": the mark that the text goes on overleaf; "19-02211 (E)    110219": the print line
# of a United Nations document, with its job number and date.
OVERLEAF = re.compile(r"^(?:/\.\.\.|\.\.\./)$")
PRINT_LINE = re.compile(r"^\d{2}-\d{5}\s*\([A-Z]\)(?:\s+\d{6})?(?:\s+\*\d+\*)?$")
# "... from 10 a.m. to 1 p.m., in" / [page break] / "Conference Room 11.": a line that ends
# on a word that cannot end a sentence runs on over the page.
RUNS_ON = re.compile(r"\b(?:in|on|at|of|the|to|from|and|or|by|for|with|a|an)$", re.I)
# Letterhead lines repeated on every page of a PDF.
LETTERHEAD = re.compile(
    r"^(?:UNITED\s+NATIONS(?:\s+NATIONS\s+UNIES)?|NATIONS\s+UNIES|"
    r"(?:THE\s+)?PRESIDENT\s+OF\s+THE\s+GENERAL\s+ASSEMBLY|GENERAL\s+ASSEMBLY)$"
)

NUMBERED_HEAD = re.compile(r"(?m)^[ \t]*[A-Z][^\d\n.,;:]{10,100}?[ \t]{4,}(?P<page>\d{1,3})[ \t]*$")
# "Letter from the Chair of the IGN, 15 January 2016 (continued)": the running head of a
# letter's later pages; its date is the letter's own.
# (Not a table's row whose topic goes on: "Thursday 6 February | 15:00 - 18:00 | ... |
# Exchange of views (continued)", which has hours.)
RUNNING_HEAD = re.compile(
    r"^(?![^\n]*(?:\||\d[:.]\d\d|\d\s?[ap]\.?m\b))[^\n]{0,120}\((?:continued|cont'?d\.?)\)$",
    re.I,
)


def normalise(text: str) -> str:
    """Plain text as the rest expects: no Markdown emphasis, plain quotes, no odd spaces,
    no spaces at the start or end of a line, OCR slips mended, page debris taken out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters and direction overrides can only mislead in a subject, a title or
    # a name read from the file (gasched.validators refuses them where people type).
    text = MISLEADING.sub("", text)
    text = MARGIN_BAR.sub("", text)
    text = pipe_rows(text)
    text = tables.reflowed(text.expandtabs(8))
    # "Ad Hoc Working Group on the Revitalization ...        2": a running head and the
    # page number set apart from it, the page number alone (taken out below).
    text = NUMBERED_HEAD.sub(lambda m: m["page"], text)
    text = re.sub(r"[\u00a0\u2000-\u200b\u202f\u3000\t]", " ", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"(?m)^ *[*] ", "• ", text)  # a list item, not emphasis
    text = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", text)
    text = re.sub(r" {2,}", " ", text).replace(" \n", "\n").replace("\n ", "\n")
    # "Monday, 4 April 2011 ........ 10:00-13:00 ...... CR 1 (NLB)": a table's dot leaders
    # part its cells
    text = re.sub(r"(?<=[^\s.])[ \t]*+\.{4,}+[ \t]*+(?=[^\s.])", ", ", text)
    text = mend_ocr(text)
    # "circu-" / "2" / "lated": a word the page break cut, joined once the page is out.
    text = words_joined(without_page_debris(text))
    text = dated_lines_apart(text)
    text = days_over_their_hours(text)
    # "2 April 2018 Excellency,": an enclosed letter's dateline and salutation on one line
    text = DATELINE_AND_SALUTATION.sub(r"\g<date>\n\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip(" ")


RN_FOR_M = re.compile(
    r"\b(?:Assernbly|Cornmittee|Cornmission|Decernber|Novernber|Septernber|Chairrnan|Mernber"
    r"|Prograrnme|Sumrnit|Cornmemorative|Sornalia)s?\b"
)


def mend_ocr(text: str) -> str:
    text = DIGITS_READ_AS_LETTERS.sub(
        lambda m: m.group(0).replace("l", "1").replace("I", "1").replace("O", "0"), text
    )
    text = HOUR_READ_AS_LETTERS.sub(
        lambda m: m.group(0).translate(str.maketrans("lIOo", "1100")), text
    )
    text = ONE_FOR_L.sub(r"\1l", text)
    text = GLUED.sub(lambda m: " ".join(g for g in m.groups() if g), text)
    # "27 0ctober", "Permanent 0bservers": a zero that starts a word is an "O".
    text = ZERO_FOR_O.sub("O", text)
    # "to l p.m.": a lone "l" before the half of the day is a one (but "l am pleased" is
    # an "I", so only where a time is said).
    text = re.sub(
        r"\b(at|to|from|until|and)(\s+)l(?=(?:[.:]\d\d)?\s?[ap]\.?\s?m\b)", r"\1\g<2>1", text
    )
    # "Friday, l December 2006": a lone "l" before a month is a one.
    text = re.sub(
        rf"(?<=day,\s)[lI](?=\s+{MONTH}\b)|(?<=\s)[lI](?=\s+{MONTH},?\s+{YEAR})", "1", text
    )
    # "3.OO pm": the minutes of a clock read as letters.
    text = MINUTES_READ_AS_LETTERS.sub(
        lambda m: m.group(0).replace("O", "0").replace("o", "0").replace("l", "1"), text
    )
    # "Excel1ency", "A1l", "Apri1": a one among letters is an "l".
    text = re.sub(r"(?<=[A-Za-z])1(?=[a-z])|(?<=\bApri)1\b", "l", text)
    text = EL_FOR_I.sub(lambda m: (m.group(1) + " " if m.group(1) else "") + "In", text)
    text = BROKEN_WORD.sub("-", text)
    # "which will begin at 11." / "30 a.m.": a clock the line broke after its point.
    text = re.sub(r"\b(\d{1,2})\.\n(\d{2}\s?[ap]\.?\s?m\b)", r"\1.\2", text)
    # "at 11." / "a.m., in the General Assembly Hall": the hour and its half of the day.
    text = re.sub(r"\b(at\s+\d{1,2})\.\n([ap]\.\s?m\.)", r"\1 \2", text)
    # "at 3 .00 pm": a clock OCR split before its point.
    text = re.sub(r"\b(\d{1,2}) \.(\d{2}\s?[ap]\.?\s?m\b)", r"\1.\2", text)
    # "at 3 p.rn.": the "m" of the half of the day read as "rn"
    text = re.sub(r"\b([ap])\.\s?rn\.", r"\1.m.", text)
    # "General Assernbly", "Cornmittee", "Decernber": an "m" read as "rn" in the words
    # letters are made of
    text = RN_FOR_M.sub(lambda m: m.group(0).replace("rn", "m"), text)
    # "Conference Roorn 5", "Meeting Rooin": an "m" read as "rn" or "in".
    text = re.sub(r"\b(Conference|Meeting)(\s+)Roo(?:rn|in|nn)\b", r"\1\2Room", text)
    # "NLB Conference Room l": a room's number read as a letter.
    text = re.sub(r"\b(Conference\s+Room\s+)[lI]\b(?!')", r"\g<1>1", text)
    # "New York, 28" / "September 2006": a dateline the layout broke before its month.
    text = re.sub(
        rf"^([^\n]{{0,80}}\b\d{{1,2}})[ \t]*\n[ \t]*"
        rf"({MONTH}\s*,?\s+{YEAR}[ \t]*)$",
        r"\1 \2",
        text,
        flags=re.M,
    )
    # "Tuesday,9 May 2023": a comma glued to the next number.
    text = re.sub(r"(?<=[A-Za-z]),(?=\d)", ", ", text)
    return words_joined(text)


def words_joined(text: str) -> str:
    """ "consul-" / "tations": a word a line break cut, one word again."""
    return re.sub(
        r"(?<=[a-z])-\n(?=[a-z])",
        lambda m: "-" if COMPOUND.search(text[max(0, m.start() - 8) : m.start()]) else "",
        text,
    )


# "Tuesday, 10 April 2001, 1500 - 1800 hrs": a line that starts with a full date.
DATED_LINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}\b"
    # "Tue 10 May     10:00-13:00": a row of a table of two columns, its hours on its line
    r"|^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri)\.?,?\s+\d{1,2}\s+[A-Z][a-z]+\.?,?\s+"
    r"(?=[^\n]*\d[:.]?\d\d)"
    # "3-6 p.m., Tuesday, 3 November 2009, Conference Room 5": the hours first
    rf"|^{HOURS_RANGE},\s+(?:{WEEKDAY},?\s+)?\d{{1,2}}\s+[A-Z][a-z]+"
)


VERB = re.compile(r"\b(?:will|shall|would|is|are|was|were|be|been)\b|[.;]$", re.I)


DATELINE_AND_SALUTATION = re.compile(
    rf"(?m)^(?P<date>(?:{WEEKDAY},?[ \t]+)?{DAY}[ \t]+{MONTH},?[ \t]+{YEAR})[ \t]+"
    r"(?=(?:Your\s+)?Excellenc|Dear\s|Sir\b|Madam\b)"
)


def dated_lines_apart(text: str) -> str:
    """Lines one under another that each start with a full date are a list, one entry a
    line (a date at the start of a single line may be a sentence running on)."""
    lines = text.split("\n")
    # An entry is short and says no verb: "Friday, 12 May 2023 at 3 pm in the same room."
    # under "... on" / "Tuesday, 9 May 2023 at 10.00 am ..., and the second reading on" is
    # a sentence running on.
    dated = [
        bool(DATED_LINE.match(line)) and len(line) <= 70 and not VERB.search(line) for line in lines
    ]
    out: list[str] = []
    for index, line in enumerate(lines):
        listed = dated[index - 1] or (index + 1 < len(lines) and dated[index + 1])
        if index and dated[index] and listed and out and out[-1] != "":
            out.append("")
        out.append(line)
        if (
            DATELINE_ALONE.match(line)
            and (not index or not lines[index - 1].strip() or lines[index - 1].isupper())
            and index + 1 < len(lines)
            and lines[index + 1][:1].isupper()
        ):
            out.append("")  # "20 October 2015" / "The Office of the President ...": a dateline
    return "\n".join(out)


DATELINE_ALONE = re.compile(
    rf"^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY}),?\s+{YEAR}$"
)


# "Tuesday, 12 April 2016" (alone, or with its first hours) over "9 a.m. - 11 a.m. ...",
# "3 p.m. - 5 p.m. ...": a programme's day and its sittings, each under it.
HOURS = r"(?:from\s+)?\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?\s?m\.?|hrs)?\s*(?:-|–|to)\s*\d"
DAY_HEAD = re.compile(
    # ("DAY 1 - Monday, 4 March": the day's number first)
    rf"^(?:(?i:day)\s+\d{{1,2}}\s*[-–—:,]\s*)?(?P<day>(?:{WEEKDAY},?\s+)?(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?)"
    rf"(?P<rest>(?:,?\s+{HOURS}.*)?)$"
)
HOURS_FIRST = re.compile(rf"^{HOURS}")
# A short line without a date or a full stop, over a sitting's hours: its title.
SITTING_TITLE = re.compile(r"^(?=[A-Z])(?![^\n]*\d)[^\n.;:]{3,90}$")


def days_over_their_hours(text: str) -> str:
    """Each sitting a line of its own that starts with its day: "Tuesday, 12 April 2016,
    9 a.m. - 11 a.m. ..." (the day alone on a line above its sittings is taken down)."""
    lines = text.split("\n")
    out: list[str] = []
    day, alone, carried, titled = None, False, False, ""
    for at, line in enumerate(lines):
        head = DAY_HEAD.match(line)
        if head:
            # the day alone is kept until a sitting comes to carry it
            if carried and out and out[-1] != "":
                out.append("")  # the next day of the programme
            day, alone, carried, titled = head["day"], not head["rest"], False, ""
            out.append(line)
            continue
        if day and HOURS_FIRST.match(line):
            # "High-level meeting on chronic kidney disease" / "3 p.m. - 6 p.m., ...": the
            # title under the day and over the sitting goes with it
            title = out.pop() if titled and out and out[-1] == titled else ""
            if alone and out and out[-1].strip() == day:
                out.pop()  # the day goes down into each of its sittings
            alone, carried, titled = False, True, ""
            if out and out[-1] != "":
                out.append("")
            out.append(f"{day}, {title} {line}" if title else f"{day}, {line}")
            continue
        if day and alone and not line.strip() and HOURS_FIRST.match(next_text(lines, at)):
            continue  # "Tuesday, 12 April 2016" / "" / "9:00 a.m. - ...": still its sittings
        if day and carried and line[:1].islower() and not re.search(r"\d", line):
            # "3 p.m. - 6 p.m. Round table 1: Drought early   CR 4" / "warning and
            # preparedness": a cell wrapped under its sitting, whose day goes on below
            out[-1] = f"{out[-1]} {line}"
            continue
        if day and SITTING_TITLE.match(line) and not titled:
            titled = line  # perhaps the title of the day's next sitting
            out.append(line)
            continue
        day, alone, carried, titled = None, False, False, ""
        out.append(line)
    return "\n".join(out)


def next_text(lines: list[str], at: int) -> str:
    """The next line after `at` that is not blank (a few lines on at most)."""
    return next((line for line in lines[at + 1 : at + 4] if line.strip()), "")


# "|   - Tuesday, 5 February 2019": a scan's rule down the margin, a bar that opens the
# line and draws no cell
MARGIN_BAR = re.compile(r"(?m)^[ \t]*\|(?=[^|\n]*$)")
# "| Tuesday, 5th February | 10am - 1pm | CR 4 |": a table drawn with bars; its rule
# "|-----|-----|" draws nothing.
PIPE_TABLE = re.compile(
    r"(?m)(?:^[ \t]*\|[^\n]*\|[ \t]*(?:\n|\Z))+"
    # "CR 6     | Tuesday, May 14 | 3-6 pm": bars between the cells only, two lines or more
    r"|(?:^[ \t]*[^\s|][^\n|]*\|[^\n|]+\|[^\n|]*(?:\n|\Z)){2,}"
)
PIPE_RULE = re.compile(r"^[\s|:+-]+$")


def pipe_rows(text: str) -> str:
    """A table drawn with bars, each row a line of its own with its cells parted by commas;
    a line whose first cell is empty ("|   | 8 February 2022 |   | Council Chamber |")
    finishes the cells of the row above."""
    if "|" not in text:
        return text

    def table(match: re.Match) -> str:
        rows: list[list[str]] = []
        for line in match.group(0).splitlines():
            if PIPE_RULE.match(line):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if rows and not cells[0] and any(cells) and len(cells) == len(rows[-1]):
                rows[-1] = [
                    f"{above} {below}".strip() for above, below in zip(rows[-1], cells, strict=True)
                ]
            else:
                rows.append(cells)
        return "".join("\n" + ", ".join(c for c in cells if c) + "\n" for cells in rows)

    return PIPE_TABLE.sub(table, text)


def without_page_debris(text: str) -> str:
    """Page numbers and repeated letterheads between paragraphs taken out; a sentence a
    page break cut ("... will be held on" / "2" / "14 May") joined again."""
    lines = text.split("\n")
    kept: list[str] = []
    printed: list[str] = []  # a print line, kept (its date may date the letter) but set apart
    seen_text = False
    for line in lines:
        debris = (
            PAGE_NUMBER.match(line)
            or RUNNING_HEAD.match(line)
            or OVERLEAF.match(line)
            or (seen_text and LETTERHEAD.match(line))
        )
        if seen_text and PRINT_LINE.match(line):
            printed.append(line)
            debris = True
        if debris and seen_text:
            # Join across the debris when the sentence runs on: blank lines around it
            # and the next line continues in lower case.
            while kept and kept[-1] == "":
                kept.pop()
            kept.append("\x00")  # where the debris was, decided at the next line
            continue
        if line and kept and kept[-1] in ("", "\x00"):
            marker = kept[-1] == "\x00"
            while kept and kept[-1] in ("", "\x00"):
                marker = marker or kept[-1] == "\x00"
                kept.pop()
            runs_on = (
                kept
                and kept[-1][-1:] not in ".:;!?"
                and (line[:1].islower() or line[:1].isdigit() or RUNS_ON.search(kept[-1]))
            )
            if not (marker and runs_on):
                kept.append("")
                if printed:
                    kept += [*printed, ""]
                    printed = []
        kept.append(line)
        seen_text = seen_text or len(line) > 60  # the letterhead is behind us
    if printed:
        kept += ["", *printed]
    return "\n".join(line for line in kept if line != "\x00")
