"""Catalogue, category and search pages served by the search server: facets, filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories, search_data

pytestmark = pytest.mark.django_db

PHU_THO, THAI_NGUYEN = str(search_data.PHU_THO), str(search_data.THAI_NGUYEN)


@pytest.fixture
def products(search_server):
    catalogue = search_data.catalogue()
    search_server.rebuild()
    return catalogue


def _titles(response):
    return [p.title for p in response.context["products"]]


def _facet(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {o.label: o.count for o in facet.options}


def test_the_search_page_is_served_by_the_search_server(client, products):
    response = client.get(reverse("search:search"), {"q": "che thai nguyen"})
    assert response.status_code == 200
    assert response.context["from_search_server"] is True
    assert _titles(response)[0] == "Chè Thái Nguyên Tân Cương"


def test_selecting_phu_tho_and_5_stars_narrows_with_correct_counts(client, products):
    response = client.get(reverse("catalogue:index"), {"province": PHU_THO, "stars": "5"})
    assert _titles(response) == ["Chè xanh Phú Thọ"]
    # Each facet counts with the other facets' selections applied.
    provinces = _facet(response, "province")
    assert provinces["Phú Thọ"] == 1
    assert provinces["Thái Nguyên"] == 1
    assert provinces["Thanh Hóa"] == 1
    assert _facet(response, "stars") == {"5 sao": 1, "4 sao": 1, "3 sao": 1}
    assert [o.label for o in response.context["active_filters"]] == ["Phú Thọ", "5 sao"]


def test_several_values_of_one_facet_widen_the_results(client, products):
    response = client.get(reverse("catalogue:index"), {"province": [PHU_THO, THAI_NGUYEN]})
    assert sorted(_titles(response)) == [
        "Chè Thái Nguyên Tân Cương", "Chè búp Long Cốc", "Chè xanh Phú Thọ", "Chẻ tre đan giỏ",
    ]  # fmt: skip
    assert response.context["paginator"].count == 4


def test_an_active_filter_links_to_the_page_without_it(client, products):
    response = client.get(reverse("catalogue:index"), {"province": PHU_THO, "stars": "5"})
    stars = next(o for o in response.context["active_filters"] if o.label == "5 sao")
    assert stars.url == f"{reverse('catalogue:index')}?province={PHU_THO}"
    assert len(_titles(client.get(stars.url))) == 3


def test_price_stock_and_certificate_facets(client, products):
    cheap = client.get(reverse("catalogue:index"), {"price": "0-100000"})
    assert sorted(_titles(cheap)) == ["Chè xanh Phú Thọ", "Chẻ tre đan giỏ", "Gạo ST25 đặc sản",
                                      "Xôi nếp Hòa Bình"]  # fmt: skip
    in_stock = client.get(reverse("catalogue:index"), {"in_stock": "1"})
    assert "Nước mắm cốt" not in _titles(in_stock)
    assert _facet(in_stock, "in_stock") == {"Còn hàng": 7}
    ocop = client.get(reverse("catalogue:index"), {"cert": "ocop"})
    assert response_count(ocop) == 6


def response_count(response):
    return response.context["paginator"].count


def test_stars_count_only_valid_certificates(client, search_server):
    cooperative = factories.CooperativeFactory()
    lapsed = search_data.product(cooperative, "Chè hết hạn sao", 100_000)
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    factories.ocop_certificate(product=lapsed, stars=5, issued_on=today - datetime.timedelta(
        days=1200), expires_on=today - datetime.timedelta(days=1))  # fmt: skip
    search_data.product(cooperative, "Chè còn hạn sao", 100_000, stars=4)
    search_server.rebuild()
    response = client.get(reverse("catalogue:index"))
    assert _facet(response, "stars") == {"4 sao": 1}
    assert _titles(client.get(reverse("catalogue:index"), {"stars": "5"})) == []


def test_sorting_by_price(client, products):
    response = client.get(reverse("catalogue:index"), {"sort_by": "price-asc"})
    prices = [int(p.stockrecords.all()[0].price) for p in response.context["products"]]
    assert prices == sorted(prices)
    response = client.get(reverse("catalogue:index"), {"sort_by": "price-desc"})
    prices = [int(p.stockrecords.all()[0].price) for p in response.context["products"]]
    assert prices == sorted(prices, reverse=True)


def test_the_category_page_lists_its_products_from_the_search_server(client, products):
    category = products["honey"].categories.get()
    response = client.get(category.get_absolute_url())
    assert response.context["from_search_server"] is True
    assert _titles(response) == ["Mật ong hoa nhãn"]


def test_a_zero_result_search_suggests_a_spelling_and_categories(client, products):
    response = client.get(reverse("search:search"), {"q": "mật og hoa nhãn"})
    assert response.status_code == 200
    assert response.context["suggestion"] == "mat ong hoa nhan"
    html = response.content.decode()
    assert 'data-testid="did-you-mean"' in html
    assert "zero-result-categories" in html


def test_pagination_takes_the_count_from_the_search_server(client, products, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 3
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("catalogue:index"), {"page": "2"})
    assert response.context["paginator"].count == 8
    assert len(response.context["products"]) == 3
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.parametrize("params", [
    {"province": "abc", "stars": "9", "price": "1-2", "cert": "<script>"},
    {"category": "99999999999999", "cooperative": "../../etc"},
    {"q": "x" * 500},
    {"sort_by": "drop table"},
    {"page": "-1"},
    {"page": "9" * 5000},
    {"page": "²"},
])  # fmt: skip
def test_bad_query_strings_never_fail(client, products, params):
    response = client.get(reverse("search:search"), params)
    assert response.status_code in (200, 302)


def test_undecodable_bytes_in_the_query_never_fail(client, products):
    response = client.get("/shop/search/?q=%ED%A0%80%FF&province=%FF")
    assert response.status_code == 200
    # A NUL byte is never part of a search: the request guard refuses it with a 400.
    assert client.get("/shop/search/?q=%00").status_code == 400


def test_a_page_beyond_the_last_redirects_with_a_message(client, products):
    response = client.get(reverse("catalogue:index"), {"page": "99"})
    assert response.status_code == 302
