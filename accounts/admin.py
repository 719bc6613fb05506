from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models

from missions.addresses import EmailAddressFormField

from .models import Invitation, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "mission", "is_focal_point"]
    list_filter = ["is_focal_point", "mission"]
    search_fields = ["user__email", "mission__name"]
    raw_id_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are sent from the invite page, which checks who may send."""

    list_display = ["email", "role", "mission", "invited_by", "created", "expires", "accepted"]
    list_filter = ["role"]
    search_fields = ["email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Addresses typed in the admin follow the same rule as everywhere else (missions/addresses.py):
# allauth mails a verification to what is typed, and a control character there is a 500.
CHECKED_ADDRESSES = {models.EmailField: {"form_class": EmailAddressFormField}}
User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(EmailAddress)


@admin.register(User)
class UserWithCheckedAddressAdmin(UserAdmin):
    formfield_overrides = {**UserAdmin.formfield_overrides, **CHECKED_ADDRESSES}


@admin.register(EmailAddress)
class CheckedEmailAddressAdmin(EmailAddressAdmin):
    formfield_overrides = {**EmailAddressAdmin.formfield_overrides, **CHECKED_ADDRESSES}
