"""The two-command set-up: embedded defaults, settings from the environment, deploy checks."""

import ast
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVICE_VARIABLES = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY")

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "email": settings.EMAIL_BACKEND,
    "cache": settings.CACHES["default"]["BACKEND"],
    "sessions": settings.SESSION_ENGINE,
    "time_zone": settings.TIME_ZONE,
}))
"""


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    clean.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.dev")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def settings_with(**env) -> dict:
    result = run_python(PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_environment_means_sqlite_eager_celery_and_console_mail():
    settings = settings_with()
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["name"].endswith("var/gasched.sqlite3")
    assert (settings["eager"], settings["broker"]) == (True, "memory://")
    assert settings["email"] == "django.core.mail.backends.console.EmailBackend"
    assert settings["time_zone"] == "America/New_York"


def test_environment_selects_postgresql_and_redis():
    settings = settings_with(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/gasched",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert settings["engine"] == "django.db.backends.postgresql"
    assert (settings["eager"], settings["broker"]) == (False, "redis://127.0.0.1:6379/0")
    assert settings["cache"] == "gasched.cache.RedisOrLocalCache"
    assert settings["sessions"] == "django.contrib.sessions.backends.db"


def test_production_settings_pass_check_deploy():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES},
            "DJANGO_SETTINGS_MODULE": "gasched.settings.production",
            "SECRET_KEY": uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "gasched.example.org",
            "GASCHED_TRUSTED_PROXY_COUNT": "1",  # the TLS proxy production assumes
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(PRINT_SETTINGS, DJANGO_SETTINGS_MODULE="gasched.settings.production")
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment for production." in result.stderr


def entry_point(args: list[str], **env) -> subprocess.CompletedProcess:
    """A production entry point started as a server starts it: no settings module
    unless given, none of the suite's services, a minute at most."""
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


SERVE = ["-c", "from gasched.wsgi import application; from django.conf import settings; "
         "print(settings.SETTINGS_MODULE, settings.DEBUG)"]  # fmt: skip
WORKER = ["-m", "celery", "-A", "gasched", "worker", "--pool=solo", "--loglevel=WARNING"]
NO_KEY = "Set SECRET_KEY in the environment"
DEBUG_ON = "DEBUG is on outside development"
A_KEY = uuid.uuid4().hex * 2


BASE = "gasched.settings.base"  # neither development nor production: no safe defaults


@pytest.mark.parametrize(
    ("env", "refusal"),
    [
        ({}, NO_KEY),  # production by default, which needs a key
        ({"DJANGO_SETTINGS_MODULE": BASE}, NO_KEY),
        ({"DJANGO_SETTINGS_MODULE": BASE, "SECRET_KEY": A_KEY, "DEBUG": "1"}, DEBUG_ON),
    ],
)
@pytest.mark.parametrize("program", [SERVE, WORKER], ids=["wsgi", "celery-worker"])
def test_the_entry_points_refuse_to_start_on_unsafe_settings(program, env, refusal):
    result = entry_point(program, **env)
    assert result.returncode != 0
    assert refusal in result.stderr


def test_the_web_application_starts_on_production_settings_given_a_key():
    result = entry_point(SERVE, SECRET_KEY=A_KEY, ALLOWED_HOSTS="gasched.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["gasched.settings.production", "False"]


def test_development_is_said_explicitly_and_then_starts_with_debug_on():
    result = entry_point(SERVE, DJANGO_SETTINGS_MODULE="gasched.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["gasched.settings.dev", "True"]


def test_the_celery_app_defaults_to_production_settings():
    result = entry_point(
        ["-c", "import os, gasched.celery; print(os.environ['DJANGO_SETTINGS_MODULE'])"]
    )
    assert result.stdout.strip() == "gasched.settings.production", result.stderr


def test_models_and_migrations_agree():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_carry_their_own_data():
    """An old migration must do tomorrow what it did when written, so it imports no live
    code of ours; only `import <app>.models`, which makemigrations writes to name a field's
    default or upload path, and `gasched.validators`, whose validators fields name (as
    Django's own migrations import django.core.validators), are allowed."""
    ours = {path.parent.name for path in ROOT.glob("*/apps.py")}
    field_references = {"gasched.validators"}
    found = []
    for path in sorted(ROOT.glob("*/migrations/0*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [
                    a.name
                    for a in node.names
                    if not a.name.endswith(".models") and a.name not in field_references
                ]
            elif isinstance(node, ast.ImportFrom):
                names = ["." * node.level + (node.module or "")]
            else:
                continue
            found += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.startswith(".") or name.split(".")[0] in ours
            ]
    assert found == []


@pytest.mark.redis
def test_cache_lives_in_redis_shared_between_processes(settings):
    """Web processes keep no state of their own: what one caches, another reads."""
    from django.core.cache import cache

    key = f"gasched-test-{uuid.uuid4().hex}"
    cache.set(key, "shared", 30)
    other_process = run_python(
        "import django; django.setup(); from django.core.cache import cache; "
        f"print(cache.get({key!r}))",
        REDIS_URL=os.environ["REDIS_URL"],
        DJANGO_SETTINGS_MODULE="gasched.settings.test",
    )
    assert other_process.stdout.strip() == "shared", other_process.stderr
    cache.delete(key)


@pytest.mark.redis
def test_a_real_celery_worker_answers_through_redis():
    from gasched.celery import app

    node = f"gasched-test-{uuid.uuid4().hex[:8]}@127.0.0.1"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "gasched",
            "worker",
            "--pool=solo",
            "-n",
            node,
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gasched.settings.dev"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert app.conf.broker_url == os.environ["REDIS_URL"]
        replies = []
        deadline = time.monotonic() + 30
        while not replies and time.monotonic() < deadline:
            replies = app.control.ping(destination=[node], timeout=1.0)
        assert replies == [{node: {"ok": "pong"}}]
    finally:
        worker.terminate()
        worker.wait(timeout=20)
