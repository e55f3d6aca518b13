"""A household business follows its money on a 360 px phone, and staff pay it: balance,
statement, the batch with its VietQR, under the strict Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from marketplace.order.services import shipment_advance
from marketplace.payments import services, transfers
from marketplace.payments.models import Payment
from tests.browser.test_csp_journey import watch_csp
from tests.browser.test_split_order_journey import fits_the_screen, log_in
from tests.factories import (
    MST_HOUSEHOLD_ID,
    CooperativeFactory,
    cooperative_user,
    ocop_order,
    ocop_product,
    seller_profile,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "so-du-hop-tac-xa"


@pytest.fixture
def sold(transactional_db, settings):
    from oscar.test.factories import UserFactory

    settings.SETTLEMENT_RETURN_WINDOW_DAYS = 0  # delivered today, payable today
    cooperative = seller_profile(
        CooperativeFactory(partner__name="Hộ kinh doanh Mật ong Bạc Hà", slug="mat-ong-bac-ha"),
        kind="household", tax_code=MST_HOUSEHOLD_ID,
    )  # fmt: skip
    user = cooperative_user(cooperative, email="mat-ong@ocop.example")
    staff = UserFactory(email="ketoan@cho-ocop.example", is_staff=True, is_superuser=True)
    for person in (user, staff):
        person.set_password(PASSWORD)
        person.save()
    product = ocop_product(
        cooperative=cooperative, title="Mật ong hoa bạc hà 500 ml", price=150_010
    )
    order = ocop_order(items=[(product, 1)])
    services.payment_create(order=order, method=Payment.Method.VIETQR)
    transfers.vietqr_confirm(order=order, by=staff)
    shipment = order.shipments.get()
    for step in ("packed", "shipped", "delivered"):
        extra = {"carrier": "ghn", "tracking_code": "GHN1"} if step == "shipped" else {}
        shipment_advance(shipment=shipment, to_status=step, by=user, **extra)
    return user, staff


def test_a_cooperative_reads_its_money_on_a_phone_and_staff_pay_it(
    phone_page, page, live_server, sold
):
    base = live_server.url
    phone_violations, desk_violations = watch_csp(phone_page), watch_csp(page)

    log_in(phone_page, base, "mat-ong@ocop.example", PASSWORD)
    phone_page.goto(base + "/shop/dashboard/cooperative/money/")
    expect(phone_page.locator("#payable-balance")).to_contain_text("135.759")
    assert fits_the_screen(phone_page)
    phone_page.locator("a", has_text="Tháng").first.click()
    expect(phone_page.locator("#statement-rows")).to_contain_text("Mật ong hoa bạc hà 500 ml")
    expect(phone_page.locator("#closing-balance")).to_contain_text("135.759")
    assert fits_the_screen(phone_page)  # the table scrolls inside its box, not the page

    log_in(page, base, "ketoan@cho-ocop.example", PASSWORD)
    page.goto(base + "/shop/dashboard/money/")
    with page.expect_navigation():
        page.click("#payout-batch-create")
    expect(page.locator(".payout-qr")).to_have_count(1)
    with page.expect_navigation():
        page.click("#batch-approve")
    page.locator("input[name=bank_reference]").fill("FT26340099")
    with page.expect_navigation():
        page.get_by_role("button", name="Đã chuyển").click()
    expect(page.locator("#batch-status")).to_contain_text("Đã chi trả xong")

    phone_page.goto(base + "/shop/dashboard/cooperative/money/")
    expect(phone_page.locator("#payable-balance")).to_contain_text("0")
    expect(phone_page.get_by_text("FT26340099")).to_be_visible()
    assert phone_violations == [] and desk_violations == []
