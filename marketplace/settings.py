"""Settings for the OCOP marketplace.

One module, read from the environment (django-environ). Production mode is the default:
it refuses to start without its secrets. ``DJANGO_DEBUG=true`` (set by the Makefile's
demo, test and bench targets) runs the demo with nothing else configured: SQLite, console
e-mail, local media, http://127.0.0.1:8000. Every variable is listed in ``.env.example``
and the README.
"""

import base64
import binascii
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403

from marketplace.navigation import cooperative_entries, staff_entries, staff_only

BASE_DIR = Path(__file__).resolve().parent.parent

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

# --------------------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Project apps first, so their templates and translations win.
    "marketplace",
    "cms",
    "traceability",
    "marketplace.payments.apps.PaymentsConfig",
    "marketplace.settlement.apps.SettlementConfig",
    "marketplace.jobs.apps.JobsConfig",
    # Translated model fields (title_vi/title_en, ...): before the admin, as it asks.
    "modeltranslation",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    # Oscar's dashboard "pages" app needs flatpages installed; Wagtail owns content pages,
    # so the flatpages menu entry and middleware are left out (see OSCAR_DASHBOARD_NAVIGATION).
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "csp",
    # Oscar, with the project's forks in place of the stock apps
    # Oscar's root app, with the password reset request rate-limited.
    "marketplace.apps.ShopConfig",
    "marketplace.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "marketplace.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "marketplace.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.order.apps.OrderConfig",
    "marketplace.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "marketplace.dashboard.apps.DashboardConfig",
    "marketplace.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "marketplace.dashboard.orders.apps.OrdersDashboardConfig",
    "marketplace.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Oscar's third-party dependencies
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Sign-in lockout (see "Login lockout and rate limits" below)
    "axes",
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Control characters, over-long addresses, too many fields: a 400 before anything else.
    "marketplace.request_guard.MalformedRequestMiddleware",
    "marketplace.security.PermissionsPolicyMiddleware",
    "marketplace.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "marketplace.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: turns a locked-out sign-in into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
        },
    },
]

# Form widgets render through TEMPLATES, so templates/ can override a widget's template
# (Oscar's image widget: templates/oscar/forms/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out name or address, right password or not.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Oscar's sign-in page; Django's default /accounts/login/ does not exist here.
LOGIN_URL = "customer:login"
LOGIN_REDIRECT_URL = "/shop/accounts/"

# --------------------------------------------------------------------------------------
# Database and cache
# --------------------------------------------------------------------------------------
# The demo runs on a SQLite file; DATABASE_URL (postgres://...) switches to PostgreSQL.
DATABASES = {
    "default": environ.Env.db_url_config(
        env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a lock instead of failing at once when two requests write together. The
    # web server and the Celery worker are separate processes on one file: transactions
    # take the write lock when they begin (IMMEDIATE), so one that read first can never
    # fail with "database is locked" when it then writes; WAL lets readers read meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    # A persistent connection PostgreSQL dropped (a restart, a failover, an idle timeout)
    # is replaced before the request uses it, instead of failing that request with a 500.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# REDIS_URL switches the cache (and the buffered product-view counter) to Redis.
REDIS_URL = env.str("REDIS_URL", default="")
# The public traceability page (what a QR code opens) is cached per batch and language in
# its own cache, "trace"; its services invalidate it (traceability/page_cache.py). This
# is how long an entry lives at most, for changes made outside them; 0 turns it off.
TRACE_CACHE_SECONDS = env.int("TRACE_CACHE_SECONDS", default=3600)
# Shop and CMS pages for visitors without a session, basket or message are kept whole in
# the default cache (marketplace/page_cache.py); changes shoppers would see replace the
# stamps they are kept under. This is how long a page lives at most; 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "trace": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "trace",
            "TIMEOUT": TRACE_CACHE_SECONDS or None,
        },
    }
else:
    # Each process has its own memory: without Redis, serve with one process (the demo).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "trace": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "trace",
            "TIMEOUT": TRACE_CACHE_SECONDS or None,
            # A page is 10–20 KB: room for a few thousand lots' pages in two languages.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# --------------------------------------------------------------------------------------
