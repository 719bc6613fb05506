"""PGA office editors and administrators write only after a second factor (allauth.mfa).

Having an authenticator app is not enough: this session must have passed it, as
allauth records in the session. Sign-in everywhere goes through allauth (the admin's
own login page sends people there), so the rate limits and the second factor apply.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from gasched.access import is_write

from .roles import writes


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def passed_second_factor(request) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class RequireMFAForWriters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Our views say so by their decorator (gasched.access); the admin is all writing.
        changes_data = is_write(view_func, request.method) or request.path.startswith(
            reverse("admin:index")
        )
        if not changes_data or not request.user.is_authenticated or not writes(request.user):
            return None
        if not has_second_factor(request.user):
            messages.warning(
                request,
                _(
                    "Set up an authenticator app before changing anything: editors and "
                    "administrators sign in with a second factor."
                ),
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{next_page(request)}")
        if not passed_second_factor(request):
            # The authenticator's own page, once a session: a password would not do.
            messages.warning(request, _("Confirm with your authenticator app to continue."))
            return redirect(f"{reverse('mfa_reauthenticate')}?{next_page(request)}")
        return None


def next_page(request) -> str:
    """?next= for the page asked for: a POST's form is opened again by its address."""
    return urlencode({"next": request.get_full_path()})
