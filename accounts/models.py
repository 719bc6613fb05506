"""Mission staff belong to one mission; nobody joins without an invitation."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from missions.models import EmailAddressField, Mission

INVITATION_LIFETIME = timedelta(days=7)


class Membership(models.Model):
    """A user on the staff of one Permanent Mission (exactly one: OneToOne)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    mission = models.ForeignKey(Mission, on_delete=models.PROTECT, related_name="members")
    is_focal_point = models.BooleanField(
        default=False, help_text=_("May invite colleagues of the same mission")
    )

    class Meta:
        ordering = ["mission__name", "user__email"]

    def __str__(self):
        return f"{self.user.email} ({self.mission})"


class Role(models.TextChoices):
    MISSION_STAFF = "mission-staff", _("Mission staff")
    PGA_VIEWER = "pga-viewer", _("PGA office viewer")
    PGA_EDITOR = "pga-editor", _("PGA office editor")
    ADMINISTRATOR = "administrator", _("Site administrator")


def new_key() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def default_expiry():
    return timezone.now() + INVITATION_LIFETIME


class Invitation(models.Model):
    """A single-use, expiring invitation to open an account with a given role."""

    email = EmailAddressField()
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MISSION_STAFF)
    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invitations_sent"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(default=default_expiry)
    accepted = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="mission-staff", mission__isnull=False)
                | (~models.Q(role="mission-staff") & models.Q(mission__isnull=True)),
                name="invitation_mission_only_for_mission_staff",
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.get_role_display()})"

    def get_absolute_url(self):
        return reverse("accounts:accept-invitation", args=[self.key])

    @property
    def is_usable(self) -> bool:
        return self.accepted is None and self.expires > timezone.now()
