from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from meetings.enums import DeadlineKind, MeetingKind

from .dates import DateMention
from .vocabulary import DAY, MONTH, WEEKDAY

# The kinds as the office names them, in order of precedence: a "high-level plenary
# meeting" is a high-level meeting, an "informal thematic debate" a thematic debate.
KIND_PATTERNS: list[tuple[MeetingKind, str]] = [
    # "will consist of an opening segment, a plenary segment and a closing segment": parts
    # of the meeting named, of no kind of their own.
    (MeetingKind.OTHER, r"(?:opening|plenary|closing)\s+segments?"),
    # "The debate on agenda item 122": the Assembly's plenary debates its agenda items.
    # "The joint debate will be held on 21 and 22 October": agenda items debated together.
    (
        MeetingKind.PLENARY,
        r"(?:joint\s+)?debates?\s+on\s+(?:the\s+)?agenda\s+items?|joint\s+debates?",
    ),
    (MeetingKind.STOCKTAKING, r"stock-?\s?taking(?:\s+(?:meetings?|events?|sessions?))?"),
    (
        MeetingKind.HEARING,
        r"(?:(?:interactive|informal|multi-?\s?stakeholder)\s+){0,3}hearings?",
    ),
    # "Voting will take place in the General Assembly Hall on Wednesday, 17 June"
    # "the General Assembly will elect the President of its seventy-eighth session on"
    (
        MeetingKind.ELECTION,
        r"elections?|voting(?=\s+(?:will|shall|is\s+to)\b)|(?<=will\s)elect(?=\s+(?:the|its|a|\w+\s+members)\b)",
    ),
    # The Assembly's general debate is held in plenary meetings; "the general debate week"
    # is a stretch of days, not a debate.
    # not "a general debate on the revitalization agenda" in a working group's meeting
    (MeetingKind.PLENARY, r"general\s+debate(?!\s+week)(?!\s+on\s+(?!the\s+theme))"),
    (MeetingKind.THEMATIC_DEBATE, r"thematic\s+debates?|(?<!general\s)debate(?!\s+week)"),
    (
        MeetingKind.HIGH_LEVEL,
        r"high[-\s]level\s+(?:plenary\s+)?(?:meetings?|events?|segment)"
        # "Summit-level meeting on the review of the Compact"
        r"|summit[-\s]level\s+(?:plenary\s+)?meetings?"
        # "... will be held from 17 May to 20 May 2022 ... as a high-level plenary"
        r"|high[-\s]level\s+plenary(?!\s+(?:segment|debate)s?\b)",
    ),
    (MeetingKind.DIALOGUE, r"(?:interactive\s+)?dialogues?"),
    (MeetingKind.PANEL, r"panel(?:\s+discussions?)?s?|round[-\s]?tables?"),
    # "The President of the Security Council will brief the General Assembly on 20 April"
    # "On 1 July, the Secretary-General briefed Member States virtually"
    (
        MeetingKind.BRIEFING,
        r"briefings?|(?:will|to|would|shall)\s+(?:also\s+)?brief\b"
        r"|briefed\s+(?:the\s+)?(?:Member\s+States|membership|delegations|(?:General\s+)?Assembly)",
    ),
    (
        MeetingKind.NEGOTIATION,
        r"intergovernmental\s+negotiations?|negotiat(?:ion|ing)\s+sessions?"
        # "The first drafting session will be held as follows:" (a text negotiated)
        r"|drafting\s+sessions?"
        r"|rounds?\s+of\s+(?:intergovernmental\s+)?negotiations|negotiations|IGN(?:\s+meetings?)?",
    ),
    (
        MeetingKind.INFORMAL_CONSULTATION,
        # "a first reading of the zero draft": the consultation that reads it
        r"(?:first|second|third|final|line-by-line|paragraph-by-paragraph)\s+readings?\b|"
        # ("in consultation with the candidates", "after consultations with the Bureau": how
        # something was decided, no meeting)
        r"informal\s+(?:consultations?|meetings?|sessions?)"
        r"|(?<!\bin\s)(?<!\bafter\s)consultations?(?!\s+with\b)|informals?\b"
        # a bare "informal" is the meeting ("a third informal"), not "an informal retreat"
        r"(?!\s+(?:[a-z-]+\s+)?(?:retreat|meeting|dialogue|briefing|debate|plenary|panel"
        r"|session|event|segment|General|thematic|interactive|high-level|hearing"
        # "issued as an informal paper": a document, not a meeting
        r"|paper|non-paper|note|text|document|draft|version|compilation"
        # "youth employment and the informal economy": a topic's words
        r"|economy|sector|settlements?|employment|workers?|work|trade|markets?))",
    ),
    # "to the Assembly for action on 14 July": the plenary meeting that takes it up.
    (
        MeetingKind.PLENARY,
        r"plenary(?:\s+meetings?)?"
        r"|(?:to\s+the\s+)?(?:General\s+)?Assembly\s+for\s+(?:its\s+)?(?:action|adoption)"
        # "The General Assembly will take action on the draft resolution on 25 April"
        r"|(?:General\s+)?Assembly\s+(?:will|would|shall|is\s+expected\s+to|is\s+to)\s+"
        r"(?:take\s+(?:action|a\s+decision)|act|vote|consider)\b"
        # "Action on the draft resolution will be taken", "the adoption of the draft
        # resolution is scheduled for": the plenary that takes it.
        r"|action\s+on\s+(?:the\s+)?draft\s+\w+\s+(?:will|would|shall|is\s+expected\s+to)\s+be"
        r"\s+taken|adoption\s+of\s+the\s+draft\s+(?:resolution|decision|declaration|outcome)"
        # "• 5 May: adoption in the General Assembly Hall" (not a resolution's own date)
        r"|adoption(?!\s+of\b)",
    ),
    (
        MeetingKind.OTHER,
        # ("the forum ... is meeting virtually from 7 to 16 July": a verb, no meeting named)
        r"(?<!\bis\s)(?<!\bare\s)meeting\b|meetings|sessions?|retreat|workshop|event|seminars?"
        r"|webinars?"
        # "the initial exchange of views held on 11 February": one of the process's
        # (not "for a general exchange of views": what a meeting is for)
        r"|(?<!for\sa\s)(?<!for\san\s)(?<!general\s)exchanges?\s+of\s+views"
        r"|ceremon(?:y|ies)|commemorations?|celebrations?|observances?"
        # "two small-format expert exchanges: on Tuesday 14 May, ..."
        r"|expert(?:[-\s]level)?\s+(?:exchanges?|meetings?|sessions?)"
        # "a third round is scheduled for": one more of what the letter is about
        r"|(?:first|second|third|fourth|fifth|next|further|final|another|new|previous|last)"
        r"\s+round",
    ),
]
DEADLINE_PATTERNS: list[tuple[DeadlineKind, str]] = [
    (DeadlineKind.OTHER, r"draft\s+(?:proposals?|resolutions?|decisions?)"),
    (DeadlineKind.ZERO_DRAFT, r"zero\s+draft"),
    (
        DeadlineKind.REVISED_DRAFT,
        r"(?:revised|updated|second|new)\s+(?:draft|text|version)|rev\.\s*\d"
        # "We would circulate a further revision on 7 April"
        r"|(?:further|new|second|third)\s+revision",
    ),
    (DeadlineKind.SILENCE_PROCEDURE, r"silence\s+procedure|under\s+silence"),
    (
        DeadlineKind.WRITTEN_INPUTS,
        r"(?:written\s+)?(?:inputs|comments|submissions|contributions|proposals|amendments"
        r"|responses|replies|candidatures|nominations|names\s+of\s+(?:their\s+)?candidates)",
    ),
    (DeadlineKind.OTHER, r"deadline|draft|list\s+of\s+speakers|registration"),
]
DEADLINE_TRIGGER = re.compile(
    # "the list of speakers ... will close on": a list opens and closes, it never meets.
    r"\b(?:circulat\w*|submi\w*|send|sent|shar(?:e|es|ed)\b|deadline|due|COB|close\s+of\s+business"
    r"|list\s+of\s+speakers"
    # "We intend to present a zero draft on 7 April": a paper's day
    r"|(?:present|issu|releas)\w*\s+(?:a|the|our)\s+(?:zero|first|revised)\s+draft"
    # (but "the meeting ... will close by 6 p.m.": when it ends, no deadline)
    r"|no\s+later\s+than|(?<!close\s)(?<!\bend\s)(?<!conclude\s)(?<!finish\s)"
    r"by\s+(?:" + WEEKDAY + r"|" + DAY + r"\s+" + MONTH + r"|\d)|silence)\b",
    re.IGNORECASE,
)


