from django import forms
from django.utils.translation import gettext_lazy as _

from missions.models import Mission

from .invitations import has_account
from .models import Invitation, Role
from .rules import may_know_accounts


class InvitationForm(forms.ModelForm):
    """Administrators choose role and mission; a focal point invites to their own mission."""

    class Meta:
        model = Invitation
        fields = ["email", "role", "mission"]

    def __init__(self, *args, sender, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender = sender
        self.fields["mission"].queryset = Mission.objects.all()
        if not sender.has_perm("accounts.add_invitation"):
            membership = sender.membership
            self.fields["role"].choices = [(Role.MISSION_STAFF, Role.MISSION_STAFF.label)]
            self.fields["mission"].queryset = Mission.objects.filter(pk=membership.mission_id)
            self.fields["mission"].initial = membership.mission_id
        self.fields["mission"].help_text = _("For mission staff only.")

    def clean_email(self):
        email = self.cleaned_data["email"]
        if may_know_accounts(self.sender) and has_account(email):
            raise forms.ValidationError(_("This address already has an account."))
        return email

    def clean(self):
        cleaned = super().clean()
        role, mission = cleaned.get("role"), cleaned.get("mission")
        if role == Role.MISSION_STAFF and mission is None:
            self.add_error("mission", _("Mission staff belong to a mission: choose it."))
        if role and role != Role.MISSION_STAFF and mission is not None:
            self.add_error("mission", _("PGA office staff belong to no mission."))
        return cleaned
