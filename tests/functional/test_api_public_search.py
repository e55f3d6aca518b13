"""The public API's search (search server or database), what sellers type, the schema and
the limit per address."""

import json

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests import search_data
from tests.factories import ocop_product
from tests.functional.test_stored_xss import PAYLOAD, _assert_clean

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

SEARCH = "/api/v1/search/"
PUBLIC_NAMES = ("product-list", "product-detail", "product-lots", "lot-detail", "category-list",
                "category-detail", "cooperative-list", "cooperative-detail", "search")  # fmt: skip
PATH_KWARGS = {"product-detail": {"pk": 1}, "product-lots": {"pk": 1},
               "lot-detail": {"short_code": "X"}, "category-detail": {"slug": "x"},
               "cooperative-detail": {"slug": "x"}}  # fmt: skip


def _titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def _database_listing_fails(monkeypatch):
    def refuse(**kwargs):
        raise AssertionError("the database listing answered, not the search server")

    monkeypatch.setattr("search.selectors.product_listing", refuse)


def test_search_is_served_by_the_search_server(client, search_server, monkeypatch):
    products = search_data.catalogue()
    search_server.rebuild()
    _database_listing_fails(monkeypatch)

    response = client.get(SEARCH, {"q": "che thai nguyen"})

    assert _titles(response)[0] == "Chè Thái Nguyên Tân Cương"
    item = response.json()["results"][0]
    assert item["id"] == products["thai_nguyen_tea"].pk
    assert item["ocop_stars"] == 5 and item["price"] == 250000
    assert item["cooperative"]["slug"] == "htx-tan-cuong"
    # The same shape as /products/ writes.
    detail = client.get(f"/api/v1/products/{item['id']}/").json()
    assert item == detail


def test_search_pages_through_the_search_servers_hits(client, search_server, monkeypatch):
    search_data.catalogue()
    search_server.rebuild()
    _database_listing_fails(monkeypatch)

    first = client.get(SEARCH, {"q": "chè", "page_size": 2}).json()
    assert first["count"] >= 3 and len(first["results"]) == 2
    assert "page=2" in first["next"] and first["previous"] is None
    second = client.get(SEARCH, {"q": "chè", "page_size": 2, "page": 2}).json()
    assert not {p["id"] for p in first["results"]} & {p["id"] for p in second["results"]}
    assert client.get(SEARCH, {"q": "chè", "page": 500}).status_code == 404


def test_without_a_search_server_the_database_answers(client):
    search_data.catalogue()  # ES_URL is blank in tests

    assert _titles(client.get(SEARCH, {"q": "che thai nguyen"})) == ["Chè Thái Nguyên Tân Cương"]
    assert _titles(client.get(SEARCH, {"q": "không có gì"})) == []
    english = client.get(SEARCH, {"q": "hoa nhan", "lang": "en"})
    assert english["Content-Language"] == "en"
    assert _titles(english) == ["Mật ong hoa nhãn"]
    assert english.json()["results"][0]["url"].startswith("http://127.0.0.1:8000/en/shop/")


def test_with_the_search_server_down_the_database_answers(client, search_server, settings):
    search_data.catalogue()
    search_server.rebuild()
    settings.ES_URL = "http://127.0.0.1:9"  # nothing listens there

    assert _titles(client.get(SEARCH, {"q": "che thai nguyen"})) == ["Chè Thái Nguyên Tân Cương"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Hãy nhập từ khoá tìm kiếm (tham số q)."),
        ({"q": ""}, "Hãy nhập từ khoá tìm kiếm (tham số q)."),
        ({"q": "   "}, "Hãy nhập từ khoá tìm kiếm (tham số q)."),
        ({"q": "chè " * 60}, "Từ khoá tìm kiếm dài tối đa 200 ký tự."),
    ],
)
def test_search_needs_a_text_of_a_sane_length(client, params, message):
    response = client.get(SEARCH, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"q": [message]}


@pytest.mark.parametrize("page", ["0", "abc", "9" * 5000, "²", "2"])
def test_a_search_page_that_does_not_exist_is_a_404(client, cooperative, page):
    ocop_product(cooperative=cooperative, title="Chè xanh", price=1000)

    response = client.get(SEARCH, {"q": "che", "page": page})

    assert response.status_code == 404
    assert response.json() == {"detail": "Không có trang kết quả này."}


def test_a_sellers_script_comes_out_harmless(client, cooperative):
    product = ocop_product(cooperative=cooperative, title="<script>window.__xss=1</script>Chè",
                           price=1000)  # fmt: skip
    # Stored as it came, as HTML saved before the sanitiser (or by a shell) would be.
    Product.objects.filter(pk=product.pk).update(description_vi=PAYLOAD)

    response = client.get(f"/api/v1/products/{product.pk}/")

    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    item = response.json()
    assert item["description"].startswith("<p>Chè <strong>búp</strong> hái sáng.</p>")
    for live in ("<script", "<img", "<svg", "onerror", "onclick", "javascript:", "style="):
        assert live not in item["description"]
    assert "__xss" not in item["description"] and "__xss" not in item["description_text"]
    # A title is text, given as it was typed: JSON is no page; a page escapes it.
    assert item["title"] == "<script>window.__xss=1</script>Chè"
    for url in (f"/api/v1/products/{product.pk}/", "/api/v1/products/", f"{SEARCH}?q=che"):
        page = client.get(url, HTTP_ACCEPT="text/html")  # the browsable API
        assert page.status_code == 200
        assert page["Content-Type"].startswith("text/html")
        _assert_clean(page.content.decode())


def test_the_schema_declares_every_public_endpoint_and_its_errors(client):
    response = client.get(reverse("api:schema"), {"format": "json"})
    schema = json.loads(response.content)

    paths = schema["paths"]
    for name in PUBLIC_NAMES:
        path = reverse(f"api:{name}", kwargs=PATH_KWARGS.get(name))
        path = path.replace("/1/", "/{id}/").replace("/X/", "/{short_code}/")
        path = path.replace("/x/", "/{slug}/")
        operation = paths[path]["get"]
        assert set(paths[path]) <= {"get", "parameters"}, path  # read-only
        assert {"200", "404", "429"} <= set(operation["responses"]), path
        assert "lang" in {p["name"] for p in operation["parameters"]}, path
        assert operation["security"] == [{}], path  # no authentication
    assert "400" in paths["/api/v1/products/"]["get"]["responses"]
    assert "400" in paths["/api/v1/search/"]["get"]["responses"]
    filters = {p["name"] for p in paths["/api/v1/products/"]["get"]["parameters"]}
    assert {"category", "cooperative", "province", "min_stars", "in_stock", "page"} <= filters
    product = schema["components"]["schemas"]["PublicProduct"]["properties"]
    assert product["availability"]["allOf"][0]["$ref"].endswith("AvailabilityEnum")
    assert product["price"]["nullable"] is True
    assert client.get(reverse("api:docs")).status_code == 200


def test_past_the_limit_an_address_gets_a_429_in_json(client, real_rate_limits):
    statuses = [client.get("/api/v1/categories/").status_code for _ in range(120)]
    assert set(statuses) == {200}

    response = client.get("/api/v1/cooperatives/")  # one budget for every public endpoint

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["detail"]
    assert 0 < int(response["Retry-After"]) <= 60
