"""Permanent Missions. Letters, contacts and invitations build on these later."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MissionKind(models.TextChoices):
    MEMBER_STATE = "member-state", _("Member State")
    OBSERVER_STATE = "observer-state", _("Non-member observer State")
    OBSERVER_ORGANIZATION = "observer-organization", _("Observer organization")


class Mission(models.Model):
    """The Permanent Mission (or Permanent Observer Mission) of a State or organization."""

    name = models.CharField(max_length=200, unique=True, help_text=_("e.g. Belgium"))
    kind = models.CharField(
        max_length=30, choices=MissionKind.choices, default=MissionKind.MEMBER_STATE
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("accounts:mission", args=[self.pk])
