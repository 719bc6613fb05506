"""The letters the office works from with what they propose, and the invitations sent
to the missions' contacts."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from gasched.validators import one_line
from meetings.enums import DeadlineKind, MeetingKind, Timing
from meetings.models import Deadline, Meeting, Process, Room
from missions.models import Contact

from .enums import (
    AnnouncementRole,
    Answer,
    DeliveryKind,
    DeliveryState,
    MailOutcome,
    MailState,
    ProgrammeMailKind,
    ProgrammeScope,
    ProposalAction,
    ProposalState,
    Sender,
)


def original_path(letter: "Letter", filename: str) -> str:
    # The stored name never comes from the uploader: only the digest and the type.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "txt"
    suffix = suffix if suffix in ("pdf", "docx", "txt") else "bin"
    name = letter.sha256 or "letter"
    return f"letters/{name[:2]}/{name}.{suffix}"


class Letter(models.Model):
    """A letter to all Permanent Representatives and Permanent Observers, or one it encloses.

    The uploaded file belongs to the outer letter; an enclosed letter (the
    co-facilitators' letter under a PGA cover letter) points to it.
    """

    date = models.DateField(null=True, blank=True, help_text=_("As the letter is dated"))
    sender = models.CharField(max_length=30, choices=Sender.choices, blank=True)
    subject = models.CharField(max_length=400, blank=True, validators=[one_line])
    addressees = models.CharField(max_length=400, blank=True)
    body = models.TextField(help_text=_("The text of the letter"))
    process = models.ForeignKey(
        Process, on_delete=models.SET_NULL, null=True, blank=True, related_name="letters"
    )
    enclosed_in = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="enclosures"
    )
    # "Further to my letter dated 12 June": the dates as written, and the letters found.
    refers_to_dates = models.JSONField(default=list, blank=True)
    refers_to = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="referred_to_by"
    )
    original = models.FileField(upload_to=original_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    is_published = models.BooleanField(
        _("published in the archive"),
        default=False,
        help_text=_("Mission staff and the public see a letter once it is published"),
    )
    meetings = models.ManyToManyField(
        Meeting, through="Announcement", blank=True, related_name="letters"
    )
    extraction_warnings = models.JSONField(default=list, blank=True, editable=False)
    # The review page shows the whole text as read, every date, time, room and platform
    # it names marked (correspondence.mentions): kept at import, so the page reads
    # neither the file nor the letter again. On the outer letter only.
    text_as_read = models.TextField(blank=True, editable=False)
    mentions = models.JSONField(default=list, blank=True, editable=False)
    dates_not_understood = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            # The same file is one letter: uploading it again finds the first.
            models.UniqueConstraint(
                fields=["sha256"],
                condition=Q(enclosed_in__isnull=True) & ~Q(sha256=""),
                name="letter_file_uploaded_once",
            )
        ]

    def __str__(self):
        return self.subject or self.describe()

    def get_absolute_url(self):
        return reverse("correspondence:letter", args=[self.pk])

    def describe(self) -> str:
        who = self.get_sender_display() if self.sender else _("Letter")
        if self.date is None:
            return str(who)
        return _("%(who)s, letter of %(date)s") % {
            "who": who,
            "date": date_format(self.date, "DATE_FORMAT"),
        }

    @property
    def outer(self) -> "Letter":
        return self.enclosed_in or self


class Signatory(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="signatories")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200, validators=[one_line])
    honorific = models.CharField(max_length=40, blank=True, help_text=_("e.g. H.E. Mr."))
    title = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=200, blank=True, help_text=_("The State they represent"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name_plural = _("signatories")

    def __str__(self):
        parts = [
            self.name,
            self.title and f"{self.title}" + (f" of {self.state}" if self.state else ""),
        ]
        return ", ".join(p for p in parts if p)


class Announcement(models.Model):
    """A letter's bearing on a meeting: it announced, changed or reported it."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="announcements")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="announcements")
    role = models.CharField(max_length=20, choices=AnnouncementRole.choices)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["letter__date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "meeting"], name="announcement_once")
        ]

    def __str__(self):
        return f"{self.letter} → {self.meeting}"


class Proposal(models.Model):
    """What both kinds of proposal share: where it came from and how the review went."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    source = models.TextField(help_text=_("The sentence it was read from"))
    state = models.CharField(
        max_length=20, choices=ProposalState.choices, default=ProposalState.PROPOSED
    )
    warnings = models.JSONField(default=list, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    @property
    def is_open(self) -> bool:
        return self.state == ProposalState.PROPOSED


class ProposedMeeting(Proposal):
    """A meeting as the letter states it, for staff to correct, accept or reject."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="proposed_meetings")
    action = models.CharField(
        max_length=20, choices=ProposalAction.choices, default=ProposalAction.ANNOUNCE
    )
    date = models.DateField()
    start = models.TimeField(null=True, blank=True, help_text=_("New York time"))
    end = models.TimeField(null=True, blank=True, help_text=_("New York time"))
    timing = models.CharField(max_length=20, choices=Timing.choices, default=Timing.DAY)
    room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=40, choices=MeetingKind.choices)
    title = models.CharField(max_length=400, validators=[one_line])
    is_tentative = models.BooleanField(default=False)
    was_held = models.BooleanField(
        default=False, help_text=_("The letter reports it as already held")
    )
    moved_from = models.DateField(null=True, blank=True)
    # The meeting already in the schedule that this proposal repeats or changes.
    existing = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The meeting it became once accepted.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals"
    )

    class Meta(Proposal.Meta):
        pass

    def __str__(self):
        return f"{self.title} ({self.date:%-d %B %Y})"


