"""Sending and accepting invitations: the only way into gasched."""

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .abilities import allowances, needs_authenticator, who
from .models import Invitation, Membership, Role
from .names import display_name, has_name
from .roles import ADMINISTRATORS, PGA_EDITORS, PGA_VIEWERS
from .rules import can_invite_to

log = logging.getLogger(__name__)

ROLE_GROUPS = {
    Role.PGA_VIEWER: PGA_VIEWERS,
    Role.PGA_EDITOR: PGA_EDITORS,
    Role.ADMINISTRATOR: ADMINISTRATORS,
}
SESSION_KEY = "gasched_invitation"


def has_account(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


def send_invitation(invitation: Invitation, *, request) -> Invitation:
    """Check that the sender may send it, save it and e-mail the link (plain text).

    To an address that already has an account no link goes (it could not sign up
    again): its owner is told so and how to sign in, and the sender sees the same
    "sent" as for any other address."""
    sender = invitation.invited_by
    if invitation.role != Role.MISSION_STAFF and not sender.has_perm("accounts.add_invitation"):
        raise PermissionDenied(_("Only administrators invite PGA office staff."))
    if not can_invite_to(sender, invitation.mission):
        raise PermissionDenied(_("You may invite colleagues of your own mission only."))
    invitation.full_clean()
    # Sending again (the mail did not arrive, or the server was down) sends the same
    # link: one invitation per address, role and mission while it can be used.
    pending = Invitation.objects.filter(
        email__iexact=invitation.email,
        role=invitation.role,
        mission=invitation.mission,
        accepted__isnull=True,
        expires__gt=timezone.now(),
    ).first()
    if pending is not None:
        invitation = pending
    else:
        invitation.save()
    holder = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if holder is not None:
        template, link = "accounts/invitation_to_an_account_email.txt", reverse("account_login")
    else:
        template, link = "accounts/invitation_email.txt", invitation.get_absolute_url()
    context = {
        **introduction(invitation),
        "link": request.build_absolute_uri(link),
        # Only the address's owner reads this: greeting them by name tells nobody else.
        "name": display_name(holder) if holder is not None and has_name(holder) else "",
    }
    try:
        send_mail(
            subject=_("[gasched] %(inviter)s invites you to open an account")
            % {"inviter": display_name(invitation.invited_by)},
            message=render_to_string(template, context),
            from_email=None,
            recipient_list=[invitation.email],
        )
    except (smtplib.SMTPException, OSError) as error:
        log.warning("invitation %s saved, not mailed: %s", invitation.pk, error)
        raise MailNotSent(invitation) from error
    return invitation


def introduction(invitation: Invitation) -> dict:
    """What the e-mail and the landing page say: who invites, for which mission or office,
    and what the account lets one do."""
    return {
        "invitation": invitation,
        "inviter": who(invitation.invited_by),
        "allowances": allowances(invitation.role),
        "needs_authenticator": needs_authenticator(invitation.role),
    }


class MailNotSent(Exception):
    """The invitation is saved but its e-mail could not leave now; sending it again
    sends the same link."""

    def __init__(self, invitation: Invitation):
        super().__init__(invitation.email)
        self.invitation = invitation


def usable_invitation(key: str | None) -> Invitation | None:
    if not key:
        return None
    invitation = (
        Invitation.objects.filter(key=key)
        .select_related("mission", "invited_by__membership__mission")
        .first()
    )
    return invitation if invitation and invitation.is_usable else None


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> None:
    """Give the new account the invitation's role; an invitation works exactly once."""
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted__isnull=True).update(
        accepted=timezone.now()
    )
    if claimed != 1:
        raise ValidationError(_("This invitation has already been used."))
    if invitation.role == Role.MISSION_STAFF:
        Membership.objects.create(user=user, mission=invitation.mission)
    else:
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[invitation.role]))
        user.is_staff = True  # PGA office staff use the admin with their permissions
        user.save(update_fields=["is_staff"])
