"""Tomorrow's programme by e-mail as people manage it: a signed-in user subscribes,
chooses what and in which language, or stops; a mission's contact opts in from the
link of their invitations; anyone unsubscribes with the e-mail's one-click link.
Thin: daily_programme.py does the work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from missions.models import Contact

from . import daily_programme
from .forms import ProgrammeSubscriptionForm
from .models import ProgrammeSubscription

MISSION_FOLLOWS = gettext_lazy("Only what my mission is invited to")


def initial_for(subscription: ProgrammeSubscription | None) -> dict:
    if subscription is None:
        return {"language": translation.get_language() or "en"}
    return {"scope": subscription.scope, "language": subscription.language}


@login_required
@require_http_methods(["GET", "POST"])
def programme_subscription(request):
    """The signed-in user's subscription: subscribe, change it, or stop it."""
    subscription = daily_programme.subscription_of(user=request.user)
    form = ProgrammeSubscriptionForm(initial=initial_for(subscription))
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "unsubscribe":
            if subscription is not None:
                daily_programme.unsubscribe(subscription)
            messages.success(request, _("You will receive no more programmes by e-mail."))
            return redirect("correspondence:programme-subscription")
        form = ProgrammeSubscriptionForm(request.POST)
        if form.is_valid():
            daily_programme.subscribe(user=request.user, **form.cleaned_data)
            messages.success(request, _("Tomorrow's programme will come by e-mail."))
            return redirect("correspondence:programme-subscription")
        status = 400
    context = {"form": form, "subscription": subscription, "address": request.user.email}
    return render(request, "correspondence/programme_subscription.html", context, status=status)


@require_http_methods(["GET", "POST"])
def contact_programme(request, token: str):
    """A mission's contact opts in (no sign-in: the token of their invitations' link)."""
    contact = get_object_or_404(Contact.objects.select_related("mission"), token=token)
    subscription = daily_programme.subscription_of(contact=contact)
    form = ProgrammeSubscriptionForm(
        initial=initial_for(subscription), followed_label=MISSION_FOLLOWS
    )
    status = 200
    if request.method == "POST":
        form = ProgrammeSubscriptionForm(request.POST, followed_label=MISSION_FOLLOWS)
        if form.is_valid():
            subscription = daily_programme.subscribe(contact=contact, **form.cleaned_data)
            messages.success(request, _("Tomorrow's programme will come by e-mail."))
            return redirect("correspondence:contact-programme", token)
        status = 400
    unsubscribe_url = None
    if subscription is not None and subscription.active:
        unsubscribe_url = reverse("correspondence:programme-unsubscribe", args=[subscription.token])
    context = {
        "form": form,
        "subscription": subscription,
        "contact": contact,
        "address": contact.email,
        "unsubscribe_url": unsubscribe_url,
    }
    return render(request, "correspondence/programme_contact.html", context, status=status)


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a session; the token is the key
@require_http_methods(["GET", "POST"])
def programme_unsubscribe(request, token: str):
    """GET asks to confirm (a link scanner must not unsubscribe anyone); POST stops."""
    subscription = get_object_or_404(
        ProgrammeSubscription.objects.select_related("user", "contact"), token=token
    )
    if request.method == "POST":
        daily_programme.unsubscribe(subscription)
    context = {"subscription": subscription}
    return render(request, "correspondence/programme_unsubscribe.html", context)
