"""Whole pages kept for visitors without a session, basket or message (marketplace.page_cache):
served with each visitor's own token, nonce and history, fresh after every change, never
kept for anyone else."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from marketplace import page_cache
from marketplace.analytics import buffer
from tests import cms_pages
from tests.factories import ocop_product
from tests.functional.test_query_counts import _grow_catalogue, _queries

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _text(response):
    assert response.status_code == 200
    return response.content.decode().replace(NBSP, " ")


@pytest.fixture
def tea(cooperative, tea_category):
    return ocop_product(cooperative=cooperative, title="Chè Tân Cương đặc biệt", price=125000,
                        category=tea_category, num_in_stock=20)  # fmt: skip


@pytest.fixture
def honey(cooperative, tea_category):
    return ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn", price=180000,
                        category=tea_category, num_in_stock=20)  # fmt: skip


@pytest.fixture
def pages(home_page, tea_category, tea):
    return {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": tea_category.get_absolute_url(),
        "search": "/shop/search/?q=che",
        "product": tea.get_absolute_url(),
    }


@pytest.fixture
def stored(monkeypatch):
    """The pages stored from now on: {cache key: entry}."""
    kept = {}
    store = page_cache.store

    def spy(key, entry, timeout):
        kept[key] = {**entry, "timeout": timeout}
        return store(key, entry, timeout)

    monkeypatch.setattr(page_cache, "store", spy)
    return kept


def _kept(url, client=None):
    """Ask for ``url`` twice, so that it is kept (the first request only leaves a note)."""
    client = client or Client()
    _text(client.get(url))
    return _text(client.get(url))


def _csrf_in_page(html):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def _nonces(html):
    return set(re.findall(r'<script nonce="([^"]+)"', html))


def test_a_page_is_kept_the_second_time_it_is_asked_for(tea, stored):
    url = tea.get_absolute_url()
    client = Client()
    client.get(url)
    assert stored == {}

    client.get(url)

    assert len(stored) == 1


def test_whole_pages_kept_for_visitors_without_state_cost_no_query_whatever_the_catalogue(
    client, home_page, tea_category, search_server
):
    """Home, catalogue, category, search, product and CMS pages, kept: no query at all, with
    4 products as with 34."""

    def counts(products):
        search_server.rebuild()
        campaign = cms_pages.campaign(home_page, rule_category=tea_category, grid_size=48)
        urls = {
            "home": "/",
            "catalogue": "/shop/catalogue/",
            "category": tea_category.get_absolute_url(),
            "search": "/shop/search/?q=che+bup&province=25",
            "product": products[0].get_absolute_url(),
            "campaign": campaign.url,
        }
        found = {}
        for page, url in urls.items():
            _kept(url, client)
            found[page] = _queries(client, url, cached=True)
        campaign.delete()
        return found

    small = counts(_grow_catalogue(tea_category, 4))
    large = counts(_grow_catalogue(tea_category, 30))

    assert large == small == dict.fromkeys(small, 0)


def test_a_kept_page_carries_each_visitors_own_csrf_token_and_nonce(pages, tea, stored):
    first = Client(enforce_csrf_checks=True)
    for url in pages.values():
        _kept(url, first)
    for entry in stored.values():
        assert _csrf_in_page(entry["content"]) <= {page_cache.CSRF_MARK}
        assert _nonces(entry["content"]) <= {page_cache.NONCE_MARK}

    visitor = Client(enforce_csrf_checks=True)
    for page, url in pages.items():
        response = visitor.get(url)
        html = _text(response)
        assert page_cache.CSRF_MARK not in html and page_cache.NONCE_MARK not in html, page
        (nonce,) = _nonces(html)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"], page

    # The token in the kept product page is the visitor's own: adding to the basket works.
    (token,) = _csrf_in_page(
        _text(visitor.get(pages["product"])).split('id="add_to_basket_form"')[-1]
    )
    added = visitor.post(reverse("basket:add", kwargs={"pk": tea.pk}),
                         {"quantity": 1, "csrfmiddlewaretoken": token})  # fmt: skip
    assert added.status_code == 302


def test_a_shopper_with_a_basket_or_a_login_gets_pages_rendered_for_them(
    pages, tea, customer, stored
):
    for url in pages.values():
        _kept(url)
    kept = len(stored)

    shopper = Client()
    shopper.get(pages["catalogue"])
    token = shopper.cookies["csrftoken"].value
    shopper.post(reverse("basket:add", kwargs={"pk": tea.pk}),
                 {"quantity": 3, "csrfmiddlewaretoken": token})  # fmt: skip
    signed_in = Client()
    signed_in.force_login(customer)

    for page, url in pages.items():
        assert "375.000 ₫" in _text(shopper.get(url)), page  # the basket's total, in the header
        assert customer.email not in _text(Client().get(url)), page
        assert "/shop/accounts/logout/" in _text(signed_in.get(url)), page
    assert len(stored) == kept


def test_changes_show_at_once_on_kept_pages(pages, tea):
    for url in pages.values():
        _kept(url)
    record = tea.stockrecords.get()
    record.price = Decimal(99000)
    record.save()

    for page, url in pages.items():
        text = _text(Client().get(url))
        assert "99.000 ₫" in text and "125.000 ₫" not in text, page

    tea.is_public = False
    tea.save()
    assert Client().get(pages["product"]).status_code == 404


def test_a_published_batch_shows_at_once_on_the_kept_product_page(tea, cooperative):
    from tests.factories import trace_batch

    url = tea.get_absolute_url()
    assert "Nguồn gốc và truy xuất" not in _kept(url)

    trace_batch(cooperative=cooperative, product=tea, kinds=["harvest"], photos_per_event=0)

    assert "Nguồn gốc và truy xuất" in _text(Client().get(url))


def test_product_views_are_counted_and_the_history_kept_for_kept_pages(tea, honey):
    buffer.drain()
    _kept(tea.get_absolute_url())
    _kept(honey.get_absolute_url())
    buffer.drain()

    visitor = Client()
    visitor.get(tea.get_absolute_url())
    response = visitor.get(honey.get_absolute_url())  # kept: served from the cache

    assert buffer.drain()[0] == {tea.pk: 1, honey.pk: 1}
    assert json.loads(response.cookies["oscar_history"].value) == [tea.pk, honey.pk]


def test_recently_viewed_products_are_each_visitors_own(tea, honey):
    _kept(honey.get_absolute_url())

    lan = Client()
    lan.get(tea.get_absolute_url())
    lans_page = _text(lan.get(honey.get_absolute_url()))
    newcomers_page = _text(Client().get(honey.get_absolute_url()))

    viewed = "sản phẩm bạn đã xem gần đây"
    assert viewed in lans_page and tea.get_absolute_url() in lans_page
    assert viewed not in newcomers_page and tea.get_absolute_url() not in newcomers_page
    assert page_cache.hole("recently-viewed") not in lans_page + newcomers_page


@pytest.mark.parametrize("cookie", ['["a", {}]', "[-1, 1e9, null]", '"x"', "{bad json"])
def test_a_forged_history_cookie_is_ignored(tea, cookie):
    for client in (Client(), Client()):
        client.cookies["oscar_history"] = cookie
        assert client.get(tea.get_absolute_url()).status_code == 200
    signed_in = Client()
    signed_in.cookies["oscar_history"] = cookie
    signed_in.cookies["sessionid"] = "no-such-session"
    assert signed_in.get(tea.get_absolute_url()).status_code == 200


def test_a_listing_from_the_database_while_the_search_server_is_away_is_kept_only_till_retry(
    tea, search_server, settings, stored
):
    search_server.rebuild()
    settings.ES_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.ES_RETRY_SECONDS = 7
    _kept("/shop/catalogue/")
    _kept("/shop/search/?q=che")

    assert [entry["timeout"] for entry in stored.values()] == [7, 7]


def test_unknown_query_parameters_get_the_page_rendered_and_nothing_kept(pages, stored):
    for url in ("/shop/catalogue/?utm_source=zalo", "/shop/search/?q=che&x=1", "/?ref=fb"):
        _kept(url)

    assert stored == {}


def test_missing_pages_and_redirects_are_not_kept(tea, stored):
    for url in ("/shop/catalogue/khong-co_999999/", f"/shop/catalogue/sai-ten_{tea.pk}/",
                "/khong-co-trang-nay/"):  # fmt: skip
        client = Client()
        statuses = {client.get(url).status_code for _ in range(3)}
        assert statuses <= {301, 404}, url

    assert stored == {}


def test_a_cms_page_is_kept_no_longer_than_until_the_next_page_expires(home_page, stored):
    campaign = cms_pages.campaign(home_page, expire_at=timezone.now() + timedelta(seconds=90))

    _kept(campaign.url)
    _kept("/")

    assert stored and all(0 < entry["timeout"] <= 90 for entry in stored.values())


def test_an_unpublished_page_leaves_the_cache_at_once(home_page):
    campaign = cms_pages.campaign(home_page)
    assert "Quà Tết OCOP" in _kept(campaign.url)

    campaign.unpublish()

    assert Client().get(campaign.url).status_code == 404


def test_the_page_cache_can_be_turned_off(pages, settings, stored):
    settings.PAGE_CACHE_SECONDS = 0
    for url in pages.values():
        _kept(url)

    assert stored == {}
