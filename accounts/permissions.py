"""Permission checks for views: every request, on the server, object by object."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

WRITE_ACTIONS = ("add_", "change_", "delete_")


def requires(permission: str):
    """Signed-in users with `permission` only: anonymous visitors are sent to sign in,
    others get 403. Views that change data are marked so that the MFA middleware
    stops writers without a second factor before the view runs."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied(_("Your role does not allow this."))
            return view(request, *args, **kwargs)

        wrapper.writes = permission.split(".", 1)[1].startswith(WRITE_ACTIONS)
        return wrapper

    return decorator


def can_see_mission(user, mission) -> bool:
    """PGA office staff see every mission; mission staff only their own."""
    if not user.is_authenticated:
        return False
    if user.has_perm("correspondence.view_mission"):
        return True
    membership = getattr(user, "membership", None)
    return membership is not None and membership.mission_id == mission.pk


def can_invite_to(user, mission) -> bool:
    """Administrators invite anyone; a mission's focal point invites to that mission."""
    if user.has_perm("accounts.add_invitation"):
        return True
    membership = getattr(user, "membership", None)
    return (
        mission is not None
        and membership is not None
        and membership.is_focal_point
        and membership.mission_id == mission.pk
    )


def changes_data(view):
    """Mark a view that changes data but checks its permission object by object (a
    mission's own staff, or the PGA office): writers then need their second factor."""
    view.writes = True
    return view
