"""One basket, two cooperatives, in Chromium: the order splits into two parcels.

A customer at a desk buys from two cooperatives in one checkout; each cooperative, on its
phone, sees only its own line in the dashboard and moves its own parcel on; the customer
then follows one shipment per cooperative on the order page. Only the starting data (the
cooperatives, their logins and products, the customer, Vietnam as a shipping country) is
made in Python; everything else goes through the pages.
"""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.factories import CooperativeFactory, category, cooperative_user, home_page, ocop_product

# serialized_rollback restores what migrations created (Wagtail's page tree) afterwards.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Country = get_model("address", "Country")
Order = get_model("order", "Order")

CUSTOMER_EMAIL, CUSTOMER_PASSWORD = "lan@khachhang.example", "mua-dac-san-ocop"
TEA_COOP, TEA_EMAIL, TEA_PASSWORD = (
    "Hợp tác xã Chè Thanh Sơn", "hoa@chethanhson.example", "bup-tra-sao-tay",
)  # fmt: skip
HONEY_COOP, HONEY_EMAIL, HONEY_PASSWORD = (
    "Hợp tác xã Ong mật Hưng Yên", "binh@onghungyen.example", "mat-ong-hoa-nhan",
)  # fmt: skip
TEA, TEA_PRICE = "Chè búp Thanh Sơn 200 g", re.compile(r"125\.000\s₫")
HONEY, HONEY_PRICE = "Mật ong hoa nhãn Hưng Yên 500 ml", re.compile(r"187\.000\s₫")
ORDER_TOTAL = re.compile(r"312\.000\s₫")
TRACKING_CODE = "VTP123456789VN"
SCREENSHOTS = "/tmp/split-order-{}.png"


def seller(name, email, password, product, price, category_name):
    """Return an approved cooperative with a login and one product in stock."""
    cooperative = CooperativeFactory(partner__name=name)
    user = cooperative_user(cooperative, email=email)
    user.set_password(password)
    user.save()
    ocop_product(cooperative=cooperative, title=product, price=price, num_in_stock=20,
                 category=category(category_name))  # fmt: skip
    return cooperative


@pytest.fixture
def marketplace(transactional_db):
    from oscar.test.factories import UserFactory

    seller(TEA_COOP, TEA_EMAIL, TEA_PASSWORD, TEA, 125000, "Chè")
    seller(HONEY_COOP, HONEY_EMAIL, HONEY_PASSWORD, HONEY, 187000, "Mật ong")
    UserFactory(email=CUSTOMER_EMAIL, password=CUSTOMER_PASSWORD)
    Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )
    home_page()


def log_in(page, base_url, email, password):
    page.goto(base_url + "/shop/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    with page.expect_navigation():
        page.click("button[name=login_submit]")
    expect(page.locator("#id_login-username")).to_have_count(0)  # not sent back to the form


def fits_the_screen(page):
    """Return whether the document does not scroll sideways (see test_cooperative_journey)."""
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )


def shoot(page, step):
    page.screenshot(path=SCREENSHOTS.format(step), full_page=True)


def add_to_basket(page, base_url, title):
    page.goto(base_url + "/shop/catalogue/")
    page.get_by_role("link", name=title).first.click()
    expect(page.locator("h1")).to_have_text(title)
    with page.expect_navigation():
        page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_contain_text(title)


def open_order_in_dashboard(page, base_url, number, step):
    """Find the order in the cooperative's order list and open it."""
    page.goto(base_url + "/shop/dashboard/orders/")
    row = page.locator("tr", has_text=number)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Chờ đóng gói")
    shoot(page, step)
    with page.expect_navigation():
        row.get_by_role("link", name=number).click()
    expect(page).to_have_url(re.compile(rf"/shop/dashboard/orders/{number}/"))


