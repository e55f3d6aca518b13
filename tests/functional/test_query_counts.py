"""Page query counts do not grow with the catalogue; the numbers are pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomePageFeaturedProduct
from marketplace import cache_stamps
from tests.factories import CooperativeFactory, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_rendered(settings):
    """Count the queries of pages rendered for the visitor: what a visitor with a session or
    a basket gets. A visitor without either gets the page kept whole for all such visitors
    (marketplace.page_cache), at no query: pinned in test_page_cache.py."""
    settings.PAGE_CACHE_SECONDS = 0


# Pinned query counts for an anonymous visitor with an empty basket. A change here
# needs a reason: a page that costs more queries per product would show up as growth.
# The product page's 14th query finds its latest published batch ("Nguồn gốc và truy xuất").
# The home page's last four: the active language's locale (Wagtail localisation), the
# current campaigns, the latest stories, and the page's translations (hreflang, switcher).
PINNED = {"home": 18, "catalogue": 11, "category": 12, "product": 14}
# The same pages once their shared fragments are cached (marketplace.page_fragments), as
# every request after the first is until a product or page changes: the catalogue costs no
# query; the category page reads its category; Wagtail finds the home page (site, locale,
# route, restrictions, translations, ...); the product page's view reads the product with
# its prefetches, then its basket form options, latest batch, reviews and recommendations.
PINNED_CACHED = {"home": 6, "catalogue": 0, "category": 1, "product": 11}
# The same listing pages served by the search server: the products of the page by id (no
# COUNT: the hit count comes with the hits), plus the names of the category and
# cooperative facets' options.
PINNED_SEARCH = {"catalogue": 12, "category": 13, "search": 12}
# Cached: the listing's fragments are served without asking the search server either.
PINNED_SEARCH_CACHED = {"catalogue": 0, "category": 1}
# The profile's 22nd query: the cooperative's CMS stories in the visitor's language.
# Oscar's dashboard pages spend one query, once a request, finding the approved cooperative
# the user acts for (marketplace.access); Oscar itself trusted any partner membership.
PINNED_COOPERATIVE = {
    "profile": 22,
    "dashboard orders": 12,
    "dashboard products": 18,
    "overview": 10,
}


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


def _queries(client, url, *, cached=False):
    client.get(url)  # warm per-process caches (category paths, templates)
    if not cached:
        cache_stamps.bump("catalogue", "cms")  # the shared fragments are rendered anew
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _page_counts(client, home_page, tea_category, products, *, cached=False):
    for order, product in enumerate(products[:8]):
        HomePageFeaturedProduct.objects.get_or_create(
            page=home_page, product=product, defaults={"sort_order": order}
        )
    return {
        "home": _queries(client, "/", cached=cached),
        "catalogue": _queries(client, "/shop/catalogue/", cached=cached),
        "category": _queries(client, tea_category.get_absolute_url(), cached=cached),
        "product": _queries(client, products[0].get_absolute_url(), cached=cached),
    }


def test_page_query_counts_do_not_grow_with_the_catalogue(client, home_page, tea_category):
    small = _page_counts(client, home_page, tea_category, _grow_catalogue(tea_category, 4))
    _grow_catalogue(tea_category, 30)
    large = _page_counts(
        client, home_page, tea_category, list(tea_category.product_set.order_by("pk"))
    )

    assert large == small
    assert small == PINNED


def test_cached_page_fragments_spare_queries_whatever_the_catalogue(
    client, home_page, tea_category
):
    products = _grow_catalogue(tea_category, 4)
    small = _page_counts(client, home_page, tea_category, products, cached=True)
    _grow_catalogue(tea_category, 30)
    products = list(tea_category.product_set.order_by("pk"))
    large = _page_counts(client, home_page, tea_category, products, cached=True)

    assert large == small == PINNED_CACHED
    assert all(PINNED_CACHED[page] <= PINNED[page] for page in PINNED)


def _search_counts(client, tea_category):
    return {
        "catalogue": _queries(client, "/shop/catalogue/"),
        "category": _queries(client, tea_category.get_absolute_url()),
        "search": _queries(client, "/shop/search/?q=che+bup&province=25"),
    }


def test_search_server_pages_do_not_grow_with_the_catalogue(client, tea_category, search_server):
    _grow_catalogue(tea_category, 4)
    search_server.rebuild()
    small = _search_counts(client, tea_category)
    _grow_catalogue(tea_category, 30)
    search_server.rebuild()
    large = _search_counts(client, tea_category)

    assert large == small
    assert small == PINNED_SEARCH


def test_cached_listing_asks_neither_the_search_server_nor_the_database_for_products(
    client, tea_category, search_server, monkeypatch
):
    from search import queries

    _grow_catalogue(tea_category, 4)
    search_server.rebuild()
    urls = {"catalogue": "/shop/catalogue/", "category": tea_category.get_absolute_url()}
    for url in urls.values():
        client.get(url)  # renders and caches the fragments
    monkeypatch.setattr(queries, "product_search", None)  # would fail if called

    assert {page: _queries(client, url, cached=True) for page, url in urls.items()} == (
        PINNED_SEARCH_CACHED
    )


def _orders_for(cooperative, count):
    from tests.factories import ocop_order

    product = ocop_product(cooperative=cooperative, title="Chè đơn hàng", price=85000,
                           num_in_stock=10_000)  # fmt: skip
    other = ocop_product(cooperative=CooperativeFactory(), title="Mật ong", price=1000,
                         num_in_stock=10_000)  # fmt: skip
    for _ in range(count):
        ocop_order(items=[(product, 1), (other, 1)])


def test_cooperative_pages_do_not_grow_with_products_or_orders(client, cooperative, tea_category):
    from tests.factories import cooperative_user

    client.force_login(cooperative_user(cooperative))

    def counts():
        return {
            "profile": _queries(client, cooperative.get_absolute_url()),
            "dashboard orders": _queries(client, "/shop/dashboard/orders/"),
            "dashboard products": _queries(client, "/shop/dashboard/catalogue/"),
            "overview": _queries(client, "/shop/dashboard/cooperative/"),
        }

    for n in range(3):
        ocop_certificate(product=ocop_product(cooperative=cooperative, title=f"Chè {n}",
                                              price=1000), stars=4)  # fmt: skip
    _orders_for(cooperative, 2)
    small = counts()
    for n in range(3, 25):
        ocop_certificate(product=ocop_product(cooperative=cooperative, title=f"Chè {n}",
                                              price=1000), stars=4)  # fmt: skip
    _orders_for(cooperative, 12)
    large = counts()

    assert large == small
    assert small == PINNED_COOPERATIVE


# The QR page (a phone's scan, scans buffered as in production). Cold: its lot's page is not
# cached (the first scan after a change or a flush): the batch with its product, cooperative
# and scan counts, then its events, the events' photos, the valid certificates and the
# product's images. Warm: served from the page cache, the scan buffered: no query at all.
PINNED_TRACE = {"cold": 5, "warm": 0}
TRACE_MAX_QUERIES = 8  # the page's budget


def test_trace_page_query_counts_cold_and_warm(client, cooperative, settings):
    from django.test import Client

    from tests.factories import trace_batch
    from traceability import page_cache

    settings.ANALYTICS_FLUSH_SECONDS = 30  # scans buffered; nothing flushes them here
    phone = Client(
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36",
        HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8",  # a browser: the page
    )

    def scan(path):
        with CaptureQueriesContext(connection) as queries:
            assert phone.get(path).status_code == 200
        return len(queries)

    def counts(batch, path):
        scan(path)  # the lot's first scan: its route is learnt (and thumbnails made)
        page_cache.batches_changed([batch.pk])
        cold = scan(path)  # rebuilt from the database, then cached
        warm = scan(path)
        return {"cold": cold, "warm": warm}

    few = trace_batch(cooperative=cooperative, upc="8934567890137", lot_code="NGAN",
                      kinds=["harvest"], photos_per_event=0)  # fmt: skip
    many = trace_batch(cooperative=cooperative, upc="8934567890120")  # six events, photos
    ocop_certificate(product=many.product, stars=4)
    small = counts(few, "/01/08934567890137/10/NGAN")
    large = counts(many, f"/t/{many.short_code}")

    assert large == small == PINNED_TRACE
    assert PINNED_TRACE["cold"] <= TRACE_MAX_QUERIES


# CMS pages with product grids (issue 7), whatever the number of products in them.
# Campaign: the page, the products picked by hand (none here, so) the rule's products with
# their prefetches. Standard: the body's shop blocks read the products and cooperative
# they name in bulk (plus the StreamField's own chooser look-ups, one per block type).
# Story: its cooperative's products in stock, and the breadcrumb's story index.
PINNED_CMS = {"campaign": 19, "standard": 21, "story": 22}


def test_cms_pages_do_not_grow_with_their_grids(client, home_page, tea_category):
    from cms.models import StandardPage
    from tests import cms_pages

    cooperative = CooperativeFactory()
    campaign = cms_pages.campaign(home_page, rule_category=tea_category, rule_min_stars=4,
                                  grid_size=48)  # fmt: skip
    index = cms_pages.story_index(home_page)
    story = cms_pages.story(index, cooperative=cooperative)

    def counts(products):
        StandardPage.objects.filter(slug="gioi-thieu").delete()
        standard = cms_pages.standard(home_page, body=[
            ("product", {"product": products[0]}),
            ("product_grid", {"heading": "Chè", "products": products}),
            ("cooperative", {"cooperative": cooperative}),
        ])  # fmt: skip
        return {
            "campaign": _queries(client, campaign.url),
            "standard": _queries(client, standard.url),
            "story": _queries(client, story.url),
        }

    def grow(count):
        made = _grow_catalogue(tea_category, count)
        for product in made[:count]:
            product.cooperative = cooperative
            product.save()
        return made

    small = counts(grow(4))
    large = counts(grow(4) + grow(20))

    assert large == small
    assert small == PINNED_CMS
