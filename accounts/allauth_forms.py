"""allauth's forms with the site's labels: sentence case, and no placeholders repeating
the labels above the fields (allauth's own say "Current Password", "Remember Me").

allauth's behaviour is unchanged; only the words are the site's (ACCOUNT_FORMS).
"""

from allauth.account import forms
from django.utils.translation import gettext_lazy as _

LABELS = {
    "remember": _("Keep me signed in on this computer"),
    "oldpassword": _("Current password"),
}
NEW_PASSWORD = {"password1": _("New password"), "password2": _("New password (again)")}


class SiteWords:
    labels: dict = LABELS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]


class LoginForm(SiteWords, forms.LoginForm):
    pass


class SignupForm(SiteWords, forms.SignupForm):
    pass


class AddEmailForm(SiteWords, forms.AddEmailForm):
    pass


class ChangePasswordForm(SiteWords, forms.ChangePasswordForm):
    labels = {**LABELS, **NEW_PASSWORD}


class SetPasswordForm(SiteWords, forms.SetPasswordForm):
    pass


class ResetPasswordForm(SiteWords, forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(SiteWords, forms.ResetPasswordKeyForm):
    labels = {**LABELS, **NEW_PASSWORD}