# --- Announcements ---------------------------------------------------------------------


@dataclass
class KindMention:
    start: int
    end: int
    kind: MeetingKind | DeadlineKind
    is_deadline: bool = False


ASSEMBLY_SESSION = re.compile(
    r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+|\d+(?:st|nd|rd|th)"
    r"|tenth|eleventh|twelfth|\w+teenth|\w+tieth|resumed|special|regular|substantive"
    r"|emergency\s+special)\s+$",
    re.I,
)
# "the schedule for the first reading of the draft: 13-14 February": the draft is what the
# meeting reads, not a paper due
READ_AT_A_MEETING = re.compile(r"\breadings?\s+of\s+(?:the\s+|our\s+)?$", re.I)
NEGATED = re.compile(r"(?:^|\W)(?:no|neither|nor)\s+(?:[\w-]+\s+){0,2}$", re.I)


def find_kinds(sentence: str) -> list[KindMention]:
    found: list[KindMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= k.start or start >= k.end for k in found)

    for kind, pattern in KIND_PATTERNS:
        for match in re.finditer(rf"\b(?:{pattern})\b", sentence, re.IGNORECASE):
            if free(match.start(), match.end()):
                found.append(KindMention(match.start(), match.end(), kind))
    # "No informal consultation will be held on 9 February" announces no meeting; "the
    # seventy-eighth session" is the Assembly's session, no meeting.
    found = [
        k
        for k in found
        if not NEGATED.search(sentence[max(0, k.start - 30) : k.start])
        and not (
            k.kind == MeetingKind.OTHER
            and sentence[k.start : k.end].lower().startswith("session")
            and ASSEMBLY_SESSION.search(sentence[max(0, k.start - 30) : k.start])
        )
    ]
    if DEADLINE_TRIGGER.search(sentence):
        for kind, pattern in DEADLINE_PATTERNS:
            for match in re.finditer(rf"\b(?:{pattern})\b", sentence, re.IGNORECASE):
                if free(match.start(), match.end()) and not READ_AT_A_MEETING.search(
                    sentence, max(0, match.start() - 30), match.start()
                ):
                    found.append(KindMention(match.start(), match.end(), kind, is_deadline=True))
    if not any(not k.is_deadline for k in found):
        # "the Working Group will meet on 21, 22 and 24 January": a meeting of no kind
        found += [
            KindMention(m.start(1), m.end(1), MeetingKind.OTHER)
            for m in WILL_MEET.finditer(sentence)
        ]
    return one_kind_a_phrase(sentence, sorted(found, key=lambda k: k.start))


