"""The office's vocabularies. Kept as TextChoices: staff do not add kinds or statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    INFORMAL_CONSULTATION = "informal-consultation", _("Informal consultation")
    NEGOTIATION = "negotiation", _("Intergovernmental negotiation")
    THEMATIC_DEBATE = "thematic-debate", _("Thematic debate")
    HIGH_LEVEL = "high-level", _("High-level meeting")
    PLENARY = "plenary", _("Plenary meeting")
    DIALOGUE = "dialogue", _("Interactive dialogue")
    PANEL = "panel", _("Panel discussion")
    BRIEFING = "briefing", _("Briefing")
    HEARING = "hearing", _("Interactive hearing")
    ELECTION = "election", _("Election")
    STOCKTAKING = "stocktaking", _("Stocktaking meeting")
    OTHER = "other", _("Other meeting")


class MeetingStatus(models.TextChoices):
    TENTATIVE = "tentative", _("Tentative")
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# A postponed or cancelled meeting no longer holds its room.
STATUSES_THAT_FREE_THE_ROOM = (MeetingStatus.POSTPONED, MeetingStatus.CANCELLED)


class Timing(models.TextChoices):
    """How precisely a letter or the Journal fixed the start of a meeting.

    Letters often say less than a time: "this morning's informal consultation", "on
    3 June 2008", "the following week if needed". We store what was said and never
    invent the rest; the start column then holds the start of that period.
    """

    EXACT = "exact", _("At a set time")
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")
    FOLLOWING = "following", _("Following the adjournment of another meeting")
    DAY = "day", _("Time to be announced")
    WEEK = "week", _("Day to be announced")


class Mode(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid (in person and online)")
    VIRTUAL = "virtual", _("Virtual")


class Participation(models.TextChoices):
    MEMBER_STATES = "member-states", _("All Member States")
    MEMBERS_AND_OBSERVERS = "members-observers", _("Member States and observers")
    OPEN_TO_STAKEHOLDERS = (
        "stakeholders",
        _("Member States, observers, civil society and other stakeholders"),
    )
    INVITATION = "invitation", _("By invitation")


class Building(models.TextChoices):
    GENERAL_ASSEMBLY = "ga-building", _("General Assembly Building")
    CONFERENCE = "conference-building", _("Conference Building")
    NORTH_LAWN = "north-lawn", _("North Lawn Building (2009–2014)")


class OrganSection(models.TextChoices):
    """Where the Journal of the United Nations prints a body's official meetings, in
    its order: the plenary first, then the Main Committees, then every other body."""

    PLENARY = "plenary", _("General Assembly plenary")
    MAIN_COMMITTEE = "main-committee", _("Main Committees")
    OTHER = "other", _("Other bodies")


class Source(models.TextChoices):
    """Who keeps a meeting: the PGA office (its forms and letters) or the Journal of the
    United Nations, whose meetings the office's forms only read."""

    OFFICE = "office", _("PGA office")
    JOURNAL = "journal", _("Journal of the United Nations")


class DeadlineKind(models.TextChoices):
    ZERO_DRAFT = "zero-draft", _("Zero draft circulated")
    REVISED_DRAFT = "revised-draft", _("Revised draft circulated")
    WRITTEN_INPUTS = "written-inputs", _("Written inputs due")
    SILENCE_PROCEDURE = "silence", _("Silence procedure ends")
    OTHER = "other", _("Other milestone")