# Login lockout and rate limits (marketplace/throttling.py). Both count on the default
# cache (Redis when REDIS_URL is set, shared by every process); nothing per attempt is
# written to the database.
# Sign-ins (shop, /cms/, /django-admin/, checkout): LOGIN_FAILURE_LIMIT wrong passwords
# for one name from one address, or LOGIN_IP_FAILURE_LIMIT from one address for any
# names, lock that out for AXES_COOLOFF_TIME after the last attempt (HTTP 429); the
# right password is refused too meanwhile. Per (name, address), not per account, so no
# one can lock a shopper out of everywhere by guessing wrong on purpose.
# TRUSTED_PROXY_COUNT: how many proxies of ours stand in front and append to
# X-Forwarded-For; 0 (the default) trusts no header and counts by REMOTE_ADDR.
# RATE_LIMIT_SCALE multiplies every request limit (the test suite and the load bench
# raise it; the login lockout keeps its limits).
# --------------------------------------------------------------------------------------
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
LOGIN_FAILURE_LIMIT = 5
LOGIN_IP_FAILURE_LIMIT = 30
RATE_LIMIT_SCALE = env.int("RATE_LIMIT_SCALE", default=1)
AXES_HANDLER = "marketplace.throttling.LoginFailureCacheHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT  # Read by axes' messages; the handler has both.
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "marketplace.throttling.login_username"
AXES_CLIENT_IP_CALLABLE = "marketplace.throttling.client_network"
AXES_LOCKOUT_CALLABLE = "marketplace.throttling.lockout_response"
# The attempts live in the cache: axes' database tables (and their admin) stay empty.
AXES_ENABLE_ADMIN = False
RATELIMIT_IP_META_KEY = "marketplace.throttling.client_ip"

# --------------------------------------------------------------------------------------
# Languages and time: Vietnamese first, English second
# --------------------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's own strings (Vietnamese source, English catalogue), then the completed
# Vietnamese catalogue of the Oscar strings that shoppers see.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "marketplace" / "oscar_locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# CMS pages exist per language (Wagtail's localisation, translated with simple_translation):
# Vietnamese pages at /..., their English translations at /en/... Shop pages too: /shop/...
# in Vietnamese, /en/shop/... in English (marketplace.urls, marketplace.middleware).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Products, categories and cooperatives' stories carry a Vietnamese and an English text
# (django-modeltranslation: ``title_vi``, ``title_en``; ``title`` reads the active
# language's). An English page shows the Vietnamese text where no English was written;
# a Vietnamese page never shows English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("vi",), "vi": ()}

# --------------------------------------------------------------------------------------
# Static and media files
# --------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.str("DJANGO_STATIC_ROOT", default="") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.str("DJANGO_MEDIA_ROOT", default="") or BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --------------------------------------------------------------------------------------
# E-mail: the console in the demo, SMTP from EMAIL_URL in production
# --------------------------------------------------------------------------------------
EMAIL_CONFIG = environ.Env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://")
vars().update(EMAIL_CONFIG)
# Every e-mail is queued for a worker (marketplace/mail_backend.py), which sends it
# through the backend EMAIL_URL chose, retrying while the mail server is away.
# EMAIL_DELIVERY_BACKEND (a dotted backend class) replaces that choice: the worker tests
# give their worker a mail server that fails once.
EMAIL_DELIVERY_BACKEND = env.str("EMAIL_DELIVERY_BACKEND", default="") or EMAIL_BACKEND
EMAIL_BACKEND = "marketplace.mail_backend.TaskEmailBackend"

