"""Uploading a letter, and correcting a proposal before it goes into the schedule."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.enums import MeetingKind, Timing
from meetings.forms import MeetingSlotForm, RoomField
from meetings.models import Process

from .enums import ProgrammeScope
from .models import ProposedMeeting
from .review import Correction


class LetterUploadForm(forms.Form):
    original = forms.FileField(
        label=gettext_lazy("Letter"),
        help_text=gettext_lazy(
            "The letter as received: PDF, Word (.docx) or plain text, with its enclosures."
        ),
    )
    process = forms.ModelChoiceField(
        label=gettext_lazy("Process"),
        queryset=Process.objects.select_related("session"),
        required=False,
        help_text=gettext_lazy(
            "Leave empty to let gasched find it from the co-facilitators who signed."
        ),
    )

    def clean_original(self):
        upload = self.cleaned_data["original"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB; a letter is smaller."))
        return upload


class LetterSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search the letters"), required=False, max_length=200)
    process = forms.SlugField(required=False, widget=forms.HiddenInput)


class LetterProcessForm(forms.Form):
    process = forms.ModelChoiceField(
        label=gettext_lazy("Process"), queryset=Process.objects.select_related("session")
    )


class ProposalForm(MeetingSlotForm):
    """A proposed meeting as staff confirm it: the letter's values, corrected."""

    room = RoomField(label=gettext_lazy("Room"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=MeetingKind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=400)
    tentative = forms.BooleanField(label=gettext_lazy("Tentative"), required=False)

    @classmethod
    def for_proposal(cls, proposal: ProposedMeeting, data=None):
        timing = Timing.EXACT if proposal.start else proposal.timing
        initial = {
            "date": proposal.date,
            "timing": timing,
            "start_time": proposal.start,
            "end_time": proposal.end,
            "room": proposal.room,
            "kind": proposal.kind,
            "title": proposal.title,
            "tentative": proposal.is_tentative,
        }
        return cls(data, initial=initial, prefix=f"m{proposal.pk}")

    def correction(self) -> Correction:
        data = self.cleaned_data
        return Correction(
            day=data["date"],
            timing=data["timing"],
            start=data["start"],
            end=data["end"],
            room=data["room"],
            kind=data["kind"],
            title=data["title"].strip(),
            tentative=data["tentative"],
        )


class ProgrammeSubscriptionForm(forms.Form):
    """Tomorrow's programme by e-mail: what, and in which language."""

    scope = forms.ChoiceField(
        label=gettext_lazy("What the e-mail lists"),
        choices=ProgrammeScope.choices,
        initial=ProgrammeScope.ALL,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the e-mail"), choices=[])

    def __init__(self, *args, followed_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        if followed_label:
            self.fields["scope"].choices = [
                (ProgrammeScope.ALL, ProgrammeScope.ALL.label),
                (ProgrammeScope.FOLLOWED, followed_label),
            ]
