from django import forms
from django.contrib import admin

from . import contacts
from .models import Contact, Mission


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class ContactAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        contacts.refuse_control_characters({f: cleaned.get(f) for f in ("name", "function")})
        return cleaned


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    form = ContactAdminForm
    list_display = ["name", "email", "mission", "function", "confirmed", "opted_out"]
    list_filter = ["mission__kind"]
    search_fields = ["name", "email", "mission__name"]
    raw_id_fields = ["mission"]
    readonly_fields = ["confirmed", "confirmation_sent"]

    def save_model(self, request, obj, form, change):
        # The way every form saves a contact: a new address is sent its confirmation
        # link, and a contact is caught up on what it wants.
        contacts.save_contact(obj, focal_point_for=form.cleaned_data.get("focal_point_for", ()))