def test_two_cooperatives_each_ship_their_part_of_one_order(
    page, phone_page, new_context, live_server, marketplace
):
    base = live_server.url

    # 1. The customer, at a desk, fills one basket from two cooperatives and checks out.
    customer = page
    log_in(customer, base, CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
    add_to_basket(customer, base, TEA)
    add_to_basket(customer, base, HONEY)
    customer.goto(base + "/shop/basket/")
    expect(customer.locator("#basket_totals")).to_contain_text(ORDER_TOTAL)

    customer.goto(base + "/shop/checkout/")
    expect(customer).to_have_url(re.compile(r"/shop/checkout/shipping-address/$"))
    customer.fill("#id_full_name", "Nguyễn Thị Lan")
    customer.fill("#id_phone_number", "0912345678")
    customer.fill("#id_line1", "12 Đường Hùng Vương")
    customer.select_option("#id_province_code", label="Phú Thọ")
    # The commune list is loaded for the chosen province only.
    expect(customer.locator("#id_ward_code option", has_text="Phường Hoàn Kiếm")).to_have_count(0)
    customer.select_option("#id_ward_code", label="Phường Việt Trì")
    shoot(customer, "1-shipping-address")
    with customer.expect_navigation():
        customer.locator("#new_shipping_address button[type=submit]").click()
    # Two shipping methods (standard and express), priced for Phú Thọ: take the first.
    expect(customer).to_have_url(re.compile(r"/shop/checkout/shipping-method/$"))
    with customer.expect_navigation():
        customer.locator(
            "form[action$='/checkout/shipping-method/'] button[type=submit]"
        ).first.click()
    expect(customer).to_have_url(re.compile(r"/shop/checkout/payment-method/$"))
    customer.get_by_label("Thanh toán khi nhận hàng (COD)").check()
    with customer.expect_navigation():
        customer.locator("#choose-payment").click()
    expect(customer).to_have_url(re.compile(r"/shop/checkout/preview/$"))
    expect(customer.locator("#payment-method-label")).to_have_text("Thanh toán khi nhận hàng (COD)")
    expect(customer.locator("body")).to_contain_text(TEA)
    expect(customer.locator("body")).to_contain_text(HONEY)
    shoot(customer, "1-preview")
    with customer.expect_navigation():
        customer.locator("#place-order").click()
    expect(customer).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    order = Order.objects.get(user__email=CUSTOMER_EMAIL)
    expect(customer.locator("body")).to_contain_text(order.number)
    expect(customer.locator(".order-buyer-status")).to_have_text("Chờ giao hàng, trả tiền khi nhận")
    shoot(customer, "1-thank-you")
    number = order.number
    assert sorted(order.shipments.values_list("cooperative__partner__name", flat=True)) == sorted(
        [TEA_COOP, HONEY_COOP]
    )
    # Each cooperative is told about its own product only.
    notices = {m.to[0]: m.body for m in mail.outbox if m.to in ([TEA_EMAIL], [HONEY_EMAIL])}
    assert TEA in notices[TEA_EMAIL] and HONEY not in notices[TEA_EMAIL]
    assert HONEY in notices[HONEY_EMAIL] and TEA not in notices[HONEY_EMAIL]

    # 2. The tea cooperative, on its phone, sees only its line and ships its parcel.
    tea = phone_page
    log_in(tea, base, TEA_EMAIL, TEA_PASSWORD)
    open_order_in_dashboard(tea, base, number, "2-tea-order-list")
    body = tea.locator("body")
    expect(tea.locator("#lines")).to_contain_text(TEA)
    expect(tea.locator("#lines")).to_contain_text(TEA_PRICE)
    expect(tea.locator("#delivery-address")).to_contain_text("12 Đường Hùng Vương")
    expect(tea.locator("#delivery-address")).to_contain_text("+84912345678")
    expect(body).not_to_contain_text(HONEY)
    expect(body).not_to_contain_text(HONEY_COOP)
    expect(body).not_to_contain_text(HONEY_PRICE)
    expect(body).not_to_contain_text(ORDER_TOTAL)
    panels = tea.locator("#shipments .shipment")
    expect(panels).to_have_count(1)
    parcel = panels.first
    expect(parcel.locator("h4")).to_contain_text(TEA_COOP)
    expect(parcel.locator(".badge")).to_have_text("Chờ đóng gói")
    shoot(tea, "2-tea-order")

    with tea.expect_navigation():
        parcel.get_by_role("button", name="Đã đóng gói").click()
    expect(tea.locator(".alert-success")).to_contain_text(f"Kiện hàng của {TEA_COOP}: Đã đóng gói")
    expect(parcel.locator(".badge")).to_have_text("Đã đóng gói")
    # The dashboard dresses the carrier <select> up with select2: tap it, tap a carrier.
    parcel.get_by_role("combobox").click()
    tea.locator(".select2-results__option", has_text="Viettel Post").click()
    expect(parcel.get_by_role("combobox")).to_contain_text("Viettel Post")
    parcel.get_by_label("Mã vận đơn").fill(TRACKING_CODE)
    shoot(tea, "2-tea-packed")
    with tea.expect_navigation():
        parcel.get_by_role("button", name="Đã gửi hàng").click()
    expect(tea.locator(".alert-success")).to_contain_text(f"Kiện hàng của {TEA_COOP}: Đang giao")
    expect(parcel.locator(".badge")).to_have_text("Đang giao")
    expect(parcel).to_contain_text("Viettel Post")
    expect(parcel).to_contain_text(TRACKING_CODE)
    expect(parcel.get_by_role("button", name="Đã giao")).to_be_visible()
    assert any(m.to == [CUSTOMER_EMAIL] and TRACKING_CODE in m.body for m in mail.outbox), (
        "the customer is not e-mailed the tracking code"
    )
    assert fits_the_screen(tea), "the cooperative's order page scrolls sideways on a phone"
    shoot(tea, "2-tea-shipped")

    # 3. The honey cooperative, on another phone, sees only its line and packs it.
    honey = new_context(phone=True)
    log_in(honey, base, HONEY_EMAIL, HONEY_PASSWORD)
    open_order_in_dashboard(honey, base, number, "3-honey-order-list")
    body = honey.locator("body")
    expect(honey.locator("#lines")).to_contain_text(HONEY)
    expect(honey.locator("#lines")).to_contain_text(HONEY_PRICE)
    expect(body).not_to_contain_text(TEA)
    expect(body).not_to_contain_text(TEA_COOP)
    expect(body).not_to_contain_text(TEA_PRICE)
    expect(body).not_to_contain_text(TRACKING_CODE)
    expect(body).not_to_contain_text(ORDER_TOTAL)
    panels = honey.locator("#shipments .shipment")
    expect(panels).to_have_count(1)
    parcel = panels.first
    expect(parcel.locator("h4")).to_contain_text(HONEY_COOP)
    with honey.expect_navigation():
        parcel.get_by_role("button", name="Đã đóng gói").click()
    expect(honey.locator(".alert-success")).to_contain_text(
        f"Kiện hàng của {HONEY_COOP}: Đã đóng gói"
    )
    expect(parcel.locator(".badge")).to_have_text("Đã đóng gói")
    assert fits_the_screen(honey), "the cooperative's order page scrolls sideways on a phone"
    shoot(honey, "3-honey-packed")

    # 4. The customer follows two parcels, one per cooperative.
    customer.goto(f"{base}/shop/accounts/orders/{number}/")
    shipments = customer.locator(".shipment")
    expect(shipments).to_have_count(2)
    tea_parcel = shipments.filter(has_text=f"Kiện hàng từ {TEA_COOP}")
    honey_parcel = shipments.filter(has_text=f"Kiện hàng từ {HONEY_COOP}")
    expect(tea_parcel.locator(".shipment-status")).to_have_text("Đang giao")
    expect(tea_parcel.locator(".shipment-tracking")).to_contain_text("Viettel Post")
    expect(tea_parcel.locator(".shipment-tracking")).to_contain_text(TRACKING_CODE)
    expect(tea_parcel.locator("tbody")).to_contain_text(TEA)
    expect(tea_parcel.locator("tbody")).not_to_contain_text(HONEY)
    expect(honey_parcel.locator(".shipment-status")).to_have_text("Đã đóng gói")
    expect(honey_parcel.locator(".shipment-tracking")).to_have_count(0)
    expect(honey_parcel.locator("tbody")).to_contain_text(HONEY)
    expect(honey_parcel.locator("tbody")).not_to_contain_text(TEA)
    shoot(customer, "4-customer-two-shipments")

    # 5. The tea parcel arrives; the customer sees it delivered, the honey still packed.
    tea.reload()
    parcel = tea.locator("#shipments .shipment").first
    with tea.expect_navigation():
        parcel.get_by_role("button", name="Đã giao").click()
    expect(parcel.locator(".badge")).to_have_text("Đã giao")
    expect(parcel.get_by_role("button")).to_have_count(0)
    shoot(tea, "5-tea-delivered")
    customer.reload()
    expect(tea_parcel.locator(".shipment-status")).to_have_text("Đã giao")
    expect(tea_parcel.locator(".shipment-tracking")).to_contain_text(TRACKING_CODE)
    expect(honey_parcel.locator(".shipment-status")).to_have_text("Đã đóng gói")

    # The customer's order page on a phone, too.
    customer_phone = new_context(phone=True)
    log_in(customer_phone, base, CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
    customer_phone.goto(f"{base}/shop/accounts/orders/{number}/")
    expect(customer_phone.locator(".shipment")).to_have_count(2)
    expect(customer_phone.locator(".shipment-tracking")).to_contain_text(TRACKING_CODE)
    assert fits_the_screen(customer_phone), "the customer's order page scrolls sideways"
    shoot(customer_phone, "5-customer-phone")
