"""Cooperatives import products from CSV/XLSX: a preview with row errors, then a save."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from oscar.test.factories import ProductClassFactory

from catalogue.importing import import_preview, products_import
from catalogue.product_sheets import spreadsheet_read
from tests.factories import CooperativeFactory, category, ocop_product

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")

HEADER = "Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho,Khối lượng,Hạn sử dụng (tháng),GTIN\n"


def _csv(lines, name="san-pham.csv"):
    return SimpleUploadedFile(name, (HEADER + "".join(lines)).encode("utf-8-sig"))


def _twenty_rows_two_bad():
    lines = [f"Chè búp loại {n},Chè,{85000 + n * 1000},{10 + n},200 g,12,\n" for n in range(18)]
    lines.insert(5, "Chè hỏng giá,Chè,tám mươi nghìn,10,200 g,12,\n")
    lines.insert(12, "Chè không danh mục,Bánh kẹo ngoại,90000,10,200 g,12,\n")
    return lines


@pytest.fixture
def tea_coop():
    category("Chè")
    return CooperativeFactory()


@pytest.fixture
def product_class():
    return ProductClassFactory(name="Sản phẩm OCOP")


def test_the_preview_points_at_the_bad_rows_and_saves_nothing(tea_coop):
    rows = spreadsheet_read(upload=_csv(_twenty_rows_two_bad()))

    preview = import_preview(cooperative=tea_coop, rows=rows)

    assert len(preview) == 20
    assert [(r.number, r.is_valid) for r in preview if not r.is_valid] == [(7, False), (14, False)]
    assert "tám mươi nghìn" in preview[5].errors[0]
    assert "Bánh kẹo ngoại" in preview[12].errors[0]
    assert not Product.objects.exists()


def test_confirming_imports_the_good_rows_for_that_cooperative_only(tea_coop, product_class):
    rows = spreadsheet_read(upload=_csv(_twenty_rows_two_bad()))

    result = products_import(cooperative=tea_coop, rows=rows, product_class=product_class)

    assert (result.created, result.updated, result.skipped) == (18, 0, 2)
    products = Product.objects.filter(cooperative=tea_coop)
    assert products.count() == 18
    first = products.get(title="Chè búp loại 0")
    assert first.stockrecords.get().price == 85000
    assert first.stockrecords.get().partner == tea_coop.partner
    assert first.origin_province_code == tea_coop.province_code


def test_prices_are_read_the_vietnamese_way(tea_coop):
    lines = [
        'Chè A,Chè,"125.000",5,,,\n',
        "Chè B,Chè,125000 ₫,5,,,\n",
        'Chè C,Chè,"1,250,000",5,,,\n',
        "Chè D,Chè,-5000,5,,,\n",
        "Chè E,Chè,125.5,5,,,\n",
    ]
    preview = import_preview(cooperative=tea_coop, rows=spreadsheet_read(upload=_csv(lines)))

    assert [r.values.get("price") for r in preview[:3]] == [125000, 125000, 1250000]
    assert not preview[3].is_valid and not preview[4].is_valid


def test_a_gtin_of_another_cooperatives_product_is_refused(tea_coop):
    other = ocop_product(cooperative=CooperativeFactory(), title="Chè khác", price=1000,
                         upc="8934567890120")  # fmt: skip

    preview = import_preview(
        cooperative=tea_coop,
        rows=spreadsheet_read(upload=_csv(["Chè của tôi,Chè,90000,5,,,8934567890120\n"])),
    )

    assert not preview[0].is_valid
    assert "đơn vị khác" in preview[0].errors[0]
    assert other.stockrecords.get().price == 1000


def test_a_row_with_its_own_gtin_updates_price_and_stock(tea_coop, product_class):
    mine = ocop_product(cooperative=tea_coop, title="Chè cũ", price=50000, upc="8934567890120")
    rows = spreadsheet_read(upload=_csv(["Chè mới,Chè,99000,42,,,8934567890120\n"]))

    result = products_import(cooperative=tea_coop, rows=rows, product_class=product_class)

    assert (result.created, result.updated) == (0, 1)
    mine.refresh_from_db()
    assert mine.title == "Chè mới"
    assert mine.stockrecords.get().price == 99000
    assert mine.stockrecords.get().num_in_stock == 42


def test_bad_gtins_and_duplicate_rows_are_errors(tea_coop):
    lines = [
        "Chè 1,Chè,90000,5,,,8934567890121\n",
        "Chè 2,Chè,90000,5,,,\n",
        "Chè 2,Chè,90000,5,,,\n",
    ]
    preview = import_preview(cooperative=tea_coop, rows=spreadsheet_read(upload=_csv(lines)))

    assert [r.is_valid for r in preview] == [False, True, False]


def test_an_xlsx_file_is_read_like_a_csv(tea_coop):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Tên sản phẩm", "Danh mục", "Giá (đồng)", "Tồn kho"])
    sheet.append(["Chè Excel", "che", 125000, 12])
    out = io.BytesIO()
    book.save(out)

    rows = spreadsheet_read(upload=SimpleUploadedFile("hang.xlsx", out.getvalue()))
    preview = import_preview(cooperative=tea_coop, rows=rows)

    assert preview[0].is_valid, preview[0].errors
    assert preview[0].values["price"] == 125000 and preview[0].values["stock"] == 12


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("a.pdf", b"%PDF-1.4"), "unsupported_format"),
        (SimpleUploadedFile("a.csv", "Tên,Giá\nA,1\n".encode()), "missing_columns"),
        (SimpleUploadedFile("a.csv", HEADER.encode("utf-16")), "encoding"),
        (SimpleUploadedFile("a.xlsx", b"PK\x03\x04 not really a workbook"), "unreadable"),
        (SimpleUploadedFile("a.csv", b""), "empty"),
    ],
)
def test_unreadable_files_get_a_clear_message(upload, code):
    with pytest.raises(ValidationError) as error:
        spreadsheet_read(upload=upload)

    assert error.value.code == code