# Text messages (marketplace/sms.py), for recall alerts to phones: an HTTP gateway of the
# operator's at SMS_GATEWAY_URL (JSON POST, bearer SMS_GATEWAY_TOKEN), the console in the
# demo, none in production without a gateway (QR pages then offer e-mail alerts only).
SMS_GATEWAY_URL = env.str("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_TOKEN = env.str("SMS_GATEWAY_TOKEN", default="")
SMS_BACKEND = env.str("SMS_BACKEND", default="") or (
    "marketplace.sms.HttpBackend"
    if SMS_GATEWAY_URL
    else ("marketplace.sms.ConsoleBackend" if DEBUG else "")
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Chợ OCOP <no-reply@ocop.example>")
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --------------------------------------------------------------------------------------
# Security (production mode)
# --------------------------------------------------------------------------------------
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it: the switcher is a form
    # Oscar's own cookies (anonymous basket, recently viewed) are HttpOnly already.
    OSCAR_BASKET_COOKIE_SECURE = True
    OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
# Wagtail marks its own preview responses SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp, marketplace.security). Scripts and styles come
# only from the site's static files; the few inline scripts Oscar's templates need (its
# `onbodyload` block) carry the request's nonce. No 'unsafe-inline', no 'unsafe-eval':
# an injected <script>, onclick="..." or style="..." does not run.
_YOUTUBE_VIMEO = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: for Bootstrap's inline SVG icons and the VietQR image.
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        # The CMS video block embeds YouTube and Vimeo players (cms/blocks.VideoBlock).
        "frame-src": _YOUTUBE_VIMEO,
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        # A card checkout's POST redirects to Stripe Checkout: the preview page adds
        # https://checkout.stripe.com for itself (marketplace.checkout.views).
        "form-action": [SELF],
        "report-uri": "/csp-report/",
    },
}
# Wagtail's admin (/cms/) and Django's admin (/django-admin/) ship inline scripts and
# styles of their own, which a nonce cannot reach: they get this looser policy (still no
# other origin's scripts, no framing by other sites, no plugins). The strict policy above
# holds on every public, shop and dashboard page.
CSP_ADMIN_URL_PREFIXES = ("/cms/", "/django-admin/")
CSP_ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # blob: for image previews before upload (Gravatar is off: WAGTAIL_GRAVATAR_PROVIDER_URL).
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF, *_YOUTUBE_VIMEO],
    "object-src": [NONE],
    "base-uri": [SELF],
    # The page editor's preview panel frames a preview under /cms/.
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "report-uri": "/csp-report/",
}
# Violation reports (POST /csp-report/) are logged, at most this many a minute.
CSP_REPORTS_PER_MINUTE = 60

# Permissions-Policy (marketplace.security): no page uses the camera, microphone,
# location, payment handlers or devices; full screen only for the embedded video players.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self", *_YOUTUBE_VIMEO],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# --------------------------------------------------------------------------------------
# Logging: to the console, warnings and above from the project
# --------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}

# --------------------------------------------------------------------------------------
# Background work: Celery (marketplace/celery.py, tasks in each app's tasks.py).
# The broker is CELERY_BROKER_URL, else REDIS_URL (redis://… or amqp://… for RabbitMQ).
# With neither, the demo uses a broker in files under CELERY_BROKER_DIR (kombu's
# filesystem transport: one machine only); production mode requires a real one.
# --------------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or REDIS_URL
CELERY_BROKER_DIR = Path(env.str("CELERY_BROKER_DIR", default="") or BASE_DIR / ".celery")
if not CELERY_BROKER_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "CELERY_BROKER_URL or REDIS_URL must be set when DJANGO_DEBUG=false "
            "(see .env.example and the README)."
        )
    CELERY_BROKER_URL = "filesystem://localhost//"  # one machine; "localhost" keeps kombu quiet
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
        # How often the worker looks for new messages (kombu's default is 1 s a task).
        "polling_interval": 0.1,
    }
    for _folder in ("queue", "control"):
        (CELERY_BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
elif CELERY_BROKER_URL.startswith("redis"):
    # A task acknowledged late is handed out again if not done within this time: longer
    # than the longest task (a 20,000-line statement) and the longest retry countdown.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True  # results that matter are kept on a Job row
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that queues a task while the broker is away waits about a second, then the
# task is recorded as failed (marketplace.jobs.services.enqueue) for staff to run again.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2, "interval_start": 0, "interval_step": 0.3, "interval_max": 0.5,
}  # fmt: skip
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Tasks run inline, in the caller's process (the test suite; a one-off script).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
# Periodic work, run by `celery -A marketplace beat` (one beat per deployment).
CELERY_BEAT_SCHEDULE_FILENAME = str(CELERY_BROKER_DIR / "beat-schedule")
CELERY_BEAT_SCHEDULE = {
    "flush-counters": {
        "task": "marketplace.analytics.tasks.counters_flush",
        "schedule": float(env.int("ANALYTICS_FLUSH_SECONDS", default=30) or 30),
    },
    "expire-card-orders": {
        "task": "marketplace.payments.tasks.card_orders_expire",
        "schedule": 5 * 60.0,
    },
    "publish-scheduled-pages": {"task": "cms.tasks.scheduled_publish", "schedule": 60.0},
    "search-reconcile": {"task": "search.tasks.index_reconcile", "schedule": 10 * 60.0},
    "trace-cache-refresh": {
        "task": "traceability.tasks.trace_cache_refresh",
        "schedule": 30 * 60.0,
    },
    "warn-expiring-certificates": {
        "task": "catalogue.tasks.certificates_warn_expiring",
        "schedule": crontab(hour=7, minute=0),
    },
    # Each Monday morning: a batch of the payable balances, for staff to review and pay.
    "payout-batch": {
        "task": "marketplace.settlement.tasks.payout_batch_prepare",
        "schedule": crontab(day_of_week="mon", hour=6, minute=0),
    },
    # Each cooperative's chain root of the day just ended, signed and published for good.
    "publish-chain-roots": {
        "task": "traceability.tasks.chain_roots_publish",
        "schedule": crontab(hour=0, minute=15),
    },
}

