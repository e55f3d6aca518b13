"""A buffer for product-view counts, kept out of the database until it is flushed.

With ``REDIS_URL`` set the buffer lives in Redis; otherwise in a spool file under
``ANALYTICS_SPOOL_DIR`` (``marketplace.analytics.spool``). Either way every process of the
machine (web server, Celery worker) shares it and a drain takes each view exactly once.
The beat task ``marketplace.analytics.tasks.counters_flush`` writes it (and the QR scans
buffered by ``traceability.scans``) every ``ANALYTICS_FLUSH_SECONDS``;
``manage.py flush_product_views`` writes it on demand.
"""

import logging
import threading
from collections import Counter

from django.conf import settings

from marketplace.analytics.spool import spool_append, spool_drain, spool_path

logger = logging.getLogger(__name__)

_REDIS_VIEWS = "analytics:product_views"
_REDIS_USER_VIEWS = "analytics:user_product_views"


class FileBuffer:
    """Keep counts in a spool file (``marketplace.analytics.spool``): one file on this
    machine, shared by the web server's processes and the worker that flushes it."""

    name = "product_views"

    def add(self, product_id, user_id):
        spool_append(spool_path(self.name), f"{int(product_id)}\t{_id_or_blank(user_id)}")

    def drain(self):
        views, user_views = Counter(), []
        for line in spool_drain(spool_path(self.name)):
            try:
                product, user = line.split("\t")
                product_id = int(product)
                user_id = int(user) if user else None
            except ValueError:  # a line cut short by a crash: one view is not worth a failure
                logger.warning("Skipping a malformed spooled product view: %r", line)
                continue
            views[product_id] += 1
            if user_id is not None:
                user_views.append((user_id, product_id))
        return dict(views), user_views


def _id_or_blank(pk):
    return "" if pk is None else int(pk)


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


def get_buffer():
    """Return this process's buffer, created on first use from the settings."""
    global _buffer
    if _buffer is None:
        with _buffer_lock:
            if _buffer is None:
                url = getattr(settings, "REDIS_URL", "")
                _buffer = RedisBuffer(url) if url else FileBuffer()
    return _buffer


def record_product_view(*, product_id, user_id=None):
    """Count one view of a product (and the user's view, when signed in)."""
    try:
        get_buffer().add(product_id, user_id)
    except Exception:  # A counter must never break a product page.
        logger.warning("Could not buffer a product view", exc_info=True)


def drain():
    """Return and forget the buffered ``({product_id: views}, [(user_id, product_id)])``."""
    return get_buffer().drain()


def restore(views, user_views):
    """Buffer again views that were drained but could not be written (the flush failed)."""
    anonymous = Counter(views)
    try:
        target = get_buffer()
        for user_id, product_id in user_views:
            target.add(product_id, user_id)
            anonymous[product_id] -= 1
        for product_id, count in anonymous.items():
            for _ in range(count):
                target.add(product_id, None)
    except Exception:  # the buffer is away too: these views are lost, as the log says
        logger.warning("Could not buffer again %d product views", sum(views.values()),
                       exc_info=True)  # fmt: skip
