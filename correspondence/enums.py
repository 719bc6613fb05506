"""The vocabularies of correspondence."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sender(models.TextChoices):
    PGA = "pga", _("President of the General Assembly")
    CO_FACILITATORS = "co-facilitators", _("Co-facilitators")
    CO_CHAIRS = "co-chairs", _("Co-chairs")
    COMMITTEE_CHAIR = "committee-chair", _("Chair of a Main Committee")
    SECRETARIAT = "secretariat", _("Secretariat")
    OTHER = "other", _("Other")


class ProposalState(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ProposalAction(models.TextChoices):
    """What a letter does to the schedule, as the extraction read it."""

    ANNOUNCE = "announce", _("Announces a meeting")
    MOVE = "move", _("Moves a meeting")
    POSTPONE = "postpone", _("Postpones a meeting")
    CANCEL = "cancel", _("Cancels a meeting")


class AnnouncementRole(models.TextChoices):
    """How a letter bears on a meeting, as listed on the meeting's page."""

    ANNOUNCED = "announced", _("Announced it")
    CHANGED = "changed", _("Changed it")
    REPORTED = "reported", _("Reported it as held")
    CONFIRMED = "confirmed", _("Confirmed it")


class DeliveryKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    UPDATE = "update", _("Updated invitation")
    CANCELLATION = "cancellation", _("Cancellation")
    REMINDER = "reminder", _("Reminder")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent")


class Answer(models.TextChoices):
    """A contact's answer to an invitation (the iTIP PARTSTAT of their REPLY)."""

    ACCEPTED = "accepted", _("Accepted")
    TENTATIVE = "tentative", _("Tentative")
    DECLINED = "declined", _("Declined")


class MailState(models.TextChoices):
    PENDING = "pending", _("Waiting to be handled")
    HANDLED = "handled", _("Handled")
    FAILED = "failed", _("Could not be handled")


class MailOutcome(models.TextChoices):
    """What became of a message the reply address received."""

    RECORDED = "recorded", _("Answer recorded")
    NOT_NEWER = "not-newer", _("Older than the answer on record")
    FORWARDED = "forwarded", _("Forwarded to the office")
    UNKNOWN_MEETING = "unknown-meeting", _("Not a meeting of ours")
    NOT_INVITED = "not-invited", _("The attendee was not invited to this meeting")
    OTHER_SENDER = "other-sender", _("Sent from outside the attendee's domain")
    MEETING_OFF = "meeting-off", _("The meeting is cancelled or postponed")
    UNUSABLE = "unusable", _("A reply without a usable answer")


class InvitationReason(models.TextChoices):
    """Why a contact is invited to a meeting (delivery.invitees), in the order the
    publish preview lists them. A contact counts once, under the first that applies
    of: focal point, process, kind, everything."""

    KIND = "kind", _("Their mission takes this kind of meeting (plenary and high-level by default)")
    PROCESS = "process", _("Their mission follows the process")
    FOCAL_POINT = "focal-point", _("Focal point for the process")
    EVERYTHING = "everything", _("Their mission takes every meeting")


class ProgrammeScope(models.TextChoices):
    """What tomorrow's programme by e-mail lists for a subscriber."""

    ALL = "all", _("The whole programme")
    # A user's "My schedule"; for a mission's contact, what the mission is invited to.
    FOLLOWED = "followed", _("Only what I follow")


class ProgrammeMailKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    CORRECTION = "correction", _("Correction")
