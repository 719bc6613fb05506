"""The Permanent Missions to the United Nations, the people at each who receive the
invitations, and what each mission wants to be invited to."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gasched.validators import one_line
from meetings.enums import MeetingKind
from meetings.models import Process

from .addresses import EmailAddressFormField, in_idna, validate_address
from .enums import ImportState, MissionKind


class EmailAddressField(models.EmailField):
    """An e-mail address people type (contacts, invitations): checked by the one rule of
    missions/addresses.py, stored with its domain in IDNA form."""

    default_validators = [validate_address]

    def to_python(self, value):
        return in_idna(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EmailAddressFormField, **kwargs})


def default_kinds() -> list[str]:
    """Plenary and high-level meetings concern every delegation."""
    return [MeetingKind.PLENARY.value, MeetingKind.HIGH_LEVEL.value]


class Mission(models.Model):
    """The Permanent Mission (or Permanent Observer Mission) of a State or organization."""

    name = models.CharField(
        max_length=200, unique=True, help_text=_("e.g. Belgium"), validators=[one_line]
    )
    kind = models.CharField(
        max_length=30, choices=MissionKind.choices, default=MissionKind.MEMBER_STATE
    )
    # What the mission's contacts are invited to: everything, or these kinds and the
    # processes it follows.
    receives_everything = models.BooleanField(_("invite us to every meeting"), default=False)
    kinds = models.JSONField(
        default=default_kinds, blank=True, help_text=_("Kinds of meeting always sent")
    )
    processes = models.ManyToManyField(
        Process, blank=True, related_name="following_missions", help_text=_("Processes followed")
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("missions:mission-contacts", args=[self.pk])


def new_contact_token() -> str:
    return secrets.token_urlsafe(24)  # the opt-out link needs no sign-in


class Contact(models.Model):
    """A person at a mission who receives invitations, updates and reminders."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, validators=[one_line])
    email = EmailAddressField()
    function = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("e.g. Permanent Representative, Deputy, focal point for a process"),
        validators=[one_line],
    )
    focal_point_for = models.ManyToManyField(
        Process,
        blank=True,
        related_name="focal_points",
        help_text=_("Also invited to every meeting of these processes"),
    )
    opted_out = models.DateTimeField(null=True, blank=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_contact_token, editable=False)
    # Nothing is sent to an address until its owner confirms it (the link in the
    # confirmation e-mail, missions/confirmation.py) or the PGA office imported it.
    confirmed = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation_key = models.CharField(max_length=64, blank=True, editable=False)
    confirmation_sent = models.DateTimeField(null=True, blank=True, editable=False)
    # When the link's e-mail actually left (the task, on success): a link asked for
    # since (confirmation_sent later) waits to be mailed, and the sweep sees to it.
    confirmation_mailed = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["mission__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "email"], name="contact_once_per_mission"),
            models.UniqueConstraint(
                fields=["confirmation_key"],
                condition=~models.Q(confirmation_key=""),
                name="contact_confirmation_key_unique",
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}> ({self.mission})"

    def get_absolute_url(self):
        return reverse("missions:mission-contacts", args=[self.mission_id])


class ContactImport(models.Model):
    """A CSV file of contacts: checked whole when it was uploaded (every row valid, or
    nothing), then saved by a background job, a step at a time, with its progress here."""

    state = models.CharField(max_length=20, choices=ImportState.choices, default=ImportState.QUEUED)
    # The checked rows, [line, mission pk, name, email, function]; emptied once saved.
    rows = models.JSONField(default=list, blank=True, editable=False)
    total = models.PositiveIntegerField(default=0)  # rows in the file
    done = models.PositiveIntegerField(default=0)  # rows saved so far
    new_contacts = models.PositiveIntegerField(default=0)
    updated_contacts = models.PositiveIntegerField(default=0)
    stopped_at_line = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True, editable=False)  # for the log, not for people
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The PGA office's own list is confirmed by its import (missions/confirmation.py);
    # rows a mission's staff import wait for their owners' click, like typed ones.
    confirmed_by_import = models.BooleanField(default=True, editable=False)
    uploaded = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    # The last sign of a worker on it (started, a step saved): the sweep hands a job
    # that shows none for long to another worker.
    progressed = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded"]

    def __str__(self):
        return f"Import of {self.total} contacts ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("missions:contacts-import-job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in (ImportState.DONE, ImportState.FAILED)
