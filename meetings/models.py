"""Sessions, rooms, processes, meetings and deadlines of the General Assembly."""

import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gasched.validators import one_line

from .enums import (
    STATUSES_THAT_FREE_THE_ROOM,
    Building,
    DeadlineKind,
    MeetingKind,
    MeetingStatus,
    Mode,
    OrganSection,
    Participation,
    Source,
    Timing,
)
from .headquarters import room_key
from .timing import NEW_YORK, booked_until, today


class SessionQuerySet(models.QuerySet):
    def covering(self, day: date):
        return self.filter(start_date__lte=day, end_date__gte=day)


class Session(models.Model):
    """A session of the General Assembly, e.g. the 71st (September 2016 to September 2017)."""

    number = models.PositiveSmallIntegerField(unique=True)
    start_date = models.DateField()
    end_date = models.DateField()
    president = models.CharField(max_length=200, blank=True, validators=[one_line])
    president_state = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The Member State of the President"),
        validators=[one_line],
    )

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__lt=models.F("end_date")), name="session_starts_before_end"
            )
        ]
        # The office that serves the session's President: a role of its own (meetings.rules).
        permissions = [
            ("pga_office", "Works in the Office of the President of the General Assembly")
        ]

    def __str__(self):
        # Translators: %(ordinal)s is "81st" in English and the bare number "81" in every
        # other language, whose translation adds its own ordinal mark ("81e session").
        return _("%(ordinal)s session") % {"ordinal": ordinal(self.number)}

    def get_absolute_url(self):
        return reverse("meetings:archive-session", args=[self.number])


def ordinal(number: int) -> str:
    """ "81st" in English; other languages write the ordinal in the translated phrase."""
    if not (get_language() or "en").startswith("en"):
        return str(number)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class RoomQuerySet(models.QuerySet):
    def matching(self, text: str):
        """Rooms called `text` under any alias, case and spacing ignored."""
        return self.filter(aliases__key=room_key(text)).distinct()


class Room(models.Model):
    code = models.SlugField(
        max_length=40, unique=True, help_text=_("Short code, e.g. CR3 or GA-HALL")
    )
    name = models.CharField(max_length=200, unique=True, validators=[one_line])
    building = models.CharField(max_length=40, choices=Building.choices)
    has_interpretation = models.BooleanField(
        _("interpretation booths"), default=True, help_text=_("Booths for the six languages")
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Only an official figure; leave empty if unknown")
    )
    is_current = models.BooleanField(
        default=True, help_text=_("Unticked for rooms that old letters name but are gone")
    )
    order = models.PositiveSmallIntegerField(default=0)
    # The name in the other official languages, {"fr": ..., "ar": ...}, as the Journal's
    # editions print it; pages show the reader's, calendars and feeds `name` (English).
    names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('By language code, e.g. {"fr": "Salle de conférence 4"}'),
    )

    objects = RoomQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_current", "order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:room", args=[self.code])

    @property
    def local_name(self) -> str:
        """The name in the page's language, English where none is known."""
        return self.names.get(get_language() or "", "") or self.name


class RoomAlias(models.Model):
    """A name people write for a room ("CR 3", "ECOSOC Chamber", "GA Hall")."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, validators=[one_line])
    key = models.CharField(max_length=200, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("room aliases")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The key is how the alias is looked up; it can only ever follow the name.
        self.key = room_key(self.name)
        super().save(*args, **kwargs)


class Process(models.Model):
    """A track of meetings with a mandate, e.g. negotiations on a political declaration."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="processes")
    title = models.CharField(max_length=400, validators=[one_line])
    short_title = models.CharField(max_length=120, blank=True, validators=[one_line])
    slug = models.SlugField(max_length=140, unique=True)
    mandate = models.TextField(
        blank=True, help_text=_("e.g. operative paragraph 10 of resolution 71/287")
    )
    mandate_symbol = models.CharField(
        max_length=60, blank=True, help_text=_("Document symbol, e.g. A/RES/71/287")
    )
    description = models.TextField(blank=True)
    is_sample = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-session__number", "title"]
        verbose_name_plural = _("processes")

    def __str__(self):
        return self.short_title or self.title

    def get_absolute_url(self):
        return reverse("meetings:process", args=[self.slug])

    @property
    def mandate_url(self) -> str:
        return document_url(self.mandate_symbol) if self.mandate_symbol else ""


