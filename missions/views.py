"""The missions directory, their contacts and preferences. Thin: contacts.py does the
work, rules.py says who may."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gasched.access import changes_data, requires

from . import confirmation, contacts, rules
from .forms import ContactForm, ContactsCsvForm, PreferencesForm
from .models import Contact, ContactImport, Mission


@requires("missions.view_contact")
@require_safe
def mission_list(request):
    missions = Mission.objects.annotate(
        contact_count=Count("contacts", filter=Q(contacts__opted_out__isnull=True))
    )
    return render(request, "missions/mission_list.html", {"missions": missions})


def mission_for(request, pk: int) -> Mission:
    """The mission, if the user may see its contacts: 404 otherwise (as for its page)."""
    mission = get_object_or_404(Mission, pk=pk)
    if not rules.can_see_contacts(request.user, mission):
        raise Http404(_("No mission here."))
    return mission


def contacts_page(request, mission, *, form=None, preferences=None, status=200):
    context = {
        "mission": mission,
        "contacts": mission.contacts.prefetch_related("focal_point_for"),
        "may_manage": rules.can_manage_contacts(request.user, mission),
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
    return render(request, "missions/mission_contacts.html", context, status=status)


def check_may_manage(request, mission):
    if not rules.can_manage_contacts(request.user, mission):
        raise PermissionDenied(_("Only the PGA office and this mission's staff manage these."))


@changes_data(on=("POST",))  # reading the contacts needs no second factor
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
    return redirect("missions:mission-contacts", mission.pk)


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
        return redirect("missions:mission-contacts", mission.pk)
    if request.method == "POST" and request.POST.get("action") == "opt-in":
        contacts.opt_in(contact)
        return redirect("missions:mission-contacts", mission.pk)
    if request.method == "POST" and request.POST.get("action") == "send-link":
        try:
            confirmation.send_link_again(contact)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The confirmation link is sent again."))
        return redirect("missions:contact-edit", mission.pk, contact.pk)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            contacts.save_contact(
                form.instance, focal_point_for=form.cleaned_data["focal_point_for"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("missions:mission-contacts", mission.pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {
        "mission": mission,
        "contact": contact,
        "form": form,
        "link_mailed": confirmation.link_mailed(contact),
    }
    return render(request, "missions/contact_form.html", context, status=status)


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
    return redirect("missions:mission-contacts", mission.pk)


@requires("missions.add_contact")
@require_http_methods(["GET", "POST"])
def contacts_import(request):
    """Every row is checked here, in the request; a background job saves them."""
    form = ContactsCsvForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            job = contacts.import_contacts(
                form.cleaned_data["file"].read(), uploaded_by=request.user
            )
        except contacts.CsvRejected as rejected:
            errors = rejected.errors
        else:
            return redirect(job)
    status = 400 if (form.is_bound and form.errors) or errors else 200
    recent = ContactImport.objects.defer("rows")[:5]
    context = {"form": form, "errors": errors, "recent": recent}
    return render(request, "missions/contacts_import.html", context, status=status)


@require_http_methods(["GET", "POST"])
def contact_confirm(request, key: str):
    """The link in the confirmation e-mail: GET shows a button and changes nothing
    (mail scanners open links); the POST confirms. No sign-in: the key is the proof
    that the mail reached this mailbox."""
    try:
        contact = confirmation.contact_for_link(key)
    except confirmation.LinkRefused as refused:
        context = {"refused": refused.reason}
        return render(request, "missions/contact_confirm.html", context, status=404)
    if request.method == "POST":
        confirmation.confirm_address(contact)
        return redirect("missions:contact-confirm", key)
    return render(request, "missions/contact_confirm.html", {"contact": contact})


@requires("missions.view_contact")
@require_safe
def contacts_import_job(request, pk: int):
    """How far the import has come; the page reloads itself until it is finished."""
    job = get_object_or_404(ContactImport.objects.defer("rows"), pk=pk)
    return render(request, "missions/contacts_import_job.html", {"job": job})
