"""QR codes of batches, as PNG and SVG, cached per batch.

The QR carries the batch's public URI (GS1 Digital Link, or the site's short path). It is
made with error correction level Q (25 % of the symbol may be lost): labels get scratched,
wet and creased on jars and bags, and Q still keeps a Digital Link URL at a version small
enough to print sharply on a 37 mm sticker. segno raises the level to H for free when the
data fits the same version (``boost_error``), so Q is the floor.
"""

import hashlib
import io

import segno
from django.core.cache import cache

from traceability.links import batch_uri

ERROR_CORRECTION = "q"
QUIET_ZONE = 4  # modules; ISO/IEC 18004 asks for 4 around a QR code
CACHE_SECONDS = 60 * 60 * 24 * 7
PNG_SCALE = 10  # pixels per module: about 450 px for a Digital Link URL


def qr_code(payload):
    """Return the segno QR code (never Micro QR) for ``payload``."""
    return segno.make(payload, error=ERROR_CORRECTION, micro=False)


def cache_key(*, kind, batch, payload, extra=""):
    """Return a cache key for something drawn from ``batch``'s QR payload.

    The payload is part of the key (hashed, to keep keys short) because it changes with
    the site's address or when the product gets a GTIN: a stale code must never be served.
    """
    digest = hashlib.sha256(f"{payload}|{extra}".encode()).hexdigest()[:24]
    return f"traceability:{kind}:{batch.pk}:{digest}"


def batch_qr_png(*, batch, scale=PNG_SCALE):
    """Return PNG bytes of ``batch``'s QR code, ``scale`` pixels per module."""
    payload = batch_uri(batch)
    key = cache_key(kind="qr-png", batch=batch, payload=payload, extra=str(scale))
    content = cache.get(key)
    if content is None:
        out = io.BytesIO()
        qr_code(payload).save(out, kind="png", scale=scale, border=QUIET_ZONE)
        content = out.getvalue()
        cache.set(key, content, CACHE_SECONDS)
    return content


def batch_qr_svg(*, batch):
    """Return SVG bytes of ``batch``'s QR code (white background, so it prints anywhere)."""
    payload = batch_uri(batch)
    key = cache_key(kind="qr-svg", batch=batch, payload=payload)
    content = cache.get(key)
    if content is None:
        out = io.BytesIO()
        qr_code(payload).save(
            out, kind="svg", scale=10, border=QUIET_ZONE, light="white", title=payload
        )
        content = out.getvalue()
        cache.set(key, content, CACHE_SECONDS)
    return content
