"""A shopper browses the storefront: home page, catalogue, category, product, basket."""

import pytest
from django.urls import reverse

from tests.factories import category, ocop_product

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _text(response):
    return response.content.decode().replace(NBSP, " ")


@pytest.fixture
def tea(cooperative, tea_category):
    return ocop_product(
        cooperative=cooperative, title="Chè Tân Cương đặc biệt", price=125000,
        category=tea_category,
    )  # fmt: skip


@pytest.fixture
def honey(cooperative):
    return ocop_product(
        cooperative=cooperative, title="Mật ong hoa nhãn", price=1250000,
        category=category("Mật ong"),
    )  # fmt: skip


def test_home_page_is_the_wagtail_page_with_featured_products_in_vnd(client, home_page, tea):
    response = client.get("/")

    assert response.status_code == 200
    assert response.templates[0].name == "cms/home_page.html"
    assert "Chè Tân Cương đặc biệt" in _text(response)
    assert "125.000 ₫" in _text(response)


def test_home_page_without_products_says_so(client, home_page):
    response = client.get("/")

    assert "Chưa có sản phẩm nào" in _text(response)


def test_catalogue_lists_products_with_vnd_prices_in_vietnamese(client, tea, honey):
    response = client.get(reverse("catalogue:index"))

    text = _text(response)
    assert response.status_code == 200
    assert 'lang="vi"' in text
    assert "Chè Tân Cương đặc biệt" in text and "Mật ong hoa nhãn" in text
    assert "125.000 ₫" in text and "1.250.000 ₫" in text
    assert "Thêm vào giỏ hàng" in text


def test_category_page_lists_only_that_categorys_products(client, tea, honey, tea_category):
    response = client.get(tea_category.get_absolute_url())

    text = _text(response)
    assert "Chè Tân Cương đặc biệt" in text
    assert "Mật ong hoa nhãn" not in text


def test_catalogue_sorts_by_price(client, tea, honey):
    response = client.get(reverse("catalogue:index"), {"sort_by": "price-desc"})

    assert [p.pk for p in response.context["products"]] == [honey.pk, tea.pk]


def test_catalogue_with_a_bad_page_number_redirects_with_a_message(client, tea):
    response = client.get(reverse("catalogue:index"), {"page": "99"}, follow=True)

    assert response.status_code == 200
    assert "Số trang không hợp lệ" in _text(response)


def test_catalogue_ignores_an_unknown_sort_order(client, tea):
    response = client.get(reverse("catalogue:index"), {"sort_by": "<script>"})

    assert response.status_code == 200
    assert "<script>" not in _text(response).split("<body", 1)[1].split("</form>", 1)[0]


def test_catalogue_filters_by_cooperative(client, tea, honey, cooperative):
    from tests.factories import CooperativeFactory

    other = CooperativeFactory()
    rice = ocop_product(cooperative=other, title="Gạo ST25", price=190000)

    response = client.get(reverse("catalogue:index"), {"cooperative": other.slug})

    assert [p.pk for p in response.context["products"]] == [rice.pk]


def test_search_finds_products_by_title(client, tea, honey):
    response = client.get(reverse("search:search"), {"q": "mật ong"})

    text = _text(response)
    assert response.status_code == 200
    assert "Mật ong hoa nhãn" in text
    assert "Chè Tân Cương đặc biệt" not in text


def test_search_with_no_result_offers_the_whole_catalogue(client, tea):
    response = client.get(reverse("search:search"), {"q": "không có gì"})

    assert "Không tìm thấy sản phẩm nào" in _text(response)
    assert reverse("catalogue:index") in _text(response)


def test_product_page_shows_price_and_add_to_basket(client, tea):
    response = client.get(tea.get_absolute_url())

    text = _text(response)
    assert response.status_code == 200
    assert "125.000 ₫" in text
    assert "Còn hàng" in text


def test_adding_to_the_basket_totals_in_vnd(client, tea):
    client.post(reverse("basket:add", kwargs={"pk": tea.pk}), {"quantity": 2}, HTTP_REFERER="/")

    response = client.get(reverse("basket:summary"))

    assert "250.000 ₫" in _text(response)


def test_switching_to_english_and_back(client, tea):
    url = reverse("catalogue:index")
    switched = client.post(reverse("set_language"), {"language": "en", "next": f"/en{url}"})
    english = _text(client.get(switched["Location"]))
    switched = client.post(reverse("set_language"), {"language": "vi", "next": url})
    vietnamese = _text(client.get(switched["Location"]))

    assert 'lang="en"' in english and "Add to cart" in english and "In stock" in english
    assert "125.000 ₫" in english
    assert 'lang="vi"' in vietnamese and "Thêm vào giỏ hàng" in vietnamese


def test_unknown_pages_get_the_friendly_bilingual_404(client, home_page):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang này" in _text(response)
    assert "Page not found" in _text(response)


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(client, tea):
    url = reverse("catalogue:index")

    first = _text(client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"))
    client.post(reverse("set_language"), {"language": "en", "next": f"/en{url}"})
    chosen = _text(client.get(f"/en{url}", HTTP_ACCEPT_LANGUAGE="vi"))

    assert 'lang="vi"' in first
    assert 'lang="en"' in chosen


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client, tea):
    client.cookies["django_language"] = "xx"

    assert 'lang="vi"' in _text(client.get(reverse("catalogue:index")))
