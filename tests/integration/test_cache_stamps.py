"""Cache stamps: a change to what shoppers see replaces the stamp its caches are under."""

import pytest
from django.core.cache import cache

from marketplace import cache_stamps
from tests.factories import category, home_page, ocop_product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_a_key_is_the_same_until_the_stamp_is_bumped():
    first = cache_stamps.cache_key("catalogue", "q=mat ong", "page=1")

    assert cache_stamps.cache_key("catalogue", "q=mat ong", "page=1") == first
    assert cache_stamps.cache_key("catalogue", "q=mat ong", "page=2") != first
    cache_stamps.bump("catalogue")
    assert cache_stamps.cache_key("catalogue", "q=mat ong", "page=1") != first


def test_product_stock_and_category_changes_bump_the_catalogue_stamp(
    cooperative, django_capture_on_commit_callbacks
):
    before = cache_stamps.current("catalogue")
    with django_capture_on_commit_callbacks(execute=True):
        product = ocop_product(cooperative=cooperative, title="Mật ong", price=180000)
    after_product = cache_stamps.current("catalogue")
    stock = product.stockrecords.get()
    stock.num_in_stock = 0
    stock.save()
    after_stock = cache_stamps.current("catalogue")
    category("Quà tặng")

    assert len({before, after_product, after_stock, cache_stamps.current("catalogue")}) == 4


def test_a_published_page_bumps_the_cms_stamp_not_the_catalogue_one():
    page = home_page()
    catalogue, cms = cache_stamps.current("catalogue"), cache_stamps.current("cms")
    page.save_revision().publish()

    assert cache_stamps.current("cms") != cms
    assert cache_stamps.current("catalogue") == catalogue
