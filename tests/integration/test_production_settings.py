"""Production mode is the default, refuses to start without its secrets and passes
check --deploy only with a public https SITE_URL."""

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
    "SITE_URL": "https://cho-ocop.example",
    # Signs the published chain roots (not the demo's key, which is public).
    "TRACE_SIGNING_KEY": "2lZkE6gS3mD0Yc3Qh1m5Wm4p8F2r9xQ0nT6uV1kB7aE=",
}


def _manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "DATABASE_", "SITE_URL", "EMAIL_URL", "REDIS_URL", "CELERY_")
        )
    }
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
    "missing",
    [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_URL",
        "SITE_URL",
        "TRACE_SIGNING_KEY",
    ],
)
def test_production_mode_without_a_secret_stops_with_a_message_naming_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_mode_without_a_broker_stops_with_a_message():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "CELERY_BROKER_URL or REDIS_URL must be set" in result.stderr


def test_production_mode_without_redis_warns_that_the_trace_cache_is_per_process():
    # RabbitMQ as the broker, no Redis: the cache is each process's own.
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    env["CELERY_BROKER_URL"] = "amqp://guest:guest@127.0.0.1:5672//"

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "traceability.W001" in result.stdout + result.stderr


def test_without_django_debug_the_site_runs_in_production_mode():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_DEBUG"}
    show = "from django.conf import settings; print('DEBUG', settings.DEBUG)"

    result = _manage("shell", "-c", show, env=env)
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout

    # With nothing configured at all, it refuses to start rather than run as the demo.
    bare = _manage("check", env={})
    assert bare.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in bare.stderr


@pytest.mark.parametrize(
    "site_url",
    [
        "http://127.0.0.1:8000",
        "https://localhost",
        "https://127.0.0.1",
        "https://10.0.0.7",
        "http://cho-ocop.example",  # not https: labels would send phones to plain http
        "https://shop.local",
        "https://cho-ocop.example/shop/",
    ],
)
def test_check_deploy_refuses_a_site_url_that_is_not_public_https(site_url):
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, "SITE_URL": site_url}
    )

    assert result.returncode != 0
    assert "marketplace.E001" in result.stdout + result.stderr
    assert "QR code" in result.stdout + result.stderr


@pytest.mark.parametrize("secret", ["short-secret", "a" * 80, "django-insecure-" + "k3y!" * 15])
def test_production_mode_refuses_a_weak_secret_key(secret):
    result = _manage("check", env={**PRODUCTION_ENV, "DJANGO_SECRET_KEY": secret})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too short or too simple" in result.stderr


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


def test_a_signing_key_that_is_not_32_bytes_of_base64_stops_start_up():
    result = _manage("check", env={**PRODUCTION_ENV, "TRACE_SIGNING_KEY": "not-a-key"})

    assert result.returncode != 0
    assert "TRACE_SIGNING_KEY must be an Ed25519 private key" in result.stderr
