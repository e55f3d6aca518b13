"""The public API's catalogue: products, categories and cooperatives, as the shop shows them.

Only what the catalogue lists (public products of approved cooperatives), OCOP stars
from valid certificates only, texts in ``?lang=``, the cooperatives' public profile
only, and a query count that does not grow with the page.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.services import certificate_revoke
from tests.factories import (
    CooperativeFactory,
    category,
    jpeg_upload,
    ocop_certificate,
    ocop_product,
    seller_profile,
)

pytestmark = pytest.mark.django_db

Cooperative = get_model("partner", "Cooperative")
ProductImage = get_model("catalogue", "ProductImage")

SITE = "http://127.0.0.1:8000"
PRODUCT_KEYS = {
    "id", "url", "gtin", "title", "description", "description_text", "categories",
    "cooperative", "origin_province_code", "origin_province", "origin_ward", "net_content",
    "ocop_stars", "certificates", "price", "currency", "availability", "num_available",
    "images", "lots_url",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def tea(cooperative):
    green = category("Chè > Chè xanh")
    product = ocop_product(cooperative=cooperative, title="Chè xanh Cẩm Khê", price=125000,
                           category=green, upc="8934567890120")  # fmt: skip
    product.title_en = "Cam Khe green tea"
    product.description_vi = "<p>Chè <strong>búp</strong> hái sáng.</p>"
    product.description_en = "<p>Tea buds picked at dawn.</p>"
    product.net_content = "500 g"
    product.save()
    ProductImage.objects.create(product=product, original=jpeg_upload("che.jpg"), display_order=0)
    ocop_certificate(product=product, stars=4)
    return product


def _get(client, name, *, kwargs=None, **params):
    response = client.get(reverse(f"api:{name}", kwargs=kwargs), params)
    assert response["Content-Type"] == "application/json"
    return response


def _ids(response):
    return [item["id"] for item in response.json()["results"]]


def test_a_product_has_the_shops_data_in_vietnamese(client, tea, cooperative):
    response = _get(client, "product-list")

    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    body = response.json()
    assert (body["count"], body["next"], body["previous"]) == (1, None, None)
    item = body["results"][0]
    assert set(item) == PRODUCT_KEYS
    assert item["id"] == tea.pk
    assert item["url"] == f"{SITE}/shop/catalogue/{tea.slug}_{tea.pk}/"
    assert item["gtin"] == "8934567890120"
    assert item["title"] == "Chè xanh Cẩm Khê"
    assert item["description"] == "<p>Chè <strong>búp</strong> hái sáng.</p>"
    assert item["description_text"] == "Chè búp hái sáng."
    assert item["categories"] == [{"slug": "che-xanh", "name": "Chè xanh"}]
    assert item["cooperative"] == {
        "slug": cooperative.slug,
        "name": cooperative.name,
        "url": f"{SITE}/shop/cooperatives/{cooperative.slug}/",
    }
    assert (item["origin_province_code"], item["origin_province"]) == (25, "Phú Thọ")
    assert item["origin_ward"] == "Xã Cẩm Khê"
    assert item["net_content"] == "500 g"
    assert item["ocop_stars"] == 4
    [certificate] = item["certificates"]
    assert certificate["kind"] == "ocop" and certificate["stars"] == 4
    assert certificate["decision_number"] == f"{tea.pk}/QĐ-UBND"
    assert certificate["authority"] == "UBND tỉnh Phú Thọ"
    assert certificate["issued_on"] == tea.certificates.get().issued_on.isoformat()
    assert certificate["expires_on"] == tea.certificates.get().expires_on.isoformat()
    assert (item["price"], item["currency"]) == (125000, "VND")
    assert (item["availability"], item["num_available"]) == ("in_stock", 20)
    [image] = item["images"]
    assert image.startswith(f"{SITE}/media/") and image.endswith(".jpg")
    assert item["lots_url"] == f"{SITE}/api/v1/products/{tea.pk}/lots/"
    assert _get(client, "product-detail", kwargs={"pk": tea.pk}).json() == item


def test_english_texts_and_addresses_with_lang_en(client, tea, cooperative):
    item = _get(client, "product-detail", kwargs={"pk": tea.pk}, lang="en")

    assert item["Content-Language"] == "en"
    item = item.json()
    assert item["title"] == "Cam Khe green tea"
    assert item["description"] == "<p>Tea buds picked at dawn.</p>"
    assert item["url"] == f"{SITE}/en/shop/catalogue/{tea.slug}_{tea.pk}/"
    assert item["cooperative"]["url"] == f"{SITE}/en/shop/cooperatives/{cooperative.slug}/"
    assert item["lots_url"] == f"{SITE}/api/v1/products/{tea.pk}/lots/?lang=en"
    # Nothing written in English: the Vietnamese text, as the English shop shows.
    assert item["categories"] == [{"slug": "che-xanh", "name": "Chè xanh"}]
    # An unknown language is refused, in Vietnamese, rather than answered in a guess.
    refused = client.get(reverse("api:product-list"), {"lang": "fr"})
    assert refused.status_code == 400 and refused["Content-Language"] == "vi"
    assert refused.json() == {"lang": ["Ngôn ngữ là vi hoặc en."]}


def test_only_valid_certificates_count_and_the_stars_drop(client, cooperative, staff_user):
    today = timezone.localdate()
    product = ocop_product(cooperative=cooperative, title="Mật ong", price=180000)
    five = ocop_certificate(product=product, stars=5)
    ocop_certificate(product=product, stars=3)
    ocop_certificate(product=product, stars=4, issued_on=today - datetime.timedelta(days=1200),
                     expires_on=today - datetime.timedelta(days=1))  # fmt: skip
    ocop_certificate(product=product, stars=5, verified=False)

    item = _get(client, "product-detail", kwargs={"pk": product.pk}).json()
    assert item["ocop_stars"] == 5
    assert sorted(c["stars"] for c in item["certificates"]) == [3, 5]

    certificate_revoke(certificate=five, reason="Quyết định bị huỷ", by=staff_user)
    item = _get(client, "product-detail", kwargs={"pk": product.pk}).json()
    assert item["ocop_stars"] == 3
    assert [c["stars"] for c in item["certificates"]] == [3]
    assert "Quyết định bị huỷ" not in str(item)
    assert _ids(_get(client, "product-list", min_stars=4)) == []
    assert _ids(_get(client, "product-list", min_stars=3)) == [product.pk]


def test_filters_narrow_the_list(client, tea, cooperative):
    other = CooperativeFactory(province_code=19, ward_code=None or 5500)
    honey = ocop_product(cooperative=other, title="Mật ong", price=90000, num_in_stock=0,
                         category=category("Mật ong"))  # fmt: skip
    ocop_certificate(product=honey, stars=3)

    assert set(_ids(_get(client, "product-list"))) == {tea.pk, honey.pk}
    assert _ids(_get(client, "product-list", category="che")) == [tea.pk]  # its subcategory
    assert _ids(_get(client, "product-list", category="che-xanh")) == [tea.pk]
    assert _ids(_get(client, "product-list", category="khong-co")) == []
    assert _ids(_get(client, "product-list", cooperative=other.slug)) == [honey.pk]
    assert _ids(_get(client, "product-list", province=19)) == [honey.pk]
    assert _ids(_get(client, "product-list", min_stars=4)) == [tea.pk]
    assert _ids(_get(client, "product-list", in_stock="true")) == [tea.pk]
    assert set(_ids(_get(client, "product-list", in_stock="false"))) == {tea.pk, honey.pk}
    item = _get(client, "product-detail", kwargs={"pk": honey.pk}).json()
    assert (item["availability"], item["num_available"]) == ("out_of_stock", 0)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"min_stars": "many"}, "min_stars"),
        ({"min_stars": "9"}, "min_stars"),
        ({"province": "99"}, "province"),
        ({"province": "1" * 5000}, "province"),
        ({"in_stock": "maybe"}, "in_stock"),
        ({"category": "<script>"}, "category"),
        ({"cooperative": "htx-chè"}, "cooperative"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(client, tea, params, field):
    response = _get(client, "product-list", **params)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert all(isinstance(message, str) for message in response.json()[field])


def test_control_characters_are_a_400_in_json(client, tea):
    for params in ({"cooperative": "htx\x00"}, {"page": "1\x00"}, {"q": "\x1b[31m"}):
        response = _get(client, "product-list", **params)
        assert response.status_code == 400
        assert list(response.json()) == ["detail"]
    response = client.get("/api/v1/cooperatives/htx%00/")
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "9" * 5000, "1.5"])
def test_a_page_that_does_not_exist_is_a_404_in_json(client, tea, page):
    response = _get(client, "product-list", page=page)

    assert response.status_code == 404
    assert response.json() == {"detail": "Không có trang kết quả này."}


def test_unknown_and_huge_ids_are_404s(client, tea):
    for pk in (tea.pk + 1000, 10**30):
        response = client.get(f"/api/v1/products/{pk}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Không có sản phẩm này trong cửa hàng."}


@pytest.mark.parametrize("status", ["applied", "suspended", "rejected"])
def test_a_cooperative_not_selling_is_a_404_and_its_products_are_absent(client, tea, status):
    hidden = CooperativeFactory(status=status)
    product = ocop_product(cooperative=hidden, title="Chè ẩn", price=1000)

    assert _ids(_get(client, "product-list")) == [tea.pk]
    assert _ids(_get(client, "product-list", cooperative=hidden.slug)) == []
    assert _get(client, "product-detail", kwargs={"pk": product.pk}).status_code == 404
    assert _get(client, "product-lots", kwargs={"pk": product.pk}).status_code == 404
    response = _get(client, "cooperative-detail", kwargs={"slug": hidden.slug})
    assert response.status_code == 404
    assert response.json() == {"detail": "Không có hợp tác xã này trong cửa hàng."}
    slugs = [c["slug"] for c in _get(client, "cooperative-list").json()["results"]]
    assert slugs == [tea.cooperative.slug]


def test_a_product_hidden_from_the_shop_is_absent(client, tea):
    tea.is_public = False
    tea.save()

    assert _ids(_get(client, "product-list")) == []
    assert _get(client, "product-detail", kwargs={"pk": tea.pk}).status_code == 404


def test_a_cooperative_shows_its_public_profile_only(client, cooperative):
    seller_profile(cooperative, bank_account="0451000999888", commission_bps=850)
    cooperative.story_en = "We grow tea on the hills."
    cooperative.founded_year, cooperative.members_count = 2008, 45
    cooperative.logo = jpeg_upload("logo.jpg")
    cooperative.save()

    response = _get(client, "cooperative-detail", kwargs={"slug": cooperative.slug})
    body = response.json()
    assert body == {
        "slug": cooperative.slug,
        "name": cooperative.name,
        "province_code": 25,
        "province": "Phú Thọ",
        "ward": "Xã Cẩm Khê",
        "story": "Hợp tác xã trồng chè VietGAP trên đồi.",
        "founded_year": 2008,
        "members_count": 45,
        "logo": body["logo"],
        "url": f"{SITE}/shop/cooperatives/{cooperative.slug}/",
        "products_url": f"{SITE}/api/v1/products/?cooperative={cooperative.slug}",
    }
    assert body["logo"].startswith(f"{SITE}/media/cooperatives/logos/")
    content = response.content.decode()
    for secret in ("0451000999888", "0100233488", "970436", "NGUYEN VAN AN", "approved"):
        assert secret not in content
    english = _get(client, "cooperative-list", lang="en").json()["results"][0]
    assert english["story"] == "We grow tea on the hills."
    assert english["url"] == f"{SITE}/en/shop/cooperatives/{cooperative.slug}/"


def test_categories_name_their_parent_and_shop_page(client, tea):
    hidden = category("Ẩn")
    hidden.is_public = False
    hidden.save()
    che, green = category("Chè"), category("Chè > Chè xanh")
    green.name_en = "Green tea"
    green.save()

    body = _get(client, "category-list").json()
    assert body["results"] == [
        {
            "slug": "che",
            "name": "Chè",
            "parent": None,
            "url": f"{SITE}/shop/catalogue/category/che_{che.pk}/",
            "products_url": f"{SITE}/api/v1/products/?category=che",
        },
        {
            "slug": "che-xanh",
            "name": "Chè xanh",
            "parent": "che",
            "url": f"{SITE}/shop/catalogue/category/che/che-xanh_{green.pk}/",
            "products_url": f"{SITE}/api/v1/products/?category=che-xanh",
        },
    ]
    english = _get(client, "category-detail", kwargs={"slug": "che-xanh"}, lang="en").json()
    assert english["name"] == "Green tea"
    assert english["url"] == f"{SITE}/en/shop/catalogue/category/che/che-xanh_{green.pk}/"
    assert _get(client, "category-detail", kwargs={"slug": hidden.slug}).status_code == 404
    assert _get(client, "category-detail", kwargs={"slug": "khong-co"}).status_code == 404


def _list_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()["count"]


def _catalogue(count, tea_category):
    cooperatives = [CooperativeFactory() for _ in range(3)]
    for n in range(count):
        product = ocop_product(cooperative=cooperatives[n % 3], title=f"Chè số {n}",
                               price=100000 + n, category=tea_category)  # fmt: skip
        ProductImage.objects.create(product=product, original=jpeg_upload(), display_order=0)
        ocop_certificate(product=product, stars=3 + n % 3)
    cache.clear()  # the search's folded titles


@pytest.mark.parametrize("url", ["/api/v1/products/", "/api/v1/products/?category=che",
                                 "/api/v1/search/?q=che", "/api/v1/cooperatives/",
                                 "/api/v1/categories/"])  # fmt: skip
def test_the_query_count_does_not_grow_with_the_page(client, tea_category, url):
    _catalogue(1, tea_category)
    one, count = _list_queries(client, url)
    assert count >= 1
    _catalogue(4, tea_category)
    five, count = _list_queries(client, url)
    assert count >= 5 or "categories" in url
    assert five == one


def test_the_product_lists_query_count_is_pinned(client, tea_category):
    _catalogue(5, tea_category)
    # The page's count, the products, then their children, options, class options,
    # stock records, images, public categories and valid certificates.
    assert _list_queries(client, "/api/v1/products/") == (9, 5)
