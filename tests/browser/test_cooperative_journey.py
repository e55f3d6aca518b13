"""A cooperative's journey on a phone, in Chromium: apply → approved → import → certified.

Only the starting data is made in Python (a staff login, the categories, a product class,
the home page); everything else goes through the pages, the way the people involved would.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.factories import category, home_page

# serialized_rollback restores what migrations created (Wagtail's page tree) afterwards.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Cooperative = get_model("partner", "Cooperative")

STAFF_EMAIL, STAFF_PASSWORD = "admin@ocop.example", "ocop-admin"
COOP_NAME = "Hợp tác xã Chè Thanh Sơn"
COOP_EMAIL, COOP_PASSWORD = "hoa@chethanhson.example", "bup-tra-sao-tay-2015"
CERTIFIED_PRODUCT = "Chè búp Thanh Sơn 200 g"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SCREENSHOTS = "/tmp/coop-journey-{}.png"

GOOD_ROWS = [
    (CERTIFIED_PRODUCT, "Chè", "125.000", "40"),
    ("Chè xanh Thanh Sơn 100 g", "Chè", "65000", "30"),
    ("Chè đinh Thanh Sơn 50 g", "Chè", "320.000 ₫", "10"),
    ("Hồng trà Thanh Sơn 200 g", "Chè", "150000", "25"),
    ("Trà hoa vàng túi lọc", "Chè", "210000", "12"),
    ("Chè Shan tuyết cổ thụ 250 g", "Chè", "280000", "8"),
    ("Mật ong hoa nhãn 500 ml", "Mật ong", "180000", "20"),
    ("Mật ong hoa cà phê 500 ml", "Mật ong", "170000", "15"),
    ("Mật ong rừng 1 lít", "Mật ong", "450000", "5"),
    ("Sáp ong nguyên chất 200 g", "Mật ong", "90000", "0"),
    ("Gạo nếp cái hoa vàng 2 kg", "Gạo", "90000", "50"),
    ("Gạo Bắc Hương 5 kg", "Gạo", "160000", "30"),
    ("Gạo lứt đỏ 1 kg", "Gạo", "55000", "40"),
    ("Gạo nếp nương 2 kg", "Gạo", "110000", "18"),
    ("Bưởi đỏ Tân Lạc (quả)", "Trái cây", "75000", "60"),
    ("Cam Cao Phong 1 kg", "Trái cây", "45000", "80"),
    ("Chuối sấy dẻo 250 g", "Trái cây", "38000", "35"),
    ("Thanh long ruột đỏ 1 kg", "Trái cây", "30000", "45"),
]
# Rows 5 and 12 of the spreadsheet (row 1 is the header): a price in words, and a
# category the marketplace does not have.
BAD_ROWS = {
    5: ("Chè móc câu 100 g", "Chè", "tám mươi nghìn", "20"),
    12: ("Máy sấy chè mini", "Máy nông nghiệp", "2500000", "3"),
}


@pytest.fixture
def marketplace(transactional_db):
    from oscar.test.factories import ProductClassFactory, UserFactory

    UserFactory(email=STAFF_EMAIL, password=STAFF_PASSWORD, is_staff=True,
                is_superuser=True)  # fmt: skip
    for name in ("Chè", "Mật ong", "Gạo", "Trái cây"):
        category(name)
    ProductClassFactory(name="Đặc sản OCOP")
    home_page()


def spreadsheet(tmp_path):
    """Write the cooperative's CSV: 20 products, the two bad ones among the good."""
    rows = list(GOOD_ROWS)
    for number, row in sorted(BAD_ROWS.items()):
        rows.insert(number - 2, row)
    assert len(rows) == 20
    lines = ["Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho"]
    lines += [",".join(f'"{cell}"' for cell in row) for row in rows]
    path = tmp_path / "san-pham-htx.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def log_in(page, base_url, email, password):
    page.goto(base_url + "/shop/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    with page.expect_navigation():
        page.click("button[name=login_submit]")


def fits_the_screen(page):
    """Return whether the document does not scroll sideways.

    The yardstick is the layout viewport (``clientWidth``, 360 px): an emulated phone
    widens ``window.innerWidth`` to whatever width the content spills to (627 px on an
    overflowing page), so a comparison with it holds even when the page overflows.
    """
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )


def fits_its_box(locator):
    """Return whether the element's content needs no sideways scrolling inside it."""
    return locator.evaluate("box => box.scrollWidth <= box.clientWidth + 1")


