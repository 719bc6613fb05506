from django.urls import path

from . import views

app_name = "missions"

urlpatterns = [
    path("missions/", views.mission_list, name="missions"),
    path("missions/import/", views.contacts_import, name="contacts-import"),
    path("missions/import/<int:pk>/", views.contacts_import_job, name="contacts-import-job"),
    path("missions/<int:pk>/contacts/", views.mission_contacts, name="mission-contacts"),
    path("missions/<int:pk>/contacts/<int:contact>/", views.contact_edit, name="contact-edit"),
    path("missions/<int:pk>/preferences/", views.mission_preferences, name="mission-preferences"),
    path("contacts/confirm/<str:key>/", views.contact_confirm, name="contact-confirm"),
]
