from django.contrib import admin

from .letters import AS_READ
from .models import (
    Announcement,
    Delivery,
    Letter,
    ProgrammeDelivery,
    ProgrammeSubscription,
    ProposedDeadline,
    ProposedMeeting,
    ReceivedMail,
    Reminder,
    Reply,
    Signatory,
)


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0


class AnnouncementInline(admin.TabularInline):
    model = Announcement
    extra = 0
    raw_id_fields = ["meeting"]


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "date", "sender", "process", "is_published"]
    list_filter = ["sender", "is_published"]
    search_fields = ["subject", "body", "signatories__name"]
    date_hierarchy = "date"
    raw_id_fields = ["enclosed_in", "refers_to"]
    # The file as received is the record the archive serves: nobody replaces it here.
    readonly_fields = ["original", "sha256", "original_name", "created", "created_by", "updated"]
    inlines = [SignatoryInline, AnnouncementInline]

    def get_queryset(self, request):
        # The text as read and its marks are for the review page, and can be a megabyte.
        return super().get_queryset(request).defer(*AS_READ)


@admin.register(ProposedMeeting)
class ProposedMeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "action", "state", "letter"]
    list_filter = ["state", "action", "kind"]
    raw_id_fields = ["letter", "existing", "meeting"]


@admin.register(ProposedDeadline)
class ProposedDeadlineAdmin(admin.ModelAdmin):
    list_display = ["title", "due_date", "state", "letter"]
    list_filter = ["state", "kind"]
    raw_id_fields = ["letter", "existing", "deadline"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only: the outbox's states change only as it sends (correspondence.delivery),
    and staff send a failed one again from the meeting's deliveries page. (Deleting
    stays a permission of its own, which no role of the office holds.)"""

    list_display = ["meeting", "contact", "kind", "sequence", "state", "attempts", "sent"]
    list_filter = ["state", "kind"]
    raw_id_fields = ["meeting", "contact"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProgrammeSubscription)
class ProgrammeSubscriptionAdmin(admin.ModelAdmin):
    """Who receives tomorrow's programme; subscribers choose and stop it themselves."""

    list_display = ["__str__", "scope", "language", "active", "created"]
    list_filter = ["active", "scope", "language"]
    raw_id_fields = ["user", "contact"]
    readonly_fields = ["token"]


@admin.register(ProgrammeDelivery)
class ProgrammeDeliveryAdmin(admin.ModelAdmin):
    """Read-only, as the invitations' outbox."""

    list_display = ["subscription", "day", "kind", "state", "attempts", "sent"]
    list_filter = ["state", "kind", "day"]
    raw_id_fields = ["subscription"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["meeting", "lead_minutes", "due", "swept"]
    raw_id_fields = ["meeting"]


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    """Read-only: answers come from the contacts' calendars (correspondence.replies)."""

    list_display = ["meeting", "contact", "answer", "sequence", "answered"]
    list_filter = ["answer"]
    raw_id_fields = ["meeting", "contact", "mail"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReceivedMail)
class ReceivedMailAdmin(admin.ModelAdmin):
    """What the reply address received and what became of it (the office's log of
    replies that changed nothing, and why). Read-only."""

    list_display = ["received", "sender", "state", "outcome", "detail", "attempts"]
    list_filter = ["state", "outcome"]
    search_fields = ["sender", "detail"]
    exclude = ["raw"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
