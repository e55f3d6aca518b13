"""The "Products you recently viewed" part of a product page, for each visitor.

Oscar reads it from the visitor's history cookie while rendering the page. A product page
kept for every visitor (``marketplace.page_cache``) has a hole there instead, which
``recently_viewed_fill`` fills for each request: nothing to do without a history, else
the cards of those products, rendered once per list of products under the catalogue
stamp (a shared fragment) with this visitor's CSRF token.
"""

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from oscar.core.loading import get_class

from catalogue.selectors import product_cards
from marketplace import page_cache, page_fragments

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

HOLE = page_cache.hole("recently-viewed")


def history_ids(request, *, exclude=None):
    """Return the ids in the visitor's history cookie, latest first, without ``exclude``."""
    ids = [i for i in CustomerHistoryManager.extract(request) if i != exclude]
    return ids[::-1][: settings.OSCAR_RECENTLY_VIEWED_PRODUCTS]


def recently_viewed_html(request, ids):
    """Return the recently viewed part for products ``ids`` (latest first)."""
    if not ids:
        return ""
    key = page_fragments.fragment_key("recently-viewed", ["catalogue"], [tuple(ids)])
    html = page_fragments.fragment_get(key)
    if html is None:
        cards = product_cards().in_bulk(ids)
        products = [cards[i] for i in ids if i in cards]
        html = render_to_string(
            "partials/recently_viewed.html",
            {"products": products, "csrf_token": page_fragments.CSRF_MARK},
            request=request,
        )
        page_fragments.fragment_store(key, html)
    return page_fragments.personalise(html, get_token(request))


def recently_viewed_fill(request, response, *, product_id):
    """Fill the recently viewed hole of a product page's ``response``, if it has one."""
    mark = HOLE.encode()
    if mark in response.content:
        html = recently_viewed_html(request, history_ids(request, exclude=product_id))
        response.content = response.content.replace(mark, html.encode(), 1)
