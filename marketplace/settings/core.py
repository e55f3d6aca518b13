"""Core settings: where the project is, debug, secrets and hosts.

Production mode is the default; ``_required`` stops start-up, naming the variable, when a
production secret is missing. The other settings modules take ``env``, ``BASE_DIR``,
``DEBUG`` and ``SITE_URL`` from here.
"""

import base64
import binascii
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

# marketplace/settings/core.py: the project is three levels up.
BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env (never committed) is read when present; the real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --------------------------------------------------------------------------------------
# Core: debug, secrets, hosts
# --------------------------------------------------------------------------------------
# Off unless asked for: a server started without configuration must not run as the demo.
DEBUG = env.bool("DJANGO_DEBUG", default=False)

# Used only when DEBUG is on; production refuses to start without DJANGO_SECRET_KEY.
_DEMO_SECRET_KEY = "demo-only-insecure-key-change-me-in-production"  # noqa: S105
_DEMO_SITE_URL = "http://127.0.0.1:8000"


def _required(name):
    """Return a production secret, or stop start-up with a message naming it."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_DEBUG=false (see .env.example and the README)."
        )
    return value


def _strong_secret_key(value):
    """Refuse a secret key that Django's deploy check would call weak: it signs sessions,
    password-reset links and the scan client keys, so a guessable one is a break-in."""
    if len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too short or too simple: use at least 50 random characters "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    return value


if DEBUG:
    # Empty values (a copied .env.example) count as unset.
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or _DEMO_SECRET_KEY
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[]) or ["*"]
    SITE_URL = env.str("SITE_URL", default="") or _DEMO_SITE_URL
else:
    SECRET_KEY = _strong_secret_key(_required("DJANGO_SECRET_KEY"))
    ALLOWED_HOSTS = [h for h in _required("DJANGO_ALLOWED_HOSTS").split(",") if h]
    _required("DATABASE_URL")
    _required("EMAIL_URL")  # A console backend in production would lose every e-mail.
    # Printed on every QR label: a wrong host here cannot be recalled from the shelves.
    # marketplace.checks refuses (check --deploy) one that is not public https.
    SITE_URL = _required("SITE_URL")
SITE_URL = SITE_URL.rstrip("/")

# The key that signs the daily published roots of the traceability hash chain (Ed25519,
# the 32-byte private key in base64; traceability/anchoring.py). Its public key is
# published at /trace/chain-key.pem: outsiders verify the roots with it. The demo's key is
# published in this file, so it proves nothing: production must set its own
# (`manage.py trace_signing_key` makes one).
_DEMO_TRACE_SIGNING_KEY = "v6WfUPGpLfHXhrl6zFrNOLM/iC/Dq5aYFBe3svNMCTc="


def _signing_key(value):
    """Refuse a signing key that is not 32 bytes of base64 (stops start-up, naming it)."""
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ImproperlyConfigured(
            "TRACE_SIGNING_KEY must be an Ed25519 private key: 32 bytes in base64 "
            "(python manage.py trace_signing_key prints a new one)."
        )
    return value


if DEBUG:
    TRACE_SIGNING_KEY = _signing_key(
        env.str("TRACE_SIGNING_KEY", default="") or _DEMO_TRACE_SIGNING_KEY
    )
else:
    TRACE_SIGNING_KEY = _signing_key(_required("TRACE_SIGNING_KEY"))

# The demo loader creates logins with published passwords: never in production mode.
DEMO_DATA_ALLOWED = DEBUG

CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