# --------------------------------------------------------------------------------------
# Analytics: product views and QR scans are buffered off the request path and written in
# batches every ANALYTICS_FLUSH_SECONDS by the beat task above (counters_flush). The buffer
# is Redis with REDIS_URL; otherwise spool files under ANALYTICS_SPOOL_DIR, shared by the
# web server, worker and beat processes of this one machine. 0 writes each scan at once
# (product views stay buffered; beat then flushes them every 30 seconds).
# --------------------------------------------------------------------------------------
ANALYTICS_FLUSH_SECONDS = env.int("ANALYTICS_FLUSH_SECONDS", default=30)
ANALYTICS_SPOOL_DIR = Path(env.str("ANALYTICS_SPOOL_DIR", default="") or BASE_DIR / ".spool")

# --------------------------------------------------------------------------------------
# Search: Elasticsearch 8 at ES_URL serves search, catalogue and category pages. Unset,
# those pages use the database listing (`make run` and `make test` start a local server).
# A request waits at most ES_TIMEOUT seconds; after a failure the database fallback
# answers for ES_RETRY_SECONDS before the search server is tried again.
# --------------------------------------------------------------------------------------
ES_URL = env.str("ES_URL", default="")
ES_API_KEY = env.str("ES_API_KEY", default="")
ES_INDEX_PREFIX = env.str("ES_INDEX_PREFIX", default="") or "ocop"
ES_TIMEOUT = env.float("ES_TIMEOUT", default=1.0)
ES_RETRY_SECONDS = env.float("ES_RETRY_SECONDS", default=15)

# --------------------------------------------------------------------------------------
# Checkout and payments (marketplace.checkout, marketplace.shipping, marketplace.payments).
# Vietnamese addresses have no postcode: Oscar must not ask for one.
# Payments: cash on delivery always; VietQR bank transfer to the
# operator's account (demo defaults: a made-up Vietcombank account); cards through Stripe
# only when all three STRIPE_* variables are set. An unpaid card order is cancelled, and
# its stock returned, after PAYMENT_CARD_EXPIRY_MINUTES (`manage.py expire_card_orders`).
# --------------------------------------------------------------------------------------
VIETQR_BANK_BIN = env.str("VIETQR_BANK_BIN", default="") or "970436"
VIETQR_BANK_NAME = env.str("VIETQR_BANK_NAME", default="") or "Vietcombank"
VIETQR_ACCOUNT_NUMBER = env.str("VIETQR_ACCOUNT_NUMBER", default="") or "0011001234567"
VIETQR_ACCOUNT_NAME = env.str("VIETQR_ACCOUNT_NAME", default="") or "CONG TY CHO OCOP"
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
PAYMENT_CARD_EXPIRY_MINUTES = env.int("PAYMENT_CARD_EXPIRY_MINUTES", default=60)
# The bank's notifications of incoming transfers (POST /shop/payments/bank/notify/) are
# signed with HMAC-SHA256 under BANK_WEBHOOK_SECRET; unset, the endpoint answers 404. A
# notification older or newer than BANK_WEBHOOK_TOLERANCE_SECONDS is refused (replays).
BANK_WEBHOOK_SECRET = env.str("BANK_WEBHOOK_SECRET", default="")
BANK_WEBHOOK_TOLERANCE_SECONDS = env.int("BANK_WEBHOOK_TOLERANCE_SECONDS", default=300)

