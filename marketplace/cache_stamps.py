"""Stamps for caching what many shoppers see alike, replaced when what it shows changes.

A cached listing, search result, suggestion list or page fragment is stored under a key
that includes the current *stamp* of what it was built from: ``catalogue`` (products,
prices, stock, certificates, categories, cooperatives, and the search index built from
them) or ``cms`` (Wagtail pages). ``bump`` replaces a stamp, so every entry built under
the old one is never read again (and expires); nothing has to list what to delete.

The stamps live in the default cache (Redis in production: one for every process; in
the demo each process has its own, so entries there also carry a short lifetime).
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db import transaction

STAMPS = ("catalogue", "cms")


def _stamp_key(name):
    return f"stamp:{name}"


def current(name):
    """Return the current stamp of ``name``, creating one the first time."""
    key = _stamp_key(name)
    stamp = cache.get(key)
    if stamp is None:
        cache.add(key, secrets.token_hex(6), timeout=None)
        stamp = cache.get(key)
    return stamp


def bump(*names):
    """Replace the stamps ``names``: now, and again once the transaction commits (so that
    nothing read before the commit is stored under a stamp that looks current)."""

    def renew():
        cache.set_many({_stamp_key(name): secrets.token_hex(6) for name in names}, timeout=None)

    renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(renew)


def cache_key(name, *parts):
    """Return a cache key for ``parts`` (any strings) under the current stamp of ``name``."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=12).hexdigest()
    return f"{name}:{current(name)}:{digest}"
