"""Tables as a PDF gives them: columns of cells set apart by runs of spaces, a cell's
words running on over the lines below ("Trusteeship" / "Council" / "Chamber").

Each row of such a table becomes one line of its own, its cells in column order and
separated by commas, with the words each cell carried over the lines below put back
in it: "Thursday, 14 May 2015, 10 a.m. - 1 p.m., Trusteeship Council Chamber, Second
reading". Rows are set apart by a blank line, so that each reads as one sentence.

Only what is surely a table is reflowed: at least two lines of three cells or more
whose columns line up, and a date in it (a signature block in columns has none).
Linear in the text: each line is looked at a bounded number of times.
"""

from __future__ import annotations

import re

from .vocabulary import MONTH

# Cells are set apart by three spaces or more (two may follow a full stop in prose).
CELL = re.compile(r"\S+(?: {1,2}\S+)*")
GAP = re.compile(r"\S {3,}\S")
RULE = re.compile(r"^[\s\-=_–—+|]{5,}$")  # "-------": a rule between rows
HAS_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}([/.])\d{{1,2}}\1\d{{4}}\b",
    re.I,
)
# The fields of a memorandum's head, in English and French ("TO: / A:", "DATE:").
HEAD_FIELD = re.compile(
    r"^(?:to|a|from|de|date|through|s/c\s+de|reference|ref|subject|objet|cc|sent)\s*:", re.I
)
NUMBER_ONLY = re.compile(r"^\d{1,2}\.?$")
# "Tuesday," or "Tuesday - Wednesday": the weekdays of a date the line below gives.
WEEKDAY_ONLY = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?"
    r"(?:\s*(?:[-–—]|to|and)(?:\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)?)?$",
    re.I,
)
SLACK = 2  # how far a cell may start from its column
DATED_WITHIN = 4  # rows (the head and the first rows) in which a table gives a date


def cells_of(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in CELL.finditer(line)]


def is_row(cells: list[tuple[int, str]]) -> bool:
    return len(cells) >= 3


# Within a table, two spaces set cells apart too when the next starts at a column.
NARROW_CELL = re.compile(r"\S+(?: \S+)*")


def cells_in_table(line: str, allowed: set[int]) -> list[tuple[int, str]]:
    """The cells of a line under the table's head: a full cell may leave only two spaces
    before the next column ("Wednesday, 10 May 2023  3 p.m. - 6 p.m.")."""
    cells: list[tuple[int, str]] = []
    for match in NARROW_CELL.finditer(line):
        if cells and match.start() not in allowed:
            start = cells[-1][0]
            cells[-1] = (start, line[start : match.end()])
        else:
            cells.append((match.start(), match.group(0)))
    return cells


def lines_up(allowed: set[int], cells: list[tuple[int, str]]) -> bool:
    return all(start in allowed for start, _ in cells)


def reflowed(text: str) -> str:
    if not GAP.search(text):  # no run of spaces between words: no table
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        end, rows = table_at(lines, index)
        if rows is None:  # not a table: the lines as they are, none looked at twice
            out += lines[index:end]
            index = end
            continue
        out.append("")
        for row in rows:
            out += [", ".join(cell for cell in row if cell), ""]
        index = end
    return "\n".join(out)


def table_at(lines: list[str], index: int) -> tuple[int, list[list[str]] | None]:
    """The rows of the table that starts at line `index`, and the line after it."""
    first = cells_of(lines[index])
    if not is_row(first) or not GAP.search(lines[index]):
        return index + 1, None
    if any(HEAD_FIELD.match(words) for _, words in first):
        return index + 1, None  # a memorandum's head: "TO: ...    DATE: 14 May 2001"
    columns = [start for start, _ in first]
    allowed = {c + d for c in columns for d in range(-SLACK, SLACK + 1)}
    rows: list[list[str]] = [[""] * len(columns)]
    place(rows[-1], columns, first)
    full_rows, end = 1, index + 1
    while end < len(lines):
        line = lines[end]
        if not line.strip():
            after = end + 1
            if after < len(lines) and is_row(cells_of(lines[after])):
                end += 1
                continue
            break
        if RULE.match(line):
            end += 1
            continue
        cells = cells_in_table(line, allowed)
        if len(cells) == 1 and PROSE.search(cells[0][1]) and len(cells[0][1]) > 40:
            break  # "A final meeting ... is foreseen for May.": the letter goes on below it
        if (
            len(cells) == 1
            and NUMBER_ONLY.match(rows[-1][0])
            and not HAS_DATE.search(cells[0][1])
            and wrapped_last_cell(line, lines, end, allowed)
        ):
            # "1    Tuesday, 4 March   ...   Conference Room 2 (NLB)" / "Categories of
            # membership" at the margin: the numbered row's last cell, not its number's.
            last = max(i for i, cell in enumerate(rows[-1]) if cell)
            rows[-1][last] = f"{rows[-1][last]} {line.strip()}"
            end += 1
            continue
        if len(cells) == 1 and (
            open_cells := [i for i, cell in enumerate(rows[-1]) if finishes_room(cell, cells[0][1])]
        ):
            # "... Trusteeship Council" / "Chamber" at the margin: the room's last word
            rows[-1][open_cells[-1]] += f" {cells[0][1]}"
            end += 1
            continue
        if not lines_up(allowed, cells):
            if wrapped_last_cell(line, lines, end, allowed) and full_rows > 1:
                # "Categories of membership" / "Wednesday 9 April" at the margin, between two
                # rows: the last cell of the row above, which the PDF lost the indent of.
                last = max(i for i, cell in enumerate(rows[-1]) if cell) if any(rows[-1]) else 0
                rows[-1][last] = f"{rows[-1][last]} {line.strip()}".strip()
                end += 1
                continue
            break
        if full_rows == DATED_WITHIN and not any(HAS_DATE.search(" ".join(r)) for r in rows):
            return end, None  # a table of meetings gives a date in its first rows
        # "Wednesday," / "17 March 2021": a date that finishes the first cell of a row
        # which gave only the weekday goes on in that row.
        finishes = finishes_row(rows[-1], columns, cells)
        if not finishes and (left := another_sitting(rows[-1], columns, cells)) is not None:
            # "Tuesday, 12 April   9:00 - 11:00 a.m.   Ms. A" / "   11:00 a.m. - 1:00 p.m.
            # Mr. B": another sitting of the row's day, under the day left blank.
            above = rows[-1]
            rows.append(above[:left] + [""] * (len(columns) - left))
            full_rows += 1
            for start, words in cells:
                column = column_of(columns, start)
                if finishes_room(above[column], words):
                    # "Conference" / "Room 7" beside both sittings: the one room of both
                    above[column] = rows[-1][column] = f"{above[column]} {words}"
                else:
                    place(rows[-1], columns, [(start, words)])
            end += 1
            continue
        starts_row = not finishes and (
            is_row(cells)
            or (abs(cells[0][0] - columns[0]) <= SLACK and HAS_DATE.search(cells[0][1]))
        )
        if starts_row:
            rows.append([""] * len(columns))
            full_rows += 1
        place(rows[-1], columns, cells)
        end += 1
    if full_rows < 2 or not any(HAS_DATE.search(" ".join(row)) for row in rows):
        return end, None
    return end, rows


