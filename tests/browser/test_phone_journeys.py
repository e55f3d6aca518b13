"""Phone-first journeys on a 360 px touch screen, in Chromium, checked with axe-core.

- A cooperative worker records a harvest batch with its first event and prints its labels
  from the overview: taps counted (≤ 6), typed fields counted (≤ 3).
- A guest buys with cash on delivery, start to finish: no page scrolls sideways.
- axe-core (tests/browser/axe/) finds no critical or serious problem on the shop's pages,
  the QR page in its three states, the cooperative's dashboard pages and staff's dashboard.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.accessibility import axe_problems, page_width
from tests.browser.guest_checkout import guest_cod_checkout
from tests.browser.test_split_order_journey import log_in
from tests.factories import CooperativeFactory, cooperative_user, ocop_product, trace_batch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE_WIDTH = 360
COOPERATIVE_PASSWORD = "doi-che-khu-3"
STAFF_EMAIL, STAFF_PASSWORD = "quantri@cho-ocop.example", "quan-tri-cho-ocop"
TEA = "Chè búp Thanh Sơn 200 g"


@pytest.fixture
def shop(transactional_db):
    from oscar.core.loading import get_model
    from oscar.test.factories import UserFactory

    from tests.factories import category, home_page

    home_page()
    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Thanh Sơn Phú Thọ")
    tea = ocop_product(cooperative=cooperative, title=TEA, price=125000, category=category("Chè"))
    ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn 500 ml", price=180000,
                 category=category("Mật ong"), num_in_stock=0)  # fmt: skip
    user = cooperative_user(cooperative)
    user.set_password(COOPERATIVE_PASSWORD)
    user.save()
    batch = trace_batch(cooperative=cooperative, upc="8934567890120", user=user)
    UserFactory(email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True, is_superuser=True)
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )
    return {"tea": tea, "batch": batch, "cooperative": cooperative, "user": user}


class Taps:
    """Count what a thumb does: taps (a click or a field's focus) and typed fields."""

    def __init__(self, page):
        self.page, self.taps, self.typed = page, 0, 0

    def tap(self, locator):
        self.taps += 1
        locator.click()

    def type(self, locator, text):
        self.tap(locator)  # the field must be touched before the keyboard shows
        self.typed += 1
        locator.fill(text)


def test_a_worker_records_a_harvest_and_prints_its_labels_in_six_taps(
    phone_page, live_server, shop, settings
):
    settings.SITE_URL = live_server.url
    page = phone_page
    base = live_server.url
    problems = {}

    # Logging in lands on the cooperative's overview.
    log_in(page, base, shop["user"].email, COOPERATIVE_PASSWORD)
    expect(page).to_have_url(re.compile(r"/shop/dashboard/cooperative/$"))
    expect(page.locator(".navbar-toggler")).to_have_count(1)  # one menu button
    expect(page.locator(".dashboard-brand")).to_contain_text("Chợ OCOP")
    problems["overview"] = axe_problems(page)

    thumb = Taps(page)
    thumb.tap(page.locator("#tile-harvest"))
    expect(page.locator("h1")).to_have_text("Ghi vụ thu hoạch mới")
    problems["new batch"] = axe_problems(page)
    # Remembered: the last product and place; today, now, a fresh lot code, a harvest.
    expect(page.locator("#id_product")).to_have_value(str(shop["batch"].product_id))
    expect(page.locator("#id_event_place")).to_have_value("Đồi chè Khu 3")
    expect(page.locator("#id_event_kind")).to_have_value("harvest")
    lot = page.locator("#id_lot_code").input_value()
    assert re.fullmatch(rf"{timezone.localdate():%y%m%d}-\d+", lot)
    shown = datetime.datetime.fromisoformat(page.locator("#id_event_occurred_at").input_value())
    assert abs(shown - timezone.localtime().replace(tzinfo=None)) < datetime.timedelta(minutes=3)
    # Touch targets of at least 44 px and 16 px text on the form.
    for selector in ("#id_quantity", "#id_product", ".batch-form button[type=submit]"):
        assert page.locator(selector).bounding_box()["height"] >= 44, selector
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16

    thumb.type(page.locator("#id_quantity"), "250")
    thumb.tap(page.get_by_role("button", name="Tạo lô"))
    expect(page.locator(".alert-success")).to_contain_text(f"Đã tạo lô {lot}")
    expect(page.locator(".trace-timeline")).to_contain_text("Thu hoạch")
    problems["batch detail"] = axe_problems(page)

    thumb.tap(page.get_by_role("button", name="Công bố lô"))
    expect(page.locator(".alert-success")).to_contain_text("Đã công bố lô")
    with page.expect_download() as download:
        thumb.tap(page.get_by_role("button", name="In tem (PDF)"))
    assert download.value.suggested_filename.endswith(f"-lo-{lot.lower()}.pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    assert thumb.taps <= 6, thumb.taps
    assert thumb.typed <= 3, thumb.typed
    print(f"harvest and labels from the overview: {thumb.taps} taps, {thumb.typed} typed")

    page.goto(base + "/shop/dashboard/batches/")
    problems["batches"] = axe_problems(page)
    assert page_width(page) <= PHONE_WIDTH
    assert problems == {name: [] for name in problems}, problems


def _hoan_kiem(page):
    page.select_option("#id_province_code", label="Thành phố Hà Nội")
    expect(page.locator("#shipping-estimate")).to_contain_text("Thành phố Hà Nội: 30.000")
    page.select_option("#id_ward_code", label="Phường Hoàn Kiếm")


def _no_sideways_scroll(page, widths):
    widths[page.url] = page_width(page)


def test_a_guest_orders_with_cash_on_delivery_without_scrolling_sideways(
    phone_page, live_server, shop
):
    from oscar.core.loading import get_model

    page, base, widths, problems = phone_page, live_server.url, {}, {}

    def look(name):
        _no_sideways_scroll(page, widths)
        problems[name] = axe_problems(page)

    page.goto(base + "/")
    look("home")
    page.goto(base + "/shop/catalogue/")
    look("catalogue")
    sold_out = page.locator(".product-card").filter(has_text="Mật ong hoa nhãn 500 ml")
    expect(sold_out).to_contain_text("Hết hàng")
    expect(sold_out.locator("button, .disabled")).to_have_count(0)
    seller = page.locator(".product-card__seller").first
    assert seller.evaluate("e => e.scrollWidth <= e.clientWidth")  # the whole name shows
    page.goto(base + shop["tea"].get_absolute_url())
    look("product")
    with page.expect_navigation():
        page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(base + "/shop/basket/")
    look("basket")
    expect(page.locator("#basket-shipping-from")).to_contain_text("từ 20.000")
    guest_cod_checkout(
        page, base, email="khach.moi@example.com", full_name="Nguyễn Thị Lan",
        line1="12 Đường Hùng Vương", choose_place=_hoan_kiem, look=look,
    )  # fmt: skip

    order = get_model("order", "Order").objects.get()
    assert order.payment.method == "cod" and order.shipping_incl_tax == 30000
    page.goto(base + f"/shop/accounts/order-status/{order.number}/{order.verification_hash()}/")
    look("order status: e-mail")
    page.fill("#id_email", "khach.moi@example.com")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("body")).to_contain_text(order.number)
    look("order status")

    assert {url: w for url, w in widths.items() if w > PHONE_WIDTH} == {}
    assert problems == {name: [] for name in problems}, problems


def _copied(batch):
    """Make ``batch`` look copied: far more phones than its size, from many networks."""
    from traceability.counterfeit import PLAUSIBLE_CLIENTS_PER_ITEM
    from traceability.models import ScanLog
    from traceability.scans import scan_keys

    now = timezone.now()
    rows = []
    for n in range(PLAUSIBLE_CLIENTS_PER_ITEM * batch.quantity + 10):
        address = f"198.{n // 250 % 250}.{n % 250}.{n % 200 + 1}"
        client_key, place_key = scan_keys(address=address, user_agent=f"Phone {n}")
        rows.append(ScanLog(batch=batch, scanned_at=now - datetime.timedelta(hours=n % 400),
                            client="Zalo", client_key=client_key, place_key=place_key))  # fmt: skip
    ScanLog.objects.bulk_create(rows)


def test_axe_finds_no_serious_problem_on_the_other_pages(
    phone_page, new_context, live_server, shop
):
    from traceability import services

    page, base = phone_page, live_server.url
    cooperative, user = shop["cooperative"], shop["user"]
    recalled = trace_batch(cooperative=cooperative, upc="8934567890137", lot_code="TS-THU-HOI",
                           user=user)  # fmt: skip
    services.batch_recall(batch=recalled, reason="Độ ẩm vượt chuẩn", by=user)
    copied = trace_batch(cooperative=cooperative, upc="8934567890144", lot_code="TS-SAO-CHEP",
                         user=user)  # fmt: skip
    _copied(copied)
    problems, widths = {}, {}

    for name, path in [
        ("search", "/shop/search/?q=che"),
        ("QR page", f"/t/{shop['batch'].short_code}/"),
        ("QR page, recalled", f"/t/{recalled.short_code}/"),
        ("QR page, looks copied", f"/t/{copied.short_code}/"),
        ("lot not found", "/t/ZZZZZZZZ/"),
        ("cooperative profile", f"/shop/cooperatives/{cooperative.slug}/"),
        ("application", "/shop/cooperatives/apply/"),
    ]:
        page.goto(base + path)
        problems[name], widths[name] = axe_problems(page), page_width(page)
    page.goto(base + f"/t/{copied.short_code}/")
    expect(page.locator("#canh-bao-quet")).to_be_visible()
    expect(page.locator("#canh-bao-quet [lang=en]")).to_have_count(0)

    worker = new_context(phone=True)
    log_in(worker, base, user.email, COOPERATIVE_PASSWORD)
    for name, path in [
        ("overview", "/shop/dashboard/cooperative/"),
        ("batches", "/shop/dashboard/batches/"),
        ("new batch", "/shop/dashboard/batches/new/"),
        ("batch detail", f"/shop/dashboard/batches/{shop['batch'].pk}/"),
        ("bad label count", f"/shop/dashboard/batches/{shop['batch'].pk}/labels.pdf?count=0"),
        ("API tokens", "/shop/dashboard/cooperative/api-tokens/"),
    ]:
        worker.goto(base + path)
        problems[name], widths[name] = axe_problems(worker), page_width(worker)

    for phone in (True, False):
        staff = new_context(phone=phone)
        log_in(staff, base, STAFF_EMAIL, STAFF_PASSWORD)
        staff.goto(base + "/shop/dashboard/")
        expect(staff.locator("meta[http-equiv=refresh]")).to_have_count(0)
        problems[f"staff dashboard (phone={phone})"] = axe_problems(staff)

    assert {name: w for name, w in widths.items() if w > PHONE_WIDTH} == {}
    assert problems == {name: [] for name in problems}, problems
