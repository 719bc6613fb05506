"""Who else from my mission follows this: for a mission's focal point, the names of
their colleagues (their own mission's staff, nobody else's) who follow the same meetings.
Registered with meetings.following by AccountsConfig.ready() (meetings cannot import
accounts); My schedule shows it beside the followed meetings that overlap."""

from meetings.models import PersonalSchedule
from meetings.personal import followers_among

from .names import display_name
from .rules import is_focal_point


def mission_colleagues_following(user, meetings) -> dict[int, list[str]] | None:
    """{meeting pk: names}, or None for anyone but a focal point (checked here, on the
    server: the page never asks for another mission's)."""
    if not user.is_authenticated or not is_focal_point(user):
        return None
    colleagues = PersonalSchedule.objects.filter(
        user__membership__mission_id=user.membership.mission_id, user__is_active=True
    ).exclude(user=user)
    followers = followers_among(colleagues, list(meetings))
    return {
        pk: sorted(display_name(schedule.user) for schedule in schedules)
        for pk, schedules in followers.items()
    }
