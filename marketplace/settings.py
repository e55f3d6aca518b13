"""Settings for the OCOP marketplace.

One module, read from the environment (django-environ). With no configuration at all
it runs the demo: SQLite, DEBUG on, console e-mail, local media. Production mode is
``DJANGO_DEBUG=false``; it refuses to start without its secrets. Every variable is
listed in ``.env.example`` and the README.
"""

from pathlib import Path

import environ
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
DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEMO_SECRET_KEY = "demo-only-insecure-key-change-me-in-production"


def _required(name):
    """Return a production secret, or stop start-up with a message naming it."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_DEBUG=false (see .env.example and the README)."
        )
    return value


if DEBUG:
    # Empty values (a copied .env.example) count as unset.
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or _DEMO_SECRET_KEY
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[]) or ["*"]
else:
    SECRET_KEY = _required("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = [h for h in _required("DJANGO_ALLOWED_HOSTS").split(",") if h]
    _required("DATABASE_URL")
    _required("EMAIL_URL")  # A console backend in production would lose every e-mail.

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
    # Oscar, with the project's forks in place of the stock apps
    "oscar.config.Shop",
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
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
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
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Control characters, over-long addresses, too many fields: a 400 before anything else.
    "marketplace.request_guard.MalformedRequestMiddleware",
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

AUTHENTICATION_BACKENDS = [
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
    # Wait for a lock instead of failing at once when two requests write together.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
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
# Vietnamese pages at /..., their English translations at /en/... (cms.urls). Shop pages
# keep one URL and follow the language cookie (marketplace.middleware).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

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
# How many reverse proxies in front of the site append to X-Forwarded-For: the client
# address (a keyed hash of it counts distinct scanners of a QR code) is the one the first
# of them saw. 0: REMOTE_ADDR, no proxy.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
# Wagtail marks its own preview responses SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"

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
# Analytics: product views are buffered (memory or Redis) and written in batches every
# ANALYTICS_FLUSH_SECONDS by a background thread; 0 turns the thread off.
# --------------------------------------------------------------------------------------
ANALYTICS_FLUSH_SECONDS = env.int("ANALYTICS_FLUSH_SECONDS", default=30)

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
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]

# --------------------------------------------------------------------------------------
# Oscar overrides
# --------------------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Chợ OCOP"
OSCAR_SHOP_TAGLINE = _("Đặc sản OCOP từ các hợp tác xã Việt Nam")
OSCAR_HOMEPAGE = "/"
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
