from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

import gasched.converters  # noqa: F401 -- registers the <date:...> converter before app urls load
from accounts.views import activate_authenticator, signup
from correspondence.backlog import outbox_backlog
from gasched.health import health, readiness
from journal.health import journal_freshness
from meetings.api import api

# One way in: the admin's own login page would skip allauth's rate limits and MFA.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "gasched — Office of the President of the General Assembly"
admin.site.site_title = "gasched administration"

# 400 and 500 without the request (gasched/errors.py); 403 and 404 are Django's own
# handlers rendering templates/403.html and 404.html.
handler400 = "gasched.errors.bad_request"
handler500 = "gasched.errors.server_error"

urlpatterns = [
    path("healthz/", health, name="health"),
    path(
        "readyz/",
        readiness,
        {"outbox": outbox_backlog, "informative": {"journal": journal_freshness}},
        name="readiness",
    ),
    path("admin/", admin.site.urls),
    # allauth's sign-up with the invitation's introduction (accounts.views.SignupView).
    path("accounts/signup/", signup, name="account_signup"),
    # allauth's own page, ending where the editor was going (before allauth's, which it
    # replaces: same address, same name).
    path("accounts/2fa/totp/activate/", activate_authenticator, name="mfa_activate_totp"),
    path("accounts/", include("allauth.urls")),
    path("team/", include("accounts.urls")),
    # The language switcher posts here (Django's set_language: cookie, then redirect back).
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("", include("missions.urls")),
    path("", include("correspondence.urls")),
    path("", include("journal.urls")),
    path("", include("meetings.urls")),
]
