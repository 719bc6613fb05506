"""What a clause does to the meeting of its date: announces it, reports it as held,
moves, postpones or cancels it; or the date is only a letter's, a resolution's or
another organisation's event."""

from __future__ import annotations

import re
from datetime import date

from correspondence.enums import ProposalAction
from meetings.enums import MeetingKind

from .dates import DateMention
from .kinds import A_LIST, DUE_BY, KindMention
from .resolving import resolve_year
from .results import ProposedMeeting
from .vocabulary import DAY, MONTH, WEEKDAY, last

TENTATIVE = re.compile(
    r"\b(?:if\s+(?:needed|necessary|required)|as\s+needed|tentative(?:ly)?|provisional(?:ly)?"
    r"|would\s+be\s+(?:held|convened)|may\s+be\s+(?:held|convened)|could\s+be\s+(?:held|convened)"
    r"|to\s+be\s+confirmed|TBC|subject\s+to\s+confirmation)\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    # "Meetings of the Committee are held on 18 April": the present speaks of what is ahead.
    r"\b(?:will|would|shall|may|could|might|can|cannot|must|to|is|are)\s+"
    # "the high-level meetings ... will both be held on Thursday, 27 September"
    r"(?:(?:now|then|also|still|instead|not|no\s+longer|both|all|each)\s+)?"
    r"(?:be\s+)?"
    r"(?:held|convened|hold|convene|take\s+place|organi[sz]e|start|begin|resume|continue"
    r"|hosted|host|conducted|conduct|set\s+aside|set\s+for|scheduled"
    # "At the 15 February meeting, I will also present the conclusions": what will be
    # done at a meeting ahead.
    r"|present|report|brief|inform|share|discuss)\b"
    # "have asked that the next round ... be held on Wednesday": what is to be
    r"|\bthat\s+(?:[\w-]+\s+){1,12}?be\s+(?:held|convened|hosted|scheduled)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    # ("General debate (concluded)" in a programme: its last sitting, still to come)
    r"\b(?:held|took\s+place|was\s+convened|were\s+convened|convened|(?<!\()concluded(?!\))|hosted|"
    r"(?:following|after)\s+(?:our|my|the(?:\s+last)?)\s+(?:[\w-]+\s+){0,3}"
    r"(?:meeting|consultation|briefing|session|exchange|dialogue)s?\s+of|"
    # "Following the conclusion of the intergovernmental negotiations on 26 May"
    r"(?:following|after)\s+the\s+(?:successful\s+)?(?:conclusion|completion|close)\s+of|"
    r"this\s+(?:morning|afternoon)'s|yesterday'?s?|last\s+week'?s?|participation\s+in|"
    # ("would be grateful if ... could attend": a request, no thanks for what was)
    r"thank(?:s|\s+you)?|grateful(?!\s+if\b))\b",
    re.IGNORECASE,
)
MOVED = re.compile(
    # ("we have decided to postpone the consultation scheduled for Thursday, 9 April to
    # Tuesday, 14 April": a move, not the days between)
    r"\b(?:postponed|rescheduled|re-scheduled|moved|shifted|changed|brought\s+forward|instead\s+of|"
    r"(?:to|will|shall|must|would)\s+(?:postpone|reschedule|re-schedule)|"
    r"now\s+(?:be\s+held|take\s+place)|will\s+now|will\s+instead)\b"
    rf"|[\[(]\s*(?:previously|originally|formerly)\s+(?:{WEEKDAY}|{DAY}\s+{MONTH})",
    re.IGNORECASE,
)
CANCELLED = re.compile(
    r"\b(?:cancel(?:l)?ed|(?:will|shall)\s+(?:not|no\s+longer)\s+(?:take\s+place|be\s+(?:held|convened))"
    # ("will no longer be held in Conference Room 1": another room or a platform, not off)
    r"(?!\s+(?:in|at)\s+(?:the\s+)?(?:Conference|General|Trusteeship|ECOSOC|Economic|Temporary"
    r"|NLB|CR)\b)"
    r"|called\s+off|(?:has|have)\s+been\s+dropped|withdrawn\s+from\s+the\s+programme)\b",
    re.I,
)
POSTPONED_OPEN = re.compile(
    r"\bpostpone[ds]?\b(?!\s+(?:to|until|till)\s+(?:" + WEEKDAY + r"|" + DAY + r"|" + MONTH + r"))"
    # ("has been postponed and will now be held on Wednesday, 22 May": to that day)
    r"(?![^.;]{0,20}\bwill\s+now\s+(?:be\s+held|take\s+place)\b)",
    re.IGNORECASE,
)
# A date that says when a letter was written is not a meeting.
LETTER_REFERENCE = re.compile(
    r"(?:(?P<what>resolution|decision)|letter|note|communication|report|e-?mail|message|memorandum"
    r"|memo"
    # "the changes since the draft of 3 June": a document's date, as a letter's.
    r"|non-paper|paper|statement|remarks|draft|compilation|document|text|ref(?:erence)?\.?:?)s?"
    # "the report of the Secretary-General of 21 February"
    # "the decision of the General Assembly of 14 September 2017"
    r"(?:\s+of\s+the\s+Secretary-General|\s+by\s+the\s+Secretariat"
    r"|\s+of\s+the\s+(?:General\s+)?Assembly)?"
    r"(?:\s+[\w/.()-]+)?\s+(?:dated|of|received\s+on|sent\s+on|issued\s+on|adopted\s+on)\s*$"
    r"|\bdated\s*$|\breceived\s+on\s*$|\bissued\s+on\s*$"
    # "the zero draft, circulated today", "a letter received today": when a paper went
    # out or came in, no meeting.
    r"|\b(?:circulated|issued|shared|distributed|published|received|sent)\s*$"
    # "the framework document circulated on 24 July" (but "will be circulated on" is due)
    r"|(?<!be\s)\b(?:circulated|issued|shared|distributed|published|received|sent)\s+on\s*$"
    # "as announced in his statement to the plenary on 15 October": a statement made.
    r"|\bstatement\s+(?:to|before|in)\s+the\s+(?:plenary|(?:General\s+)?Assembly)\s+on\s*$",
    re.IGNORECASE,
)


