"""Paying in Chromium: a VietQR transfer confirmed by staff, and a card through Stripe.

(a) A signed-in customer checks out paying by VietQR; the QR on the page, read from a
screenshot by an independent decoder (zxing-cpp), asks for the exact amount with the order
number as the message; staff confirm the money on the dashboard order page and the
customer's order page then says paid.
(b) With Stripe's keys set, a card checkout creates the order in VND and sends the browser
to the session's URL. Only the HTTP call that creates the session is stubbed (its URL
points at this server); the webhook is signed for real and marks the order paid.
"""

import io
import re
import urllib.request

import pytest
import stripe
import zxingcpp
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image
from playwright.sync_api import expect

from marketplace.payments import vietqr
from marketplace.payments.models import Payment
from tests import stripe_stub
from tests.browser.test_split_order_journey import add_to_basket, log_in
from tests.factories import CooperativeFactory, category, ocop_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Country = get_model("address", "Country")
Order = get_model("order", "Order")

CUSTOMER_EMAIL, CUSTOMER_PASSWORD = "lan@khachhang.example", "mua-dac-san-ocop"
STAFF_EMAIL, STAFF_PASSWORD = "quantri@cho-ocop.example", "quan-tri-cho-ocop"
TEA = "Chè búp Thanh Sơn 200 g"
SCREENSHOTS = "/tmp/payment-journey-{}.png"


@pytest.fixture
def marketplace(transactional_db):
    from oscar.test.factories import UserFactory

    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Thanh Sơn")
    ocop_product(cooperative=cooperative, title=TEA, price=125000, category=category("Chè"))
    UserFactory(email=CUSTOMER_EMAIL, password=CUSTOMER_PASSWORD)
    UserFactory(email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True, is_superuser=True)
    Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )


def check_out(page, base, method_label):
    """From the basket to the place-order click, paying by ``method_label``."""
    page.goto(base + "/shop/checkout/")
    expect(page).to_have_url(re.compile(r"/shop/checkout/shipping-address/$"))
    page.fill("#id_full_name", "Nguyễn Thị Lan")
    page.fill("#id_phone_number", "0912345678")
    page.fill("#id_line1", "12 Đường Hùng Vương")
    page.select_option("#id_province_code", label="Phú Thọ")
    page.select_option("#id_ward_code", label="Phường Việt Trì")
    with page.expect_navigation():
        page.locator("#new_shipping_address button[type=submit]").click()
    with page.expect_navigation():
        page.locator("form[action$='/checkout/shipping-method/'] button[type=submit]").first.click()
    page.get_by_label(method_label).check()
    with page.expect_navigation():
        page.locator("#choose-payment").click()
    expect(page.locator("#payment-method-label")).to_have_text(method_label)
    with page.expect_navigation():
        page.locator("#place-order").click()


