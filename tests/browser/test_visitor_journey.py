"""A visitor's first journey, in Chromium: home → English and back → shop → basket."""

import re

import pytest
from playwright.sync_api import expect

from tests.cms_pages import translate
from tests.factories import CooperativeFactory, category, home_page, ocop_product

# serialized_rollback restores what migrations created (Wagtail's page tree) afterwards.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def shop(transactional_db):
    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Cam My")
    tea = category("Chè")
    product = ocop_product(
        cooperative=cooperative, title="Chè Cam My búp 200 g", price=125000, category=tea
    )
    ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn", price=180000,
                 category=category("Mật ong"))  # fmt: skip
    # The home page and its English translation, as in the demo.
    translate(home_page(), title="OCOP market", hero_heading="OCOP specialities")
    return {"category": tea, "product": product}


def test_visitor_browses_switches_language_and_fills_a_basket(page, live_server, shop):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", name="Sản phẩm nổi bật")).to_be_visible()

    page.locator("#language_selector button[data-language=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("#language_selector button[data-language=vi]").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.get_by_role("link", name="Mua sắm ngay").click()
    expect(page).to_have_url(re.compile(r"/shop/catalogue/$"))
    page.locator(".side_categories").get_by_role("link", name="Chè").click()
    expect(page.locator("h1")).to_have_text("Chè")

    page.get_by_role("link", name="Chè Cam My búp 200 g").first.click()
    expect(page.locator("h1")).to_have_text("Chè Cam My búp 200 g")
    expect(page.locator(".product_main .price_color")).to_have_text(re.compile(r"125\.000\s₫"))

    for _ in range(2):
        with page.expect_navigation():
            page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_contain_text("Chè Cam My búp 200 g")

    page.goto(live_server.url + "/shop/basket/")
    expect(page.locator("#basket_totals")).to_contain_text(re.compile(r"250\.000\s₫"))


def test_staff_sign_in_and_open_the_cms_and_the_shop_dashboard(page, live_server, shop):
    from oscar.test.factories import UserFactory

    UserFactory(email="admin@ocop.example", password="ocop-admin", is_staff=True,
                is_superuser=True)  # fmt: skip
    page.goto(live_server.url + "/shop/accounts/login/")
    page.fill("#id_login-username", "admin@ocop.example")
    page.fill("#id_login-password", "ocop-admin")
    page.click("button[name=login_submit]")

    page.goto(live_server.url + "/shop/dashboard/")
    expect(page).to_have_url(re.compile(r"/shop/dashboard/$"))
    expect(page.locator("h1")).to_contain_text("Trang quản trị")
    page.goto(live_server.url + "/cms/")
    expect(page).to_have_url(re.compile(r"/cms/$"))
    expect(page.locator("body")).to_contain_text("Chợ OCOP")