# "for a term of office beginning on 1 January 2024", "whose terms begin on 6 February",
# "members serving from 1 January": when office starts is no meeting.
TERM_OF_OFFICE = re.compile(
    # "a term of three years beginning on": a term's length may stand before its start.
    r"\b(?:terms?|mandates?)(?:\s+of\s+(?:office|(?:\w+|\d+)(?:\s+|-)years?))?"
    r"(?:\s+(?:which|that|will|shall|is|are|to))*"
    r"\s+(?:begin(?:s|ning)?|start(?:s|ing)?|commenc(?:e|es|ing)|runs?|running|effective)"
    r"\s+(?:on|from|as\s+of)\s+(?:the\s+)?$"
    r"|\b(?:terms?|mandates?)(?:\s+of\s+office)?\s+(?:from|as\s+of|starting)\s+(?:the\s+)?$"
    # "as my successor assumes office on 12 September"
    r"|\b(?:assumes?|assuming|takes?\s+up|taking\s+up)\s+(?:office|(?:his|her|their)\s+"
    r"(?:functions|duties|post))\s+(?:on|from|as\s+of)\s+(?:the\s+)?$"
    # "to fill the vacancies that will occur on 31 December"
    r"|\bvacanc(?:y|ies)\b[^.;]{0,30}\b(?:occur(?:s|ring)?|aris(?:e|es|ing)|open(?:s|ing)?)\s+on\s+(?:the\s+)?$"
    # "whose term of office expires on 31 December"
    r"|\b(?:terms?|mandates?)(?:\s+of\s+office)?\s+(?:will\s+)?(?:expire|end|terminate|lapse)[sd]?"
    r"\s+on\s+(?:the\s+)?$"
    r"|\b(?:serv(?:e|es|ing)|take\s+office|assume\s+office|in\s+office)\s+(?:\w+\s+){0,3}"
    r"(?:from|as\s+of|on|beginning|starting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "requested to inscribe their names with the General Assembly Affairs Branch beginning on
# Tuesday, 1 June": when the list opens, no meeting.
INSCRIPTION = re.compile(
    r"\b(?:inscri\w+|register\w*|list\s+of\s+speakers)\b[^.;]{0,80}\b(?:beginning|starting)"
    r"\s+(?:on\s+)?(?:the\s+)?$",
    re.I,
)
# "planned for the week of 16 March": a week, its days to be fixed.
WEEK_OF = re.compile(
    r"\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)\s+(?:on\s+)?(?:the\s+)?$", re.I
)


def starts_a_term(sentence: str, mention: DateMention) -> bool:
    return bool(TERM_OF_OFFICE.search(sentence[max(0, mention.start - 60) : mention.start]))


# "the Vienna Forum held from 13 to 15 February", "the World Health Assembly, which will
# take place", "a retreat organized by the Government of Switzerland": an event that is
# not a General Assembly meeting.
OTHER_EVENT = re.compile(
    r"\b(?:Forum|Summit|Conference(?!\s+(?:Room|Rm))|Expo|Congress|Symposium|Festival|Games"
    r"|World\s+Health\s+Assembly|African\s+Union|European\s+Union"
    # "the meeting of States Parties to the Convention on the Law of the Sea, which will
    # be held": the parties to a treaty meet as their own body.
    r"|States\s+Parties|Parties\s+to\s+the)\b"
    r"[^.;]{0,60}?\b(?:held|meeting\s+in|meeting(?=\s*$)|took\s+place|taking\s+place|to\s+be\s+held|will\s+take\s+place"
    r"|will\s+be\s+held|which\s+will|which\s+took|hosts?|hosted|will\s+host|will\s+meet|met)\b"
    r"|\b(?:organi[sz]ed|hosted|convened)\s+by\s+the\s+(?:Governments?|Republic|Kingdom)\b"
    # "The Government of Montreval has kindly offered to host an informal retreat"
    r"|\bGovernment\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:\w+\s+){0,4}?"
    r"(?:host|hosts|hosting|organi[sz]e|organi[sz]es|organi[sz]ing)\b"
    # "The World Health Assembly's side event of 20 September"
    r"|\b(?:World\s+Health\s+Assembly|African\s+Union|European\s+Union|Forum|Summit"
    r"|Conference(?!\s+(?:Room|Rm)))'s\s[^.;]{0,60}$"
    # "the fourth session of the Intergovernmental Conference ... will be convened by its
    # own President from 25 March"
    r"|\bconvened\s+by\s+its\s+own\b"
    # "the conference to be convened by the Food and Agriculture Organization in Rome"
    r"|\b(?:organi[sz]ed|hosted|convened)\s+by\s+the\s+(?:[A-Z][\w-]+\s+(?:and\s+|of\s+|on\s+)?){0,5}"
    r"(?:Organi[sz]ation|Agency|Programme|Fund|Union|Bank|Authority|Community|Development|Group"
    r"|Institute|Foundation|Centre|Center|University)\b"
    # "a webinar organised by an independent research institute on 3 February"
    r"|\b(?:organi[sz]ed|hosted|convened)\s+by\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:institute"
    r"|think[\s-]tank|foundation|university|academy|non-governmental\s+organi[sz]ation|NGO)\b"
)
# "The Council on Mountain Peoples will hold its fifth session from 3 to 7 March and the
# Committee on Highland Agriculture from 17 to 21 March": the sessions of other bodies
# (a Main Committee or the General Committee is the Assembly's own).
# "The Fifth Committee will take up the implications at its meeting of 20 October": a
# committee's own meeting, which the letter only mentions.
AT_ITS_MEETING = re.compile(
    r"\b(?:Committee|Council|Commission|Board)\s+(?:will|would|is\s+to|shall)\s+(?:take\s+up"
    r"|consider|discuss|examine|review|address|hear)\b[^.;]{0,80}\bat\s+its\s+(?:[\w-]+\s+)?"
    r"(?:meeting|session)\s+(?:of|on)\s+$"
)
# A Main Committee or the General Committee, the Assembly's own: no other body.
NOT_THE_ASSEMBLYS = (
    r"(?<!First\s)(?<!Second\s)(?<!Third\s)(?<!Fourth\s)(?<!Fifth\s)(?<!Sixth\s)(?<!General\s)"
)
ITS_SESSION = re.compile(
    NOT_THE_ASSEMBLYS
    + r"\b(?:Commission|Council|Committee|Board|Forum|Conference|Court|Tribunal|Authority)\b"
    r"[^.;]{0,60}?\b(?:(?:will|is\s+to|shall|would)\s+(?:hold|convene|open|begin|start|conclude"
    # "the Commission on the Status of Women held its forty-ninth session from"
    r"|resume)|held|convened|opened|concluded|resumed)\s+its\s+(?:[\w-]+\s+){0,2}$"
)
# "The Commission on Sustainable Development will meet from 19 to 30 April": another body
# meets.
IT_MEETS = re.compile(
    NOT_THE_ASSEMBLYS + r"\b(?:Commission|Council|Committee|Board|Court|Tribunal|Authority)"
    r"(?:\s+(?:on|of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*(?:and\s+)?){1,5})?"
    r"\s+(?:will|is\s+to|shall|would)\s+(?:meet|convene|be\s+in\s+session)"
    r"(?:\s+(?:from|on|between))?\s+(?:the\s+)?$"
)
# "the deliberations of the Assembly of the Maritime Transport Compact opening on 14
# November": the governing body of a treaty or an organisation, not the General Assembly.
ITS_OPENING = re.compile(
    r"\b(?:Assembly|Conference|Meeting|Commission|Council|Forum|Board|session)\s+of\s+(?:the\s+)?"
    r"(?!General\s+Assembly\b)"
    r"(?:Parties\s+|States\s+Parties\s+)?(?:(?:to|of)\s+the\s+)?[A-Z][\w-]*"
    r"(?:\s+(?:[A-Z][\w-]*|on|of|for|and|the)){0,6}\s*"
    # "the Board of the United Nations Development Programme, meeting in annual session on"
    r"(?:,\s+meeting\s+(?:in\s+(?:(?:[\w-]+\s+)?session|[A-Z][\w-]+)\s+)?(?:on\s+(?:the\s+)?|from\s+)?$"
    r"|(?:opening|starting|beginning|closing|ending|convening|meeting)\s+(?:on\s+|from\s+)?$"
    # "the session of the Commission on Sustainable Development to be held from 28 April"
    r"|(?:to\s+be\s+held|which\s+will\s+be\s+held)\s+(?:on\s+|from\s+)?$)"
)
YEAR_THEN = re.compile(r"\b(?:19|20)\d\d\b\s*[,;)]")
# "the Commission on the Status of Women, which concludes on 20 March": another body's
# session running its course.
ANOTHER_SESSION = re.compile(
    # "The Preparatory Committee's session begins on 7 May"
    r"\b(?:Committee|Commission|Council|Board|Conference|Forum)'s\s+(?:[\w-]+\s+){0,2}(?:session|meeting)s?"
    r"\s+(?:begins|starts|opens|ends|closes|runs|will\s+(?:begin|start|open|end|close|run))"
    r"\s+(?:on\s+|from\s+)?$|"
    r"\b(?:Commission|Council|Board|Forum|Conference|Summit|Convention)\b[^.;]{0,60}?,?\s+"
    r"which\s+(?:concludes|ends|closes|opens|begins|starts|runs|will\s+(?:conclude|end|close"
    r"|open|begin|start|run))\s+(?:on\s+)?$"
    # "the Committee on Maritime Heritage will conclude its fifty-first session on 9 March"
    r"|\b(?:Commission|Committee|Council|Board|Forum|Conference)\b[^.;]{0,60}?\b(?:will|is\s+to"
    r"|has|had)"
    r"\s+(?:conclude|open|begin|close|end|hold|start|resume|concluded|opened|closed|ended|held)"
    r"\s+its\s+(?:[\w-]+\s+){0,2}"
    # "... has concluded its session (1 to 12 March)"
    r"(?:session|meeting)s?\s+(?:in\s+[A-Z][a-z]+\s+)?(?:(?:on|from)\s*|\(\s*)$"
)
# "the Chair of the Commission on Sustainable Development, whose eleventh session will
# take place from 28 April": the session of the body just named.
WHOSE_SESSION = re.compile(
    r"\b(?:Commission|Council|Board|Forum|Conference|Committee|Convention|Organi[sz]ation)\b"
    r"[^.;]{0,60}?,\s+whose\s+(?:[\w-]+\s+){0,2}(?:sessions?|meetings?)\s+"
    r"(?:will|is\s+to|is\s+scheduled\s+to)\s+(?:take\s+place|be\s+held|run|open|start|begin)"
    r"\s+(?:(?:from|on)\s+)?$"
)
# "appointed by the President of the General Assembly on 8 January": when office was given.
APPOINTED = re.compile(
    r"\b(?:appointed|reappointed|designated|nominated"
    # "Further to our appointment on 17 January" (not "the selection and appointment of the
    # Secretary-General on 8 May", a debate's topic)
    r"|(?:our|my|their|his|her)\s+(?:re)?appointment)\b[^.;,]{0,60}?\bon\s+$",
    re.I,
)
# "the Working Group, whose work was suspended after 11 September": a day counted from.
SINCE = re.compile(
    r"\b(?:ever\s+)?since\s+$|\b(?:suspended|interrupted|halted|paused)\s+(?:after|since|on)\s+$",
    re.I,
)
# "following the closure of the Conference Building on 9 June for maintenance", "the
# Headquarters complex will be closed from 24 December": no meeting that day.
CLOSURE = re.compile(
    # "owing to scheduled maintenance of the platform on 19 January"
    r"\b(?:scheduled|planned|technical)\s+maintenance\b[^.;]{0,40}?\bon\s+$"
    r"|\bclosure\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:Building|Headquarters|premises"
    r"|complex|compound)\s+(?:(?:on|from)\s*)?$"
    r"|\b(?:Building|Headquarters|premises|complex|compound|Hall|Chamber|Rooms?)\s+"
    r"(?:will\s+be|is|remain(?:s|ed)?|was|were)\s+"
    r"closed\b[^.;]{0,40}?(?:\b(?:on|from))?\s*$"
)
# "to mark International Mother Earth Day, which falls on 22 April": a day the world
# observes, not a meeting.
OBSERVANCE = re.compile(
    r"\b(?:Day|Week|Decade|Anniversary)\b[^.;]{0,20}?\b(?:which|that|it)?\s*"
    r"(?:falls|is\s+(?:observed|celebrated|marked|commemorated)|will\s+(?:fall|be\s+observed))"
    r"\s+(?:each\s+year\s+|annually\s+)?on\s+(?:the\s+)?$"
    # "decided to designate 25 March as the International Day", "proposed for the Day,
    # 14 March"
    r"|\b(?:designate|designated|proclaim|proclaimed|declare|declared)\s+$|\bthe\s+Day,\s*$"
    # "in preparation for the World Youth Skills Day on 15 July"
    r"|\b(?:International|World|United\s+Nations)\s+(?:[A-Z][\w'-]*\s+){0,5}Day\s+(?:on\s+)?$"
    # "before the Easter holiday, which begins on 18 April"
    r"|\b(?:holidays?|break|recess)\b,?\s+(?:which\s+)?(?:begins?|starts?|ends?|falls?|runs?)"
    r"\s+(?:on|from)\s+$"
)
# "which will take place in Geneva from 19 to 24 May": a meeting away from Headquarters
# ("which took place in June" is a month, not a city).
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
ELSEWHERE = re.compile(
    r"\b(?:take\s+place|be\s+held|held|took\s+place|taking\s+place|convened|host|hosts|hosted"
    r"|meet|meets|met)"
    r"\s+in\s+"
    rf"(?!New\s+York|the\b|Conference|Headquarters|Room|{MONTH}\b)[A-Z][a-z]+"
    # "will brief Member States in Geneva on 3 May": a city just before the date.
    # "in Port Lissane on 21 and 22 June": a town of one to three words
    # ("at Glen Harrow from 28 to 30 January": the mention may hold its "from")
    rf"|\b(?:in|at)\s+(?!New\s+York|Conference|Headquarters|Room|Trusteeship|ECOSOC|Economic"
    rf"|General|Temporary|North|NLB|United|{MONTH}\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},?\s+"
    r"(?:on|from)?\s*$"
)


# "... of 20 September will take place outside United Nations Headquarters"
OUTSIDE = re.compile(
    r"[^.;]{0,40}?\b(?:take\s+place|be\s+held|held|meet)\s+(?:outside|away\s+from)\s+(?:the\s+)?"
    r"(?:United\s+Nations\s+)?Headquarters\b"
)


# "the Summit on Food Systems, which will be held on 21 and 22 September in the General
# Assembly Hall", "the General Assembly will convene the Forum": the Assembly's own.
ASSEMBLY_EVENT = re.compile(r"(?:Forum|Summit|Conference)\b")
IN_THE_HALL = re.compile(r"[^.;]{0,50}?\bin\s+the\s+(?:Temporary\s+)?General\s+Assembly\s+Hall\b")
ASSEMBLY_CONVENES = re.compile(
    r"\bGeneral\s+Assembly\s+(?:will|shall|is\s+to|would)\s+(?:hold|convene)\b[^.;]{0,80}$"
)


# "the informal consultation on the draft outcome of the 2005 World Summit will be held
# on": the event is what the meeting is about
TOPIC_OF = re.compile(
    r"\b(?:outcome|preparations?|preparatory\s+process|follow-up|review|modalities|declaration"
    r"|document)\s+(?:document\s+)?(?:of|for)\s+(?:the\s+)?(?:\d{4}\s+)?(?:[A-Z][\w-]*\s+){0,3}$"
)


def the_assemblys(sentence: str, mention: DateMention) -> bool:
    return bool(
        IN_THE_HALL.match(sentence, mention.end)
        or ASSEMBLY_CONVENES.search(sentence[max(0, mention.start - 120) : mention.start])
    )


def names_another_event(
    sentence: str, kind: KindMention | None, mention: DateMention
) -> str | None:
    """Why the date is not a General Assembly meeting, if it is another's or elsewhere."""
    # "The World Health Assembly, meeting in Geneva from 21 May": a bare "meeting" may
    # be the other event's participle, so the words before it still count.
    if kind is not None and kind.end <= mention.start and kind.kind != MeetingKind.OTHER:
        between = sentence[max(kind.end, mention.start - 90) : mention.start]
    else:
        between = sentence[max(0, mention.start - 90) : mention.start]
    # "the Conference ..., held in Monterrey from 18 to 22 March 2002, on the 16th of April":
    # a clause after another date (and its year) speaks of a meeting of its own.
    after_a_year = [m.end() for m in YEAR_THEN.finditer(between)]
    if after_a_year:
        between = between[after_a_year[-1] :]
    other = OTHER_EVENT.search(between)
    if (
        other
        and not (ASSEMBLY_EVENT.match(other.group(0)) and the_assemblys(sentence, mention))
        # (the future tense: the meeting's verb; "the Conference, held on": the event's)
        and not ("will" in other.group(0) and TOPIC_OF.search(between, 0, other.start()))
    ):
        return "other-organisation"
    if AT_ITS_MEETING.search(sentence[max(0, mention.start - 120) : mention.start]):
        return "other-organisation"
    if IT_MEETS.search(sentence[max(0, mention.start - 120) : mention.start]):
        return "other-organisation"
    if (
        ITS_OPENING.search(sentence[max(0, mention.start - 120) : mention.start])
        or ANOTHER_SESSION.search(sentence[max(0, mention.start - 120) : mention.start])
        or WHOSE_SESSION.search(sentence[max(0, mention.start - 120) : mention.start])
    ):
        return "other-organisation"
    if OBSERVANCE.search(sentence[max(0, mention.start - 60) : mention.start]):
        return "observance"
    if ELSEWHERE.search(between):
        return "held-elsewhere"
    if kind is not None and ITS_SESSION.search(sentence[max(0, kind.start - 100) : kind.start]):
        return "other-organisation"
    anchor = kind.start if kind is not None and kind.end <= mention.start else mention.start
    if ANOTHER_ORGAN.search(sentence[max(0, anchor - 90) : anchor]):
        return "other-organisation"
    if ANOTHER_BODY.search(sentence[max(0, anchor - 90) : mention.start]):
        return "other-organisation"
    return None


# "the Organization's Executive Council session in Geneva, which ends on 17 October", "the
# Executive Board's annual session opening on 2 June": the governing body of an agency or
# fund (the Assembly has none of these), meeting close before the date.
ANOTHER_BODY = re.compile(
    r"(?:\b(?:Executive|Governing)\s+(?:Board|Council|Body)|\b(?:Organi[sz]ation|Agency|Union)'s"
    r"(?:\s+[A-Z][\w-]*){0,3})(?:'s)?(?:\s+[a-z]+)?\s+(?:sessions?|meetings?)\b[^.;]{0,60}$"
    # "the session of the Commission on Judicial Cooperation (16-20 April 2012)": another
    # body's session named just before its dates.
    r"|\b(?:sessions?|meetings?)\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:Commission|Council|Board|Conference|Forum|Court|Tribunal|Authority)\b"
    r"(?:\s+(?:on|of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*(?:and\s+)?){1,5})?\s*\(?$"
    # "the annual session of the UNICEF Executive Board (10-13 June)"
    r"|\b(?:sessions?|meetings?)\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Executive|Governing)"
    r"\s+(?:Board|Council|Body)\b[^.;]{0,60}$"
)


# "The Security Council will hold an open debate on 20 April": another organ's meeting.
ANOTHER_ORGAN = re.compile(
    # (not "the Chair of the negotiations on ... the membership of the Security Council will
    # convene meetings": the Council is what the negotiations are about)
    r"(?<!membership\sof\sthe\s)(?<!reform\sof\sthe\s)"
    r"\b(?:(?:Security|Trusteeship|Economic\s+and\s+Social|Human\s+Rights)\s+Council|ECOSOC"
    # "the Council itself will hold its open debate": a council is never the Assembly.
    r"|Peacebuilding\s+Commission|\b[Tt]he\s+Council)(?:\s+itself)?\s+"
    r"(?:(?:will|shall|would|is\s+to|plans\s+to|intends\s+to)\s+(?:hold|convene|meet|organi[sz]e|host)"
    # "the Security Council has scheduled its open debate on working methods for 18 March"
    r"|has\s+(?:scheduled|planned|convened|called))\b[^.;]{0,50}$"
    # "the Security Council's open debate on regional arrangements is scheduled for"
    r"|\b(?:Security|Trusteeship|Economic\s+and\s+Social|Human\s+Rights)\s+Council's\b[^.;]{0,80}$"
    # "the discussions held in the Security Council on 14 January"
    r"|\b(?:held|convened|heard)\s+in\s+the\s+(?:Security|Trusteeship|Economic\s+and\s+Social"
    r"|Human\s+Rights)\s+Council\s+(?:on\s+)?$"
)


def change_of(
    meeting: ProposedMeeting,
    words: str,
    origin: DateMention | None,
    letter_date: date | None,
    *,
    moved: bool,
) -> None:
    """What the letter does to the meeting of this date, from the words of its clause."""
    if origin is not None and origin.days:
        meeting.action = ProposalAction.MOVE
        meeting.moved_from = resolve_year(origin.days[0], letter_date, past=False)
    elif CANCELLED.search(words):
        meeting.action = ProposalAction.CANCEL
    elif POSTPONED_OPEN.search(words):
        meeting.action = ProposalAction.POSTPONE
    elif moved and MOVED.search(words):
        # A change of time or room on the same day ("will now take place in Conference
        # Room 2 instead of Conference Room 4"): moved from its own date.
        meeting.action = ProposalAction.MOVE
        meeting.moved_from = meeting.date


ASIDE = re.compile(r",\s*(?:which|that|who)\s+[^,;.]{1,80},")


def is_held(sentence: str, preceding: int, mention: DateMention, following: int) -> bool | None:
    """Whether the letter reports the meeting as already held ("the consultations held
    on 4 June", "this morning's informal") rather than announcing it: the tense nearest
    before the date decides ("thank you for ... the consultations that will be held")."""
    if mention.relative in ("this morning", "this afternoon", "yesterday"):
        return not FUTURE.search(sentence[preceding:following])
    # "the special session, which took place in June, on 3 October": an aside set off by
    # commas speaks of what it follows, not of the date's meeting.
    raw_lead = ASIDE.sub(lambda m: " " * len(m.group(0)), sentence[preceding : mention.start])
    # "will be held" speaks of the future: blank it out before looking for "held".
    lead = FUTURE.sub(lambda m: " " * len(m.group(0)), raw_lead)
    past, future = last(PAST.finditer(lead)), last(FUTURE.finditer(raw_lead))
    if past and (future is None or past.start() > future.start()):
        return True
    if future:
        return False
    tail = sentence[mention.end : following]
    if not PAST.search(tail) and not FUTURE.search(tail):
        return None  # nothing said here: as the date before it in the sentence
    return bool(PAST.search(tail)) and not FUTURE.search(sentence[preceding:following])


def no_meeting(sentence: str, mention: DateMention, kind: KindMention | None) -> dict | None:
    """Why the date is no meeting of the General Assembly (a mention's reason and
    detail), if it is not: the start of a term of office, another's event, a meeting
    away from Headquarters, a date something is due by."""
    if WEEK_OF.search(sentence[max(0, mention.start - 30) : mention.start]):
        return {"reason": "not-understood", "detail": "a week, no day fixed"}
    if starts_a_term(sentence, mention):
        return {"reason": "term-of-office", "detail": "the start of a term of office"}
    elsewhere = names_another_event(sentence, kind, mention)
    if elsewhere == "other-organisation":
        return {"reason": elsewhere, "detail": "another organisation's event"}
    if elsewhere == "observance":
        return {"reason": "observance", "detail": "a day observed or a holiday"}
    if APPOINTED.search(sentence[max(0, mention.start - 80) : mention.start]):
        return {"reason": "past-event", "detail": "an appointment"}
    if SINCE.search(sentence[max(0, mention.start - 40) : mention.start]):
        return {"reason": "past-event", "detail": "a day in the past the letter counts from"}
    if CLOSURE.search(sentence[max(0, mention.start - 80) : mention.start]):
        return {"reason": "closure", "detail": "the premises closed"}
    if elsewhere or OUTSIDE.match(sentence, mention.end):
        return {"reason": "held-elsewhere", "detail": "a meeting away from Headquarters"}
    if INSCRIPTION.search(sentence[max(0, mention.start - 120) : mention.start]):
        return {"reason": "deadline", "detail": "a list of speakers opening"}
    # "responses by Friday, 8 October": a date something is due by is no meeting.
    due = DUE_BY.search(sentence[max(0, mention.start - 70) : mention.start])
    if (
        due
        and (due.group("opens") or "").lower().startswith("open")
        and not A_LIST.search(sentence[max(0, mention.start - 120) : mention.start])
        # "the resumed part of the session will open on 6 January": a session is no meeting
        and kind is not None
        and not kind.is_deadline
        and kind.kind != MeetingKind.OTHER
    ):
        due = None  # "The general debate will open on 19 September": a meeting that opens
    if due and (kind is None or not kind.is_deadline):
        return {"reason": "deadline", "detail": "a deadline"}
    return None
