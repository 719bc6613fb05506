from django.urls import path

from . import delivery_views, programme_views, publish_views, views

app_name = "correspondence"

urlpatterns = [
    path("letters/", views.letter_list, name="letters"),
    path("letters/upload/", views.letter_upload, name="letter-upload"),
    path("letters/<int:pk>/", views.letter_detail, name="letter"),
    path("letters/<int:pk>/original/", views.letter_original, name="letter-original"),
    path("letters/<int:pk>/review/", views.letter_review, name="letter-review"),
    path("letters/<int:pk>/review/accept-all/", views.letter_accept_all, name="letter-accept-all"),
    path("letters/<int:pk>/review/process/", views.letter_process, name="letter-process"),
    path("letters/<int:pk>/review/publish/", views.letter_publish, name="letter-publish"),
    path(
        "letters/<int:pk>/review/meetings/<int:proposal>/",
        views.proposal_decide,
        name="proposal-decide",
    ),
    path("letters/<int:pk>/review/propose/", views.mention_propose, name="mention-propose"),
    path(
        "letters/<int:pk>/review/deadlines/<int:proposal>/",
        views.deadline_decide,
        name="deadline-decide",
    ),
    path("publish/", publish_views.publish, name="publish"),
    path("unsubscribe/<str:token>/", delivery_views.unsubscribe, name="unsubscribe"),
    path(
        "programme/by-email/",
        programme_views.programme_subscription,
        name="programme-subscription",
    ),
    path(
        "programme/by-email/contact/<str:token>/",
        programme_views.contact_programme,
        name="contact-programme",
    ),
    path(
        "programme/by-email/unsubscribe/<str:token>/",
        programme_views.programme_unsubscribe,
        name="programme-unsubscribe",
    ),
    path(
        "meetings/<int:pk>/deliveries/",
        delivery_views.meeting_deliveries,
        name="meeting-deliveries",
    ),
    path("deliveries/<int:pk>/resend/", delivery_views.delivery_resend, name="delivery-resend"),
]
