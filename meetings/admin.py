"""The Django admin for everything the purpose-built staff pages do not cover."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .calling_off import CALLED_OFF, call_off_meeting, refusal
from .forms import ErrorsWhereTyped, OpenedAtRevision, WarnsBeforeSaving, WebAddressField
from .models import (
    AgendaItem,
    CoFacilitator,
    Deadline,
    Meeting,
    Organ,
    Process,
    Room,
    RoomAlias,
    Segment,
    Session,
)
from .precedence import office_refusal
from .rooms import check_out_of_use, store_room
from .schedule import MeetingChanged, check_unchanged_since, place_in_schedule, save_meeting


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["number", "start_date", "end_date", "president", "president_state"]
    search_fields = ["president"]


class RoomAliasInline(admin.TabularInline):
    model = RoomAlias
    extra = 1


class RoomAdminForm(forms.ModelForm):
    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            try:
                check_out_of_use(self.instance)  # the same rule as the staff room form
            except ValidationError as error:
                self._update_errors(error)


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    form = RoomAdminForm
    list_display = ["name", "code", "building", "has_interpretation", "capacity", "is_current"]
    list_filter = ["building", "is_current", "has_interpretation"]
    search_fields = ["name", "code", "aliases__name"]
    inlines = [RoomAliasInline]

    def save_model(self, request, obj, form, change):
        store_room(obj)  # a new name reaches the calendars of the meetings ahead


class CoFacilitatorInline(admin.TabularInline):
    model = CoFacilitator
    extra = 1


class DeadlineInline(admin.TabularInline):
    model = Deadline
    extra = 1


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "mandate_symbol", "is_sample"]
    list_filter = ["session", "is_sample"]
    search_fields = ["title", "short_title", "mandate_symbol", "cofacilitators__state"]
    prepopulated_fields = {"slug": ["short_title"]}
    inlines = [CoFacilitatorInline, DeadlineInline]


class SegmentInline(admin.TabularInline):
    model = Segment
    extra = 0


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Organ)
class OrganAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "symbol", "section", "order"]
    list_filter = ["section"]
    search_fields = ["name", "short_name", "symbol"]


class MeetingAdminForm(WarnsBeforeSaving, ErrorsWhereTyped, OpenedAtRevision, forms.ModelForm):
    """The meeting's own rules run as in any ModelForm (Meeting.clean); then the rules
    across meetings and the revision check that save_meeting applies, so that what it
    would refuse shows on the form instead of failing the save."""

    TYPED_AS = {"session": "start"}  # the session follows from the start
    WARNINGS_IN_ERROR = True  # the admin's page shows errors, not our warnings

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        status = self.cleaned_data.get("status")
        if status in CALLED_OFF and "status" in self.changed_data:
            # Called off here as on the staff pages: with a reason, and only once.
            refused = refusal(Meeting(status=self.initial.get("status")), status)
            if refused:
                self.add_error("status", refused)
            elif not self.cleaned_data.get("status_reason"):
                self.add_error("status_reason", _("Give the reason: it goes to everyone told."))
            if self.errors:
                return
        try:
            check_unchanged_since(self.instance, self.cleaned_data.get("opened_revision"))
            place_in_schedule(self.instance)
        except MeetingChanged as changed:
            self.add_error(None, changed)
            self.reopen_at(changed.revision)
        except ValidationError as error:
            self.add_error(None, error)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Meetings are entered on the staff pages; the admin corrects details with the
    same room check and the same save (SEQUENCE, booking) as those pages."""

    form = MeetingAdminForm
    formfield_overrides = {models.URLField: {"form_class": WebAddressField}}

    list_display = ["title", "start", "timing", "room", "kind", "status", "process", "is_sample"]
    list_filter = ["status", "kind", "organ", "source", "session", "room", "is_sample"]
    search_fields = ["title", "notes", "process__title"]
    date_hierarchy = "start"
    list_select_related = ["room", "process"]
    raw_id_fields = ["follows", "process"]
    # The session follows from the date (schedule.place_in_schedule). Publishing is the
    # Publish page's alone (its preview of who gets what): never a field here.
    readonly_fields = [
        "session",
        "published_at",
        "source",
        "sequence",
        "booked_until",
        "created",
        "updated",
    ]
    inlines = [AgendaItemInline, SegmentInline]

    def has_change_permission(self, request, obj=None):
        # A meeting the Journal keeps is shown, not changed (meetings.precedence).
        if obj is not None and office_refusal(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and office_refusal(obj):
            return False
        return super().has_delete_permission(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        refused = office_refusal(obj) if obj is not None else None
        if refused:
            messages.warning(request, refused)  # why the page has no Save
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if refused := office_refusal(obj):
            raise ValidationError(refused)  # never reached: the page is read-only
        revision = form.cleaned_data.get("opened_revision")
        if obj.is_off and "status" in form.changed_data:
            call_off_meeting(
                obj, status=obj.status, reason=obj.status_reason, expected_revision=revision
            )
        else:
            save_meeting(obj, expected_revision=revision)


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "due_date", "due_time", "close_of_business"]
    list_filter = ["kind"]
    search_fields = ["title", "process__title"]