def test_a_customer_pays_by_vietqr_and_staff_confirm_the_transfer(
    page, new_context, live_server, marketplace
):
    base = live_server.url
    log_in(page, base, CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
    add_to_basket(page, base, TEA)

    check_out(page, base, "Chuyển khoản ngân hàng (VietQR)")

    expect(page).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    order = Order.objects.get(user__email=CUSTOMER_EMAIL)
    assert order.currency == "VND" and order.payment.method == Payment.Method.VIETQR
    expect(page.locator(".order-buyer-status")).to_have_text("Chờ thanh toán")
    expect(page.locator(".vietqr-message")).to_have_text(order.number)
    qr = page.locator("img.vietqr-image")
    expect(qr).to_be_visible()
    page.screenshot(path=SCREENSHOTS.format("1-thank-you"), full_page=True)
    # Read the QR as a phone camera would: from the pixels on the screen.
    shot = Image.open(io.BytesIO(qr.screenshot()))
    [code] = zxingcpp.read_barcodes(shot)
    fields = vietqr.parse(code.text)
    assert fields["54"] == str(int(order.total_incl_tax)) == "145000"  # 125.000 + 20.000 shipping
    assert vietqr.parse(fields["62"]) == {"08": order.number}
    assert fields["53"] == "704" and fields["58"] == "VN"

    staff = new_context(phone=False)
    log_in(staff, base, STAFF_EMAIL, STAFF_PASSWORD)
    staff.goto(f"{base}/shop/dashboard/orders/{order.number}/")
    panel = staff.locator("#payment + .card")
    expect(panel).to_contain_text("Chờ thanh toán")
    with staff.expect_navigation():
        panel.get_by_role("button", name="Đã nhận tiền").click()
    expect(staff.locator(".alert-success")).to_contain_text(f"Đơn {order.number}: đã nhận tiền.")
    staff.goto(f"{base}/shop/dashboard/orders/{order.number}/")
    expect(staff.locator("#payment + .card")).to_contain_text("Đã thanh toán")
    staff.screenshot(path=SCREENSHOTS.format("2-staff-confirmed"), full_page=True)

    page.goto(f"{base}/shop/accounts/orders/{order.number}/")
    expect(page.locator(".order-buyer-status")).to_have_text("Đã thanh toán")
    expect(page.locator("img.vietqr-image")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS.format("3-customer-paid"), full_page=True)


@pytest.fixture
def stripe_keys(settings, monkeypatch, live_server):
    settings.STRIPE_SECRET_KEY = "sk_test_ocop"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"
    settings.STRIPE_WEBHOOK_SECRET = stripe_stub.WEBHOOK_SECRET
    # Stripe's hosted page is replaced by this server's return page: paying on it is
    # what the signed webhook below stands for.
    server = stripe_stub.StripeServer(
        session_url=live_server.url + reverse("payments:stripe-return") + "?session_id={id}",
        only_sessions=True,
    )
    monkeypatch.setattr(stripe, "default_http_client", server)
    monkeypatch.setattr(stripe, "max_network_retries", 0)
    return server


def post_webhook(base, payload):
    request = urllib.request.Request(
        base + reverse("payments:stripe-webhook"),
        data=payload.encode(),
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": stripe_stub.signature(payload),
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.status


def test_a_card_checkout_goes_to_stripe_in_vnd_and_a_signed_webhook_marks_it_paid(
    page, live_server, marketplace, stripe_keys
):
    base = live_server.url
    log_in(page, base, CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
    add_to_basket(page, base, TEA)
    visited = []
    page.on("request", lambda request: visited.append(request.url))

    check_out(page, base, "Thẻ ngân hàng quốc tế (Stripe)")

    order = Order.objects.get(user__email=CUSTOMER_EMAIL)
    session_id = f"cs_test_{order.number}"
    # Placing the order sent the browser to the session's URL.
    assert stripe_keys.sessions[session_id]["url"] in visited
    [params] = stripe_keys.posted("/v1/checkout/sessions")
    assert order.currency == "VND"
    assert params["line_items[0][price_data][currency]"] == ["vnd"]
    assert params["line_items[0][price_data][unit_amount]"] == [str(int(order.total_incl_tax))]
    # The browser followed the session's URL (this server's return page, standing in for
    # Stripe's); Stripe has not confirmed yet, so the order still waits for its money.
    expect(page).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))
    assert stripe_keys.requests[0][1].endswith("/v1/checkout/sessions")
    expect(page.locator(".alert-info")).to_contain_text("đang chờ Stripe xác nhận")
    expect(page.locator(".order-buyer-status")).to_have_text("Chờ thanh toán")
    assert Payment.objects.get().status == Payment.Status.PENDING
    page.screenshot(path=SCREENSHOTS.format("4-card-returned"), full_page=True)

    session = {
        **stripe_keys.sessions[session_id],
        "payment_status": "paid",
        "status": "complete",
        "payment_intent": "pi_test_browser",
    }
    payload = stripe_stub.event("checkout.session.completed", session, "evt_browser_1")
    assert post_webhook(base, payload) == 200
    assert post_webhook(base, payload) == 200  # Stripe delivers again: nothing changes

    payment = Payment.objects.get()
    assert payment.status == Payment.Status.PAID
    assert payment.stripe_payment_intent == "pi_test_browser"
    page.goto(f"{base}/shop/accounts/orders/{order.number}/")
    expect(page.locator(".order-buyer-status")).to_have_text("Đã thanh toán")
    expect(page.locator(".payment-status")).to_have_text("Đã thanh toán")
    page.screenshot(path=SCREENSHOTS.format("5-card-paid"), full_page=True)
