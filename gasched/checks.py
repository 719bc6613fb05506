"""System checks of the deployment (`manage.py check --deploy`), with ids and hints."""

import re

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def client_address_is_declared(app_configs, **kwargs):
    """Behind the TLS proxy that production assumes, every request comes from the proxy:
    unless the proxy is declared, all visitors share one sign-in limit per address, and
    five wrong passwords anywhere lock everyone out."""
    behind_a_proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    declared = settings.ALLAUTH_TRUSTED_PROXY_COUNT or settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER
    if behind_a_proxy and not declared:
        return [
            checks.Warning(
                "Behind a proxy, but the proxy is not declared: every visitor would share "
                "one sign-in limit (the proxy's address).",
                hint="Set GASCHED_TRUSTED_PROXY_COUNT (proxies in front of the app) or "
                "GASCHED_CLIENT_IP_HEADER (the header the proxy sets).",
                id="gasched.W001",
            )
        ]
    return []


@checks.register()
def replies_do_not_come_back(app_configs, **kwargs):
    """Mail to the reply address that is not a calendar answer is forwarded to the
    office's mailbox: were they one address, every forward would come back, for ever."""
    reply = settings.GASCHED_REPLY_ADDRESS.strip().lower()
    if reply and reply == settings.GASCHED_OFFICE_MAILBOX.strip().lower():
        return [
            checks.Error(
                "GASCHED_REPLY_ADDRESS is the office's mailbox: forwards would loop.",
                hint="Give the reply address its own mailbox (e.g. rsvp@ the office's "
                "domain), routed to manage.py receive_replies; README: Replies.",
                id="gasched.E001",
            )
        ]
    return []


@checks.register()
def programme_time_is_a_time(app_configs, **kwargs):
    """The daily programme is sent when New York's clock passes GASCHED_DIGEST_TIME:
    a value that is not HH:MM would stop it every evening, silently."""
    value = settings.GASCHED_DIGEST_TIME
    if re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value):
        return []
    return [
        checks.Error(
            f"GASCHED_DIGEST_TIME is {value!r}, not a time of day written HH:MM.",
            hint='e.g. "18:30" (New York time); README: Tomorrow\'s programme by e-mail.',
            id="gasched.E002",
        )
    ]
