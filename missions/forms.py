"""A mission's contacts and what it receives, as staff type them, and the CSV upload."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.enums import MeetingKind
from meetings.models import Process

from .contacts import MAX_CSV_BYTES, processes_for_choice
from .models import Contact


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "email", "function", "focal_point_for"]
        widgets = {"focal_point_for": forms.SelectMultiple(attrs={"size": 6})}
        help_texts = {
            "email": gettext_lazy(
                "A new address is sent a link to confirm it, and receives invitations "
                "once confirmed."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focal_point_for"].queryset = processes_for_choice()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class PreferencesForm(forms.Form):
    # One choice of two, as radio buttons; no answer means the chosen kinds and processes,
    # as the unticked box it replaces did.
    receives_everything = forms.TypedChoiceField(
        label=gettext_lazy("Which meetings should this mission be invited to?"),
        choices=[
            ("True", gettext_lazy("Everything")),
            (
                "False",
                gettext_lazy("Plenary and high-level meetings plus: the kinds and processes below"),
            ),
        ],
        coerce=lambda value: value == "True",
        empty_value=False,
        required=False,
        widget=forms.RadioSelect,
    )
    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Kinds of meeting (plenary and high-level are ticked to begin with)"),
        choices=MeetingKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    processes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Every meeting of these processes"),
        queryset=Process.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["processes"].queryset = processes_for_choice()


class ContactsCsvForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, with a header line: mission,name,email,function. "
            "Every row must be valid, or nothing is imported."
        ),
    )

    def clean_file(self):
        # Before anything reads it into memory.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB: split it."))
        return upload
