"""Chromium enforces the Content-Security-Policy, and the pages still work under it.

A shopper opens the home page, searches with suggestions, opens a product and a batch's
QR page, and checks out (shipping address with the province → commune select, payment
method, preview, thank-you); staff and a cooperative open their dashboards. Every CSP
violation Chromium reports, from any frame (a ``securitypolicyviolation`` listener added
to every document, and console messages about the Content Security Policy), fails the
test; so does a page whose scripts stopped working.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_split_order_journey import log_in
from tests.factories import CooperativeFactory, cooperative_user, ocop_product, trace_batch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CUSTOMER_EMAIL, CUSTOMER_PASSWORD = "lan@khachhang.example", "mua-dac-san-ocop"
STAFF_EMAIL, STAFF_PASSWORD = "quantri@cho-ocop.example", "quan-tri-cho-ocop"
COOPERATIVE_PASSWORD = "doi-che-khu-3"
TEA = "Chè búp Thanh Sơn 200 g"

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        page: document.location.href,
        line: event.lineNumber,
    });
});
"""


def watch_csp(page):
    """Return the list the page's CSP violations (and CSP console messages) go into."""
    violations = []
    page.context.expose_binding("cspViolation", lambda source, report: violations.append(report))
    page.context.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            violations.append({"console": message.text, "page": page.url})
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    return violations


@pytest.fixture
def shop(transactional_db, search_server):
    from oscar.core.loading import get_model
    from oscar.test.factories import UserFactory

    from tests.factories import category, home_page

    home_page()
    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Thanh Sơn")
    tea = ocop_product(cooperative=cooperative, title=TEA, price=125000, category=category("Chè"))
    user = cooperative_user(cooperative)
    user.set_password(COOPERATIVE_PASSWORD)
    user.save()
    batch = trace_batch(cooperative=cooperative, upc="8934567890120", user=user)
    UserFactory(email=CUSTOMER_EMAIL, password=CUSTOMER_PASSWORD)
    UserFactory(email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True, is_superuser=True)
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )
    search_server.rebuild()
    return {"tea": tea, "batch": batch, "cooperative_user": user}


def test_a_shopper_browses_and_checks_out_with_no_csp_violation(page, live_server, shop):
    from traceability.links import batch_path

    violations = watch_csp(page)
    base = live_server.url

    page.goto(base + "/")
    # The header's suggestions (static/js/suggest.js) still appear as one types.
    page.get_by_role("combobox", name="Tìm sản phẩm").press_sequentially("che bu")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(listbox).to_contain_text(TEA)

    page.goto(base + shop["tea"].get_absolute_url())
    expect(page.locator("h1")).to_have_text(TEA)
    page.goto(base + batch_path(shop["batch"]))
    expect(page.locator("body")).to_contain_text("Đồi chè Khu 3")
    page.goto(base + f"/t/{shop['batch'].short_code}/")
    expect(page.locator("body")).to_contain_text("Đồi chè Khu 3")

    log_in(page, base, CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
    page.goto(base + shop["tea"].get_absolute_url())
    with page.expect_navigation():
        page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(base + "/shop/basket/")
    page.goto(base + "/shop/checkout/")
    expect(page).to_have_url(re.compile(r"/shop/checkout/shipping-address/$"))
    page.fill("#id_full_name", "Nguyễn Thị Lan")
    page.fill("#id_phone_number", "0912345678")
    page.fill("#id_line1", "12 Đường Hùng Vương")
    page.select_option("#id_province_code", label="Phú Thọ")
    # The commune select (static/js/ward-select.js) loads Phú Thọ's communes, and only them.
    expect(page.locator("#id_ward_code option", has_text="Phường Việt Trì")).to_have_count(1)
    expect(page.locator("#id_ward_code option", has_text="Phường Hoàn Kiếm")).to_have_count(0)
    expect(page.locator("#shipping-estimate")).to_contain_text("Phú Thọ")
    page.select_option("#id_ward_code", label="Phường Việt Trì")
    with page.expect_navigation():
        page.locator("#new_shipping_address button[type=submit]").click()
    with page.expect_navigation():
        page.locator("form[action$='/checkout/shipping-method/'] button[type=submit]").first.click()
    page.get_by_label("Thanh toán khi nhận hàng (COD)").check()
    with page.expect_navigation():
        page.locator("#choose-payment").click()
    expect(page).to_have_url(re.compile(r"/shop/checkout/preview/$"))
    with page.expect_navigation():
        page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/shop/checkout/thank-you/$"))

    assert violations == [], "\n".join(map(str, violations))


def test_staff_and_a_cooperative_use_the_dashboard_with_no_csp_violation(
    page, new_context, live_server, shop
):
    from tests.factories import ocop_order

    order = ocop_order(items=[(shop["tea"], 1)])
    violations = watch_csp(page)
    base = live_server.url

    log_in(page, base, STAFF_EMAIL, STAFF_PASSWORD)
    page.goto(base + "/shop/dashboard/")
    # The hourly sales bars get their heights from static/js/csp-handlers.js.
    expect(page.locator("[data-bar-height]").first).to_have_attribute("style", re.compile("height"))
    page.goto(base + "/shop/dashboard/catalogue/")
    page.goto(base + f"/shop/dashboard/catalogue/products/{shop['tea'].pk}/")
    # Oscar's dashboard init (the nonced body-load script) turns the description into
    # a TinyMCE editor.
    expect(page.locator(".tox-tinymce").first).to_be_visible()
    page.goto(base + f"/shop/dashboard/orders/{order.number}/")
    expect(page.locator("#order_lines_form")).to_be_visible()
    page.goto(base + "/shop/dashboard/certificates/review/")
    page.goto(base + "/shop/dashboard/cooperatives/")

    cooperative = new_context(phone=True)
    cooperative_violations = watch_csp(cooperative)
    log_in(cooperative, base, shop["cooperative_user"].email, COOPERATIVE_PASSWORD)
    cooperative.goto(base + "/shop/dashboard/cooperative/")
    expect(cooperative.locator(".sales-chart")).to_be_visible()
    cooperative.goto(base + "/shop/dashboard/catalogue/")
    cooperative.goto(base + f"/shop/dashboard/orders/{order.number}/")
    cooperative.goto(base + "/shop/dashboard/batches/")
    cooperative.goto(base + f"/shop/dashboard/batches/{shop['batch'].pk}/")
    cooperative.goto(base + "/shop/dashboard/certificates/mine/")
    cooperative.goto(base + "/shop/dashboard/products/import/")
    # A dashboard widget still works: the navigation menu opens on a phone.
    cooperative.locator(".navbar-toggler").first.click()
    expect(cooperative.locator("#dashboard_nav")).to_be_visible()

    assert violations == [], "\n".join(map(str, violations))
    assert cooperative_violations == [], "\n".join(map(str, cooperative_violations))


def test_the_admin_sites_work_under_their_own_policy(page, live_server, shop):
    from cms.models import HomePage

    violations = watch_csp(page)
    base = live_server.url
    home = HomePage.objects.first()

    log_in(page, base, STAFF_EMAIL, STAFF_PASSWORD)
    page.goto(base + f"/cms/pages/{home.pk}/edit/")
    # Wagtail's editor (its own inline scripts and styles) comes up: the tabs render.
    expect(page.locator("form#page-edit-form")).to_be_visible()
    expect(page.get_by_role("tab").first).to_be_visible()
    page.goto(base + "/django-admin/")
    expect(page.locator("#site-name")).to_be_visible()

    assert violations == [], "\n".join(map(str, violations))
