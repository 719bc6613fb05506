from django.urls import path

from . import views

app_name = "correspondence"

urlpatterns = [
    path("", views.letter_list, name="letters"),
    path("upload/", views.letter_upload, name="letter-upload"),
    path("<int:pk>/", views.letter_detail, name="letter"),
    path("<int:pk>/original/", views.letter_original, name="letter-original"),
    path("<int:pk>/review/", views.letter_review, name="letter-review"),
    path("<int:pk>/review/accept-all/", views.letter_accept_all, name="letter-accept-all"),
    path("<int:pk>/review/process/", views.letter_process, name="letter-process"),
    path("<int:pk>/review/publish/", views.letter_publish, name="letter-publish"),
    path("<int:pk>/review/meetings/<int:proposal>/", views.proposal_decide, name="proposal-decide"),
    path(
        "<int:pk>/review/deadlines/<int:proposal>/", views.deadline_decide, name="deadline-decide"
    ),
]
