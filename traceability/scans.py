"""Counting scans of a batch's QR code without keeping anything personal.

Each scan keeps two keyed hashes (HMAC with SECRET_KEY), never an address: the *client
key* of the address and user agent (one browser on one phone or shop Wi-Fi) and the
*place key* of the address's network (its IPv4 /24 or IPv6 /48). The copied-code rules
count distinct clients and places (``traceability.counterfeit``), so reloading a page
cannot make a lot look copied; the keys cannot be turned back into an address without
the secret key, and change with it.

A scan is buffered, not written, on the request path (the page a QR code opens is the
site's hottest): like product views (``marketplace.analytics.buffer``) the buffer is a
spool file under ``ANALYTICS_SPOOL_DIR`` shared by every process of the machine, or Redis
with ``REDIS_URL``, and the beat task ``marketplace.analytics.tasks.counters_flush`` writes
it as ScanLog rows every ``ANALYTICS_FLUSH_SECONDS`` (``manage.py flush_scans`` on demand).
The scan counter on the public page and its "looks copied" caution therefore lag by up
to one flush interval: a flush invalidates the cached page of every batch it wrote scans
for, so the next request shows the new count. With ``ANALYTICS_FLUSH_SECONDS=0`` (the
tests) each scan is written at once instead.
"""

import datetime
import ipaddress
import logging
import re
import threading

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from marketplace.analytics.services import FLUSH_AGAIN
from marketplace.analytics.spool import spool_append, spool_drain, spool_path
from traceability.models import Batch, ScanLog
from traceability.signals import scans_recorded

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


# 64 bits of the HMAC: collisions among a lot's scanners are negligible, and a key says
# nothing about the address without the secret key.
_KEY_LENGTH = 16


def _keyed_hash(kind, value):
    return salted_hmac(f"traceability.scans.{kind}", value, algorithm="sha256").hexdigest()[
        :_KEY_LENGTH
    ]


def scan_keys(*, address, user_agent):
    """Return ``(client_key, place_key)`` for a scan from ``address`` with ``user_agent``.

    The place is the address's network: a /24 for IPv4, a /48 for IPv6 (an IPv4 address
    mapped into IPv6 counts as IPv4). An address that does not parse has no place ("").
    """
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        ip = None
    if ip is not None and ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip is None:
        place = ""
    else:
        prefix = 24 if ip.version == 4 else 48
        place = _keyed_hash("place", str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False)))
    client = _keyed_hash("client", f"{ip or ''}\n{user_agent}")
    return client, place


def writes_through():
    """Return True when scans are written at once, not buffered (ANALYTICS_FLUSH_SECONDS=0)."""
    return getattr(settings, "ANALYTICS_FLUSH_SECONDS", 0) <= 0


_REDIS_SCANS = "trace:scans"


class FileScanBuffer:
    """Keep scans in a spool file (``marketplace.analytics.spool``): one file on this
    machine, shared by the web server's processes and the worker that flushes it."""

    name = "scans"

    def add(self, batch_pk, client, scanned_at, client_key="", place_key=""):
        # The client (a browser family) goes last: the one field that could hold a tab.
        spool_append(
            spool_path(self.name),
            f"{int(batch_pk)}\t{scanned_at.isoformat()}\t{client_key}\t{place_key}\t{client}",
        )

    def drain(self):
        scans = []
        for line in spool_drain(spool_path(self.name)):
            try:
                batch_pk, stamp, client_key, place_key, client = line.split("\t", 4)
                when = datetime.datetime.fromisoformat(stamp)
                scans.append((int(batch_pk), client, when, client_key, place_key))
            except ValueError:  # a line cut short by a crash: one scan is not worth a failure
                logger.warning("Skipping a malformed spooled scan: %r", line)
        return scans


class RedisScanBuffer:
    """Keep scans in Redis so that every worker process shares one buffer."""

    def __init__(self, url):
        import redis

        self._client = redis.Redis.from_url(url)

    def add(self, batch_pk, client, scanned_at, client_key="", place_key=""):
        self._client.rpush(
            _REDIS_SCANS,
            f"{batch_pk}\t{scanned_at.timestamp()}\t{client_key}\t{place_key}\t{client}",
        )

    def drain(self):
        # MULTI/EXEC reads and deletes in one step: no scan is written twice or lost.
        pipe = self._client.pipeline(transaction=True)
        pipe.lrange(_REDIS_SCANS, 0, -1)
        pipe.delete(_REDIS_SCANS)
        raw, _ = pipe.execute()
        scans = []
        for item in raw:
            fields = item.decode().split("\t", 4)
            if len(fields) == 3:  # buffered by the previous release, without keys
                fields[2:2] = ["", ""]
            batch_pk, stamp, client_key, place_key, client = fields
            when = datetime.datetime.fromtimestamp(float(stamp), tz=datetime.UTC)
            scans.append((int(batch_pk), client, when, client_key, place_key))
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
                _buffer = RedisScanBuffer(url) if url else FileScanBuffer()
    return _buffer


def scan_record(*, batch_pk, user_agent, address=""):
    """Count one scan of the batch ``batch_pk`` from ``address`` unless a bot made it.

    Return "buffered" (written by the next flush, no query now), "written" (one INSERT:
    ANALYTICS_FLUSH_SECONDS=0, or the buffer is unreachable) or "" for a bot.
    """
    if is_bot(user_agent):
        return ""
    client = user_agent_family(user_agent)
    client_key, place_key = scan_keys(address=address, user_agent=user_agent)
    if not writes_through():
        try:
            get_buffer().add(batch_pk, client, timezone.now(), client_key, place_key)
        except Exception:  # Redis or the disk away: count the scan the slow way, not lose it.
            logger.warning("Could not buffer a scan; writing it", exc_info=True)
        else:
            return "buffered"
    ScanLog.objects.create(
        batch_id=batch_pk, client=client, client_key=client_key, place_key=place_key
    )
    return "written"


def scans_flush():
    """Write the buffered scans as ScanLog rows (one INSERT); return how many were written.

    The cached pages of the batches scanned are invalidated: their count (and perhaps
    their "looks copied" caution) just changed. If the database is away (or a batch went
    away meanwhile: the next flush skips it), the scans drained are buffered again for the
    next flush, and the error is raised.
    """
    scans = get_buffer().drain()
    if not scans:
        return 0
    try:
        rows = _scans_write(scans)
    except FLUSH_AGAIN:
        _scans_restore(scans)
        raise
    scans_recorded.send(sender=ScanLog, batch_pks={row.batch_id for row in rows})
    return len(rows)


def _scans_write(scans):
    # Batches deleted since they were scanned are skipped.
    existing = set(
        Batch.objects.filter(pk__in={scan[0] for scan in scans}).values_list("pk", flat=True)
    )
    rows = [
        ScanLog(batch_id=pk, client=client, scanned_at=when, client_key=ckey, place_key=pkey)
        for pk, client, when, ckey, pkey in scans
        if pk in existing
    ]
    with transaction.atomic():  # all the rows or none: a failed flush is buffered again
        ScanLog.objects.bulk_create(rows, batch_size=500)
    return rows


def _scans_restore(scans):
    try:
        target = get_buffer()
        for scan in scans:
            target.add(*scan)
    except Exception:  # the buffer is away too: these scans are lost, as the log says
        logger.warning("Could not buffer again %d scans", len(scans), exc_info=True)
