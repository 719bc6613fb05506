from django.urls import path

from . import views

app_name = "journal"

urlpatterns = [
    path("journal/differs/", views.differs, name="differs"),
]