class Organ(models.Model):
    """A body whose official meetings the Journal of the United Nations lists: the
    General Assembly plenary, a Main Committee, ECOSOC, the Security Council, ..."""

    code = models.SlugField(max_length=60, unique=True, help_text=_("e.g. third-committee"))
    name = models.CharField(max_length=200, unique=True, validators=[one_line])
    short_name = models.CharField(
        max_length=80, blank=True, help_text=_("e.g. Third Committee"), validators=[one_line]
    )
    # The prefix of the body's documents (A/C.3 for the Third Committee): how the
    # Journal names an organ, and what a symbol in an agenda item begins with.
    symbol = models.CharField(max_length=40, blank=True, validators=[one_line])
    section = models.CharField(
        max_length=20, choices=OrganSection.choices, default=OrganSection.OTHER
    )
    order = models.PositiveSmallIntegerField(default=100)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("meetings:organ", args=[self.code])


class CoFacilitator(models.Model):
    """A co-facilitator (or co-chair) of a process, usually a Permanent Representative."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="cofacilitators")
    name = models.CharField(
        max_length=200, blank=True, help_text=_("As the letter gives it"), validators=[one_line]
    )
    title = models.CharField(
        max_length=200, default="Permanent Representative", validators=[one_line]
    )
    state = models.CharField(
        max_length=200, help_text=_("The State they represent"), validators=[one_line]
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "state"]
        verbose_name = _("co-facilitator")

    def __str__(self):
        who = self.name or self.title
        return f"{who} ({self.state})"


# Webcast links open from the meeting page and the feeds: a web page, nothing else
# (no ftp:, no javascript:, no address without its scheme).
WEB_ADDRESS = URLValidator(
    schemes=["https", "http"],
    message=_("Enter a web address that starts with https:// (or http://)."),
)


# One line that reads whole in an e-mail, a calendar's description and a feed entry.
STATUS_REASON_LENGTH = 200


def document_url(symbol: str) -> str:
    """undocs.org resolves a UN document symbol to the Official Document System."""
    return f"https://undocs.org/{symbol}"


class EarliestStart(models.Func):
    """MIN(start) over the rows found, read from them. A plain MIN(start) PostgreSQL answers
    by walking the start index from the first meeting ever stored until one matches (it
    takes matches to be spread evenly over the years); a FILTER clause rules that out."""

    function = "MIN"
    template = "%(function)s(%(expressions)s) FILTER (WHERE TRUE)"


class MeetingQuerySet(models.QuerySet):
    def holding_rooms(self):
        """Meetings that occupy their room (a postponed or cancelled one does not)."""
        return self.exclude(status__in=STATUSES_THAT_FREE_THE_ROOM)

    def overlapping(self, start, until):
        return self.filter(start__lt=until, booked_until__gt=start)

    def still_on_at(self, moment):
        """Meetings that hold on past `moment`, read from the window: the earliest start
        among them (found on the booked_until index) bounds the start too, so a query
        ordered by start begins there instead of at the first meeting ever stored."""
        earliest = (
            self.model.objects.filter(booked_until__gt=moment)
            .order_by()
            .annotate(first=EarliestStart("start"))
            .values("first")
        )
        return self.filter(booked_until__gt=moment, start__gte=models.Subquery(earliest))

    def for_listing(self):
        # Not "follows": rows do not show it, and its join can read the whole table.
        return self.select_related("room", "overflow_room", "process")

    def for_calendar(self):
        """What a calendar event shows. The title of the meeting followed comes from a
        lookup by primary key per meeting that has one (never a join, which PostgreSQL
        answers by reading every meeting ever stored once a feed is large)."""
        followed = (
            self.model.objects.filter(pk=models.OuterRef("follows_id")).order_by().values("title")
        )
        return (
            self.select_related("process", "room", "overflow_room", "organ")
            .prefetch_related("process__cofacilitators", "agenda_items")
            .annotate(follows_title=models.Subquery(followed[:1]))
        )

    def published(self):
        """What missions and the public may see: every public page, feed, the API and
        the outbox read meetings through this. A draft is the office's alone."""
        return self.filter(published_at__isnull=False)

    def drafts(self):
        return self.filter(published_at__isnull=True)


