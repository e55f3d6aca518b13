"""Suggestions while typing in the header search box."""

from django.core.cache import cache
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from search import queries
from search.connection import SearchUnavailable
from search.listing import matching_product_ids
from search.text import vi_fold

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

# Suggestions start from the second letter: one letter matches half the catalogue.
MIN_LENGTH = 2
MAX_LENGTH = 100
CATEGORIES_SECONDS = 300


def _categories():
    """Return [(pk, name, url, folded name)] of public categories, cached for minutes."""
    rows = cache.get("search:suggest-categories")
    if rows is None:
        rows = [
            (c.pk, c.name, c.get_absolute_url(), vi_fold(c.name))
            for c in Category.objects.filter(is_public=True).only("pk", "name", "slug", "path")
        ]
        cache.set("search:suggest-categories", rows, CATEGORIES_SECONDS)
    return rows


def _product_url(pk, slug):
    return reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": pk})


def suggest(raw_query, *, language="vi"):
    """Return {"query", "products", "categories", "cooperatives", "stories"} for a query.

    From the search server (prefixes, diacritics optional); from the database titles
    when the server cannot answer. Fewer than two letters return empty lists.
    """
    query = " ".join((raw_query or "").split())[:MAX_LENGTH]
    empty = {"query": query, "products": [], "categories": [], "cooperatives": [], "stories": []}
    if len(query) < MIN_LENGTH:
        return empty
    try:
        found = queries.suggestions(query)
    except SearchUnavailable:
        return {**empty, **_database_suggestions(query)}
    rows = _categories()
    categories = {pk: (name, url) for pk, name, url, _folded in rows}
    words = vi_fold(query).split()
    matching = [pk for pk, _n, _u, folded in rows if all(w in folded for w in words)]
    category_ids = list(dict.fromkeys(matching + found["category_ids"]))[:3]
    try:
        stories = queries.story_search(query, language=language, limit=2)
    except SearchUnavailable:
        stories = []
    return {
        "query": query,
        "products": [
            {
                "title": p["title"],
                "url": _product_url(p["id"], p["slug"]),
                "price": currency(p["price"]) if p.get("price") is not None else "",
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
        "stories": [{"title": story["title"], "url": story["url"]} for story in stories],
    }


def _database_suggestions(query):
    """Return product suggestions matched on folded titles (the search server is away)."""
    ids = matching_product_ids(query)[:5]
    products = Product.objects.filter(pk__in=ids).only("pk", "slug", "title").order_by("title")
    return {"products": [{"title": p.title, "url": _product_url(p.pk, p.slug), "price": "",
                          "cooperative": ""} for p in products]}  # fmt: skip