WILL_MEET = re.compile(
    r"\b(?:Working\s+Group|Group|we|co-facilitators|Co-Chairs|Assembly|plenary)\s+"
    # "we propose to meet on Thursday, 9th February"
    r"(?:will|(?:propose|intend|plan|wish|would\s+like)\s+to)\s+(meet)"
    # "The Bureau ... will meet with delegations on Tuesday, 30 October"
    r"(?:\s+with\s+(?:delegations|Member\s+States|(?:the\s+)?[\w-]+))?"
    # ("will meet again on": the meeting before, again); "On Friday, 14 April we will
    # meet in person from 3 p.m. in the Trusteeship Council Chamber"
    # ("The Working Group will meet next on Monday, 24 November")
    r"(?:\s+next)?\s+(?:on|from|(?:in\s+person|virtually|online)\b(?:\s+(?:on|from|at|in)\b)?"
    r"|at\s+\d|in\s+(?:the\s+)?(?:Conference|Trusteeship|ECOSOC|General|Economic)\b"
    # "next week we will meet Monday 21 March 10am-1pm in CR8"
    rf"|(?:{WEEKDAY}),?\s+(?:the\s+)?\d+|{DAY}\s+{MONTH})\b",
    re.I,
)


OF_THE = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
WITH_ITS = re.compile(r",\s*with\s+(?:its\s+)?$", re.I)
TO_HEAR = re.compile(
    r"^\s+(?:of\s+the\s+(?:General\s+Assembly|Assembly|plenary)\s+)?"
    # "... on Tuesday, 4 March, at 3 p.m. in the Trusteeship Council Chamber, to hear a"
    r"(?:(?:on|at|in)\b[^;]{0,120}?,\s*)?"
    r"(?:to\s+hear\s+(?:(?:an?|the)\s+)?"
    # "an open-ended informal meeting on 27 October ..., at which the Secretariat will brief"
    r"|at\s+which\s+(?:the\s+)?[\w\s-]{0,60}?)$",
    re.I,
)
BRIEF_AT = re.compile(r"^[^.;]{0,100}?\b(?:at|in)\s+(?:an?|the)\s+$", re.I)
AT_THE = re.compile(r"\b(?:at|in)\s+(?:(?:the|a|an)\s+)?$", re.I)
IN_FORMAT = re.compile(r"^\s+in\s+(?:an?\s+)?(?:informal\s+)?$", re.I)
GENERIC = re.compile(r"^(?:(?:informal\s+)?(?:meetings?|sessions?)|\w+\s+round)$", re.I)


