"""A day's meetings in the order the Journal of the United Nations prints them:
official meetings first, body by body (the plenary, the Main Committees, other bodies),
then informal consultations and negotiations, then every other meeting (briefings,
panels, dialogues, events). The day page, its print and tomorrow's programme by e-mail
all read a day through this one function."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .enums import MeetingKind
from .models import Meeting, Organ

OFFICIAL = "official"
INFORMAL = "informal"
OTHER = "other"

SECTION_TITLES: dict[str, Promise] = {
    OFFICIAL: _("Official meetings"),
    INFORMAL: _("Informal consultations and negotiations"),
    OTHER: _("Other meetings"),
}

# What the Journal lists under "Informal consultations" when no body holds the meeting.
INFORMAL_KINDS = frozenset(
    {MeetingKind.INFORMAL_CONSULTATION, MeetingKind.NEGOTIATION, MeetingKind.STOCKTAKING}
)


def section_of(meeting: Meeting) -> str:
    if meeting.organ_id is not None:
        return OFFICIAL
    if meeting.kind in INFORMAL_KINDS:
        return INFORMAL
    return OTHER


@dataclass
class OrganGroup:
    organ: Organ | None  # None for the sections that are not grouped by body
    meetings: list[Meeting] = field(default_factory=list)


@dataclass
class JournalSection:
    key: str
    title: Promise
    groups: list[OrganGroup] = field(default_factory=list)

    @property
    def meetings(self) -> list[Meeting]:
        return [meeting for group in self.groups for meeting in group.meetings]


def journal_sections(meetings: Iterable[Meeting]) -> list[JournalSection]:
    """The non-empty sections of a day, each meeting kept in the order given (by start).
    Official meetings are grouped by organ in the organs' order; read the meetings with
    select_related("organ") so that this costs no query."""
    official: dict[int, OrganGroup] = {}
    informal = OrganGroup(None)
    other = OrganGroup(None)
    for meeting in meetings:
        section = section_of(meeting)
        if section == OFFICIAL:
            official.setdefault(meeting.organ_id, OrganGroup(meeting.organ)).meetings.append(
                meeting
            )
        else:
            (informal if section == INFORMAL else other).meetings.append(meeting)
    sections = []
    if official:
        groups = sorted(official.values(), key=lambda g: (g.organ.order, g.organ.name))
        sections.append(JournalSection(OFFICIAL, SECTION_TITLES[OFFICIAL], groups))
    for key, group in ((INFORMAL, informal), (OTHER, other)):
        if group.meetings:
            sections.append(JournalSection(key, SECTION_TITLES[key], [group]))
    return sections
