from django.apps import AppConfig
from django.db.models.signals import post_migrate


def apply_roles(sender, **kwargs):
    from .roles import setup_roles  # noqa: PLC0415 -- apps not ready

    setup_roles()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        # After every migrate, when every app's permissions exist: roles stay exactly
        # as accounts.roles says, on a new installation and after each upgrade.
        post_migrate.connect(apply_roles, sender=self, dispatch_uid="gasched-roles")
        # Models (and so these modules) load only once apps are ready.
        from meetings.following import register_colleagues  # noqa: PLC0415 -- apps not ready

        from .colleagues import mission_colleagues_following  # noqa: PLC0415 -- apps not ready

        # "Who else from my mission follows this" on My schedule, for focal points.
        register_colleagues(mission_colleagues_following)
