from django.contrib import admin

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
