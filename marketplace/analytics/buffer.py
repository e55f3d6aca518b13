"""A buffer for product-view counts, kept out of the database until it is flushed.

With ``REDIS_URL`` set the buffer lives in Redis (shared by every process, drained
atomically); otherwise it lives in this process's memory. A daemon thread in each
process flushes it (and the QR scans buffered by ``traceability.scans``) every
``ANALYTICS_FLUSH_SECONDS``; ``manage.py flush_product_views`` flushes on demand.
"""

import logging
import threading
import time
from collections import Counter

from django.conf import settings

logger = logging.getLogger(__name__)

_REDIS_VIEWS = "analytics:product_views"
_REDIS_USER_VIEWS = "analytics:user_product_views"


class MemoryBuffer:
    """Keep counts in this process; fine for the single-process demo server."""

    def __init__(self):
        self._lock = threading.Lock()
        self._views = Counter()
        self._user_views = []

    def add(self, product_id, user_id):
        with self._lock:
            self._views[product_id] += 1
            if user_id is not None:
                self._user_views.append((user_id, product_id))

    def drain(self):
        with self._lock:
            views, user_views = dict(self._views), list(self._user_views)
            self._views.clear()
            self._user_views.clear()
        return views, user_views


class RedisBuffer:
    """Keep counts in Redis so that every worker process shares one buffer."""

    def __init__(self, url):
        import redis

        self._client = redis.Redis.from_url(url)

    def add(self, product_id, user_id):
        pipe = self._client.pipeline(transaction=False)
        pipe.hincrby(_REDIS_VIEWS, product_id, 1)
        if user_id is not None:
            pipe.rpush(_REDIS_USER_VIEWS, f"{user_id}:{product_id}")
        pipe.execute()

    def drain(self):
        # MULTI/EXEC reads and deletes in one step: no view is counted twice or lost.
        pipe = self._client.pipeline(transaction=True)
        pipe.hgetall(_REDIS_VIEWS)
        pipe.lrange(_REDIS_USER_VIEWS, 0, -1)
        pipe.delete(_REDIS_VIEWS, _REDIS_USER_VIEWS)
        raw_views, raw_user_views, _ = pipe.execute()
        views = {int(k): int(v) for k, v in raw_views.items()}
        user_views = [tuple(int(x) for x in item.split(b":")) for item in raw_user_views]
        return views, user_views


_buffer = None
_buffer_lock = threading.Lock()
_flusher_started = False


def get_buffer():
    """Return this process's buffer, created on first use from the settings."""
    global _buffer
    if _buffer is None:
        with _buffer_lock:
            if _buffer is None:
                url = getattr(settings, "REDIS_URL", "")
                _buffer = RedisBuffer(url) if url else MemoryBuffer()
    return _buffer


def record_product_view(*, product_id, user_id=None):
    """Count one view of a product (and the user's view, when signed in)."""
    try:
        get_buffer().add(product_id, user_id)
    except Exception:  # A counter must never break a product page.
        logger.warning("Could not buffer a product view", exc_info=True)
        return
    flush_periodically("product views", _flush_product_views)


def drain():
    """Return and forget the buffered ``({product_id: views}, [(user_id, product_id)])``."""
    return get_buffer().drain()


def _flush_product_views():
    from marketplace.analytics.services import product_views_flush

    product_views_flush()


# What the flush thread writes, by name: product views here, QR scans in
# ``traceability.scans``. One daemon thread per process runs them all.
_flushes = {}


def flush_periodically(name, flush):
    """Have this process's flush thread call ``flush`` every ANALYTICS_FLUSH_SECONDS.

    The thread starts on first use; with ANALYTICS_FLUSH_SECONDS=0 there is none.
    """
    global _flusher_started
    interval = getattr(settings, "ANALYTICS_FLUSH_SECONDS", 0)
    if interval <= 0 or (_flusher_started and name in _flushes):
        return
    with _buffer_lock:
        _flushes.setdefault(name, flush)
        if _flusher_started:
            return
        _flusher_started = True
    threading.Thread(target=_flush_forever, args=(interval,), daemon=True).start()


def _flush_forever(interval):
    from django.db import close_old_connections

    while True:
        time.sleep(interval)
        close_old_connections()  # this thread's connection may have been dropped meanwhile
        for name, flush in list(_flushes.items()):
            try:
                flush()
            except Exception:
                logger.warning("Flushing buffered %s failed", name, exc_info=True)
