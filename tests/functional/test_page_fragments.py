"""Shop page parts cached for every shopper (marketplace.page_fragments): fresh after each
change, never carrying one visitor's basket, login, token or language to another."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from marketplace import page_fragments
from tests.factories import ocop_product

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
def pages(home_page, tea_category, tea):
    return {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": tea_category.get_absolute_url(),
        "product": tea.get_absolute_url(),
    }


@pytest.fixture
def stored(monkeypatch):
    """The fragments stored from now on, by key."""
    kept = {}
    store = page_fragments.fragment_store

    def spy(key, html):
        kept[key] = html
        return store(key, html)

    monkeypatch.setattr(page_fragments, "fragment_store", spy)
    return kept


@pytest.fixture
def english_pages(pages, home_page):
    from tests.cms_pages import translate

    translate(home_page, title="OCOP market", hero_heading="OCOP specialities")
    return {**{name: f"/en{url}" for name, url in pages.items()}, "home": "/en/"}


def _warm(client, pages):
    for url in pages.values():
        _text(client.get(url))
        _text(client.get(url))


def test_the_pages_cache_their_shared_parts_with_no_token_and_no_nonce(client, pages, stored):
    _warm(client, pages)
    # Once each: the header's category menu, the home page's body, two parts of each
    # listing, three of the product page.
    assert len(stored) == 1 + 1 + 2 + 2 + 3
    csrf = client.cookies["csrftoken"].value
    for html in stored.values():
        assert "nonce=" not in html
        assert csrf not in html
    assert any(page_fragments.CSRF_MARK in html for html in stored.values())


def test_a_fragment_with_a_nonce_is_never_stored():
    key = page_fragments.fragment_key("test", ["catalogue"], ["x"])

    assert page_fragments.fragment_store(key, '<script nonce="abc">x()</script>') is False
    assert page_fragments.fragment_get(key) is None


def test_a_price_change_shows_at_once_on_every_page(client, pages, tea):
    _warm(client, pages)
    record = tea.stockrecords.get()
    record.price = Decimal(99000)
    record.save()

    for url in pages.values():
        text = _text(client.get(url))
        assert "99.000 ₫" in text, url
        assert "125.000 ₫" not in text, url


def test_a_stock_change_shows_at_once_on_every_page(client, english_pages, tea):
    pages = english_pages
    client.cookies["django_language"] = "en"
    _warm(client, pages)
    basket_add = reverse("basket:add", kwargs={"pk": tea.pk})
    assert "In stock (20 available)" in _text(client.get(pages["product"]))
    record = tea.stockrecords.get()
    record.num_in_stock = 5
    record.save()
    assert "In stock (5 available)" in _text(client.get(pages["product"]))
    record.num_in_stock = 0
    record.save()

    for page in ("home", "catalogue", "category"):
        assert f'action="{basket_add}"' not in _text(client.get(pages[page])), page
    assert "In stock" not in _text(client.get(pages["product"]))


def test_a_hidden_product_leaves_every_page_at_once(client, pages, tea):
    _warm(client, pages)
    tea.is_public = False
    tea.save()

    for page in ("home", "catalogue", "category"):
        assert "Chè Tân Cương đặc biệt" not in _text(client.get(pages[page])), page
    assert client.get(pages["product"]).status_code == 404


def _csrf_in_page(html):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def test_two_shoppers_never_see_each_others_basket_login_or_token(pages, tea, django_user_model):
    lan = Client(enforce_csrf_checks=True)
    lan.force_login(django_user_model.objects.create_user(
        username="lan", email="lan@example.vn", password="x", first_name="Lan"
    ))  # fmt: skip
    lan.get(pages["catalogue"])
    token = lan.cookies["csrftoken"].value
    added = lan.post(reverse("basket:add", kwargs={"pk": tea.pk}),
                     {"quantity": 3, "csrfmiddlewaretoken": token})  # fmt: skip
    assert added.status_code == 302
    lan_pages = {page: _text(lan.get(url)) for page, url in pages.items()}  # stores them

    visitor = Client(enforce_csrf_checks=True)
    for page, url in pages.items():
        html = _text(visitor.get(url))
        assert "lan@example.vn" not in html and "Lan" not in html.split("<main")[-1], page
        assert "375.000 ₫" not in html, page  # Lan's basket total
        assert _csrf_in_page(html).isdisjoint(_csrf_in_page(lan_pages[page])), page

    # The token in the visitor's cached product card is the visitor's own: it is accepted.
    html = _text(visitor.get(pages["catalogue"]))
    (visitor_token,) = _csrf_in_page(html.split('class="product-grid')[-1]) or {None}
    response = visitor.post(reverse("basket:add", kwargs={"pk": tea.pk}),
                            {"quantity": 1, "csrfmiddlewaretoken": visitor_token})  # fmt: skip
    assert response.status_code == 302


def test_english_and_vietnamese_visitors_each_get_their_language(pages, english_pages):
    vietnamese, english = Client(), Client()
    english.cookies["django_language"] = "en"

    for page, url in pages.items():
        vi_html = _text(vietnamese.get(url))  # cached in Vietnamese first
        en_html = _text(english.get(english_pages[page]))
        assert 'lang="en"' in en_html and 'lang="vi"' in vi_html, page
        if page == "product":
            assert "Product Information" in en_html and "Thông tin sản phẩm" in vi_html
        else:
            assert "Add to cart" in en_html and "Add to cart" not in vi_html, page
            assert "Thêm vào giỏ hàng" in vi_html and "Thêm vào giỏ hàng" not in en_html, page


def test_a_home_page_preview_is_neither_served_from_nor_stored_in_the_cache(
    client, pages, home_page
):
    _warm(client, pages)
    draft = type(home_page).objects.get(pk=home_page.pk)
    draft.body = "<p>Bản nháp chưa đăng</p>"

    preview = draft.make_preview_request()

    assert "Bản nháp chưa đăng" in preview.render().content.decode()
    assert "Bản nháp chưa đăng" not in _text(client.get("/"))
