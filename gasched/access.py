"""How a view says who may use it and whether it changes data. Imports no app.

Every view that changes data carries one of the two decorators below, and only they
mark it: the second-factor middleware (accounts.middleware) reads the mark before the
view runs. Rules about one object (is this the user's own mission?) live in each
app's rules.py and are asked inside the view.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

WRITE_ACTIONS = ("add_", "change_", "delete_")
EVERY_METHOD = None


def requires(permission: str):
    """Signed-in users with `permission` only: anonymous visitors are sent to sign in,
    others get 403. A view asking for an add/change/delete permission is marked as
    changing data (its form included: the second factor comes before the typing)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied(_("Your role does not allow this."))
            return view(request, *args, **kwargs)

        if permission.split(".", 1)[1].startswith(WRITE_ACTIONS):
            wrapper.changes_data_on = EVERY_METHOD
        return wrapper

    return decorator


def changes_data(view=None, *, on: tuple[str, ...] | None = EVERY_METHOD):
    """Mark a view that changes data but checks its permission object by object (a
    mission's own staff, or the PGA office). `on` narrows the mark to the methods that
    write, for a page that is read with GET and also takes a POST: reading it then needs
    no second factor.

        @changes_data                 # every request: a form page
        @changes_data(on=("POST",))   # a list to read, with a form that adds to it
    """

    def mark(view):
        view.changes_data_on = on
        return view

    return mark if view is None else mark(view)


def is_write(view, method: str) -> bool:
    """Whether this request to `view` changes data, as its decorator says."""
    if not hasattr(view, "changes_data_on"):
        return False
    return view.changes_data_on is EVERY_METHOD or method in view.changes_data_on
