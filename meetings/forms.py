"""Forms for filtering the programme and for staff entry.

Forms turn what people type (New York dates and times, room aliases, document
symbols) into model values. The rules of a meeting live in Meeting.clean, which the
meeting form runs as any ModelForm does, and the rules across meetings (sessions,
rooms taken) in schedule.place_in_schedule, which schedule.save_meeting runs.
"""

import re
import secrets
from datetime import datetime, time

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from gasched.validators import one_line

from . import advice, precedence
from .enums import STATUSES_THAT_FREE_THE_ROOM, MeetingKind, Timing
from .models import (
    STATUS_REASON_LENGTH,
    WEB_ADDRESS,
    CoFacilitator,
    Meeting,
    Process,
    Room,
    check_meeting_date,
)
from .processes import unique_slug
from .rooms import find_room, mode_named_by
from .schedule import FilterChoices, ScheduleFilter
from .timing import NonexistentTime, new_york_datetime, period_start

DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,10}(/[A-Za-z0-9.()\-]+)+$")


class ScheduleFilterForm(forms.Form):
    # Ticked in groups, each value with how many meetings of the session it finds; the
    # URL is the same as a multiple select's (?kind=a&kind=b), so feeds keep working.
    kind = forms.MultipleChoiceField(
        label=gettext_lazy("Kind"),
        choices=MeetingKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    process = forms.MultipleChoiceField(
        label=gettext_lazy("Process"),
        required=False,
        help_text=gettext_lazy(
            "This session's processes. Search for another session's by its name."
        ),
        widget=forms.CheckboxSelectMultiple,
    )
    room = forms.MultipleChoiceField(
        label=gettext_lazy("Room"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # Chosen by address (the feed of the plenary and the Main Committees), kept as the
    # filter box sends the form again; not offered in it.
    organ = forms.MultipleChoiceField(
        label=gettext_lazy("Body"), required=False, widget=forms.MultipleHiddenInput
    )
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)

    def __init__(
        self,
        *args,
        processes: list[tuple[str, str]],
        rooms: list[tuple[str, str]],
        organs: list[tuple[str, str]] = (),
        choices: FilterChoices | None = None,
        counts: dict[str, dict[str, int]] | None = None,
        **kw,
    ):
        """processes, rooms and organs: (value, label) pairs, as
        schedule.known_filter_values() gives (a session's processes, and those the filter
        names; bodies only when the filter names them); `choices` adds the
        rooms' names in the page's language, `counts` (schedule.known_counts) how many
        meetings each value finds."""
        super().__init__(*args, **kw)
        counts = counts or {}
        room_names = choices.room_names if choices else {}
        language = get_language() or ""
        rooms = [(code, room_names.get(code, {}).get(language) or name) for code, name in rooms]
        for name, values in (
            ("kind", MeetingKind.choices),
            ("process", processes),
            ("room", rooms),
        ):
            if name in counts:
                values = [(v, f"{label} ({counts[name].get(v, 0)})") for v, label in values]
            self.fields[name].choices = values
        self.fields["organ"].choices = list(organs)
        # Rooms no longer in use are listed only where the session held meetings in them
        # (the archive's) or the filter names them; they are accepted all the same.
        self.unlisted_rooms = {
            code
            for code in (choices.historical_rooms if choices else ())
            if not counts.get("room", {}).get(code)
        }

    def chosen_count(self) -> int:
        """How many values the filter names (the closed filter box says so)."""
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return 0
        data = self.cleaned_data
        return sum(len(data.get(name) or ()) for name in ("kind", "process", "room")) + bool(
            data.get("q")
        )

    def schedule_filter(self) -> ScheduleFilter:
        data = self.cleaned_data
        return ScheduleFilter.canonical(
            kinds=data["kind"],
            processes=data["process"],
            rooms=data["room"],
            text=data["q"],
            organs=data.get("organ", ()),
        )


class WebAddressField(forms.URLField):
    """A web page's address. One typed without a scheme is taken as https, as Django 6
    will do; one that starts with "//" (whatever the page's scheme is) or has another
    scheme (ftp:, javascript:) is refused, on the staff pages and in the admin alike."""

    default_validators = [WEB_ADDRESS]
    default_error_messages = {"invalid": WEB_ADDRESS.message}

    def __init__(self, **kwargs):
        super().__init__(**{"assume_scheme": "https", **kwargs})

    def to_python(self, value):
        if isinstance(value, str) and value.strip().startswith(("//", "\\\\")):
            raise ValidationError(WEB_ADDRESS.message, code="invalid")
        return super().to_python(value)


class RoomField(forms.CharField):
    """A room typed as people write it: "CR3", "CR 3", "ECOSOC Chamber", "GA Hall"."""

    def to_python(self, value):
        text = super().to_python(value)
        return find_room(text) if text else None

    def prepare_value(self, value):
        if isinstance(value, Room):
            return value.name
        if isinstance(value, int):
            return Room.objects.filter(pk=value).values_list("name", flat=True).first()
        return value


class ErrorsWhereTyped:
    """For the forms a meeting comes in by (staff entry, letter review, the admin): errors
    about the meeting's fields (from Meeting.clean and the domain) go to the fields people
    typed them as (TYPED_AS), or above the form when it has no such field; one that
    repeats what the form found itself is dropped."""

    TYPED_AS: dict[str, str] = {}

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):
            placed: dict[str, list] = {}
            for name, errors in error.error_dict.items():
                target = self.TYPED_AS.get(name, name)
                if target != NON_FIELD_ERRORS and target not in self.fields:
                    target = NON_FIELD_ERRORS
                shown = set((self._errors or {}).get(target, []))
                fresh = [e for e in errors if not shown.issuperset(e.messages)]
                if fresh:
                    placed.setdefault(target, []).extend(fresh)
            if not placed:
                return
            error = ValidationError(placed)
        super().add_error(field, error)


# 15:00, 15.00, 15h00, 1500; ":00" seconds tolerated (pasted from a system that adds them).
TIME_OF_DAY = re.compile(r"^\s*(?P<hour>[01]?\d|2[0-3])\s*[:.hH]?\s*(?P<minute>[0-5]\d)(:00)?\s*$")


class TimeOfDayField(forms.TimeField):
    """A New York time on the 24-hour clock, shown as 15:00 whatever the browser's
    language: a text box (an <input type=time> displays in the browser's locale, "3:00
    PM" in the United States). Takes 15:00, 15.00, 15h00 and 1500 (a phone's number pad
    has no colon); a time alone ("15") is ambiguous and refused with the form to use."""

    default_error_messages = {
        "invalid": gettext_lazy("Enter the time on the 24-hour clock as HH:MM, e.g. 15:00."),
    }

    def __init__(self, **kwargs):
        widget = forms.TimeInput(
            {
                "inputmode": "numeric",
                "pattern": r"([01]?[0-9]|2[0-3])[:.hH]?[0-5][0-9]",
                "placeholder": "HH:MM",
                "autocomplete": "off",
                "size": 5,
                "class": "time-of-day",
            },
            format="%H:%M",
        )
        super().__init__(widget=widget, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, time):
            return value
        found = TIME_OF_DAY.match(str(value))
        if not found:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return time(int(found["hour"]), int(found["minute"]))


class MeetingSlotForm(ErrorsWhereTyped, forms.Form):
    """A date and time as a letter gives it, turned into an aware start and end."""

    TYPED_AS = {"start": "date", "session": "date", "end": "end_time"}

    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput({"type": "date"}))
    timing = forms.ChoiceField(
        label=gettext_lazy("Start"), choices=Timing.choices, initial=Timing.EXACT
    )
    start_time = TimeOfDayField(
        label=gettext_lazy("Start time (New York)"),
        required=False,
        help_text=gettext_lazy("24-hour clock, e.g. 15:00."),
    )
    end_time = TimeOfDayField(
        label=gettext_lazy("End time (New York)"),
        required=False,
        help_text=gettext_lazy("Leave empty when the end was not announced."),
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        check_meeting_date(day)
        return day

    def clean(self):
        cleaned = super().clean()
        day, timing = cleaned.get("date"), cleaned.get("timing")
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        if day is None or timing is None:
            return cleaned
        if "start_time" in self.errors or "end_time" in self.errors:
            return cleaned  # said already, in the words of the time field
        if timing == Timing.EXACT and start_time is None:
            self.add_error(
                "start_time",
                _("Enter the start time, or say how the start was announced (morning, …)."),
            )
            return cleaned
        if timing != Timing.EXACT and (start_time or end_time):
            self.add_error("timing", _("Choose “At a set time” to give a start or end time."))
            return cleaned
        try:
            cleaned["start"] = period_start(day, timing, start_time)
        except NonexistentTime as error:
            self.add_error("start_time", str(error))
            return cleaned
        cleaned["end"] = None
        if end_time is not None:
            try:
                cleaned["end"] = new_york_datetime(day, end_time)
            except NonexistentTime as error:
                self.add_error("end_time", str(error))
                return cleaned
            if cleaned["end"] <= cleaned["start"]:
                self.add_error("end_time", _("The meeting must end after it starts."))
        return cleaned

    def slot(self) -> tuple[datetime, datetime]:
        """The start and the end of the room booking that the form describes."""
        cleaned = self.cleaned_data
        meeting = Meeting(start=cleaned["start"], end=cleaned["end"], timing=cleaned["timing"])
        return meeting.start, meeting.holds_room_until()


class OpenedAtRevision(forms.Form):
    """A meeting's form carries the revision it was opened at, so that saving over a
    change made since is refused (schedule.save_meeting) instead of silently undoing it."""

    opened_revision = forms.IntegerField(
        required=False,
        min_value=0,
        widget=forms.HiddenInput,
        error_messages={
            "required": gettext_lazy(
                "This form does not say which version of the meeting it was opened at: "
                "open the meeting again and make your change there."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Editing: a form that does not say what it was opened at cannot be checked, so
        # it is refused rather than allowed to overwrite whatever changed since.
        self.fields["opened_revision"].required = self.instance.pk is not None
        if self.instance.pk and not self.is_bound:
            self.initial["opened_revision"] = self.instance.revision

    def reopen_at(self, revision: int) -> None:
        """Show the form again as if opened at `revision`, keeping everything typed: saving
        it then replaces the changes made since, knowingly."""
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_revision")] = revision


class WarnsBeforeSaving(forms.Form):
    """A meeting's form that refuses a save once when the meeting warns (advice.py): the
    page shows the warnings and "Save anyway", carrying exactly them; a form that now
    warns of anything else asks again. Staff entry and the admin alike."""

    # Where the warnings are not shown beside the form (the admin), the error says them.
    WARNINGS_IN_ERROR = False

    acknowledged = forms.CharField(required=False, widget=forms.HiddenInput)
    save_anyway = forms.BooleanField(label=gettext_lazy("Save anyway"), required=False)

    def _post_clean(self):
        super()._post_clean()
        self.warnings = []
        if not self.errors:
            self.ask_about_warnings()

    def ask_about_warnings(self) -> None:
        self.warnings = advice.warnings_for(self.instance)
        shown = advice.acknowledgement(self.warnings)
        confirmed = (
            self.cleaned_data.get("save_anyway") and self.cleaned_data.get("acknowledged") == shown
        )
        if self.warnings and not confirmed:
            data = self.data.copy()
            data[self.add_prefix("acknowledged")] = shown
            data.pop(self.add_prefix("save_anyway"), None)
            self.data = data
            said = [w.message for w in self.warnings] if self.WARNINGS_IN_ERROR else []
            ask = _("Check the warnings, then choose “Save anyway” to save the meeting.")
            self.add_error(
                "save_anyway", ValidationError([*said, ask], code="unconfirmed_warnings")
            )


class MeetingForm(WarnsBeforeSaving, OpenedAtRevision, MeetingSlotForm, forms.ModelForm):
    room = RoomField(
        label=gettext_lazy("Room"),
        required=False,
        help_text=gettext_lazy("As people write it: CR3, Conference Room 3, ECOSOC Chamber."),
        widget=forms.TextInput({"list": "room-names", "autocomplete": "off"}),
    )
    overflow_room = RoomField(
        label=gettext_lazy("Overflow room"),
        required=False,
        widget=forms.TextInput({"list": "room-names", "autocomplete": "off"}),
    )
    follows = forms.ModelChoiceField(
        label=gettext_lazy("Following the adjournment of meeting no."),
        queryset=Meeting.objects.all(),
        required=False,
        widget=forms.NumberInput,
        error_messages={"invalid_choice": gettext_lazy("There is no meeting with this number.")},
    )
    webcast_url = WebAddressField(label=gettext_lazy("Webcast link"), required=False)
    documents = forms.CharField(
        label=gettext_lazy("Document symbols"),
        required=False,
        help_text=gettext_lazy("Separated by commas or new lines, e.g. A/62/640, A/RES/71/287"),
        widget=forms.Textarea({"rows": 2}),
    )

    every_room = forms.BooleanField(
        label=gettext_lazy("Show all rooms, including the Security Council's"), required=False
    )
    # A new meeting's form carries a one-time token: sent twice, it creates one meeting.
    entry_token = forms.RegexField(
        regex=r"^[A-Za-z0-9_-]{16,64}$", required=False, widget=forms.HiddenInput
    )

    field_order = ["title", "kind", "process", "status", "date", "timing", "start_time"]

    class Meta:
        model = Meeting
        fields = [
            "title",
            "kind",
            "organ",
            "meeting_number",
            "process",
            "status",
            "timing",
            "follows",
            "room",
            "overflow_room",
            "mode",
            "is_closed",
            "participation",
            "documents",
            "webcast_url",
            "notes",
        ]
        widgets = {"notes": forms.Textarea({"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = Process.objects.select_related("session")
        meeting = self.instance
        if meeting.pk:
            del self.fields["entry_token"]
        elif not self.is_bound:
            self.initial["entry_token"] = secrets.token_urlsafe(24)
        if meeting.pk and not self.is_bound:
            self.initial.update(
                date=meeting.local_start.date(),
                timing=meeting.timing,
                start_time=meeting.local_start.time() if meeting.is_at_set_time else None,
                end_time=meeting.local_end.time() if meeting.end else None,
                documents=", ".join(meeting.documents),
                follows=meeting.follows_id,
                room=meeting.room,
                overflow_room=meeting.overflow_room,
            )

    def clean_status(self):
        status = self.cleaned_data["status"]
        was = self.instance.status if self.instance.pk else None
        if status in STATUSES_THAT_FREE_THE_ROOM and status != was:
            # Only after the confirmation page: who is told, and the reason (calling_off).
            raise ValidationError(
                _(
                    "Cancel or postpone a meeting with the button on its page: it shows who "
                    "will be told and asks for the reason."
                ),
                code="call_off_on_its_page",
            )
        return status

    def clean_documents(self):
        symbols = [s.strip() for s in re.split(r"[,\n]", self.cleaned_data["documents"])]
        symbols = [s for s in symbols if s]
        bad = [s for s in symbols if not DOCUMENT_SYMBOL.match(s)]
        if bad:
            raise ValidationError(
                _("Not a UN document symbol: %(symbols)s") % {"symbols": ", ".join(bad)}
            )
        return list(dict.fromkeys(symbols))

    def clean(self):
        cleaned = super().clean()
        if "entry_token" in self.fields and not cleaned.get("entry_token"):
            # Only a form not opened from the site lacks it (or one that was tampered with).
            self.add_error(
                None, _("This form was not opened from the site: open “New meeting” again.")
            )
        refused = precedence.office_refusal(self.instance)
        if refused:
            self.add_error(None, refused)
        named_mode = mode_named_by(self.data.get("room", ""))
        if named_mode is not None:  # "virtual" or "hybrid" typed where the room goes
            cleaned["mode"] = named_mode
        if cleaned.get("timing") != Timing.FOLLOWING:
            # The field is shown only for that timing: a number left in it otherwise
            # (typed, then the timing changed) is not what the editor means.
            cleaned["follows"] = None
        return cleaned

    def _post_clean(self):
        # The start and end are worked out from the date and times typed, which are not
        # fields of the meeting; construct_instance sets the rest, then full_clean runs.
        for name in ("start", "end"):
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()

    def slot(self) -> tuple[datetime, datetime]:
        # The meeting's own start: one that follows another starts when that one ends.
        return self.instance.start, self.instance.holds_room_until()


class AvailabilityForm(MeetingSlotForm):
    """The query behind "free rooms at this time" on the meeting form."""

    ignore = forms.IntegerField(required=False)
    every_room = forms.BooleanField(required=False)


class ProcessForm(forms.ModelForm):
    class Meta:
        model = Process
        fields = [
            "title",
            "short_title",
            "slug",
            "session",
            "mandate",
            "mandate_symbol",
            "description",
        ]
        widgets = {"mandate": forms.Textarea({"rows": 2}), "description": forms.Textarea()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("The page address; left empty, made from the title.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("session") and cleaned.get("title"):
            draft = Process(
                pk=self.instance.pk,
                session=cleaned["session"],
                title=cleaned["title"],
                short_title=cleaned.get("short_title", ""),
            )
            cleaned["slug"] = unique_slug(draft)
        return cleaned

    def clean_mandate_symbol(self):
        symbol = self.cleaned_data["mandate_symbol"].strip()
        if symbol and not DOCUMENT_SYMBOL.match(symbol):
            raise ValidationError(_("Not a UN document symbol: %(s)s") % {"s": symbol})
        return symbol


CoFacilitatorFormSet = inlineformset_factory(
    Process,
    CoFacilitator,
    fields=["name", "title", "state"],
    extra=2,
    can_delete=True,
)


class RoomForm(forms.ModelForm):
    aliases = forms.CharField(
        label=gettext_lazy("Other names"),
        required=False,
        help_text=gettext_lazy("One per line: every way letters write this room."),
        widget=forms.Textarea({"rows": 4}),
    )

    class Meta:
        model = Room
        fields = ["name", "code", "building", "has_interpretation", "capacity", "is_current"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["aliases"] = "\n".join(
                a.name
                for a in self.instance.aliases.all()
                if a.name not in (self.instance.name, self.instance.code)
            )

    def alias_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class CallOffForm(forms.Form):
    """The confirmation of a cancellation or postponement: the reason everyone told
    reads, and the version of the meeting the editor confirmed (calling_off)."""

    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=STATUS_REASON_LENGTH,
        validators=[one_line],
        help_text=gettext_lazy(
            "One line, sent to everyone told and shown on the meeting's page, e.g. "
            "“owing to the liquidation of the conference room”."
        ),
        error_messages={"required": gettext_lazy("Give the reason: it goes to everyone told.")},
    )
    opened_revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def reopen_at(self, revision: int) -> None:
        """Confirm again, at the version now shown, keeping the reason typed."""
        self.data = self.data.copy()
        self.data["opened_revision"] = revision
