"""Counting scans of a batch's QR code without keeping anything personal.

A scan is buffered, not written, on the request path (the page a QR code opens is the
site's hottest): like product views (``marketplace.analytics.buffer``) the buffer lives
in this process's memory, or in Redis with ``REDIS_URL``, and the flush thread writes it
as ScanLog rows every ``ANALYTICS_FLUSH_SECONDS`` (``manage.py flush_scans`` on demand).
The scan counter on the public page and its "looks copied" caution therefore lag by up
to one flush interval: a flush invalidates the cached page of every batch it wrote scans
for, so the next request shows the new count. With ``ANALYTICS_FLUSH_SECONDS=0`` (the
tests) each scan is written at once instead.
"""

import datetime
import logging
import re
import threading

from django.conf import settings
from django.utils import timezone

from marketplace.analytics.buffer import flush_periodically
from traceability import page_cache
from traceability.models import Batch, ScanLog

logger = logging.getLogger(__name__)

# Crawlers, link previews (chat apps fetch a link to draw its card) and scripts: not scans.
_BOT = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python|"
    r"java/|go-http|okhttp|headless|lighthouse|pingdom|monitor",
    re.IGNORECASE,
)
# In-app browsers first: Zalo and Facebook embed Chrome or Safari and say so too.
_FAMILIES = (
    ("Zalo", "Zalo"),
    ("FBAN", "Facebook"),
    ("FBAV", "Facebook"),
    ("Instagram", "Instagram"),
    ("SamsungBrowser", "Samsung Internet"),
    ("coc_coc_browser", "Cốc Cốc"),
    ("CocCoc", "Cốc Cốc"),
    ("Edg", "Edge"),
    ("OPR", "Opera"),
    ("Firefox", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
)


def is_bot(user_agent):
    """Return True for crawlers, link previews, scripts and requests without a user agent."""
    return not user_agent or bool(_BOT.search(user_agent))


def user_agent_family(user_agent):
    """Return the browser family of ``user_agent`` ("Chrome", "Zalo"…), or "Khác"."""
    for marker, family in _FAMILIES:
        if marker in (user_agent or ""):
            return family
    return "Khác"


def writes_through():
    """Return True when scans are written at once (no flush thread: ANALYTICS_FLUSH_SECONDS=0)."""
    return getattr(settings, "ANALYTICS_FLUSH_SECONDS", 0) <= 0


_REDIS_SCANS = "trace:scans"


class MemoryScanBuffer:
    """Keep scans in this process; fine for the single-process demo server."""

    def __init__(self):
        self._lock = threading.Lock()
        self._scans = []

    def add(self, batch_pk, client, scanned_at):
        with self._lock:
            self._scans.append((batch_pk, client, scanned_at))

    def drain(self):
        with self._lock:
            scans, self._scans = self._scans, []
        return scans


class RedisScanBuffer:
    """Keep scans in Redis so that every worker process shares one buffer."""

    def __init__(self, url):
        import redis

        self._client = redis.Redis.from_url(url)

    def add(self, batch_pk, client, scanned_at):
        self._client.rpush(_REDIS_SCANS, f"{batch_pk}\t{scanned_at.timestamp()}\t{client}")

    def drain(self):
        # MULTI/EXEC reads and deletes in one step: no scan is written twice or lost.
        pipe = self._client.pipeline(transaction=True)
        pipe.lrange(_REDIS_SCANS, 0, -1)
        pipe.delete(_REDIS_SCANS)
        raw, _ = pipe.execute()
        scans = []
        for item in raw:
            batch_pk, stamp, client = item.decode().split("\t", 2)
            when = datetime.datetime.fromtimestamp(float(stamp), tz=datetime.UTC)
            scans.append((int(batch_pk), client, when))
        return scans


_buffer = None
_buffer_lock = threading.Lock()


def get_buffer():
    """Return this process's scan buffer, created on first use from the settings."""
    global _buffer
    if _buffer is None:
        with _buffer_lock:
            if _buffer is None:
                url = getattr(settings, "REDIS_URL", "")
                _buffer = RedisScanBuffer(url) if url else MemoryScanBuffer()
    return _buffer


def scan_record(*, batch_pk, user_agent):
    """Count one scan of the batch ``batch_pk`` unless a bot made the request.

    Return "buffered" (written by the next flush, no query now), "written" (one INSERT:
    ANALYTICS_FLUSH_SECONDS=0, or the buffer is unreachable) or "" for a bot.
    """
    if is_bot(user_agent):
        return ""
    client = user_agent_family(user_agent)
    if not writes_through():
        try:
            get_buffer().add(batch_pk, client, timezone.now())
        except Exception:  # Redis away: count the scan the slow way rather than lose it.
            logger.warning("Could not buffer a scan; writing it", exc_info=True)
        else:
            flush_periodically("scans", scans_flush)
            return "buffered"
    ScanLog.objects.create(batch_id=batch_pk, client=client)
    page_cache.batches_changed([batch_pk])
    return "written"


def scans_flush():
    """Write the buffered scans as ScanLog rows (one INSERT); return how many were written.

    The cached pages of the batches scanned are invalidated: their count (and perhaps
    their "looks copied" caution) just changed.
    """
    scans = get_buffer().drain()
    if not scans:
        return 0
    # Batches deleted since they were scanned are skipped.
    existing = set(
        Batch.objects.filter(pk__in={pk for pk, _, _ in scans}).values_list("pk", flat=True)
    )
    rows = [
        ScanLog(batch_id=pk, client=client, scanned_at=when)
        for pk, client, when in scans
        if pk in existing
    ]
    ScanLog.objects.bulk_create(rows, batch_size=500)
    page_cache.batches_changed(existing)
    return len(rows)
