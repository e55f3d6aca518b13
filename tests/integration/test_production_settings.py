"""Production mode refuses to start without its secrets and passes check --deploy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "x" * 64 + "-not-a-real-secret-but-long-and-random-enough-%$#@!",
    "DJANGO_ALLOWED_HOSTS": "ocop.example.vn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ocop_prod_check",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.vn:587",
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # several processes share the trace page cache
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL"]
)
def test_production_mode_without_a_secret_stops_with_a_message_naming_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_mode_without_redis_warns_that_the_trace_cache_is_per_process():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "traceability.W001" in result.stdout + result.stderr


def test_production_mode_marks_oscars_cookies_and_the_language_cookie_secure():
    # Oscar reads its history cookie's flags when the module is imported: check there.
    script = (
        "import json; from django.conf import settings as s; "
        "from oscar.apps.customer.history import CustomerHistoryManager as H; "
        "print(json.dumps({'history': H.cookie_kwargs, 'basket': s.OSCAR_BASKET_COOKIE_SECURE, "
        "'language': [s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY], "
        "'session': [s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY], "
        "'csrf': s.CSRF_COOKIE_SECURE}))"
    )
    result = _manage("shell", "-c", script, env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    flags = json.loads(result.stdout.strip().splitlines()[-1])
    assert flags["history"]["secure"] is True and flags["history"]["httponly"] is True
    assert flags["basket"] is True
    assert flags["language"] == [True, True]
    assert flags["session"] == [True, True]
    assert flags["csrf"] is True
