"""Invitations and mission pages. Thin: permission checks, a form, one domain call."""

import time

from allauth.account import views as allauth_views
from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.views import ActivateTOTPView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from gasched.access import changes_data
from missions.models import Mission
from missions.rules import can_see_mission

from .forms import InvitationForm
from .invitations import (
    SESSION_KEY,
    MailNotSent,
    introduction,
    send_invitation,
    usable_invitation,
)
from .models import Invitation
from .names import NameForm, display_name, has_name
from .rules import can_invite, can_invite_to


@require_safe
def accept_invitation(request, key: str):
    """The link in the invitation e-mail: opens the sign-up form for that address once."""
    invitation = usable_invitation(key)
    if invitation is None:
        raise Http404(_("This invitation has expired or has already been used."))
    request.session[SESSION_KEY] = invitation.key
    # The link reached this mailbox, so the address is verified (allauth's own hook).
    get_adapter(request).stash_verified_email(request, invitation.email)
    return redirect("account_signup")


class SignupView(allauth_views.SignupView):
    """allauth's sign-up, opened by an invitation: the page it lands on says who invited
    the person, for which mission or office, and what the account lets them do."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation = get_adapter(self.request).invitation(self.request)
        if invitation is not None:
            context.update(introduction(invitation))
        return context


signup = SignupView.as_view()


@login_required
@require_http_methods(["GET", "POST"])
def your_name(request):
    """For an account without a name (made before names were asked): ask for it once."""
    form = NameForm(request.POST or None, initial={"name": request.user.get_full_name()})
    if request.method == "POST":
        if form.is_valid():
            form.save_name(request.user)
            messages.success(
                request, _("Thank you, %(name)s.") % {"name": display_name(request.user)}
            )
            return redirect("meetings:programme")
        return render(request, "accounts/your_name.html", {"form": form}, status=400)
    return render(
        request, "accounts/your_name.html", {"form": form, "named": has_name(request.user)}
    )


@login_required
@require_safe
def mission_detail(request, pk: int):
    """A mission's page and its staff: PGA office staff and that mission's staff only."""
    mission = get_object_or_404(Mission, pk=pk)
    if not can_see_mission(request.user, mission):
        raise Http404(_("No mission here."))  # 404, not 403: do not confirm it exists
    members = mission.members.select_related("user")
    context = {
        "mission": mission,
        "members": members,
        "may_invite": can_invite_to(request.user, mission),
    }
    return render(request, "accounts/mission_detail.html", context)


# Sending invitations changes who may do what: writers need their second factor here too.
@changes_data
@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    if not can_invite(request.user):
        raise PermissionDenied(_("Only administrators and mission focal points invite."))
    form = InvitationForm(request.POST or None, sender=request.user)
    if request.method == "POST":
        if form.is_valid():
            invitation = form.save(commit=False)
            invitation.invited_by = request.user
            try:
                send_invitation(invitation, request=request)
            except MailNotSent:
                messages.warning(
                    request,
                    _(
                        "The account invitation to %(e)s is saved, but its e-mail could not be "
                        "sent now: send it again in a few minutes (the same link goes)."
                    )
                    % {"e": invitation.email},
                )
            else:
                messages.success(
                    request, _("Account invitation sent to %(e)s.") % {"e": invitation.email}
                )
            return redirect("accounts:invite")
        return render(request, "accounts/invite.html", {"form": form}, status=400)
    sent = Invitation.objects.filter(invited_by=request.user).select_related("mission")[:50]
    return render(request, "accounts/invite.html", {"form": form, "sent": sent})


# Where an editor sent to set up an authenticator was going: the page after the setup.
AFTER_AUTHENTICATOR = "gasched_after_authenticator"


class ActivateAuthenticator(ActivateTOTPView):
    """allauth's "Activate authenticator app", ending where the editor was going (?next=,
    kept in the session across the recovery codes page, which offers the way on). The
    code just typed from the new app is this session's second factor: the editor is not
    asked for it again straight away (accounts.middleware)."""

    def get(self, request, *args, **kwargs):
        destination = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            destination, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            request.session[AFTER_AUTHENTICATOR] = destination
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEBUG:  # `make run`'s demo only: the code a phone's app would show now
            context["demo_code"] = current_code(context["form"].secret)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        record_authentication(self.request, self.request.user, method="mfa", type="totp")
        return response

    def get_success_url(self) -> str:
        if self.did_generate_recovery_codes:
            return reverse("mfa_view_recovery_codes")  # shown once; it links on
        return self.request.session.pop(AFTER_AUTHENTICATOR, None) or reverse("mfa_index")


activate_authenticator = ActivateAuthenticator.as_view()


def current_code(secret: str) -> str:
    """The authenticator code for `secret` at this moment (what `oathtool --totp -b`
    prints), as allauth checks it."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
