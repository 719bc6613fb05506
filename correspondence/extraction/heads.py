from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from correspondence.enums import Sender
from meetings.enums import MeetingKind
from meetings.headquarters import room_key

from .dates import parse_date_mentions, parse_full_date
from .frames import sentences
from .kinds import kind_named
from .resolving import resolve_year
from .results import LetterFacts, Signatory
from .vocabulary import DAY, MONTH, MONTHS, WEEKDAY, YEAR, clean_space, last

# --- Letters and their parts -----------------------------------------------------------

DATE_LINE = re.compile(
    # "Ref: PM/UN/06/2xx        12 May 2006": the reference beside the date
    rf"^[ \t]*(?:(?:Ref(?:erence)?|Our\s+ref|No)\.?[ \t]*:?[ \t]*\S+[ \t]+)?"
    # " ~ 17 March 2017": a speck the scan left before the date
    r"(?:[~`'\u00b7*][ \t]*)?"
    rf"(?:New\s+York,?[ \t]+)?(?:{WEEKDAY},?[ \t]+)?"
    # "New York, the 2nd of February 2007", "New York, 16 of January of 2018", "New York,
    # le 2 October 2008"
    rf"(?:(?:the|le)[ \t]+)?(?:{DAY}(?:[ \t]+of)?[ \t]+{MONTH}(?:,|[ \t]+of)?[ \t]+{YEAR}"
    rf"|{MONTH}[ \t]+{DAY},?[ \t]+{YEAR})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
CLOSING = re.compile(
    r"^[^\n]*?(?:assurances?\s+of\s+(?:my|our|its|their)\s+(?:highest|high|most\s+distinguished)\s+consideration"
    r"|Yours\s+(?:sincerely|faithfully)|^Sincerely|^(?:With\s+)?(?:kind|best|warm(?:est)?)\s+regards"
    r"|^Regards\b)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
SALUTATION = re.compile(
    r"^[ \t]*(?:(?:Your\s+)?Excellency|Excellencies|Dear|Distinguished|Colleagues)"
    r"(?:[ \t,]+[^\n]{0,60})?,[ \t]*$",
    re.I | re.M,
)
# A salutation that starts a line, the body on its line or not ("Excellency, we shall
# hold informal consultations on ...")
GREETS = re.compile(r"[ \t]*(?:(?:Your\s+)?Excellency|Excellencies|Dear\s)[^\n]{0,60}?,", re.I)
ADDRESSEES = re.compile(
    r"^[ \t]*(?:To:?[ \t]+)?(?:All\s+Permanent\s+Representatives|All\s+Member\s+States|"
    r"All\s+Permanent\s+Observers|Permanent\s+Representatives\s+and)",
    re.IGNORECASE | re.MULTILINE,
)
SUBJECT = re.compile(r"^[ \t]*(?:Subject|Re|Ref|Object)[ \t]*:[ \t]*([^\n]+)$", re.I | re.M)


def split_letters(text: str) -> list[tuple[int, str]]:
    """The letter, then each enclosed letter, with their offsets in the text: a new dated
    letter starts after a closing."""
    closings = [m.start() for m in CLOSING.finditer(text)]  # once: linear, not per date
    dates = [m.start() for m in DATE_LINE.finditer(text)]
    parts, start = [], 0
    for match in sorted(
        [*DATE_LINE.finditer(text), *SALUTATION.finditer(text)], key=lambda m: m.start()
    ):
        after = bisect.bisect_left(closings, start)
        if not (
            match.start() > start and after < len(closings) and closings[after] < match.start()
        ):
            continue
        if match.re is SALUTATION:
            # "... highest consideration." / the signature / "-----" / "Excellency,": an
            # enclosed letter that gives no date of its own (one that does starts there)
            closing = closings[bisect.bisect_left(closings, match.start()) - 1]
            dated = bisect.bisect_left(dates, closing) < bisect.bisect_left(dates, match.start())
            if dated or match.start() - closing > UNDATED_ENCLOSURE_AFTER:
                continue
        # "New York, 24 November 2010" at a foot; but a short enclosed letter opens
        # with its salutation
        elif not (
            len(text) - match.end() > FOOT
            or GREETS.match(text, match.end() + 1 + blank_lines(text, match.end()))
        ):
            continue
        parts.append((start, text[start : match.start()]))
        start = match.start()
    parts.append((start, text[start:]))
    return [(offset, part) for offset, part in parts if part.strip()]


# How far below a closing an undated enclosed letter's salutation may come: past the
# signature block, names and titles of the one before.
UNDATED_ENCLOSURE_AFTER = 500


def blank_lines(text: str, at: int) -> int:
    """How many characters of blank lines follow the end of the line at `at`."""
    below = text[at + 1 : at + 80]
    return len(below) - len(below.lstrip("\n \t"))


def body_of(part: str) -> tuple[int, str]:
    """The text between the salutation (or the date) and the closing formula, and
    where it starts in the part."""
    start = 0
    salutation = SALUTATION.search(part[:5000])
    header = None
    for field in HEADER_FIELD.finditer(part[:3000]):  # the head lines, one after another
        if header is not None and field.start() - header.end() > 300:
            break
        header = field
    if salutation:
        start = salutation.end()
    elif header:
        # A memorandum: the body starts after the paragraph of its last head line.
        blank = part.find("\n\n", header.start())
        start = blank if blank >= 0 else header.end()
    elif as_at := AS_AT.search(part[:1500]):
        # "*** REVISED PROGRAMME ***" / "(as at 24 March 2023)": a note's head ends there
        start = as_at.end()
    else:
        dated = DATE_LINE.search(part)
        # (a short note too: less below its date than above it)
        if dated and len(part) - dated.end() < min(FOOT, dated.start()):
            # A summary dated at its foot: the body is all that is above the date.
            return 0, part[: dated.start()]
        if dated:
            start = dated.end()
    closing = CLOSING.search(part, start)
    if closing is None:
        return start, part[start:]
    # "... at 10 a.m. in the General" / "Assembly Hall. Please accept, Excellency, the
    # assurances ...": the body runs on to where the closing formula starts.
    formula = FORMULA.search(closing.group(0))
    end = closing.start() + (formula.start() if formula else 0)
    return start, part[start:end]


FORMULA = re.compile(r"(?<![^\s.;:])(?:Please\s+accept|Accept|I\s+avail|Yours|Sincerely)\b")


# Below the closing, an annex's heading: "ANNEX", "Annex II", "Annex: Indicative
# programme", "PROGRAMME OF INFORMAL CONSULTATIONS".
ANNEX_HEAD = re.compile(
    r"^[ \t]*(?:(?i:annex|appendix|enclosure|attachment)\b[^\n]{0,120}"
    r"|(?:[A-Z]+[ \t]+){0,4}(?:PROGRAMME|PROGRAM|SCHEDULE|CALENDAR|TIMETABLE)\b"
    r"[A-Z \t,:-]{0,100})$",
    re.M,
)


# "I am pleased to enclose the programme he has prepared for the round": meetings of a
# kind the annex itself may say.
SETS_OUT = re.compile(
    r"\b(?:programme|program|schedule|calendar|timetable|overview|meetings|round)\b", re.I
)
# "four rounds of informal consultations, as set out in the annex": the body says
# that the annex holds meetings.
ANNEXED = re.compile(
    r"\b(?:annex(?:ed|es)?|attach(?:ed|es|ing|ment)?|append(?:ed)?|enclos(?:e|ed|es|ing|ure)"
    r"|transmit(?:s|ted|ting)?)\b",
    re.I,
)


@dataclass
class Annex:
    """The annexes below a letter's closing, as the body announces them."""

    start: int  # in the part
    text: str
    kind: MeetingKind | None  # of the meetings the body says they set out, if it names one
    said: str  # the body's sentences that speak of them


def annex_of(part: str) -> Annex | None:
    """The annexes below the letter's closing, when a sentence of the body says they set
    out meetings; an annex of others' events, or of documents, stays unread."""
    body_start, body = body_of(part)
    if not ANNEXED.search(body):
        return None  # most letters: no annex said, no sentence to look at
    told = [sentence for _at, sentence in sentences(body)]
    at = [
        index
        for index, sentence in enumerate(told)
        if ANNEXED.search(sentence) and (kind_named(sentence) or SETS_OUT.search(sentence))
    ]
    if not at:
        return None
    said = [told[index] for index in at]
    kind = next((k for k in map(kind_named, said) if k is not None), None)
    # "A tentative schedule is attached as an annex. All meetings will be held in
    # Conference Room 1.": the sentence after goes on about them.
    said += told[at[-1] + 1 : at[-1] + 2]
    # "All meetings will begin at 10 a.m. and be held in the Trusteeship Council Chamber.
    # The programme is annexed.": so does the sentence before, when it speaks of them all.
    if at[0] and FOR_THEM_ALL.search(told[at[0] - 1]):
        said.insert(0, told[at[0] - 1])
    closing = CLOSING.search(part, body_start + len(body))
    if closing is None:
        return None
    head = ANNEX_HEAD.search(part, closing.end())
    if head is None:
        return None
    title = " ".join(
        [line for line in part[head.start() :].split("\n", 12)[:12] if line.strip()][:3]
    )
    # (not "Indicative programme of informal consultations on the modalities of the
    # Conference on Inland Fisheries": the Assembly's consultations on a conference)
    if ANOTHER_PROGRAMME.search(title) and kind_named(title) is None:
        return None
    return Annex(head.start(), part[head.start() :], kind, " ".join(said))


FOR_THEM_ALL = re.compile(
    r"\b(?:all|each)\s+(?:of\s+)?(?:the\s+)?(?:meetings|consultations|sessions)\b", re.I
)
# "World Conference of Coastal Cities - provisional programme": an annex setting out
# another's event.
ANOTHER_PROGRAMME = re.compile(
    r"\b(?:Conference(?!\s+(?:Room|Rm|Building))|Forum|Summit|Congress|Symposium|Expo|Festival)\b"
)


# "*** REVISED PROGRAMME ***" / "(as at 24 March 2014)": a note's date under its title
AS_AT = re.compile(
    r"^[ \t]*\((?:as\s+(?:at|of)|revised|updated|issued)\s*:?\s*"
    r"([^\n()]{2,34}\b(?:19|20)\d\d)\)[ \t]*$",
    re.I | re.M,
)


FOOT = 300  # what may follow a summary's date at its foot (a symbol, a page number)


# The date line of a memorandum or an e-mail: "Date:    9 April 2001", "Sent: Friday,
# May 24, 2019 4:18 PM".
HEADER_DATE = re.compile(
    # "TO: Mr. X    DATE: 14 May 2001": the form's date field beside another.
    # "Revised: 1 March 2024": the date a programme of work was issued in its new form.
    # ("|Sent: ...", "> Date: ...": a head quoted or framed in a forwarded e-mail)
    r"^[|>]?[ \t]*(?:(?i:Date|Sent|Revised|Issued|Updated|As\s+(?:at|of))|[^\n]{0,120}?[ \t]DATE"
    # "From: Mission of Ardelle Sent: Friday, 22 July 2016": an e-mail's head on one line
    r"|[^\n]{0,120}?[ \t](?i:Sent))"
    r"[ \t]*:[ \t]*([^\n]{6,80})$",
    re.M,
)
# The other lines of such a head, and the lines that continue them.
HEADER_FIELD = re.compile(r"^[|>]?[ \t]*(?:To|From|Date|Sent|Subject|Re)[ \t]*:", re.I | re.M)
# "Issued by the Office of the President, Friday, 11 October 2024": a note dated at its foot
ISSUED_LINE = re.compile(
    r"^[ \t]*Issued\b[^\n]{0,80}?[ ,]"
    r"((?:[A-Z][a-z]+day,?[ \t]+)?\d{1,2}[ \t]+[A-Z][a-z]+,?[ \t]+\d{4})[ \t.]*$",
    re.M,
)
# A dateline OCR made unreadable: "IS November, 2013", "2S July 2012".
UNREADABLE_DATE_LINE = re.compile(
    rf"^[ \t]*(?:New\s+York,?[ \t]+)?(?P<day>[0-9IlOoSs|?]{{1,2}})[ \t]+"
    rf"(?P<month>{MONTH}),?[ \t]+(?P<year>{YEAR})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


# The print line under a document's symbol: "19-19872 (E)    131119" (13 November 2019).
PRINTED = re.compile(r"\b\d{2}-\d{5}\s*\(E\)\s+(\d{2})(\d{2})(\d{2})\b")
# Characters OCR gives for digits.
OCR_DIGITS = str.maketrans("IlOoSs|", "1100551")


def day_made_certain(part: str, day: str, month: int, year: int) -> date | None:
    """The day of an unreadable dateline, when the rest of the letter makes it certain:
    the digits OCR would have misread give a day, and the document's print line says
    that very date."""
    read = day.translate(OCR_DIGITS)
    if not read.isdigit():
        return None
    for printed in PRINTED.finditer(part):
        dd, mm, yy = (int(g) for g in printed.groups())
        if (dd, mm, 2000 + yy) == (int(read), month, year):
            return date(year, month, dd)
    return None


def date_of(part: str) -> tuple[date | None, date | None, list[str]]:
    """The letter's date; else the first of the month of a dateline whose day could not
    be read, to place dates without a year, with a warning."""
    dated = DATE_LINE.search(part[:3000])
    if dated:
        return parse_full_date(dated.group(0)), None, []
    header = HEADER_DATE.search(part[:3000]) or AS_AT.search(part[:3000])
    if header and parse_full_date(header.group(1)):
        return parse_full_date(header.group(1)), None, []
    if header:
        # "Sent: Monday, May" / "10, 2021 4:12 PM To: ...": the date goes on in the next line
        following = part[header.end(1) : header.end(1) + 40]
        if said := parse_full_date(header.group(1) + " " + following.lstrip("\n")):
            return said, None, []
    issued = ISSUED_LINE.search(part)
    if issued and parse_full_date(issued.group(1)):
        return parse_full_date(issued.group(1)), None, []
    unreadable = UNREADABLE_DATE_LINE.search(part[:3000])
    if unreadable:
        month = MONTHS[unreadable["month"].rstrip(".").casefold()]
        certain = day_made_certain(part, unreadable["day"], month, int(unreadable["year"]))
        if certain:
            return (
                certain,
                None,
                [
                    f'The letter\'s date "{clean_space(unreadable.group(0))}" was read as '
                    f"{certain.day} {certain:%B %Y}, the date its document symbol was printed."
                ],
            )
        return (
            None,
            date(int(unreadable["year"]), month, 1),
            [
                f'The day of the letter\'s date "{clean_space(unreadable.group(0))}" could '
                "not be read: the year and month are taken from it; enter the date by hand."
            ],
        )
    return None, None, []


def read_letter(part: str, *, presidents: tuple[str, ...] = ()) -> LetterFacts:
    dated = DATE_LINE.search(part[:3000]) or HEADER_DATE.search(part[:3000])
    letter_date, reference_date, warnings = date_of(part)
    subject = SUBJECT.search(part)
    signatories = read_signatories(part)
    letterhead = part[: dated.start()] if dated else ""
    is_pga = bool(re.search(r"president\s+of\s+the\s+general\s+assembly", letterhead, re.I))
    known = {room_key(name) for name in presidents if name}
    if is_pga or any(room_key(s.name) in known for s in signatories):
        signatories = [
            s
            if s.title or (room_key(s.name) not in known and not is_pga)
            else Signatory(s.name, "President of the General Assembly", s.state, s.honorific)
            for s in signatories
        ]
    return LetterFacts(
        date=letter_date,
        sender=sender_of(part, signatories, is_pga=is_pga),
        signatories=signatories,
        addressees=read_addressees(part),
        subject=clean_space(subject.group(1)) if subject else None,
        further_to=further_to(part, letter_date),
        text=part.strip(),
        reference_date=reference_date,
        warnings=warnings,
    )


def sender_of(part: str, signatories: list[Signatory], *, is_pga: bool) -> str | None:
    titles = " ".join(s.title or "" for s in signatories)
    if is_pga or "President of the General Assembly" in titles:
        return Sender.PGA
    if re.search(r"\bChair(?:man|person)?\b.*\bCommittee\b", titles):
        return Sender.COMMITTEE_CHAIR
    if re.search(r"on\s+behalf\s+of\s+the\s+co-?facilitators", part, re.I):
        return Sender.CO_FACILITATORS
    if re.search(r"^From:[^\n]*President\s+of\s+the\s+General\s+Assembly", part, re.I | re.M):
        return Sender.PGA
    if len(signatories) >= 2 or re.search(r"co-?facilitators'|co-?chairs'|\bwe\b", part, re.I):
        if re.search(r"co-?chairs?", part, re.I):
            return Sender.CO_CHAIRS
        if len(signatories) >= 2 or re.search(r"co-?facilitators?", part, re.I):
            return Sender.CO_FACILITATORS
    return None


HONORIFIC = re.compile(
    r"^(?:(?:H\.\s*E\.|His\s+Excellency|Her\s+Excellency|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|"
    r"Ambassador|Amb\.)\s+)+",
    re.IGNORECASE,
)
TITLE = re.compile(
    r"\b(?P<title>(?:Deputy\s+)?Permanent\s+(?:Representative|Observer)|Charg[eé]\s+d'affaires(?:\s+a\.\s*i\.)?"
    r"|President\s+of\s+the\s+General\s+Assembly|Chair(?:man|person)?\s+of\s+the\s+[\w\s()]+?Committee"
    r"|Co-?[Ff]acilitators?|Co-?[Cc]hairs?)"
    r"(?:\s+of\s+(?P<state>.+?))?\s*(?:to\s+the\s+United\s+Nations)?\s*(?:,\s*New\s+York)?\s*$",
    re.IGNORECASE,
)
NOT_A_NAME = re.compile(
    r"signature|signed|stamp|^\(|^\[|enclosure|^cc\b|^to\b|^all\b|united\s+nations|new\s+york",
    re.IGNORECASE,
)


def read_signatories(part: str) -> list[Signatory]:
    closing = last(CLOSING.finditer(part))
    if closing is None:
        return []
    block = part[closing.end() :]
    addressed = ADDRESSEES.search(block)
    if addressed:
        block = block[: addressed.start()]
    # A title broken over lines ("... of Belgium" / "to the United Nations") is one line.
    lines = [clean_space(line) for line in block.split("\n") if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and re.match(r"^(?:to\s+the\s+United\s+Nations|of\s+|and\s+)", line, re.I):
            joined[-1] += " " + line
        else:
            joined.append(line)
    signatories: list[Signatory] = []
    for line in joined:
        if len(line) > 200 or (NOT_A_NAME.search(line) and not TITLE.search(line)):
            continue
        honorific = HONORIFIC.match(line)
        rest = line[honorific.end() :] if honorific else line
        title = TITLE.search(rest)
        name = clean_space(rest[: title.start()] if title else rest).strip(" ,")
        if (
            title
            and not name
            and re.match(r"co-?(?:facilitators|chairs)\b", title.group("title"), re.I)
        ):
            continue  # "Co-facilitators" under the names labels them all
        if title and not name and signatories and signatories[-1].title is not None:
            # A second role on its own line ("Chair of the Second Committee").
            previous = signatories.pop()
            line_title = clean_space(title.group(0)).strip(" ,")
            signatories.append(
                Signatory(
                    previous.name,
                    f"{previous.title}, {line_title}",
                    previous.state,
                    previous.honorific,
                )
            )
            continue
        if title and not name and signatories and signatories[-1].title is None:
            # The title on the line below the name.
            previous = signatories.pop()
            name, honorific_text = previous.name, previous.honorific
        else:
            honorific_text = clean_space(honorific.group(0)) if honorific else None
        if not name or not looks_like_name(name):
            continue
        state = title.group("state") if title and title.group("state") else None
        if state:
            state = re.sub(r"^the\s+", "", clean_space(state), flags=re.I).strip(" ,.")
        signatories.append(
            Signatory(
                name=name,
                title=clean_space(title.group("title")) if title else None,
                state=state or None,
                honorific=honorific_text,
            )
        )
    return signatories


def looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 8
        and words[0][:1].isupper()
        and not text.endswith((".", ":", ","))
        and not re.search(r"\d", text)
    )


def read_addressees(part: str) -> str | None:
    found = last(ADDRESSEES.finditer(part))
    if found is None:
        return None
    lines = []
    for line in part[found.start() :].split("\n"):
        if not line.strip():
            if lines:
                break
            continue
        lines.append(line.strip())
    text = clean_space(" ".join(lines))
    text = re.sub(r"^To:?\s+", "", text, flags=re.I)
    return re.sub(r"\s*,?\s+New\s+York\.?$", ", New York", text)


def further_to(part: str, letter_date: date | None) -> list[date]:
    """The earlier letters this one refers to ("Further to my letter dated 12 June")."""
    found = []
    pattern = (
        rf"\b(?:further\s+to|refer(?:ence|ring)?\s+to|following\s+up\s+on)\s+(?:my|our|the)\s+"
        rf"(?:\w+\s+){{0,2}}letters?\s+(?:dated|of)\s+"
        rf"((?:{WEEKDAY},?\s+)?(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?)"
    )
    for match in re.finditer(pattern, part, re.IGNORECASE):
        mention = parse_date_mentions(match.group(1))
        if mention and mention[0].days:
            day = resolve_year(mention[0].days[0], letter_date, past=True)
            if day:
                found.append(day)
    return found