def one_kind_a_phrase(sentence: str, kinds: list[KindMention]) -> list[KindMention]:
    """One kind for one phrase: "a stocktaking meeting of the intergovernmental
    negotiations" is a stocktaking meeting, "informal consultations of the plenary"
    informal consultations, but "an informal meeting of the plenary" a plenary meeting
    and "the opening plenary of the high-level meeting" the high-level meeting;
    an election held at a plenary meeting ("plenary meetings ... for the election") is
    an election."""
    dropped: set[int] = set()
    for a, b in itertools.pairwise(kinds):
        if a.is_deadline or b.is_deadline:
            continue
        # "resume the intergovernmental negotiations in informal plenary": the plenary is
        # the format the negotiations meet in, not a meeting of its own.
        if (
            b.kind == MeetingKind.PLENARY
            and a.kind != MeetingKind.OTHER
            and IN_FORMAT.match(sentence[a.end : b.start])
        ):
            dropped.add(id(b))
            continue
        # "the Controller will brief the membership at an informal meeting of the General
        # Assembly on 9 May": the meeting is the briefing given at it.
        if (
            a.kind == MeetingKind.BRIEFING
            and BRIEF_AT.match(sentence[a.end : b.start])
            and (
                GENERIC.match(sentence[b.start : b.end])
                or b.kind in (MeetingKind.INFORMAL_CONSULTATION, MeetingKind.PLENARY)
            )
        ):
            dropped.add(id(b))
            continue
        # "an informal meeting of the General Assembly to hear a briefing by the
        # co-chairs": the meeting is the briefing it is convened to hear.
        if TO_HEAR.match(sentence[a.end : b.start]) and (
            GENERIC.match(sentence[a.start : a.end])
            or a.kind in (MeetingKind.INFORMAL_CONSULTATION, MeetingKind.PLENARY)
        ):
            dropped.add(id(a))
            continue
        # "the High-level Plenary Meeting ... will take place from 14 to 16 September, with
        # plenary meetings each day from 9 a.m.": the plenaries are its sittings.
        if (
            a.kind == MeetingKind.HIGH_LEVEL
            and b.kind == MeetingKind.PLENARY
            and WITH_ITS.search(sentence, max(a.end, b.start - 12), b.start)
        ):
            dropped.add(id(b))
            continue
        if not OF_THE.match(sentence[a.end : b.start]):
            continue
        generic = GENERIC.match(sentence[a.start : a.end]) or a.kind == MeetingKind.PLENARY
        dropped.add(id(a) if generic else id(b))
    kept = [k for k in kinds if id(k) not in dropped]
    elections = [k for k in kept if k.kind == MeetingKind.ELECTION]
    for plenary in [k for k in kept if k.kind == MeetingKind.PLENARY]:
        # "The election of seven members of the Committee for Programme and Coordination
        # will take place on ..., at the plenary meeting": however long the name, an
        # election held "at the plenary" with no other kind between is that plenary.
        near = [
            e
            for e in elections
            # "plenary meetings on Thursday, 18 October 2012, at 10 a.m., in the Temporary
            # General Assembly Hall (North Lawn Building), for the election of ..."
            if abs(e.start - plenary.start) < 180
            or (
                e.end <= plenary.start
                and AT_THE.search(sentence[max(e.end, plenary.start - 12) : plenary.start])
                and not any(e.end <= k.start < plenary.start for k in kept)
            )
        ]
        if near:
            plenary.kind = MeetingKind.ELECTION
            kept = [k for k in kept if k is not near[0]]
            elections.remove(near[0])
    return kept


