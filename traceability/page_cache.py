"""The public traceability page's HTML, cached per batch and language, and what invalidates it.

A QR code's page is read far more often than its batch changes, so the rendered HTML is
kept in the ``trace`` cache (Redis with ``REDIS_URL``, else this process's memory) and a
hit costs no SQL query. Two entries serve a hit:

- a *route*: the path (``/01/<GTIN>/10/<lot>``, ``/t/<code>`` or ``/01/<GTIN>``) → the
  batch, its product and its cooperative (their primary keys);
- a *page*: the HTML of that batch in one language on one day (certificates are valid by
  date), with the *stamps* of the batch, the product and the cooperative it was built from.

A stamp is a random token per batch, product and cooperative. Anything that changes what
the page shows replaces the token (``batches_changed``, ``product_changed``,
``cooperative_changed``, called by the receivers of ``traceability.receivers`` when a model
the page shows is saved or deleted, and when the scan flush writes scans), and a page whose
stamps are no longer current is not served. Stamps rather than
deleting pages, because:

- one token covers every page of a product or cooperative (both languages, every lot, the
  latest-lot route) without listing them;
- they make the cache race-free: a miss reads the stamps *before* reading the database and
  stores the page under those stamps, so a page built from data read before a change was
  committed can never be stored as current (the services replace the token once the
  change is committed).

A page is stored only on a miss whose route was already known (its stamps could be read
before the database): a batch's first request stores the route, the second the page.

What sends no signal waits for ``TRACE_CACHE_SECONDS`` (a queryset ``update()`` or a bulk
write; a burst caution is kept at most ``BURST_MINUTES``). With several
processes the cache must be shared (``REDIS_URL``), or an invalidation made by one process
does not reach the others' memory.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from catalogue.gtin import gtin14, gtin_is_valid

ALIAS = "trace"
# Per-visitor parts of the page, filled in on every request: the language switcher's CSRF
# token and the path it returns to. Escaped content can never contain "<!--".
CSRF_MARK = mark_safe("<!--csrf-token-->")
NEXT_MARK = mark_safe("<!--next-path-->")


def _cache():
    return caches[ALIAS]


def enabled():
    return getattr(settings, "TRACE_CACHE_SECONDS", 0) > 0


@dataclass(frozen=True)
class Route:
    key: str
    lot: str = ""  # a lot route is cached only for the batch with exactly this lot code

    def matches(self, batch):
        return not self.lot or batch.lot_code == self.lot


def lot_route(*, gtin, lot):
    """The route of ``/01/<gtin>/10/<lot>``, or None (invalid input, or no cache)."""
    from traceability.selectors import _LOT

    if enabled() and gtin_is_valid(gtin) and _LOT.match(lot):
        return Route(f"route:lot:{gtin14(gtin)}:{lot}", lot=lot)
    return None


def latest_route(*, gtin):
    """The route of ``/01/<gtin>`` (the product's latest published lot), or None."""
    if enabled() and gtin_is_valid(gtin):
        return Route(f"route:gtin:{gtin14(gtin)}")
    return None


def short_route(*, code):
    """The route of ``/t/<code>``, or None."""
    from traceability.selectors import _SHORT_CODE

    code = code.strip("/").upper()
    if enabled() and _SHORT_CODE.match(code):
        return Route(f"route:t:{code}")
    return None


def _stamp_keys(owners):
    batch_pk, product_pk, cooperative_pk = owners
    return [f"stamp:b:{batch_pk}", f"stamp:p:{product_pk}", f"stamp:c:{cooperative_pk}"]


def _page_key(batch_pk):
    return f"page:{batch_pk}:{translation.get_language()}:{timezone.localdate():%Y%m%d}"


def _owners(entry):
    return (entry["batch"], entry["product"], entry["cooperative"])


@dataclass
class Lookup:
    """What the cache knows of a route: its batch, and the page when it is current."""

    owners: tuple = None  # (batch pk, product pk, cooperative pk), from the route
    stamps: tuple = None  # their stamps, read before any database read
    html: str = None  # the page with its marks, when current

    @property
    def batch_pk(self):
        return self.owners[0]


def lookup(route):
    """Return the Lookup of ``route``: two cache reads, no SQL."""
    cache = _cache()
    entry = cache.get(route.key)
    if entry is None:
        return Lookup()
    owners = _owners(entry)
    stamp_keys = _stamp_keys(owners)
    page_key = _page_key(owners[0])
    found = cache.get_many([page_key, *stamp_keys])
    stamps = tuple(found.get(key) for key in stamp_keys)
    if None in stamps:
        stamps = _stamps_ensure(stamp_keys, stamps)
    page = found.get(page_key)
    current = page is not None and page["owners"] == owners and page["stamps"] == stamps
    return Lookup(owners=owners, stamps=stamps, html=page["html"] if current else None)


def _stamps_ensure(keys, stamps):
    """Give a stamp to owners without one (never changed, or evicted)."""
    cache = _cache()
    for key, stamp in zip(keys, stamps, strict=True):
        if stamp is None:
            cache.add(key, secrets.token_hex(8), timeout=None)
    stamps = cache.get_many(keys)
    return tuple(stamps.get(key) for key in keys)


def store(route, lookup, batch, html, *, timeout=None):
    """Keep ``route`` → ``batch`` and, when the stamps were read first, the page ``html``."""
    cache = _cache()
    timeout = min(timeout or settings.TRACE_CACHE_SECONDS, settings.TRACE_CACHE_SECONDS)
    owners = (batch.pk, batch.product_id, batch.product.cooperative_id)
    if route.matches(batch):
        entry = {"batch": owners[0], "product": owners[1], "cooperative": owners[2]}
        cache.set(route.key, entry, timeout)
    if lookup.owners == owners and lookup.stamps is not None and None not in lookup.stamps:
        page = {"owners": owners, "stamps": lookup.stamps, "html": html}
        cache.set(_page_key(batch.pk), page, timeout)


def forget(route):
    """Drop ``route`` (it no longer leads to a public batch)."""
    _cache().delete(route.key)


def _renew(keys):
    if not keys:
        return

    def renew():
        _cache().set_many({key: secrets.token_hex(8) for key in keys}, timeout=None)

    # Now, so that this process's next request already misses; and again once the change
    # is committed, so that no page read from the database before the commit stays current.
    renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(renew)


def batches_changed(batch_pks):
    """Invalidate the pages of these batches (a new event, new scans, an edit)."""
    _renew([f"stamp:b:{pk}" for pk in batch_pks])


def product_changed(product_pk):
    """Invalidate every page of a product's lots, and which lot ``/01/<GTIN>`` leads to.

    For anything the pages show of the product (title, GTIN, origin, images,
    certificates), and for a lot of it published or recalled.
    """
    _renew([f"stamp:p:{product_pk}"])


def cooperative_changed(cooperative_pk):
    """Invalidate every page of a cooperative's lots (its name, address, approval)."""
    _renew([f"stamp:c:{cooperative_pk}"])
