"""Wagtail owns /, Oscar lives under /shop/, admin areas are staff-only."""

import pytest
from django.urls import resolve

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "view_module"),
    [
        ("/shop/catalogue/", "search.views"),
        ("/shop/basket/", "oscar.apps.basket.views"),
        ("/shop/search/", "search.views"),
        ("/shop/dashboard/", "marketplace.dashboard.views"),
        ("/cms/", "wagtail.admin.views.home"),
        ("/", "cms.views"),  # Wagtail's page view, through the page cache
    ],
)
def test_url_map(path, view_module):
    match = resolve(path)

    assert match.func.__module__.startswith(view_module)


@pytest.mark.parametrize(
    "path", ["/01/08934567890128/10/LOT1", "/01/junk", "/t/ZZZZZZZZ", "/.well-known/gs1resolver"]
)
def test_resolver_paths_are_not_served_by_wagtail_pages(client, home_page, path):
    assert resolve(path).func.__module__ == "traceability.views"


def test_an_unknown_lot_gets_the_resolvers_404(client, home_page):
    response = client.get("/01/08934567890137/10/LOT1", follow=True)
    # A wrong GTIN check digit is no GS1 Digital Link URI at all: 400, same friendly page.
    malformed = client.get("/01/08934567890128/10/LOT1", follow=True)

    assert response.status_code == 404
    assert "Không tìm thấy lô hàng này" in response.content.decode()
    assert malformed.status_code == 400
    assert "Không tìm thấy lô hàng này" in malformed.content.decode()
    for page in (response, malformed):  # one language per page
        assert "<p lang=" not in page.content.decode() and "not found" not in page.content.decode()


def test_the_resolvers_404_on_an_english_page_is_english(client, home_page, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get("/01/08934567890137/10/LOT1", follow=True).content.decode()

    assert '<html lang="en">' in page and "This batch was not found" in page
    assert "Không tìm thấy" not in page


@pytest.mark.parametrize("path", ["/cms/", "/shop/dashboard/", "/django-admin/"])
def test_admin_areas_send_anonymous_visitors_to_a_login(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("path", ["/cms/", "/shop/dashboard/", "/django-admin/"])
def test_staff_open_every_admin_area(client, staff_user, path):
    client.force_login(staff_user)

    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/cms/", "/shop/dashboard/"])
def test_customers_are_kept_out_of_admin_areas(client, customer, path):
    client.force_login(customer)

    response = client.get(path)

    assert response.status_code in (302, 403)


def test_cooperative_user_opens_the_shop_dashboard_on_its_own_overview(client, cooperative):
    from tests.factories import cooperative_user

    client.force_login(cooperative_user(cooperative))

    response = client.get("/shop/dashboard/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/shop/dashboard/cooperative/"


def test_health_check_answers_ok(client):
    response = client.get("/healthz")

    assert response.json() == {"status": "ok"}


def test_a_customer_kept_out_of_the_dashboard_gets_a_friendly_page(client, customer):
    client.force_login(customer)

    response = client.get("/shop/dashboard/")

    assert response.status_code == 403
    assert "Bạn không có quyền xem trang này" in response.content.decode()


def test_the_500_page_renders_without_the_database(client, settings, monkeypatch):
    from marketplace import views

    response = views.server_error(None)

    assert response.status_code == 500
    assert "Xin lỗi, có lỗi xảy ra" in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "cooperative-overview",
        "cooperative-product-import",
        "cooperative-certificate-list",
        "certificate-review-list",
        "batch-list",
        "dashboard-cooperative-list",
    ],
)
def test_signed_out_visitors_of_the_projects_dashboard_pages_are_sent_to_the_sign_in(client, name):
    from django.urls import reverse

    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith("/shop/accounts/login/")


@pytest.mark.parametrize("url", [
    "/shop/dashboard/catalogue/option/abc/update/",
    "/shop/dashboard/catalogue/option/1x/delete/",
    "/shop/dashboard/catalogue/attribute-option-group/x/delete/",
    "/shop/dashboard/pages/update/abc/",
    "/shop/dashboard/pages/delete/-/",
])  # fmt: skip
def test_dashboard_addresses_with_a_non_numeric_key_are_404_not_500(client, staff_user, url):
    client.force_login(staff_user)
    assert client.get(url).status_code == 404
