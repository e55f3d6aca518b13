"""Whole shop and CMS pages for visitors who carry no state of their own.

Most requests for the public pages (home, catalogue, categories, search, products, CMS
pages) come from visitors with no login, no basket and no pending message: a link from
a chat, a search engine, a first visit. For all of them a page is the same, except

- the CSRF token in its forms (the language switcher, add to basket),
- the CSP nonce of its one inline script,
- on a product page, the products the visitor viewed before it (a cookie).

Such a page is rendered once, stored in the default cache with marks in place of those
(``HOLE`` for the last, filled by the view), and served to the next such visitor with
their own token and nonce filled in: no SQL query and no template. The key holds the
host, the path and query, the language, the day (certificates are valid by date) and
the ``catalogue`` / ``cms`` stamps (``marketplace.cache_stamps``), which every change a
shopper would see replaces; the setting ``PAGE_CACHE_SECONDS`` bounds an entry's life as
a safety net (0 turns the cache off), and a view may give a shorter one (a CMS page up
to the next scheduled expiry).

A page is stored the second time it is asked for within that time (the first leaves a
small note), so addresses nobody asks for twice (random search words) cost the cache
nothing but that note.

Whoever has a session (signed in, or in checkout), a basket or a message waiting, or
sends a query parameter the view does not list, gets the page rendered for them as
before (its shared fragments, ``marketplace.page_fragments``, still apply). A response
that is not a 200 HTML page is not kept; a view may keep one for less time with
``keep_at_most`` (a listing the database answered while the search server is away: only
until the server is tried again).

The traceability page has its own cache (``traceability.page_cache``): it is keyed by
lot and invalidated per lot, product and cooperative.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from marketplace import cache_stamps

# Letters and dashes only: they come out of HTML escaping unchanged, and no product text
# can produce them by chance.
CSRF_MARK = "page-cache-csrf-token-mark"
NONCE_MARK = "page-cache-csp-nonce-mark"
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def hole(name):
    """Return the mark that stands in a stored page for the visitor's own part ``name``."""
    return f"<!--page-hole:{name}-->"


def is_shared_visitor(request, params=()):
    """Whether ``request`` would get the same page as any visitor without state.

    ``params`` are the query parameters the page reads; a request with any other
    is rendered for itself (so random parameters cannot fill the cache).
    """
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    cookies = request.COOKIES
    personal = (
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        "messages",  # django.contrib.messages' cookie storage
    )
    if any(name in cookies for name in personal):
        return False
    return all(name in params for name in request.GET)


def keep_at_most(request, seconds):
    """Keep the page being rendered for ``request`` at most ``seconds`` (0: not at all)."""
    request.page_cache_seconds = min(seconds, getattr(request, "page_cache_seconds", seconds))


def _key(request, stamps):
    query = sorted((k, v) for k, values in request.GET.lists() for v in values)
    parts = [
        "page",
        request.get_host(),
        request.path,
        repr(query),
        translation.get_language() or "",
        f"{timezone.localdate():%Y%m%d}",
    ]
    key = "\x1f".join(parts)
    for stamp in stamps:
        key = cache_stamps.cache_key(stamp, key)
    return f"page:{key}"


def serve(request, render, *, stamps=("catalogue",), params=(), seconds=None, fill=None):
    """Return the page for ``request``: from the cache for a shared visitor, else ``render()``.

    ``render`` returns the view's response (rendered here when it is a TemplateResponse);
    ``fill(request, response)``, when given, fills the view's holes of this visitor's
    response, whether it came from the cache or was just rendered. ``seconds`` (a number,
    or a callable asked when storing) shortens how long a page is kept.
    """
    lifetime = settings.PAGE_CACHE_SECONDS
    if lifetime <= 0 or not is_shared_visitor(request, params):
        return _filled(request, render(), fill)
    key = _key(request, stamps)
    seen_key = f"{key}:seen"
    found = cache.get_many([key, seen_key])
    stored = found.get(key)
    if stored is not None:
        html = _personalise(request, stored["content"])
        return _filled(request, HttpResponse(html, content_type=stored["content_type"]), fill)
    request.page_cache_holes = True
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if seen_key not in found:
        cache.set(seen_key, True, lifetime)
    elif _storable(request, response):
        html = response.content.decode(response.charset)
        stored_html = _impersonal(request, html)
        limits = [lifetime, getattr(request, "page_cache_seconds", None),
                  seconds() if callable(seconds) else seconds]  # fmt: skip
        timeout = int(max(0, min(limit for limit in limits if limit is not None)))
        if stored_html is not None and timeout:
            store(key, {"content": stored_html, "content_type": response["Content-Type"]},
                  timeout)  # fmt: skip
    return _filled(request, response, fill)


def store(key, entry, timeout):
    """Keep the page ``entry`` (its content and type) under ``key`` for ``timeout`` seconds."""
    cache.set(key, entry, timeout)


def _storable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and response["Content-Type"].startswith("text/html")
        and not response.cookies.keys() - {settings.CSRF_COOKIE_NAME}
    )


def _impersonal(request, html):
    """Return ``html`` with the visitor's token and nonce marked, or None if it cannot be."""
    html = _CSRF_INPUT.sub(rf"\g<1>{CSRF_MARK}\g<2>", html)
    nonce = getattr(request, "_csp_nonce", None)
    if nonce:
        html = html.replace(nonce, NONCE_MARK)
    # A page that names the token anywhere but in a form's hidden input (a script that
    # reads it, say) may carry a token where no mark stands: it is not kept.
    if "csrfmiddlewaretoken" in html.replace('name="csrfmiddlewaretoken"', ""):
        return None
    return html


def _personalise(request, html):
    if CSRF_MARK in html:
        html = html.replace(CSRF_MARK, get_token(request))
    if NONCE_MARK in html:
        html = html.replace(NONCE_MARK, str(request.csp_nonce))
    return html


def _filled(request, response, fill):
    if fill is not None and response.status_code == 200 and not response.streaming:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        fill(request, response)
    return response
