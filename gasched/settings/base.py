"""Settings shared by every environment.

Everything that differs between machines comes from the environment (twelve-factor):
DATABASE_URL, REDIS_URL, EMAIL_URL-style EMAIL_* variables, SECRET_KEY, DEBUG,
ALLOWED_HOSTS. With no environment at all (and dev.py, which manage.py chooses by
default) the app runs on an embedded default: SQLite under var/, Celery tasks eager and
in-process, e-mail printed to the console.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("GASCHED_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Fail closed: no key and DEBUG off unless the environment says otherwise. dev.py and
# test.py (development, chosen explicitly) bring a fixed key and, for dev, DEBUG on; the
# entry points refuse to start without a key or with DEBUG on elsewhere (gasched.startup).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
GASCHED_DEVELOPMENT = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "simple_history",
    "ninja",
    "meetings",
    "missions",
    "correspondence",
    # Official meetings from the Journal of the United Nations (builds on meetings).
    "journal",
    # The project itself, above every app: the `loaddemo` command that loads them all.
    "gasched",
    # Last: its post_migrate gives the roles their permissions, which must exist by then.
    "accounts",
]

MIDDLEWARE = [
    # First: a body over GASCHED_MAX_UPLOAD_SIZE is a 413, and a NUL in the path, query,
    # cookies or a form is a 400, before anything reads them.
    "gasched.middleware.RefuseOversizeRequests",
    "gasched.middleware.RefuseNulCharacters",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: the language comes from the switcher's cookie,
    # then the browser's Accept-Language. URLs carry no language prefix, so feed and
    # meeting links stay the same in every language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.middleware.RequireMFAForWriters",
]

ROOT_URLCONF = "gasched.urls"
WSGI_APPLICATION = "gasched.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.demo.demo_accounts",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'gasched.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# The namespace of this deployment's keys in Redis: two apps (or two benchmark runs) on
# one Redis database never read each other's cached pages.
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "gasched")

# Web processes keep no state of their own: the cache lives in Redis when there is
# one, sessions in the database, uploads behind the storage API (S3 can replace disk).
# Two aliases on the same Redis (gasched/cache.py): `default` (allauth's rate limits)
# counts in each process while Redis is down; `schedule` (meetings/pagecache.py) is
# shared or not used. Short timeouts: Redis answers in well under a millisecond on the
# local network, and an unreachable one must cost milliseconds, not the seconds of the
# operating system's defaults (the largest entry, a feed of a few MB, reads in tens).
if REDIS_URL:
    REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
    CACHES = {
        "default": {
            "BACKEND": "gasched.cache.RedisOrLocalCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        },
        "schedule": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        },
    }
else:
    # One store (the same LOCATION) for both aliases, in this process's memory.
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gasched"}
        for alias in ("default", "schedule")
    }
SESSION_ENGINE = "django.contrib.sessions.backends.db"

STORAGES = {
    # Uploads go through Django's storage API: an office that runs several web
    # processes sets STORAGE_BACKEND=storages.backends.s3.S3Storage (with
    # django-storages[s3] installed and its AWS_* variables) instead of the local disk.
    "default": {
        "BACKEND": os.environ.get("STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Twelve characters at least, and none of the 20,000 most common passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# django-allauth: e-mail address as the login; nobody signs themselves up (missions are
# invited, see correspondence), so the adapter closes sign-up.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[gasched] "
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
# People are greeted by the name they give at sign-up (accounts.names).
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.names.NameForm"
ACCOUNT_USER_DISPLAY = "accounts.names.display_name"
# allauth's forms in the site's words (sentence case, no placeholders).
ACCOUNT_FORMS = {
    form: f"accounts.allauth_forms.{name}"
    for form, name in [
        ("login", "LoginForm"),
        ("signup", "SignupForm"),
        ("add_email", "AddEmailForm"),
        ("change_password", "ChangePasswordForm"),
        ("set_password", "SetPasswordForm"),
        ("reset_password", "ResetPasswordForm"),
        ("reset_password_from_key", "ResetPasswordKeyForm"),
    ]
}

# --- Sign-in rate limits (allauth's, kept in the cache and shared by all web processes) --
# Wrong passwords count twice: against the account tried (5 in 5 minutes, then that
# account waits 5 minutes) and against the client's address (20 in 5 minutes). The
# address limit is the higher one because a mission's whole staff, or the office behind
# its proxy, may sign in from one address: one person's mistakes must not lock out the
# colleagues, while one address still cannot try passwords on account after account.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/5m/ip,5/5m/key",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "3/h/key",
}
# The client's address is the connection's (REMOTE_ADDR) unless the proxy in front is
# declared: X-Forwarded-For is believed only for the number of proxies given here (the
# rightmost entries, which our own proxies add), or only the one header the proxy sets.
# Undeclared, a forged X-Forwarded-For changes nothing. The API's rate limit uses the
# same address (meetings.api).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("GASCHED_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("GASCHED_CLIENT_IP_HEADER") or None
# --- end of the sign-in rate limits --------------------------------------------------
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Setting up (or removing) an authenticator asks for the password again, even just after
# signing in: a session left open must not be enough to enrol the thief's phone.
MFA_REAUTHENTICATION_REQUIRED = True
MFA_TOTP_ISSUER = "gasched"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "meetings:programme"
ACCOUNT_LOGOUT_REDIRECT_URL = "meetings:programme"

# Security headers that hold in every environment (production.py adds HTTPS ones).
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it
# No inline script or style anywhere: one stylesheet and one script from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Uploads (letters) are small documents: refuse anything bigger before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
GASCHED_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The most proposals one letter may make: a letter announces a few dozen meetings at most,
# and an upload that proposes more is refused before anything is saved, so that any
# accepted upload is read and stored in seconds (benchmarks/letter_upload.py).
GASCHED_LETTER_MAX_MEETINGS = int(os.environ.get("GASCHED_LETTER_MAX_MEETINGS", "500"))
GASCHED_LETTER_MAX_DEADLINES = int(os.environ.get("GASCHED_LETTER_MAX_DEADLINES", "500"))

LANGUAGE_CODE = "en"
# The six official languages of the United Nations, each named in itself for the switcher.
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's date formats per language, with our corrections (UN day-first English, Arabic
# date and time, Russian day and month) and the weekday dates of the day headings.
FORMAT_MODULE_PATH = ["gasched.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Every meeting of the General Assembly is held, listed and announced in New York time.
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

# The stable part of every iCalendar UID (meeting-<pk>@<domain>): it must never change.
GASCHED_UID_DOMAIN = os.environ.get("GASCHED_UID_DOMAIN", "gasched.un.org")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
# A relay that hangs must not hold a worker (and its claimed rows) for ever.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "30"))
# Date headers with the real offset of TIME_ZONE (-0500/-0400), not "-0000" (which says
# the sender does not know its zone: RFC 5322 3.3).
EMAIL_USE_LOCALTIME = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Office of the PGA <pga-meetings@un.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The office's real, monitored mailbox (never a no-reply address): the address the
# messages give for questions, and where mail to the reply address that is not a calendar
# reply is forwarded (GASCHED_OFFICE_MAILBOX, by default this one).
GASCHED_ORGANIZER_NAME = os.environ.get(
    "GASCHED_ORGANIZER_NAME", "Office of the President of the General Assembly"
)
GASCHED_ORGANIZER_EMAIL = os.environ.get("GASCHED_ORGANIZER_EMAIL", "pga-meetings@un.org")
# Replies: the ORGANIZER and From of every invitation is this address, which gasched
# receives itself (manage.py receive_replies): an "Accept" click becomes an answer on the
# meeting's page instead of a mail nobody reads. Whatever else reaches it (a person
# answering in words, a counter-proposal) is forwarded untouched to the office's mailbox.
GASCHED_REPLY_ADDRESS = os.environ.get(
    "GASCHED_REPLY_ADDRESS", "rsvp@" + GASCHED_ORGANIZER_EMAIL.rpartition("@")[2]
)
GASCHED_OFFICE_MAILBOX = os.environ.get("GASCHED_OFFICE_MAILBOX", GASCHED_ORGANIZER_EMAIL)
# Received mail, once handled, is kept this long (the admin's log of what came in).
GASCHED_RECEIVED_MAIL_DAYS = int(os.environ.get("GASCHED_RECEIVED_MAIL_DAYS", "30"))
# A received message larger than this is refused (552) before it is stored.
GASCHED_REPLY_MAX_BYTES = int(os.environ.get("GASCHED_REPLY_MAX_BYTES", str(10 * 1024 * 1024)))
GASCHED_SITE_URL = os.environ.get("GASCHED_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Reminder lead times in minutes before a meeting starts (default: 24 hours and 1 hour).
GASCHED_REMINDER_LEADS = [
    int(m) for m in os.environ.get("GASCHED_REMINDER_LEADS", "1440,60").split(",") if m.strip()
]
# Tomorrow's programme by e-mail: written when New York's local time passes this (HH:MM,
# after the day's changes), for the next working day (Monday on a Friday).
GASCHED_DIGEST_TIME = os.environ.get("GASCHED_DIGEST_TIME", "18:30")
# Late changes to a programme already sent are told once none came for this long.
GASCHED_DIGEST_CORRECTION_QUIET_SECONDS = float(
    os.environ.get("GASCHED_DIGEST_CORRECTION_QUIET_SECONDS", "300")
)
# Delivery retries: the first after this many seconds, doubling each time, up to a limit.
GASCHED_RETRY_SECONDS = float(os.environ.get("GASCHED_RETRY_SECONDS", "30"))
GASCHED_MAX_ATTEMPTS = int(os.environ.get("GASCHED_MAX_ATTEMPTS", "10"))
# A delivery claimed longer ago than this was being sent by a worker that died.
# The Journal of the United Nations' public JSON API (journal/client.py). Empty, or
# GASCHED_JOURNAL_SYNC=0, turns the sync off (README: "The Journal sync").
GASCHED_JOURNAL_URL = os.environ.get("GASCHED_JOURNAL_URL", "https://journal-api.un.org/api/")
GASCHED_JOURNAL_SYNC = env_bool("GASCHED_JOURNAL_SYNC", default=True)
GASCHED_JOURNAL_TIMEOUT = float(os.environ.get("GASCHED_JOURNAL_TIMEOUT", "10"))
GASCHED_JOURNAL_RETRIES = int(os.environ.get("GASCHED_JOURNAL_RETRIES", "2"))
GASCHED_JOURNAL_BACKOFF = float(os.environ.get("GASCHED_JOURNAL_BACKOFF", "2"))
# Reading forward stops after this many days in a row with nothing listed (weekends and
# holidays are empty), and never reads more than GASCHED_JOURNAL_MAX_DAYS days.
GASCHED_JOURNAL_EMPTY_DAYS = int(os.environ.get("GASCHED_JOURNAL_EMPTY_DAYS", "7"))
GASCHED_JOURNAL_MAX_DAYS = int(os.environ.get("GASCHED_JOURNAL_MAX_DAYS", "60"))
GASCHED_STALE_SENDING_SECONDS = float(os.environ.get("GASCHED_STALE_SENDING_SECONDS", "300"))

# Celery: with no broker configured, tasks run eagerly in-process (embedded default).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# A broker that is down must not hold a web request for long: queueing after a commit
# gives up after one more try and leaves the rows to the requeue sweep (the outbox is
# the truth); a broker that does not answer costs seconds, not forever.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1.0, "socket_timeout": 2.0}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Keep a worker's database connection across tasks (Celery closes it after each task
# otherwise): a fan-out is many short tasks.
CELERY_DB_REUSE_MAX = 200
CELERY_BEAT_SCHEDULE = {
    # The outbox's safety net: what a lost task or a Redis restart left pending.
    "requeue-deliveries": {"task": "correspondence.requeue_deliveries", "schedule": 60.0},
    "send-due-reminders": {"task": "correspondence.send_due_reminders", "schedule": 60.0},
    # Contact imports and confirmation links a broker down or a lost worker left waiting.
    "requeue-missions": {"task": "missions.requeue", "schedule": 60.0},
    # Received mail whose handling failed (the relay down for a forward): tried again.
    "handle-received-mail": {"task": "correspondence.handle_received_mail", "schedule": 60.0},
    # Tomorrow's programme by e-mail: the task sends when New York's clock says so.
    "send-daily-programme": {"task": "correspondence.send_daily_programme", "schedule": 120.0},
    # The Journal of the United Nations: every 30 minutes in New York working hours on
    # weekdays (CELERY_TIMEZONE), and once at night for the days ahead.
    "sync-journal": {
        "task": "journal.sync_journal",
        "schedule": crontab(minute="0,30", hour="7-19", day_of_week="mon-fri"),
    },
    "sync-journal-nightly": {
        "task": "journal.sync_journal",
        "schedule": crontab(minute="15", hour="2"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
