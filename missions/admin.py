from django.contrib import admin

from .models import Contact, Mission


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "mission", "function", "opted_out"]
    list_filter = ["mission__kind"]
    search_fields = ["name", "email", "mission__name"]
    raw_id_fields = ["mission"]
