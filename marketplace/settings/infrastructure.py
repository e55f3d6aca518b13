"""What the site runs on: the database and caches, e-mail and text messages, logging,
Celery's broker and schedule, the analytics buffer and the search server."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from marketplace.settings.applications import TIME_ZONE
from marketplace.settings.core import BASE_DIR, DEBUG, env

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
# E-mail: the console in the demo, SMTP from EMAIL_URL in production
# --------------------------------------------------------------------------------------
EMAIL_CONFIG = environ.Env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://")
vars().update(EMAIL_CONFIG)
# Every e-mail is queued for a worker (marketplace/mail_backend.py), which sends it
# through the backend EMAIL_URL chose, retrying while the mail server is away.
# EMAIL_DELIVERY_BACKEND (a dotted backend class) replaces that choice: the worker tests
# give their worker a mail server that fails once.
EMAIL_DELIVERY_BACKEND = (
    env.str("EMAIL_DELIVERY_BACKEND", default="") or EMAIL_CONFIG["EMAIL_BACKEND"]
)
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
    # The product feeds for Google and Meta (catalogue.feeds); a run left waiting past
    # the next one is dropped.
    "build-product-feeds": {
        "task": "catalogue.tasks.feeds_build",
        "schedule": 30 * 60.0,
        "options": {"expires": 25 * 60},
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
