"""allauth, the office's way: sign-up only through a valid invitation, to its address."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from missions.addresses import clean_address

from .invitations import SESSION_KEY, accept_invitation, usable_invitation


class InvitationOnlyAdapter(DefaultAccountAdapter):
    def invitation(self, request):
        return usable_invitation(request.session.get(SESSION_KEY)) if request else None

    def is_open_for_signup(self, request):
        return self.invitation(request) is not None

    def clean_email(self, email):
        # The rule of every address typed into gasched (missions.addresses).
        email = clean_address(email)
        invitation = self.invitation(self.request)
        if invitation and email.casefold() != invitation.email.casefold():
            raise ValidationError(_("Use the address the invitation was sent to."))
        return super().clean_email(email)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        invitation = self.invitation(request)
        if invitation is not None:
            accept_invitation(invitation, user)
            del request.session[SESSION_KEY]
        return user
