"""The missions directory, their contacts and preferences, opting out, and what was
sent to whom. Thin: contacts.py and delivery.py do the work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import changes_data, requires
from meetings.models import Meeting

from . import contacts, delivery
from .enums import DeliveryState
from .forms import ContactForm, ContactsCsvForm, PreferencesForm
from .models import Contact, Delivery, Mission


@requires("correspondence.view_contact")
@require_safe
def mission_list(request):
    missions = Mission.objects.annotate(
        contact_count=Count("contacts", filter=Q(contacts__opted_out__isnull=True))
    )
    return render(request, "correspondence/mission_list.html", {"missions": missions})


def mission_for(request, pk: int) -> Mission:
    """The mission, if the user may see its contacts: 404 otherwise (as for its page)."""
    mission = get_object_or_404(Mission, pk=pk)
    membership = getattr(request.user, "membership", None)
    own = membership is not None and membership.mission_id == mission.pk
    if not (own or request.user.has_perm("correspondence.view_contact")):
        raise Http404(_("No mission here."))
    return mission


def contacts_page(request, mission, *, form=None, preferences=None, status=200):
    context = {
        "mission": mission,
        "contacts": mission.contacts.prefetch_related("focal_point_for"),
        "may_manage": contacts.can_manage_contacts(request.user, mission),
        "form": form or ContactForm(),
        "preferences": preferences
        or PreferencesForm(
            initial={
                "receives_everything": mission.receives_everything,
                "kinds": mission.kinds,
                "processes": mission.processes.all(),
            }
        ),
    }
    return render(request, "correspondence/mission_contacts.html", context, status=status)


def check_may_manage(request, mission):
    if not contacts.can_manage_contacts(request.user, mission):
        raise PermissionDenied(_("Only the PGA office and this mission's staff manage these."))


@changes_data
@login_required
@require_http_methods(["GET", "POST"])
def mission_contacts(request, pk: int):
    """GET: the contacts and what the mission receives. POST: add a contact."""
    mission = mission_for(request, pk)
    if request.method == "GET":
        return contacts_page(request, mission)
    check_may_manage(request, mission)
    form = ContactForm(request.POST, instance=Contact(mission=mission))
    if not form.is_valid():
        return contacts_page(request, mission, form=form, status=400)
    try:
        contact = contacts.save_contact(
            form.instance, focal_point_for=form.cleaned_data["focal_point_for"]
        )
    except ValidationError as error:
        form.add_error(None, error)
        return contacts_page(request, mission, form=form, status=400)
    messages.success(request, _("Added %(c)s.") % {"c": contact.name})
    return redirect("correspondence:mission-contacts", mission.pk)


@changes_data
@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request, pk: int, contact: int):
    mission = mission_for(request, pk)
    check_may_manage(request, mission)
    contact = get_object_or_404(Contact, pk=contact, mission=mission)
    if request.method == "POST" and request.POST.get("action") == "delete":
        contact.delete()
        messages.success(request, _("Removed %(c)s.") % {"c": contact.name})
        return redirect("correspondence:mission-contacts", mission.pk)
    if request.method == "POST" and request.POST.get("action") == "opt-in":
        contacts.opt_in(contact)
        return redirect("correspondence:mission-contacts", mission.pk)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            contacts.save_contact(
                form.instance, focal_point_for=form.cleaned_data["focal_point_for"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("correspondence:mission-contacts", mission.pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {"mission": mission, "contact": contact, "form": form}
    return render(request, "correspondence/contact_form.html", context, status=status)


@changes_data
@login_required
@require_POST
def mission_preferences(request, pk: int):
    mission = mission_for(request, pk)
    check_may_manage(request, mission)
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        return contacts_page(request, mission, preferences=form, status=400)
    contacts.set_preferences(mission, **form.cleaned_data)
    messages.success(request, _("Saved what %(m)s receives.") % {"m": mission})
    return redirect("correspondence:mission-contacts", mission.pk)


@requires("correspondence.add_contact")
@require_http_methods(["GET", "POST"])
def contacts_import(request):
    form = ContactsCsvForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            result = contacts.import_contacts(form.cleaned_data["file"].read())
        except contacts.CsvRejected as rejected:
            errors = rejected.errors
        else:
            messages.success(
                request,
                _("Imported: %(c)d new contacts, %(u)d updated.")
                % {"c": result.created, "u": result.updated},
            )
            return redirect("correspondence:missions")
    status = 400 if (form.is_bound and form.errors) or errors else 200
    context = {"form": form, "errors": errors}
    return render(request, "correspondence/contacts_import.html", context, status=status)


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