class Meeting(models.Model):
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="meetings")
    process = models.ForeignKey(
        Process, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    kind = models.CharField(max_length=40, choices=MeetingKind.choices)
    title = models.CharField(max_length=400, validators=[one_line])
    # The body whose official meeting this is (the Journal's "Official meetings"); empty
    # for the informal consultations, briefings and events the office organises.
    organ = models.ForeignKey(
        Organ, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    # The official meeting's number in its body and session ("the 45th plenary meeting").
    meeting_number = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("e.g. 45 for the 45th plenary meeting")
    )
    source = models.CharField(
        max_length=20, choices=Source.choices, default=Source.OFFICE, editable=False
    )
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    # Why a meeting is cancelled or postponed, as the office gave it (calling_off): shown
    # on its page, in the e-mail, in What changed and in calendars. Empty while it is on.
    status_reason = models.CharField(
        _("reason"),
        max_length=STATUS_REASON_LENGTH,
        blank=True,
        validators=[one_line],
        help_text=_("Why the meeting is cancelled or postponed, in one line"),
    )
    # Empty: a draft, seen by the PGA office only, sending nothing. Set once, by
    # schedule.publish_meetings (the Publish page), never by a save: a form or the admin
    # cannot publish by accident. Apart from the status, which says what the meeting is
    # (tentative, scheduled, postponed, cancelled) once people may know of it.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    timing = models.CharField(max_length=20, choices=Timing.choices, default=Timing.EXACT)
    start = models.DateTimeField(
        help_text=_("When not at a set time: the start of the period that was announced")
    )
    end = models.DateTimeField(null=True, blank=True, help_text=_("Empty when not announced"))
    follows = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_by",
        help_text=_("Starts following the adjournment of this meeting"),
    )
    # Until when the room is held: the announced end, or the slot the timing implies.
    # Stored because the PostgreSQL exclusion constraint needs a column to range over.
    booked_until = models.DateTimeField(editable=False)
    room = models.ForeignKey(
        Room, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    overflow_room = models.ForeignKey(
        Room, on_delete=models.PROTECT, null=True, blank=True, related_name="overflow_meetings"
    )
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    is_closed = models.BooleanField(_("closed meeting"), default=False)
    participation = models.CharField(
        max_length=30, choices=Participation.choices, default=Participation.MEMBER_STATES
    )
    notes = models.TextField(blank=True)
    documents = models.JSONField(
        default=list, blank=True, help_text=_("Document symbols, e.g. A/62/640")
    )
    webcast_url = models.URLField(blank=True, validators=[WEB_ADDRESS])
    # Raised on every change invitees must hear of (changes.calendar_change: time, room,
    # in person or virtual, status, title); calendars use it to order updates.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # When the calendar event last changed (its DTSTAMP and LAST-MODIFIED in the feeds):
    # moved by changes.calendar_change's verdict only, never by a save that changes
    # nothing a calendar shows.
    calendar_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    # Raised on every save (schedule.save_meeting): an edit form carries the revision it was
    # opened at, and a save from an older one is refused instead of silently overwriting.
    revision = models.PositiveIntegerField(default=0, editable=False)
    is_sample = models.BooleanField(default=False, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()
    # The audit trail: who changed what, when (django-simple-history).
    history = HistoricalRecords(excluded_fields=["updated", "booked_until", "calendar_changed_at"])

    class Meta:
        ordering = ["start", "room__order", "pk"]
        # The window of every schedule page (start; booked_until for what is still to
        # come) and the filters, so that no page reads the years stored before it.
        indexes = [
            models.Index(fields=["start"]),
            models.Index(fields=["room", "start"]),
            models.Index(fields=["booked_until", "start"]),
            models.Index(fields=["session", "start"]),
            models.Index(fields=["status", "start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(overflow_room=models.F("room")),
                name="meeting_overflow_room_differs",
            ),
            # A number is the number of a body's meeting: never without the body.
            models.CheckConstraint(
                condition=Q(meeting_number__isnull=True) | Q(organ__isnull=False),
                name="meeting_number_needs_organ",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.local_start:%-d %B %Y})"

    def save(self, *args, **kwargs):
        self.booked_until = self.holds_room_until()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    def clean(self):
        """The rules of one meeting, whichever way it comes in (staff form, letter, admin,
        demo). The rules across meetings (sessions, rooms taken) are in
        schedule.place_in_schedule, which save_meeting calls after this."""
        errors: dict[str, list] = {}

        def refuse(field: str, message) -> None:
            errors.setdefault(field, []).append(message)

        if self.meeting_number is not None and self.organ_id is None:
            refuse("organ", gettext("A meeting number needs the body whose meeting it is."))
        if self.follows_id is not None and self.follows_id == self.pk:
            refuse("follows", gettext("A meeting cannot follow itself."))
        if self.mode == Mode.VIRTUAL and (self.room_id or self.overflow_room_id):
            refuse("room", gettext("A virtual meeting has no room; choose Hybrid instead."))
        if self.room_id and self.room_id == self.overflow_room_id:
            refuse("overflow_room", gettext("The overflow room must differ from the room."))
        if not self.is_off:
            self.status_reason = ""  # a meeting back on keeps no reason for being off
        if self.start is not None:
            day = self.local_start.date()
            try:
                check_meeting_date(day)
            except ValidationError as error:
                refuse("start", error)
            # A postponed or cancelled meeting keeps the time it had: it must stay
            # cancellable whatever became of the meeting it was to follow.
            if self.timing == Timing.FOLLOWING and "follows" not in errors and not self.is_off:
                self._start_after_followed(day, refuse)
            if self.end is not None and self.end <= self.start:
                refuse("end", gettext("The meeting must end after it starts."))
            # A postponed or cancelled meeting holds no room, and stays cancellable when
            # its room closes; any other meeting from today on needs a room still in use.
            if not self.is_off and day >= today():
                for field in ("room", "overflow_room"):
                    room = getattr(self, field)
                    if room is not None and not room.is_current:
                        refuse(field, gettext("%(room)s is no longer in use.") % {"room": room})
        if errors:
            raise ValidationError(errors)

    def _start_after_followed(self, day: date, refuse) -> None:
        followed = self.follows
        if followed is None:
            refuse("follows", gettext("Say which meeting this one follows."))
        elif self.start != followed.booked_until:  # not yet placed after it
            if followed.local_start.date() != day:
                refuse("follows", gettext("That meeting is not held on the same day."))
            else:
                # It starts when the earlier meeting ends, as far as anyone can know.
                self.start = followed.booked_until

    def holds_room_until(self) -> datetime:
        """Until when the meeting holds its room: its announced end, or the slot its timing
        implies. The one place booked_until is worked out; save() stores it."""
        return booked_until(self.start, self.end, self.timing)

    @property
    def local_start(self):
        return timezone.localtime(self.start, NEW_YORK)

    @property
    def local_end(self):
        return timezone.localtime(self.end, NEW_YORK) if self.end else None

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    @property
    def is_at_set_time(self) -> bool:
        return self.timing == Timing.EXACT

    @property
    def is_off(self) -> bool:
        """Postponed or cancelled: shown, marked, and no longer holding its room."""
        return self.status in STATUSES_THAT_FREE_THE_ROOM

    @property
    def uid(self) -> str:
        """The iCalendar UID: built here only, never changes when the meeting is edited."""
        return f"meeting-{self.pk}@{settings.GASCHED_UID_DOMAIN}"

    @property
    def ics_filename(self) -> str:
        return f"meeting-{self.pk}.ics"

    @property
    def document_links(self) -> list[tuple[str, str]]:
        return [(symbol, document_url(symbol)) for symbol in self.documents]

    @property
    def official_name(self) -> str:
        """ "General Assembly, 45th plenary meeting" as the Journal heads it; empty for a
        meeting of no organ."""
        if self.organ is None:
            return ""
        if self.meeting_number is None:
            return str(self.organ)
        return f"{self.organ}, {self.number_name}"

    @property
    def number_name(self) -> str:
        """ "45th plenary meeting", "12th meeting": the meeting's name under its body's
        heading in the Journal; empty without a number."""
        if self.meeting_number is None or self.organ is None:
            return ""
        if self.organ.section == OrganSection.PLENARY:
            # Translators: "45th plenary meeting"; %(ordinal)s as for sessions.
            return _("%(ordinal)s plenary meeting") % {"ordinal": ordinal(self.meeting_number)}
        return _("%(ordinal)s meeting") % {"ordinal": ordinal(self.meeting_number)}

    @property
    def is_past(self) -> bool:
        """Held on a day before today (New York): "Held" rather than "Scheduled". By the
        day, as the programme splits past and planned, so a page stays true all day."""
        return self.local_start.date() < today()


# The General Assembly first met on 10 January 1946; nothing is planned years ahead.
EARLIEST_MEETING_DATE = date(1946, 1, 10)
PLANNING_HORIZON = timedelta(days=5 * 366)


def check_meeting_date(day: date) -> None:
    """Refuse a date no meeting or deadline of the General Assembly can have."""
    latest = today() + PLANNING_HORIZON
    if not EARLIEST_MEETING_DATE <= day <= latest:
        raise ValidationError(
            gettext("Enter a date between %(first)s and %(last)s.")
            % {"first": EARLIEST_MEETING_DATE.isoformat(), "last": latest.isoformat()},
            code="date_out_of_range",
        )


class Segment(models.Model):
    """A part of a meeting, e.g. the morning and afternoon panels of a thematic debate."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="segments")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=400, validators=[one_line])
    timing = models.CharField(max_length=20, choices=Timing.choices, default=Timing.DAY)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class AgendaItem(models.Model):
    """An item of the agenda taken up at an official meeting, with its documents, as the
    Journal prints it: "Item 13 — Culture of peace (A/79/345)"."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(
        max_length=20, blank=True, help_text=_("e.g. 13 or 120 (b)"), validators=[one_line]
    )
    title = models.CharField(max_length=600, validators=[one_line])
    documents = models.JSONField(
        default=list, blank=True, help_text=_("Document symbols, e.g. A/79/345")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    @property
    def document_links(self) -> list[tuple[str, str]]:
        return [(symbol, document_url(symbol)) for symbol in self.documents]


class EntryToken(models.Model):
    """The one-time token of a "New meeting" form and the meeting it created: the same
    form sent twice (a double click, the back button, sending again after an error page)
    creates one meeting (schedule.create_meeting)."""

    token = models.CharField(max_length=64, unique=True)
    # Set in the transaction that takes the token; gone with the meeting.
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, null=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.token


class Deadline(models.Model):
    """A dated milestone of a process that is not a meeting (a zero draft, a silence)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=30, choices=DeadlineKind.choices)
    title = models.CharField(max_length=300, validators=[one_line])
    due_date = models.DateField()
    due_time = models.TimeField(null=True, blank=True, help_text=_("New York time, if given"))
    close_of_business = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    # Raised whenever the deadline moves (save()): calendars take the event with the
    # highest SEQUENCE as the current one.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # Feeds date a deadline's event from its last change, never from the request.
    updated = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        ordering = ["due_date", "due_time", "pk"]

    def __str__(self):
        return f"{self.title} ({self.due_date:%-d %B %Y})"

    def save(self, *args, **kwargs):
        """Every way a deadline is saved (staff form, admin, import) raises SEQUENCE when
        its date, time or close-of-business changes: the one place that decides it."""
        if self.pk is not None:
            stored = (
                Deadline.objects.filter(pk=self.pk)
                .values_list("due_date", "due_time", "close_of_business", "sequence")
                .first()
            )
            if stored is not None:
                *when, sequence = stored
                self.sequence = sequence
                if when != [self.due_date, self.due_time, self.close_of_business]:
                    self.sequence += 1
                    fields = kwargs.get("update_fields")
                    if fields is not None:
                        kwargs["update_fields"] = {*fields, "sequence"}
        super().save(*args, **kwargs)

    @property
    def uid(self) -> str:
        return f"deadline-{self.pk}@{settings.GASCHED_UID_DOMAIN}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits: unguessable, so the feed needs no login


class PersonalSchedule(models.Model):
    """What one user follows ("my schedule"), and the private address of its feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_schedule"
    )
    # Empty when the user revoked the feed; a new one is made on request.
    token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    processes = models.ManyToManyField(Process, blank=True, related_name="followers")
    rooms = models.ManyToManyField(Room, blank=True, related_name="followers")
    meetings = models.ManyToManyField(Meeting, blank=True, related_name="followers")
    # A body's official meetings (the Third Committee's, the plenary's).
    organs = models.ManyToManyField(Organ, blank=True, related_name="followers")
    kinds = models.JSONField(default=list, blank=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Schedule of {self.user}"

    def get_absolute_url(self):
        return reverse("meetings:my-schedule")
