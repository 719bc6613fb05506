from django.db import models
from django.utils.translation import gettext_lazy as _


class MissionKind(models.TextChoices):
    MEMBER_STATE = "member-state", _("Member State")
    OBSERVER_STATE = "observer-state", _("Non-member observer State")
    OBSERVER_ORGANIZATION = "observer-organization", _("Observer organization")


class ImportState(models.TextChoices):
    QUEUED = "queued", _("Waiting for a worker")
    RUNNING = "running", _("Saving")
    DONE = "done", _("Done")
    FAILED = "failed", _("Stopped")