def shoot(page, step):
    page.screenshot(path=SCREENSHOTS.format(step), full_page=True)


def test_a_cooperative_applies_imports_products_and_shows_its_ocop_stars(
    phone_page, new_context, live_server, marketplace, tmp_path
):
    base = live_server.url

    # 1. The cooperative applies, on its phone.
    page = phone_page
    page.goto(base + "/shop/cooperatives/apply/")
    expect(page.locator("h1")).to_have_text("Đăng ký bán hàng")
    page.fill("#id_name", COOP_NAME)
    page.select_option("#id_province_code", label="Phú Thọ")
    page.select_option("#id_ward_code", label="Xã Cẩm Khê")
    page.fill("#id_address", "Xóm Đồng Chè, thôn 3")
    page.fill("#id_founded_year", "2015")
    page.fill("#id_members_count", "24")
    page.fill("#id_story", "Hai mươi bốn hộ trồng chè Shan tuyết trên đồi, sao chè bằng tay.")
    page.fill("#id_contact_name", "Nguyễn Thị Hoa")
    page.fill("#id_phone", "0912 345 678")
    page.fill("#id_email", COOP_EMAIL)
    page.fill("#id_password", COOP_PASSWORD)
    page.fill("#id_password_confirm", COOP_PASSWORD)
    shoot(page, "1-apply-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi hồ sơ").click()
    expect(page).to_have_url(re.compile(r"/shop/cooperatives/apply/done/$"))
    expect(page.locator("h1")).to_have_text("Cảm ơn bạn đã đăng ký!")
    shoot(page, "1-apply-done")

    # 2. Staff, at a desk, approve the application.
    staff = new_context(phone=False)
    log_in(staff, base, STAFF_EMAIL, STAFF_PASSWORD)
    staff.goto(base + "/shop/dashboard/cooperatives/")
    row = staff.locator("tr", has_text=COOP_NAME)
    expect(row).to_contain_text("Phú Thọ")
    expect(row).to_contain_text("+84912345678")
    row.get_by_role("link", name="Xét duyệt").click()
    expect(staff.locator("h1")).to_have_text(COOP_NAME)
    expect(staff.locator("body")).to_contain_text("Xã Cẩm Khê, Phú Thọ")
    shoot(staff, "2-staff-review")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Duyệt").click()
    expect(staff.locator(".alert-success")).to_contain_text(f"Đã duyệt {COOP_NAME}")
    expect(staff.locator(".badge-success")).to_have_text("Đã duyệt")
    shoot(staff, "2-staff-approved")
    approval = [m for m in mail.outbox if m.subject.endswith("đã được duyệt bán hàng")]
    assert [m.to for m in approval] == [[COOP_EMAIL]]

    # 3. The approval e-mail arrives; the cooperative signs in on its phone and imports.
    page.context.clear_cookies()  # the application's session is long over
    log_in(page, base, COOP_EMAIL, COOP_PASSWORD)
    page.goto(base + "/shop/dashboard/products/import/")
    expect(page.locator("h1")).to_have_text("Nhập sản phẩm từ bảng tính")
    page.set_input_files("#id_spreadsheet", spreadsheet(tmp_path))
    shoot(page, "3-import-upload")
    with page.expect_navigation():
        page.get_by_role("button", name="Xem trước").click()
    # The rows are checked by a background job; its page turns into the preview when done.
    expect(page).to_have_url(re.compile(r"/shop/dashboard/products/import/jobs/[0-9a-f-]+/$"))
    expect(page.locator("h1")).to_have_text("Xem trước khi nhập")
    expect(page.get_by_test_id("import-summary")).to_contain_text("18 dòng hợp lệ")
    expect(page.get_by_test_id("import-summary")).to_contain_text("2 dòng lỗi")
    expect(page.locator("table.import-preview tbody tr")).to_have_count(20)
    expect(page.locator("tr.table-success")).to_have_count(18)
    bad = page.locator("tr.table-danger")
    expect(bad).to_have_count(2)
    assert [int(n) for n in bad.evaluate_all("rows => rows.map(r => r.dataset.row)")] == sorted(
        BAD_ROWS
    )
    expect(page.locator("tr[data-row='5']")).to_contain_text("Giá “tám mươi nghìn” không hợp lệ")
    expect(page.locator("tr[data-row='12']")).to_contain_text(
        "Danh mục “Máy nông nghiệp” không có trong sàn"
    )
    expect(page.locator("tr[data-row='2']")).to_contain_text(re.compile(r"125\.000\s₫"))
    assert fits_the_screen(page), "the import preview scrolls sideways on a 360 px phone"
    shoot(page, "3-import-preview")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu 18 sản phẩm hợp lệ").click()
    # A second job saves them; its page shows the counts once done.
    expect(page.locator("h1")).to_have_text("Kết quả nhập sản phẩm")
    expect(page.get_by_test_id("import-result")).to_contain_text(
        "Đã thêm 18 sản phẩm, cập nhật 0, bỏ qua 2 dòng lỗi."
    )
    assert fits_the_screen(page), "the import result scrolls sideways on a 360 px phone"
    shoot(page, "3-import-result")
    with page.expect_navigation():
        page.get_by_role("link", name="Xem danh sách sản phẩm").click()
    # Oscar's product list: its wide table scrolls, not the page.
    expect(page.locator("table").get_by_role("link", name=CERTIFIED_PRODUCT)).to_be_visible()
    assert fits_the_screen(page), "the dashboard's product list scrolls sideways on a phone"
    shoot(page, "3-import-saved")

    # 4. The cooperative sends its OCOP certificate; staff check the scan and verify it.
    page.goto(base + "/shop/dashboard/certificates/mine/add/")
    expect(page.locator("h1")).to_have_text("Thêm chứng nhận")
    page.select_option("#id_product", label=CERTIFIED_PRODUCT)
    page.select_option("#id_kind", value="ocop")
    page.select_option("#id_stars", "4")
    page.fill("#id_authority", "UBND tỉnh Phú Thọ")
    page.fill("#id_decision_number", "1234/QĐ-UBND")
    issued_on = timezone.localdate() - datetime.timedelta(days=100)
    page.fill("#id_issued_on", issued_on.isoformat())
    scan = tmp_path / "quyet-dinh-ocop.pdf"
    scan.write_bytes(PDF)
    page.set_input_files("#id_document", scan)
    shoot(page, "4-certificate-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi để sàn xác minh").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã gửi chứng nhận")
    mine = page.locator("tr", has_text=CERTIFIED_PRODUCT)
    expect(mine).to_contain_text("Chờ sàn xác minh")
    assert fits_its_box(page.locator(".table-responsive")), "the status is cut off on a phone"
    shoot(page, "4-certificate-pending")

    staff.goto(base + "/shop/dashboard/certificates/review/")
    pending = staff.locator("tr", has_text=CERTIFIED_PRODUCT)
    expect(pending).to_contain_text(COOP_NAME)
    expect(pending.get_by_role("link", name="Mở")).to_have_attribute("href", re.compile(r"\.pdf$"))
    shoot(staff, "4-staff-certificates")
    with staff.expect_navigation():
        pending.get_by_role("button", name="Xác minh").click()
    expect(staff.locator(".alert-success")).to_contain_text("Đã xác minh chứng nhận")
    expect(staff.locator("body")).to_contain_text("Không có chứng nhận nào chờ xác minh.")

    page.reload()
    expect(page.locator("tr", has_text=CERTIFIED_PRODUCT)).to_contain_text("Đang hiệu lực")

    # 5. A shopper, on another phone, finds the cooperative and its certified product.
    slug = Cooperative.objects.get(partner__name=COOP_NAME).slug
    visitor = new_context(phone=True)
    visitor.goto(f"{base}/shop/cooperatives/{slug}/")
    expect(visitor.locator("h1")).to_have_text(COOP_NAME)
    expect(visitor.locator("#products-heading")).to_have_text("18 sản phẩm")
    expect(visitor.locator(".product-grid > li")).to_have_count(18)
    expect(visitor.locator("#certificates-heading")).to_be_visible()
    certified_card = visitor.locator(".product-card", has_text=CERTIFIED_PRODUCT)
    expect(certified_card.locator(".ocop-stars")).to_contain_text("OCOP 4 sao")
    assert fits_the_screen(visitor), "the cooperative's profile scrolls sideways on a phone"
    shoot(visitor, "5-profile")

    visitor.goto(base + "/shop/catalogue/")
    card = visitor.locator(".product-card", has_text=CERTIFIED_PRODUCT)
    expect(card.locator(".ocop-stars")).to_contain_text("OCOP 4 sao")
    expect(card).to_contain_text(COOP_NAME)
    expect(visitor.locator(".product-card .ocop-stars")).to_have_count(1)
    shoot(visitor, "5-catalogue")
