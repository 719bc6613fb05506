from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("invite/", views.invite, name="invite"),
    path("name/", views.your_name, name="name"),
    path("invitations/<str:key>/", views.accept_invitation, name="accept-invitation"),
    path("missions/<int:pk>/", views.mission_detail, name="mission"),
]
