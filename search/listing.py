"""Database product listing: the fallback when the search server cannot answer.

Oscar 4 lists products through haystack, which shows none on its simple backend
(django-oscar issue #4366). Catalogue, category and search pages are served by
Elasticsearch (``search.queries``); this listing answers when ES_URL is unset or the
search server is down, slow or failing — with the same filters, without facet counts.
"""

from django.core.cache import cache
from django.db.models import Exists, F, Min, OuterRef, Q
from django.db.models.functions import Coalesce

from catalogue.models import Certificate
from catalogue.selectors import product_cards
from search import keys
from search.queries import PRICE_RANGES, Filters, Sort
from search.ranking import MAX_QUERY_WORDS

ORDER_BY = {
    Sort.RELEVANCE: ("-date_created", "-pk"),
    Sort.NEWEST: ("-date_created", "-pk"),
    Sort.PRICE_ASC: ("min_price", "pk"),
    Sort.PRICE_DESC: ("-min_price", "pk"),
    Sort.TITLE_ASC: ("title", "pk"),
    Sort.RATING: ("-rating", "-date_created", "pk"),
}
# How long the folded titles used for diacritic-free matching are kept.
FOLDED_TITLES_SECONDS = 60


def _folded_titles():
    """Return (pk, folded title words in both languages, with the synonyms of the
    Vietnamese ones, + cooperative) for every product on sale, cached briefly."""
    titles = cache.get("search:folded-titles:v2")
    if titles is None:
        titles = [
            (
                pk,
                keys.distinct(
                    keys.with_synonyms(keys.folded_words(title))
                    + keys.folded_words(f"{title_en or ''} {cooperative or ''}")
                ),
            )
            for pk, title, title_en, cooperative in product_cards().values_list(
                "pk", "title_vi", "title_en", "cooperative__partner__name"
            )
        ]
        cache.set("search:folded-titles:v2", titles, FOLDED_TITLES_SECONDS)
    return titles


def matching_product_ids(query):
    """Return the ids of products whose title (Vietnamese or English) or cooperative has
    every word of ``query``.

    A word matches the start of a word, without diacritics on both sides: "che thai
    nguyen" finds "Chè Thái Nguyên", "tan" finds "Tân Cương", and "cafe" finds "Cà phê"
    (``search/synonyms.txt``, as in the index). The database has no Vietnamese folding of
    its own (SQLite, PostgreSQL without extensions), so the comparison happens here, on
    titles and cooperative names only.
    """
    words = keys.folded_words(query)[:MAX_QUERY_WORDS]
    return [
        pk
        for pk, tokens in _folded_titles()
        if all(any(token.startswith(word) for token in tokens) for word in words)
    ]


def product_listing(*, category=None, query="", filters=None, sort=Sort.NEWEST):
    """Return the products on sale for a listing page, ready to render as cards.

    Every relation a card reads is fetched in bulk, so a page costs the same number of
    queries whatever the size of the catalogue.
    """
    filters = filters or Filters()
    products = product_cards()
    if category is not None:
        products = products.filter(categories__in=category.get_descendants_and_self())
    if filters.categories:
        products = products.filter(categories__in=filters.categories)
    if filters.cooperatives:
        products = products.filter(cooperative__slug__in=filters.cooperatives)
    if filters.stars:
        products = products.filter(ocop_stars__in=filters.stars)
    if filters.provinces:
        products = products.filter(origin_province_code__in=filters.provinces)
    if filters.certifications:
        # Valid on this day only: the same rule as the badges and the search index.
        valid = Certificate.objects.valid_on().filter(
            product=OuterRef("pk"), kind__in=filters.certifications
        )
        products = products.filter(Exists(valid))
    if filters.in_stock:
        products = products.filter(
            stockrecords__num_in_stock__gt=Coalesce(F("stockrecords__num_allocated"), 0)
        )
    if category is not None or filters.categories or filters.in_stock:
        products = products.distinct()
    if query.strip():
        products = products.filter(pk__in=matching_product_ids(query))
    if filters.prices or sort in (Sort.PRICE_ASC, Sort.PRICE_DESC):
        products = products.annotate(min_price=Min("stockrecords__price"))
    if filters.prices:
        ranges = Q()
        for key, low, high in PRICE_RANGES:
            if key in filters.prices:
                bounds = {f"min_price__{op}": v for op, v in (("gte", low), ("lt", high)) if v}
                ranges |= Q(**bounds)
        products = products.filter(ranges)
    return products.order_by(*ORDER_BY.get(sort, ORDER_BY[Sort.NEWEST]))
