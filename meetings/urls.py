from django.urls import path

from . import following_views, search_views, views
from .syndication import ProgrammeChangesFeed

app_name = "meetings"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("day/<date:day>/", views.day, name="day"),
    path("week/<date:day>/", views.week, name="week"),
    path("week/<date:day>/rooms/", views.week_by_room, name="week-rooms"),
    path("month/<int:year>/<int:month>/", views.month, name="month"),
    path("archive/", views.archive, name="archive"),
    path("search/", search_views.search_page, name="search"),
    path("search/past/", search_views.past_matches, name="search-past"),
    path("search/upcoming/", search_views.upcoming_matches, name="search-upcoming"),
    path("changes/", views.programme_changes, name="changes"),
    path("changes/feed/", ProgrammeChangesFeed(), name="changes-feed"),
    path("archive/<int:number>/", views.archive_session, name="archive-session"),
    path("meetings/<int:pk>/", views.meeting_detail, name="detail"),
    path("meetings/<int:pk>/meeting.ics", views.meeting_ics, name="meeting-ics"),
    path("feeds/programme.ics", views.programme_feed, name="feed"),
    path("feeds/personal/<str:token>.ics", views.personal_feed, name="personal-feed"),
    path("feeds/sessions/<int:number>.ics", views.session_feed, name="session-feed"),
    path("my/", views.my_schedule, name="my-schedule"),
    path("my/follow/", views.follow, name="follow"),
    path("my/feed/", views.feed_token, name="feed-token"),
    path("meetings/drafts/", views.drafts, name="drafts"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/status/", views.meeting_status, name="meeting-status"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting-cancel"),
    path("meetings/<int:pk>/postpone/", views.meeting_postpone, name="meeting-postpone"),
    path("processes/", views.process_list, name="processes"),
    path("processes/new/", views.process_create, name="process-create"),
    path("processes/<slug:slug>/", views.process_detail, name="process"),
    path("processes/<slug:slug>/edit/", views.process_edit, name="process-edit"),
    path("rooms/", views.room_list, name="rooms"),
    path("rooms/new/", views.room_create, name="room-create"),
    path("rooms/availability/", views.room_availability, name="room-availability"),
    path("rooms/<slug:code>/", views.room_detail, name="room"),
    path("rooms/<slug:code>/edit/", views.room_edit, name="room-edit"),
    path("kinds/<slug:kind>/", following_views.kind_detail, name="kind"),
    path("organs/", following_views.organ_list, name="organs"),
    path("organs/<slug:code>/", following_views.organ_detail, name="organ"),
]
