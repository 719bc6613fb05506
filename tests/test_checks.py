"""Deployment checks (gasched/checks.py)."""

from gasched.checks import (
    client_address_is_declared,
    programme_time_is_a_time,
    replies_do_not_come_back,
)


def test_a_proxy_that_is_not_declared_is_a_deploy_warning(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = None
    assert [w.id for w in client_address_is_declared(None)] == ["gasched.W001"]
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert client_address_is_declared(None) == []
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_address_is_declared(None) == []


def test_a_reply_address_that_is_the_office_mailbox_is_an_error(settings):
    settings.GASCHED_OFFICE_MAILBOX = "pga-meetings@un.org"
    settings.GASCHED_REPLY_ADDRESS = "PGA-Meetings@un.org"
    assert [e.id for e in replies_do_not_come_back(None)] == ["gasched.E001"]
    settings.GASCHED_REPLY_ADDRESS = "rsvp@un.org"
    assert replies_do_not_come_back(None) == []


def test_a_programme_time_that_is_not_hh_mm_is_an_error(settings):
    for wrong in ("6:30 pm", "25:00", "18h30", ""):
        settings.GASCHED_DIGEST_TIME = wrong
        assert [e.id for e in programme_time_is_a_time(None)] == ["gasched.E002"]
    settings.GASCHED_DIGEST_TIME = "18:30"
    assert programme_time_is_a_time(None) == []