class ProposedDeadline(Proposal):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="proposed_deadlines")
    kind = models.CharField(max_length=30, choices=DeadlineKind.choices)
    title = models.CharField(max_length=300, validators=[one_line])
    due_date = models.DateField()
    due_time = models.TimeField(null=True, blank=True)
    close_of_business = models.BooleanField(default=False)
    existing = models.ForeignKey(
        Deadline, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deadline = models.ForeignKey(
        Deadline, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals"
    )

    class Meta(Proposal.Meta):
        pass

    def __str__(self):
        return f"{self.title} ({self.due_date:%-d %B %Y})"


class OutboxRow(models.Model):
    """What every outbox row carries for correspondence.delivery to send it exactly once:
    its state, the claim of the worker sending it, and its attempts."""

    state = models.CharField(
        max_length=20, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt = models.DateTimeField(default=timezone.now)
    claimed = models.DateTimeField(null=True, blank=True)
    # Which worker's claim this is: a row the requeue sweep took back is not theirs.
    claim = models.CharField(max_length=32, blank=True, editable=False)
    sent = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Delivery(OutboxRow):
    """The outbox: this contact must get this version of this meeting, once.

    Written in the same transaction as the change it announces; Celery sends it after
    commit, and a periodic sweep re-queues whatever is still pending.
    """

    # A meeting the missions were invited to is cancelled, never deleted: deleting it
    # would leave it in their calendars with no cancellation sent.
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="deliveries")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(max_length=20, choices=DeliveryKind.choices)
    sequence = models.PositiveIntegerField(help_text=_("The meeting's SEQUENCE it carries"))
    lead_minutes = models.PositiveIntegerField(default=0, help_text=_("Reminders only"))
    # Updates and cancellations: what changed since the version the contact has, before →
    # after (meetings.changes.CalendarDifference as data), for the e-mail to say.
    changes = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "contact", "kind", "sequence", "lead_minutes"],
                name="delivery_once",
            )
        ]
        indexes = [models.Index(fields=["state", "next_attempt"])]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.contact.email} ({self.get_state_display()})"

    @property
    def message_id(self) -> str:
        """The same for every attempt: a receiving server can tell a repeat."""
        return f"<delivery-{self.pk}.{self.sequence}@{settings.GASCHED_UID_DOMAIN}>"