# --------------------------------------------------------------------------------------
# Settlement (marketplace.settlement): what each cooperative is owed. A delivered line
# becomes payable SETTLEMENT_RETURN_WINDOW_DAYS after delivery; the marketplace keeps its
# commission (a category's rate, a cooperative's own rate, else SETTLEMENT_COMMISSION_BPS
# basis points: 800 = 8 %) and withholds tax where Decree 117/2025/ND-CP says so.
# --------------------------------------------------------------------------------------
SETTLEMENT_RETURN_WINDOW_DAYS = env.int("SETTLEMENT_RETURN_WINDOW_DAYS", default=7)
SETTLEMENT_COMMISSION_BPS = env.int("SETTLEMENT_COMMISSION_BPS", default=800)
OSCAR_REQUIRED_ADDRESS_FIELDS = ("line1", "line4")

# --------------------------------------------------------------------------------------
# Haystack: installed only because Oscar imports it. The simple backend and a signal
# processor that indexes nothing; browsing is served by the search fork.
# --------------------------------------------------------------------------------------
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# --------------------------------------------------------------------------------------
# Wagtail
# --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chợ OCOP"
# One public address for everything that leaves the request behind (SITE_URL above).
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]
# Editors' images: no SVG (a script in an image), and the same limits as marketplace uploads
# (marketplace/uploads.py) so that a decompression bomb is refused before it is decoded.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No Gravatar avatars in the admin: they would send a hash of each staff e-mail to a third
# party (over plain http, as Wagtail builds the URL), and the admin's CSP allows no
# other origin's images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --------------------------------------------------------------------------------------
# Oscar overrides
# --------------------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Chợ OCOP"
OSCAR_SHOP_TAGLINE = _("Đặc sản OCOP từ các hợp tác xã Việt Nam")
OSCAR_HOMEPAGE = "/"
# Oscar's e-mails build links from the Site record (kept on SITE_URL's host) and this scheme.
OSCAR_URL_SCHEMA = SITE_URL.split("://", 1)[0]
# Prices are whole đồng, shown the Vietnamese way in every language: 125.000 ₫.
OSCAR_DEFAULT_CURRENCY = "VND"
OSCAR_CURRENCY_FORMAT = {"VND": {"locale": "vi", "format": "#,##0\u00a0¤"}}
OSCAR_PRODUCTS_PER_PAGE = 24
# "Đặc sản" must slug to "dac-san", not "ac-san": ASCII folding drops the crossed d.
OSCAR_SLUG_MAP = {"đ": "d", "Đ": "D"}
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_RECENTLY_VIEWED_PRODUCTS = 6
# Wagtail owns content pages: drop Oscar's flatpages entry from the dashboard menu.
OSCAR_DASHBOARD_NAVIGATION = [  # noqa: F405
    {
        **section,
        "children": [
            child
            for child in section.get("children", [])
            if child.get("url_name") != "dashboard:page-list"
        ],
    }
    if "children" in section
    else section
    for section in OSCAR_DASHBOARD_NAVIGATION  # noqa: F405
]
# A cooperative's own pages come first in its menu.
OSCAR_DASHBOARD_NAVIGATION[1:1] = cooperative_entries()
OSCAR_DASHBOARD_NAVIGATION[1:1] = staff_entries()
OSCAR_DASHBOARD_NAVIGATION.insert(
    1,
    {
        "label": _("Nội dung (Wagtail)"),
        "icon": "fas fa-newspaper",
        "url_name": "wagtailadmin_home",
        "access_fn": staff_only,
    },
)
# Staff review cooperatives' applications (marketplace.partner.dashboard_urls).
OSCAR_DASHBOARD_NAVIGATION.insert(
    2,
    {
        "label": _("Hợp tác xã"),
        "icon": "fas fa-users",
        "url_name": "dashboard-cooperative-list",
        "access_fn": staff_only,
    },
)
