"""What gasched calls a person: the name they gave, never the local part of their address.

One field, "Your name", as the person writes it (given and family names do not split the
same way everywhere); it is kept in auth's `first_name`, which holds 150 characters.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from gasched.validators import one_line


def display_name(user) -> str:
    """The name given at sign-up; the whole address for an account without one (made
    before names were asked, or by an administrator), never its local part."""
    # One line whatever the admin typed: the name goes into e-mail subjects.
    return " ".join(user.get_full_name().split()) or user.email or user.get_username()


def has_name(user) -> bool:
    return bool(user.get_full_name().strip())


class NameForm(forms.Form):
    """Asked at sign-up (allauth's ACCOUNT_SIGNUP_FORM_CLASS) and of accounts without one."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        validators=[one_line],
        help_text=_("As colleagues should see it, e.g. Amina Diallo."),
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def signup(self, request, user):
        # allauth calls this once the user is saved.
        self.save_name(user)

    def save_name(self, user):
        set_name(user, self.cleaned_data["name"])
        user.save(update_fields=["first_name", "last_name"])


def set_name(user, name: str) -> None:
    user.first_name, user.last_name = name, ""
