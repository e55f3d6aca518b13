"""Suggestions while typing in the header search box.

The answer is the same for every shopper, so the search server's is cached whole (the
JSON body) per query and language under the catalogue and CMS stamps: typing the same
letters again costs neither the search server nor the database. The database's answer
(the server away) is kept only until the server is tried again (``ES_RETRY_SECONDS``):
while it is away, every shopper typing the same letters costs the database one query.
"""

import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace import cache_stamps, vnd
from marketplace.single_flight import cached_once
from search import queries
from search.connection import SearchUnavailable
from search.documents import alias_name
from search.listing import matching_product_ids
from search.text import vi_fold, vi_normalize

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

# Suggestions start from the second letter: one letter matches half the catalogue.
MIN_LENGTH = 2
MAX_LENGTH = 100
CATEGORIES_SECONDS = 300
# How long one query's suggestions are kept (a change replaces the stamp before that).
RESPONSE_SECONDS = 600


def _categories(language):
    """Return [(pk, name, url, folded name)] of public categories, cached for minutes."""
    key = cache_stamps.cache_key("catalogue", "suggest-categories", language)
    rows = cache.get(key)
    if rows is None:
        rows = [
            (c.pk, c.name, c.get_absolute_url(), vi_fold(c.name))
            for c in Category.objects.filter(is_public=True).only("pk", "name", "slug", "path")
        ]
        cache.set(key, rows, CATEGORIES_SECONDS)
    return rows


def _clean(raw_query):
    return " ".join(vi_normalize(raw_query or "").split())[:MAX_LENGTH]


def suggest_json(raw_query, *, language="vi"):
    """Return the suggestions for ``raw_query`` as a JSON body (bytes), from the cache
    when the search server answered the same query in the same language before."""
    query = _clean(raw_query)
    key = cache_stamps.cache_key(
        "catalogue", "suggest", settings.ES_URL, alias_name("products"), language,
        cache_stamps.current("cms"), query,
    )  # fmt: skip
    return cached_once(key, lambda: _answer(query, language), wait=settings.ES_TIMEOUT)


def _answer(query, language):
    """Return (the JSON body, how long to keep it)."""
    data, from_search_server = _suggest(query, language=language)
    body = json.dumps(data, cls=DjangoJSONEncoder).encode()
    return body, RESPONSE_SECONDS if from_search_server else _retry_seconds()


def _retry_seconds():
    # Django's cache keeps a timeout of 0 for no time at all: nothing is kept.
    return max(0, int(settings.ES_RETRY_SECONDS))


def _product_url(pk, slug):
    return reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": pk})


def suggest(raw_query, *, language="vi"):
    """Return {"query", "products", "categories", "cooperatives", "stories"} for a query.

    From the search server (prefixes, diacritics optional); from the database titles
    when the server cannot answer. Fewer than two letters return empty lists.
    """
    return _suggest(_clean(raw_query), language=language)[0]


def _suggest(query, *, language):
    """Return (suggestions, whether the search server answered) for a cleaned query."""
    empty = {"query": query, "products": [], "categories": [], "cooperatives": [], "stories": []}
    if len(query) < MIN_LENGTH:
        return empty, True
    try:
        found = queries.suggestions(query, stories_language=language)
    except SearchUnavailable:
        return {**empty, **_database_suggestions(query)}, False
    rows = _categories(language)
    categories = {pk: (name, url) for pk, name, url, _folded in rows}
    words = vi_fold(query).split()
    matching = [pk for pk, _n, _u, folded in rows if all(w in folded for w in words)]
    category_ids = list(dict.fromkeys(matching + found["category_ids"]))[:3]
    return {
        "query": query,
        "products": [
            {
                "title": p["title"],
                "url": _product_url(p["id"], p["slug"]),
                "price": vnd.format_amount(p["price"]) if p.get("price") is not None else "",
                "cooperative": p.get("cooperative", ""),
            }
            for p in found["products"]
        ],
        "categories": [
            {"name": categories[pk][0], "url": categories[pk][1]}
            for pk in category_ids
            if pk in categories
        ],
        "cooperatives": [
            {
                "name": c["name"],
                "url": reverse("cooperative-profile", kwargs={"slug": c["slug"]}),
                "province": c.get("province", ""),
            }  # fmt: skip
            for c in found["cooperatives"]
        ],
        "stories": [{"title": story["title"], "url": story["url"]} for story in found["stories"]],
    }, True


def _database_suggestions(query):
    """Return product suggestions matched on folded titles (the search server is away)."""
    ids = matching_product_ids(query)[:5]
    products = Product.objects.filter(pk__in=ids).only("pk", "slug", "title").order_by("title")
    return {"products": [{"title": p.title, "url": _product_url(p.pk, p.slug), "price": "",
                          "cooperative": ""} for p in products]}  # fmt: skip
