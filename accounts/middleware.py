"""PGA office editors and administrators write only with a second factor (allauth.mfa)."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import writes


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMFAForWriters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        is_write = getattr(view_func, "writes", False) or request.path.startswith(
            reverse("admin:index")
        )
        if not is_write or not request.user.is_authenticated:
            return None
        if writes(request.user) and not has_second_factor(request.user):
            messages.warning(
                request,
                _(
                    "Set up an authenticator app before changing anything: editors and "
                    "administrators sign in with a second factor."
                ),
            )
            return redirect("mfa_activate_totp")
        return None
