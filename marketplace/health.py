"""Readiness of the parts the site runs on: what ``/healthz/ready`` reports.

The database and (when ``REDIS_URL`` is set) Redis must answer, or the site is not ready:
pages, carts and cached QR pages need them. The search server may be down: the pages
answer from the database (``search.connection``), so it makes the site "degraded", not
failed.
"""

import time

from django.conf import settings
from django.db import connection

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


def readiness():
    """Return ``(overall status, {part: report})``; only the database and Redis can fail it."""
    parts = {"database": _timed(_database), "redis": _timed(_redis), "search": _timed(_search)}
    if parts["search"]["status"] == FAILED:
        parts["search"]["status"] = DEGRADED
    if any(part["status"] == FAILED for part in parts.values()):
        return FAILED, parts
    if parts["search"]["status"] == DEGRADED:
        return DEGRADED, parts
    return OK, parts
