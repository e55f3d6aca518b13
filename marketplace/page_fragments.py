"""Parts of shop pages that many shoppers see alike, rendered once and kept in the cache.

A fragment (a listing's product grid and facets, a product page's description and
information, the home page's blocks) is stored in the default cache under a key made of
its name, the active language, the page's parameters and the current *stamps* of what it
shows (``marketplace.cache_stamps``: ``catalogue`` for products, prices, stock,
certificates, categories and cooperatives; ``cms`` for Wagtail pages). A change replaces
the stamp, so the next request renders the fragment anew; ``SECONDS`` bounds every entry's
life as a safety net (an edit that bumps no stamp, a cache of one process in the demo).

What differs per visitor never goes in: the basket, the login, messages, wishlists and
reviews stay outside the fragments. The one per-visitor value inside (the CSRF token of
the product cards' add-to-basket forms) is rendered as ``CSRF_MARK`` and replaced by the
visitor's own token on every request. A fragment with a ``nonce=`` attribute is never
stored: a CSP nonce is valid for one response only (and inline script in a shared part is
a bug anyway).
"""

import logging

from django.core.cache import cache
from django.utils import translation

from marketplace import cache_stamps

logger = logging.getLogger(__name__)

# How long a fragment is kept at most, even when no stamp changes.
SECONDS = 600
# Stands for the visitor's CSRF token in stored HTML: letters and dashes only, so that it
# comes out of escaping unchanged and no product text can produce it by chance.
CSRF_MARK = "shared-fragment-csrf-token-mark"
_CSRF_INPUT = f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_MARK}">'


def fragment_key(name, stamps, parts):
    """Return the cache key of fragment ``name`` with ``parts``, under the current stamps
    ``stamps`` (names in ``cache_stamps.STAMPS``) and in the active language."""
    key = "\x1f".join([name, translation.get_language() or "", *map(str, parts)])
    for stamp in stamps:
        key = cache_stamps.cache_key(stamp, key)
    return f"fragment:{key}"


def fragments_cached(names, stamps, parts):
    """Return {key: html} of the fragments ``names`` with ``parts`` when all are cached, else
    {}: for a view that reads what they show only when one of them must be rendered."""
    keys = [fragment_key(name, stamps, parts) for name in names]
    found = cache.get_many(keys)
    return found if len(found) == len(keys) else {}


def fragment_get(key):
    return cache.get(key)


def fragment_store(key, html):
    """Keep ``html`` under ``key``, unless it holds a CSP nonce; return whether it was kept."""
    if "nonce=" in html:
        logger.error("Page fragment %s not cached: it has a CSP nonce.", key)
        return False
    cache.set(key, html, SECONDS)
    return True


def personalise(html, csrf_token):
    """Return stored ``html`` with the visitor's CSRF token in place of the mark."""
    if CSRF_MARK not in html:
        return html
    token = str(csrf_token) if csrf_token else ""
    if not token or token == "NOTPROVIDED":  # noqa: S105 (Django's marker for no token)
        return html.replace(_CSRF_INPUT, "")
    return html.replace(CSRF_MARK, token)
