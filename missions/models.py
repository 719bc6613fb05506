"""The Permanent Missions to the United Nations, the people at each who receive the
invitations, and what each mission wants to be invited to."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.enums import MeetingKind
from meetings.models import Process

from .enums import ImportState, MissionKind


def default_kinds() -> list[str]:
    """Plenary and high-level meetings concern every delegation."""
    return [MeetingKind.PLENARY.value, MeetingKind.HIGH_LEVEL.value]


class Mission(models.Model):
    """The Permanent Mission (or Permanent Observer Mission) of a State or organization."""

    name = models.CharField(max_length=200, unique=True, help_text=_("e.g. Belgium"))
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
    name = models.CharField(max_length=200)
    email = models.EmailField()
    function = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("e.g. Permanent Representative, Deputy, focal point for a process"),
    )
    focal_point_for = models.ManyToManyField(
        Process,
        blank=True,
        related_name="focal_points",
        help_text=_("Also invited to every meeting of these processes"),
    )
    opted_out = models.DateTimeField(null=True, blank=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_contact_token, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["mission__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "email"], name="contact_once_per_mission")
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
    uploaded = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded"]

    def __str__(self):
        return f"Import of {self.total} contacts ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("missions:contacts-import-job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in (ImportState.DONE, ImportState.FAILED)
