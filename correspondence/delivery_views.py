"""The outbox as staff and recipients see it: what was sent to whom for a meeting,
sending a failed one again, and the one-click opt-out link every message carries.
Thin: delivery.py and missions.contacts do the work."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gasched.access import requires
from meetings.models import Meeting
from missions import contacts
from missions.models import Contact

from . import delivery
from .enums import DeliveryState
from .models import Delivery


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a session; the token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    contact = get_object_or_404(Contact.objects.select_related("mission"), token=token)
    if request.method == "POST":
        contacts.opt_out(contact)
    return render(request, "correspondence/unsubscribe.html", {"contact": contact})


@requires("correspondence.view_delivery")
@require_safe
def meeting_deliveries(request, pk: int):
    """Who was sent what and when; what is pending; what failed and why."""
    meeting = get_object_or_404(Meeting.objects.select_related("room"), pk=pk)
    rows = list(delivery.deliveries_of(meeting))
    counts = {state: 0 for state in DeliveryState.values}
    for row in rows:
        counts[row.state] += 1
    context = {"meeting": meeting, "deliveries": rows, "counts": counts}
    return render(request, "correspondence/meeting_deliveries.html", context)


@requires("correspondence.change_delivery")
@require_POST
def delivery_resend(request, pk: int):
    row = get_object_or_404(Delivery, pk=pk)
    delivery.resend(row)
    messages.success(request, _("Sent again to %(e)s.") % {"e": row.contact.email})
    return redirect("correspondence:meeting-deliveries", row.meeting_id)