IN_BRACKETS = re.compile(r"^\((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\)$", re.I)
# "10 a.m. -" / "1 p.m.": hours that go on in the line below.
OPEN_HOURS = re.compile(r"\d[^-–—]*(?:[-–—]|\bto)$")
HOURS_START = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|noon|hrs)?", re.I)


def finishes_row(row: list[str], columns: list[int], cells: list[tuple[int, str]]) -> bool:
    """ "Tuesday," / "9 February", or "10 a.m. -" / "1 p.m.": a line whose cells finish
    what a cell of the row above left open goes on in that row."""
    for start, words in cells:
        above = row[column_of(columns, start)]
        if HAS_DATE.search(above) and IN_BRACKETS.match(words):
            return True  # "2 February 2017" / "(Thursday)   10:00 - 13:00   CR 7"
        if WEEKDAY_ONLY.match(above) and HAS_DATE.search(words):
            return abs(start - columns[column_of(columns, start)]) <= SLACK
        if above and OPEN_HOURS.search(above) and HOURS_START.match(words):
            return True
    return False


# A line of prose below a table (a verb in it): no cell of the table.
PROSE = re.compile(r"\b(?:is|are|was|were|will|shall|would|has|have|be)\b")
# "Trusteeship Council" / "Chamber": a room's name the line below finishes.
ROOM_OPEN = re.compile(r"\b(?:Conference|Council|Trusteeship|ECOSOC|General\s+Assembly)$")
ROOM_GOES_ON = re.compile(r"^(?:Room|Chamber|Hall|Council)\b")


def finishes_room(cell: str, words: str) -> bool:
    """ "Trusteeship Council" / "Chamber": the words finish the room the cell above opens."""
    return bool(ROOM_OPEN.search(cell) and ROOM_GOES_ON.match(words))


CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?\s?m\.?|hrs)?|\s*[ap]\.?\s?m\.?)", re.I)


def another_sitting(row: list[str], columns: list[int], cells: list[tuple[int, str]]) -> int | None:
    """Where the hours of a line are, when the line leaves the day blank and gives other
    hours in the column where the row above has its own, finished hours: another sitting
    of the row's day (the cells left of the hours are the day's, and carried)."""
    if not HAS_DATE.search(row[0]) or column_of(columns, cells[0][0]) == 0:
        return None
    start, words = cells[0]
    column = column_of(columns, start)
    above = row[column]
    if CLOCK.match(words) and CLOCK.match(above) and not OPEN_HOURS.search(above):
        return column
    return None


def column_of(columns: list[int], start: int) -> int:
    return max((i for i, c in enumerate(columns) if c <= start + SLACK), default=0)


def wrapped_last_cell(line: str, lines: list[str], at: int, allowed: set[int]) -> bool:
    """A short line of one cell that a row of the table follows."""
    if len(line.strip()) > 40 or len(cells_of(line)) != 1:
        return False
    after = at + 1
    if after >= len(lines) or not lines[after].strip():
        return False
    following = cells_in_table(lines[after], allowed)
    return is_row(following) and lines_up(allowed, following)


def place(row: list[str], columns: list[int], cells: list[tuple[int, str]]) -> None:
    """The cells of a line, each added to the words of its column in the row."""
    for start, words in cells:
        column = column_of(columns, start)
        row[column] = f"{row[column]} {words}".strip()
