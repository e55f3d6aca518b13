"""Page query counts do not grow with the catalogue; the numbers are pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomePageFeaturedProduct
from tests.factories import CooperativeFactory, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db

# Pinned query counts for an anonymous visitor with an empty basket. A change here
# needs a reason: a page that costs more queries per product would show up as growth.
PINNED = {"home": 14, "catalogue": 11, "category": 12, "product": 13}


def _grow_catalogue(tea_category, count):
    cooperatives = [CooperativeFactory() for _ in range(3)]
    products = [
        ocop_product(
            cooperative=cooperatives[n % 3],
            title=f"Chè búp số {n}",
            price=100000 + n * 1000,
            category=tea_category,
        )
        for n in range(count)
    ]
    for product in products[::2]:
        ocop_certificate(product=product, stars=4)
    return products


def _queries(client, url):
    client.get(url)  # warm per-process caches (category paths, templates)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _page_counts(client, home_page, tea_category, products):
    for order, product in enumerate(products[:8]):
        HomePageFeaturedProduct.objects.get_or_create(
            page=home_page, product=product, defaults={"sort_order": order}
        )
    return {
        "home": _queries(client, "/"),
        "catalogue": _queries(client, "/shop/catalogue/"),
        "category": _queries(client, tea_category.get_absolute_url()),
        "product": _queries(client, products[0].get_absolute_url()),
    }


def test_page_query_counts_do_not_grow_with_the_catalogue(client, home_page, tea_category):
    small = _page_counts(client, home_page, tea_category, _grow_catalogue(tea_category, 4))
    _grow_catalogue(tea_category, 30)
    large = _page_counts(
        client, home_page, tea_category, list(tea_category.product_set.order_by("pk"))
    )

    assert large == small
    assert small == PINNED
