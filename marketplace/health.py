"""Readiness of the parts the site runs on: what ``/healthz/ready`` reports.

The database, (when ``REDIS_URL`` is set) Redis and the Celery broker must answer, or the
site is not ready: pages, carts and cached QR pages need the first two, and e-mails,
recalls, imports and every other background job are sent through the broker. The search
server may be down: the pages answer from the database (``search.connection``), so it
makes the site "degraded", not failed.

How many workers answer a ping is reported too (``"workers"``), as information only: the
site takes orders with no worker running, and the work waits in the broker.
"""

import os
import time

from django.conf import settings
from django.db import connection

# Seconds to wait for the broker, and for the workers' answers to a ping: the whole check
# stays near a second even when the broker or every worker is away.
BROKER_TIMEOUT = 1.0
WORKERS_PING_SECONDS = 0.5

OK, DEGRADED, FAILED, OFF = "ok", "degraded", "failed", "not configured"


def _timed(check):
    started = time.monotonic()
    try:
        state = check()
    except Exception as error:  # noqa: BLE001 - any failure of a part is its state
        return {"status": FAILED, "error": error.__class__.__name__}
    return {"status": state, "ms": round((time.monotonic() - started) * 1000, 1)}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return OK


def _redis():
    if not settings.REDIS_URL:
        return OFF
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1)
    try:
        client.ping()
    finally:
        client.close()
    return OK


def _search():
    from search import connection as search

    if not search.is_configured():
        return OFF
    search.get_client().options(request_timeout=settings.ES_TIMEOUT).info()
    return OK


def _broker_connection():
    from kombu import Connection

    # Read at call time: the settings (and tests' overrides of them) decide, not the
    # Celery app's configuration cached at start-up. Brokers that are polled (the files
    # of the demo) are looked at every 0.1 s here, not every second: the workers' answers
    # would otherwise wait a second more.
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", None) or {}
    return Connection(
        settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT,
        transport_options={**options, "polling_interval": 0.1},
    )  # fmt: skip


def _broker():
    if settings.CELERY_BROKER_URL.startswith("filesystem:"):
        # Kombu's broker in files (the demo): ready when its folders can take messages.
        options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", None) or {}
        for key in ("data_folder_in", "data_folder_out", "control_folder"):
            folder = options.get(key)
            if folder and not os.path.isdir(folder):
                raise FileNotFoundError(folder)
            if folder and not os.access(folder, os.W_OK | os.X_OK):
                raise PermissionError(folder)
        return OK
    with _broker_connection() as broker:
        broker.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT
        )
    return OK


def _workers():
    """Return how many workers answer a ping within WORKERS_PING_SECONDS, or None when not
    counted: tasks run inline (the tests), or the ping itself failed."""
    from kombu.pidbox import Mailbox

    from marketplace.celery import app

    if app.conf.task_always_eager:
        return None
    # A mailbox of its own, on the broker the settings name now: the app's is bound to the
    # app's producer pool, made for whichever broker it first connected to.
    mailbox = Mailbox(app.conf.control_exchange, type="fanout", accept=["json"])
    try:
        with _broker_connection() as broker:
            answers = mailbox(broker)._broadcast(
                "ping", reply=True, timeout=WORKERS_PING_SECONDS
            )  # fmt: skip
    except Exception:  # noqa: BLE001 - information only: never a reason to fail readiness
        return None
    return len(answers or [])


def readiness():
    """Return ``(overall status, {part: report})``; the database, Redis and the broker can
    fail it, the search server only degrade it; ``"workers"`` is a count, not a part."""
    parts = {
        "database": _timed(_database), "redis": _timed(_redis),
        "broker": _timed(_broker), "search": _timed(_search),
    }  # fmt: skip
    if parts["search"]["status"] == FAILED:
        parts["search"]["status"] = DEGRADED
    if any(part["status"] == FAILED for part in parts.values()):
        status = FAILED
    elif parts["search"]["status"] == DEGRADED:
        status = DEGRADED
    else:
        status = OK
    parts["workers"] = _workers() if parts["broker"]["status"] == OK else None
    return status, parts