# "the preparations for the debate": a kind named as a topic is not the meeting.
AS_A_TOPIC = re.compile(
    r"\b(?:for|on|to|about|towards)\s+(?:the|these|those|this|that|its|their|our)\s+(?:[\w-]+\s+)?$"
    # "the follow-up to the Year of Dialogue among Civilizations": a name, no meeting's kind
    r"|\b(?:Year|Decade|Day|Week)\s+(?:of|for|on)\s+(?:the\s+)?$"
    r"|\b(?:document|outcome|preparations?|results?|review|follow-up|modalities|report"
    r"|declaration"
    r"|organi[sz]ation"
    r"|(?:programme\s+of\s+)?work|agenda)\s+of\s+"
    # "the modalities of the high-level dialogue": a word may qualify the topic.
    r"(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
# "a stocktaking meeting, in the format of an informal meeting of the plenary": its form,
# not its kind.
IN_THE_FORMAT_OF = re.compile(
    r"\bin\s+the\s+(?:format|form)\s+of\s+(?:an?\s+)?(?:informal\s+)?(?:meetings?\s+of\s+the\s+)?$",
    re.I,
)
# "For the second reading, on Friday, 27 March, we propose to meet": the meeting a
# sentence opens with is what it speaks of, not a topic.
OPENING = re.compile(r"\s*(?:For|As\s+for|At)\s+the\s+(?:[\w-]+\s+)?$")
DUE_BY = re.compile(
    # "remains closed to in-person meetings until at least 30 June": an end, no meeting.
    r"\b(?:by|no\s+later\s+than|not\s+later\s+than|before"
    r"|deadline\s+(?:of|is))\s+"
    r"(?:the\s+)?(?:close\s+of\s+business\s+(?:on\s+)?)?(?:\d.{0,12}on\s+)?$"
    # ("from 10 a.m. until 1 p.m. on Tuesday": the hours of the day, not a deadline)
    r"|\buntil(?:\s+at\s+least)?\s+(?:the\s+)?$"
    # "the list of speakers ... will open on 27 March": a list opens and closes.
    r"|\b(?P<opens>open(?:s|ed)?|closes?)\s+(?:at\s+\S+\s+(?:[ap]\.\s?m\.\s+)?)?on\s+$"
    # "a process of consultation which closed on 25 April": a call that ended.
    r"|\bwhich\s+closed\s+on\s+$"
    # "Requests for inscription on the list of speakers will be accepted from 1 May"
    r"|\b(?:accepted|received|taken)\s+(?:from|as\s+of|as\s+from)\s+$"
    # "the draft outcome, which will be circulated on 14 February": a paper's day.
    r"|\b(?:circulated|issued|distributed|made\s+available)\s+(?:to\s+(?:all\s+)?\w+\s+)?"
    # "circulated by the Chair of the negotiations on 14 March"
    r"(?:by\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:[\w-]+\s+){1,6}?)?on\s+$",
    re.I,
)
# What opens and closes on a day without being a meeting.
A_LIST = re.compile(
    r"\b(?:list|registration|inscription|nominations?|candidatures?|call)s?\b", re.I
)
AFTER_PENALTY = 15  # a kind named before the date is the likelier one


def nearest_kind(
    mention: DateMention, kinds: list[KindMention], sentence: str
) -> KindMention | None:
    """The kind a date belongs to: the nearest one, before it rather than after.

    A specific kind beats a generic "meeting" close by; after "by" or "no later than"
    a date is a deadline when the sentence names one.
    """
    candidates = [
        k
        for k in kinds
        if (
            not AS_A_TOPIC.search(sentence[max(0, k.start - 30) : k.start])
            or OPENING.match(sentence, 0, k.start)
        )
        and not IN_THE_FORMAT_OF.search(sentence[max(0, k.start - 60) : k.start])
    ] or kinds
    if not candidates:
        return None
    if DUE_BY.search(sentence[max(0, mention.start - 40) : mention.start]) and any(
        k.is_deadline for k in candidates
    ):
        candidates = [k for k in candidates if k.is_deadline]

    def distance(k: KindMention) -> int:
        if k.end <= mention.start:
            return mention.start - k.end
        # A kind after the date and beyond a comma belongs to another clause.
        beyond = "," in sentence[mention.end : k.start] or ";" in sentence[mention.end : k.start]
        return k.start - mention.end + AFTER_PENALTY + (100 if beyond else 0)

    best = min(distance(k) for k in candidates)
    close = [k for k in candidates if distance(k) <= best + 25]
    pool = [k for k in close if k.kind != MeetingKind.OTHER or k.is_deadline] or close
    nearest = min(candidates, key=distance)
    if (
        nearest.kind == MeetingKind.OTHER
        and not nearest.is_deadline
        and nearest.end <= mention.start
        and all(k.is_deadline for k in pool)
    ):
        # "to present a first draft at that meeting, and to hold two further rounds, on
        # 24 October": the rounds just before the date, not the paper further back.
        return nearest
    if all(k.is_deadline for k in pool):
        # "written inputs on the revised draft by 10 June": the head of the phrase.
        return min(pool, key=lambda k: (k.kind == DeadlineKind.OTHER, k.start))
    return min(pool, key=distance)


def kind_named(sentence: str) -> MeetingKind | None:
    """The kind of meetings the sentence names ("four rounds of informal consultations,
    as set out in the annex"), if it names one."""
    named = (k.kind for k in find_kinds(sentence) if not k.is_deadline)
    return next((kind for kind in named if kind != MeetingKind.OTHER), None)