class Reminder(models.Model):
    """When to remind the invited of a meeting: recomputed whenever the meeting moves."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    lead_minutes = models.PositiveIntegerField()
    due = models.DateTimeField()
    swept = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "lead_minutes"], name="reminder_once")
        ]
        indexes = [models.Index(fields=["swept", "due"])]

    def __str__(self):
        return f"Reminder {self.lead_minutes} min before {self.meeting}"


class ReceivedMail(models.Model):
    """A message the reply address received, kept exactly as it came.

    Stored (and committed) before the sending server is told it was delivered, and
    handled after: a failure in between (the relay down for a forward, a crash) leaves
    it waiting here for the retry sweep, never lost.
    """

    raw = models.BinaryField()
    sender = models.CharField(max_length=400, blank=True)  # the envelope's MAIL FROM
    received = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=20, choices=MailState.choices, default=MailState.PENDING)
    outcome = models.CharField(max_length=20, choices=MailOutcome.choices, blank=True)
    detail = models.TextField(blank=True)  # why: what the office's log says
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt = models.DateTimeField(default=timezone.now)
    handled = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received", "-pk"]
        verbose_name = _("received mail")
        verbose_name_plural = _("received mail")
        indexes = [models.Index(fields=["state", "next_attempt"])]

    def __str__(self):
        return f"Mail {self.pk} from {self.sender or '<>'} ({self.get_state_display()})"


class Reply(models.Model):
    """A contact's latest answer to a meeting's invitation, from their calendar's REPLY.

    One per contact and meeting: a later answer replaces it only when it is newer (a
    higher SEQUENCE, or the same with a later DTSTAMP). `sequence` is the version of the
    meeting it answered: below the meeting's own, it answered an earlier version.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="replies")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="replies")
    answer = models.CharField(max_length=20, choices=Answer.choices)
    sequence = models.PositiveIntegerField(help_text=_("The meeting's SEQUENCE it answered"))
    answered = models.DateTimeField(help_text=_("When the contact answered"))
    mail = models.ForeignKey(
        ReceivedMail, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "contact"]
        verbose_name_plural = _("replies")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "contact"], name="reply_once_per_contact")
        ]

    def __str__(self):
        return f"{self.contact.email}: {self.get_answer_display()} ({self.meeting_id})"


def new_subscription_token() -> str:
    return secrets.token_urlsafe(24)  # the one-click unsubscribe needs no sign-in


class ProgrammeSubscription(models.Model):
    """Tomorrow's programme by e-mail, every working-day evening, for a user or for a
    mission's contact who asked for it (correspondence.daily_programme)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="programme_subscription",
    )
    contact = models.OneToOneField(
        Contact,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="programme_subscription",
    )
    scope = models.CharField(
        max_length=20, choices=ProgrammeScope.choices, default=ProgrammeScope.ALL
    )
    # The language of the e-mail's own words; the meetings' titles stay as entered.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    token = models.CharField(
        max_length=64, unique=True, default=new_subscription_token, editable=False
    )
    active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, contact__isnull=True)
                | Q(user__isnull=True, contact__isnull=False),
                name="programme_subscription_user_or_contact",
            )
        ]

    def __str__(self):
        return f"Programme for {self.user or self.contact}"

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else self.contact.email

    @property
    def name(self) -> str:
        if self.contact_id:
            return self.contact.name
        return self.user.get_full_name() or self.user.email


class ProgrammeIssue(models.Model):
    """A day's programme as it went to the subscribers: written once (its unique day is
    what keeps a second run of the beat from writing it again), with the meetings it
    listed and their versions, which tell a late change from the programme as sent."""

    day = models.DateField(unique=True)
    written = models.DateTimeField(default=timezone.now)
    meetings = models.JSONField(default=dict, blank=True)  # str(pk) -> sequence

    class Meta:
        ordering = ["-day"]

    def __str__(self):
        return f"Programme of {self.day}"


class ProgrammeAmendment(models.Model):
    """A change to a day's programme after it was sent, before the day began: added,
    changed, called off or moved away. Corrections gather those not yet told."""

    day = models.DateField()
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    sequence = models.PositiveIntegerField()
    # "added", "away" (no longer that day), or the calendar's headline ("Moved", …).
    what = models.CharField(max_length=40)
    created = models.DateTimeField(default=timezone.now)
    corrected = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["day", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "meeting", "sequence"], name="programme_amendment_once"
            )
        ]
        indexes = [models.Index(fields=["corrected", "day"])]

    def __str__(self):
        return f"{self.what}: {self.meeting_id} on {self.day}"


class ProgrammeDelivery(OutboxRow):
    """The programme's outbox: one day's programme to one subscriber, once; or one
    correction (the amendments it tells, numbered by the last of them)."""

    subscription = models.ForeignKey(
        ProgrammeSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    day = models.DateField()
    kind = models.CharField(
        max_length=20, choices=ProgrammeMailKind.choices, default=ProgrammeMailKind.PROGRAMME
    )
    number = models.PositiveIntegerField(default=0)  # a correction's last amendment
    # A programme: the meetings it lists (none: the whole programme); a correction: the
    # amendments it tells.
    items = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name_plural = _("programme deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "day"],
                condition=Q(kind="programme"),
                name="programme_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["subscription", "day", "number"],
                condition=Q(kind="correction"),
                name="programme_correction_once",
            ),
        ]
        indexes = [models.Index(fields=["state", "next_attempt"])]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.day} ({self.get_state_display()})"

    @property
    def message_id(self) -> str:
        return f"<programme-{self.pk}.{self.number}@{settings.GASCHED_UID_DOMAIN}>"
