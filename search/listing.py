"""Database product listing: serves catalogue, category and search pages.

Oscar 4 lists products through haystack, which shows none on its simple backend
(django-oscar issue #4366). This listing reads the database instead; the search issue
puts Elasticsearch in front of it and keeps it as the fallback.
"""

import unicodedata

from django.db.models import Min, Q

from catalogue.selectors import product_cards


class Sort:
    """The orderings a shopper can choose; the first is the default."""

    NEWEST = "newest"
    PRICE_ASC = "price-asc"
    PRICE_DESC = "price-desc"
    TITLE_ASC = "title-asc"
    RATING = "rating"

    ORDER_BY = {
        NEWEST: ("-date_created", "-pk"),
        PRICE_ASC: ("min_price", "pk"),
        PRICE_DESC: ("-min_price", "pk"),
        TITLE_ASC: ("title", "pk"),
        RATING: ("-rating", "-date_created", "pk"),
    }


def product_listing(
    *,
    category=None,
    query="",
    cooperative_slug="",
    min_stars=None,
    province_code=None,
    sort=Sort.NEWEST,
):
    """Return the products on sale for a listing page, ready to render as cards.

    ``min_stars`` keeps products with a valid OCOP certificate of at least that many
    stars; ``province_code`` keeps products from that province (post-2025 code).
    Every relation a card reads is fetched in bulk, so a page costs the same number of
    queries whatever the size of the catalogue.
    """
    products = product_cards()
    if category is not None:
        products = products.filter(categories__in=category.get_descendants_and_self()).distinct()
    if cooperative_slug:
        products = products.filter(cooperative__slug=cooperative_slug)
    if min_stars:
        products = products.filter(ocop_stars__gte=min_stars)
    if province_code:
        products = products.filter(origin_province_code=province_code)
    query = unicodedata.normalize("NFC", query).strip()
    if query:
        products = products.filter(Q(title__icontains=query) | Q(description__icontains=query))
    if sort in (Sort.PRICE_ASC, Sort.PRICE_DESC):
        products = products.annotate(min_price=Min("stockrecords__price"))
    return products.order_by(*Sort.ORDER_BY.get(sort, Sort.ORDER_BY[Sort.NEWEST]))
