"""Forms for filtering the programme and for staff entry.

Forms turn what people type (New York dates and times, room aliases, document
symbols) into model values; the rules about rooms and sessions live in schedule.py.
"""

import re
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import MeetingKind, Mode, Timing
from .models import CoFacilitator, Meeting, Process, Room
from .processes import unique_slug
from .schedule import ScheduleFilter, check_meeting_date, session_for, today
from .timing import NonexistentTime, booked_until, new_york_datetime, period_start
from .venues import find_room, mode_named_by

DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,10}(/[A-Za-z0-9.()\-]+)+$")


class ScheduleFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label=gettext_lazy("Kind"), choices=MeetingKind.choices, required=False
    )
    process = forms.MultipleChoiceField(label=gettext_lazy("Process"), required=False)
    room = forms.MultipleChoiceField(label=gettext_lazy("Room"), required=False)
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)

    def __init__(self, *args, processes: list[tuple[str, str]], rooms: list[tuple[str, str]], **kw):
        """processes and rooms: (value, label) pairs, as schedule.filter_choices() gives."""
        super().__init__(*args, **kw)
        self.fields["process"].choices = processes
        self.fields["room"].choices = rooms

    def schedule_filter(self) -> ScheduleFilter:
        data = self.cleaned_data
        return ScheduleFilter.canonical(
            kinds=data["kind"], processes=data["process"], rooms=data["room"], text=data["q"]
        )


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


class MeetingSlotForm(forms.Form):
    """A date and time as a letter gives it, turned into an aware start and end."""

    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput({"type": "date"}))
    timing = forms.ChoiceField(
        label=gettext_lazy("Start"), choices=Timing.choices, initial=Timing.EXACT
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Start time (New York)"),
        required=False,
        widget=forms.TimeInput({"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=gettext_lazy("End time (New York)"),
        required=False,
        help_text=gettext_lazy("Leave empty when the end was not announced."),
        widget=forms.TimeInput({"type": "time"}, format="%H:%M"),
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


class MeetingForm(MeetingSlotForm, forms.ModelForm):
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
    # A link typed without a scheme is taken as https, as Django 6 will do.
    webcast_url = forms.URLField(
        label=gettext_lazy("Webcast link"), required=False, assume_scheme="https"
    )
    documents = forms.CharField(
        label=gettext_lazy("Document symbols"),
        required=False,
        help_text=gettext_lazy("Separated by commas or new lines, e.g. A/62/640, A/RES/71/287"),
        widget=forms.Textarea({"rows": 2}),
    )

    field_order = ["title", "kind", "process", "status", "date", "timing", "start_time"]

    class Meta:
        model = Meeting
        fields = [
            "title",
            "kind",
            "process",
            "status",
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
        if "start" not in cleaned:
            return cleaned
        day = cleaned["date"]
        timing, follows = cleaned.get("timing"), cleaned.get("follows")
        if timing == Timing.FOLLOWING:
            if follows is None:
                self.add_error("follows", _("Say which meeting this one follows."))
                return cleaned
            if follows.pk == self.instance.pk:
                self.add_error("follows", _("A meeting cannot follow itself."))
                return cleaned
            if follows.local_start.date() != day:
                self.add_error("follows", _("That meeting is not held on the same day."))
                return cleaned
            # It starts when the earlier meeting ends, as far as anyone can know.
            cleaned["start"] = booked_until(follows.start, follows.end, follows.timing)
        named_mode = mode_named_by(self.data.get("room", ""))
        if named_mode is not None:  # "virtual" or "hybrid" typed where the room goes
            cleaned["mode"] = named_mode
        if cleaned.get("room") and cleaned.get("room") == cleaned.get("overflow_room"):
            self.add_error("overflow_room", _("The overflow room must differ from the room."))
        mode, room = cleaned.get("mode"), cleaned.get("room")
        if mode == Mode.VIRTUAL and (room or cleaned.get("overflow_room")):
            self.add_error("room", _("A virtual meeting has no room; choose Hybrid instead."))
        for name in ("room", "overflow_room"):
            chosen = cleaned.get(name)
            if chosen is not None and not chosen.is_current and day >= today():
                self.add_error(name, _("%(room)s is no longer in use.") % {"room": chosen})
        try:
            cleaned["session"] = session_for(day)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def _post_clean(self):
        # The model's own validation runs in schedule.save_meeting, with the room check.
        pass

    def meeting(self) -> Meeting:
        """The unsaved meeting the form describes; schedule.save_meeting stores it."""
        meeting = self.instance
        for name in self.Meta.fields:
            setattr(meeting, name, self.cleaned_data[name])
        meeting.session = self.cleaned_data["session"]
        meeting.timing = self.cleaned_data["timing"]
        meeting.start = self.cleaned_data["start"]
        meeting.end = self.cleaned_data["end"]
        return meeting


class AvailabilityForm(MeetingSlotForm):
    """The query behind "free rooms at this time" on the meeting form."""

    ignore = forms.IntegerField(required=False)

    def slot(self) -> tuple[datetime, datetime]:
        return slot_of(self.cleaned_data)


def slot_of(cleaned: dict) -> tuple[datetime, datetime]:
    """The start and the end of the room booking that a cleaned slot form describes."""
    return cleaned["start"], booked_until(cleaned["start"], cleaned["end"], cleaned["timing"])


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
