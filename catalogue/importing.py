"""Import a cooperative's products from a spreadsheet (CSV or XLSX), with a preview.

``spreadsheet_read`` turns an upload into raw rows; ``import_preview`` checks every row
and says what is wrong with it, saving nothing; ``products_import`` saves the good rows
in one transaction. The confirmation step checks the rows again, so what is saved is
always what the preview showed.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.gtin import gtin_is_valid
from marketplace.sanitize import html_clean
from traceability import page_cache

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
MAX_COLUMNS = 50
# A sheet may hold blank rows between products, but not without end.
MAX_SHEET_ROWS = 5 * MAX_ROWS

# An XLSX is a zip: its limits are checked from the zip's directory before openpyxl
# decompresses a byte (a 300 KB zip bomb would otherwise hold a worker for a minute).
# A 1 000-row product sheet is a few MB of XML; these leave room for styles and strings.
MAX_XLSX_MEMBERS = 100
MAX_XLSX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_XLSX_TOTAL_BYTES = 40 * 1024 * 1024
# Spreadsheet XML compresses 5-30 times; a bomb of repeated cells, a thousand times.
MAX_XLSX_RATIO = 200
XLSX_REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
MAX_PRICE = 1_000_000_000

# Column headers, folded (no diacritics, lower case, single spaces), to field names.
# Vietnamese headers first; English ones are accepted too.
HEADERS = {
    "ten san pham": "title",
    "title": "title",
    "danh muc": "category",
    "category": "category",
    "gia": "price",
    "gia (dong)": "price",
    "gia (vnd)": "price",
    "price": "price",
    "ton kho": "stock",
    "so luong": "stock",
    "stock": "stock",
    "khoi luong": "net_content",
    "khoi luong / dung tich": "net_content",
    "net content": "net_content",
    "han su dung (thang)": "shelf_life_months",
    "han su dung": "shelf_life_months",
    "shelf life months": "shelf_life_months",
    "bao quan": "storage",
    "storage": "storage",
    "mo ta": "description",
    "description": "description",
    "thanh phan": "ingredients",
    "ingredients": "ingredients",
    "gtin": "gtin",
    "ma vach": "gtin",
    "ma gtin": "gtin",
}
REQUIRED = ("title", "category", "price", "stock")


def fold(text):
    """Return ``text`` without diacritics, lower case, spaces collapsed.

    "Giá (đồng)" becomes "gia (dong)".
    """
    text = unicodedata.normalize("NFKD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class ImportRow:
    """One spreadsheet row: its number as the spreadsheet shows it, values and problems."""

    number: int
    raw: dict
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    product_id: int | None = None

    @property
    def is_valid(self):
        return not self.errors

    @property
    def action(self):
        return "update" if self.product_id else "create"


def spreadsheet_read(*, upload):
    """Return the upload's rows as dicts keyed by field name.

    Raise ValidationError with a message for the cooperative when the file is unreadable.
    """
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(_("Tệp quá lớn (tối đa 2 MB)."), code="too_large")
    name = (upload.name or "").lower()
    content = upload.read()
    if name.endswith(".xlsx") or content[:4] == b"PK\x03\x04":
        table = _xlsx_rows(content)
    elif name.endswith(".csv") or name.endswith(".txt"):
        table = _csv_rows(content)
    else:
        raise ValidationError(_("Chỉ nhận tệp CSV hoặc Excel (.xlsx)."), code="unsupported_format")
    if not table:
        raise ValidationError(_("Tệp không có dữ liệu."), code="empty")
    table = [row[:MAX_COLUMNS] for row in table]
    header, *body = table
    columns = [HEADERS.get(fold(cell or "")) for cell in header]
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise ValidationError(
            _("Thiếu cột bắt buộc: %(columns)s. Hãy dùng tệp mẫu.")
            % {"columns": ", ".join(missing)},
            code="missing_columns",
        )
    rows = []
    for cells in body:
        if all(str(c or "").strip() == "" for c in cells):
            continue
        rows.append(
            {
                col: str(cell).strip() if cell is not None else ""
                for col, cell in zip(columns, cells, strict=False)
                if col
            }  # fmt: skip
        )
        if len(rows) > MAX_ROWS:
            raise _too_many_rows()
    return rows


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Tệp CSV phải lưu bằng mã UTF-8 (trong Excel: Lưu thành → CSV UTF-8)."),
            code="encoding",
        ) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = []
        for row in csv.reader(io.StringIO(text), dialect):
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_SHEET_ROWS:
                raise _too_many_rows()
    except csv.Error as error:  # a field over csv's 128 KB limit, a stray quote
        raise ValidationError(
            _("Không đọc được tệp CSV: %(reason)s") % {"reason": error}, code="unreadable"
        ) from error
    return rows


def _unreadable_xlsx():
    return ValidationError(
        _("Không đọc được tệp Excel. Hãy lưu lại dưới dạng .xlsx."), code="unreadable"
    )


def xlsx_check(content):
    """Refuse an XLSX whose zip is not a workbook or would unpack to too much.

    Only the zip's directory is read: the sizes it declares are the most Python's zipfile
    will ever decompress for a member, so checking them bounds what openpyxl may unpack.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise _unreadable_xlsx() from error
    names = {member.filename for member in members}
    if not all(name in names for name in XLSX_REQUIRED_MEMBERS):
        raise _unreadable_xlsx()
    total = sum(member.file_size for member in members)
    too_big = (
        len(members) > MAX_XLSX_MEMBERS
        or total > MAX_XLSX_TOTAL_BYTES
        or any(member.file_size > MAX_XLSX_MEMBER_BYTES for member in members)
        or any(
            member.file_size > 1024 * 1024
            and member.file_size > MAX_XLSX_RATIO * max(member.compress_size, 1)
            for member in members
        )
    )
    if too_big:
        raise ValidationError(
            _(
                "Tệp Excel này giải nén ra quá lớn hoặc có quá nhiều phần, không giống một "
                "bảng sản phẩm. Hãy chép các dòng sản phẩm sang tệp mẫu rồi tải lên lại."
            ),
            code="xlsx_too_large",
        )


def _xlsx_rows(content):
    from openpyxl import load_workbook

    xlsx_check(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        # read_only: rows are parsed as they are asked for; the sheet's own claimed size
        # is never trusted, only MAX_SHEET_ROWS rows of MAX_COLUMNS cells are read.
        rows = [
            list(row)
            for row in sheet.iter_rows(
                max_row=MAX_SHEET_ROWS + 1, max_col=MAX_COLUMNS, values_only=True
            )
        ]
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise _unreadable_xlsx() from error
    if len(rows) > MAX_SHEET_ROWS:
        raise _too_many_rows()
    return rows


def _too_many_rows():
    return ValidationError(
        _("Tệp có quá %(max)s dòng; hãy chia nhỏ.") % {"max": MAX_ROWS}, code="too_many_rows"
    )


def _parse_price(text):
    # "125.000", "125,000", "125000", "125.000 ₫", "125000đ" are all 125 000 đồng.
    cleaned = re.sub(r"[\s₫đĐ]|vnd|VND", "", text)
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", cleaned):
        cleaned = re.sub(r"[.,]", "", cleaned)
    if re.fullmatch(r"\d+\.0+", cleaned):  # Excel numbers arrive as "125000.0"
        cleaned = cleaned.split(".")[0]
    if not cleaned.isdigit():
        raise ValueError
    price = int(cleaned)
    if not 0 < price <= MAX_PRICE:
        raise ValueError
    return price


def _parse_whole(text, *, minimum=0):
    cleaned = text.strip()
    if re.fullmatch(r"\d+\.0+", cleaned):
        cleaned = cleaned.split(".")[0]
    if not cleaned.lstrip("-").isdigit():
        raise ValueError
    value = int(cleaned)
    if value < minimum:
        raise ValueError
    return value


def import_preview(*, cooperative, rows):
    """Return an ImportRow per row with its clean values or its errors; save nothing."""
    categories = {}
    for category in Category.objects.all():
        categories[fold(category.name)] = category.pk
        categories[fold(category.slug)] = category.pk
    gtins = [r.get("gtin", "").strip() for r in rows if r.get("gtin", "").strip()]
    owners = dict(Product.objects.filter(upc__in=gtins).values_list("upc", "cooperative_id"))
    own_products = dict(
        Product.objects.filter(upc__in=gtins, cooperative=cooperative).values_list("upc", "pk")
    )
    seen_titles, seen_gtins, checked = set(), set(), []
    for number, raw in enumerate(rows, start=2):  # row 1 is the header
        row = ImportRow(number=number, raw=raw)
        _check_row(row, categories=categories)
        gtin = row.values.get("gtin")
        if gtin:
            if gtin in seen_gtins:
                row.errors.append(_("GTIN trùng với một dòng phía trên."))
            elif gtin in owners and owners[gtin] != cooperative.pk:
                row.errors.append(_("GTIN này thuộc sản phẩm của đơn vị khác."))
            row.product_id = own_products.get(gtin)
            seen_gtins.add(gtin)
        title = fold(row.values.get("title", ""))
        if title and title in seen_titles:
            row.errors.append(_("Tên sản phẩm trùng với một dòng phía trên."))
        seen_titles.add(title)
        checked.append(row)
    return checked


def _check_row(row, *, categories):
    raw, values, errors = row.raw, row.values, row.errors
    title = unicodedata.normalize("NFC", raw.get("title", "")).strip()
    if not title:
        errors.append(_("Thiếu tên sản phẩm."))
    elif len(title) > 255:
        errors.append(_("Tên sản phẩm dài quá 255 ký tự."))
    values["title"] = title
    category = categories.get(fold(raw.get("category", "")))
    if category is None:
        errors.append(
            _("Danh mục “%(name)s” không có trong sàn.") % {"name": raw.get("category", "")}
        )
    values["category_id"] = category
    try:
        values["price"] = _parse_price(raw.get("price", ""))
    except ValueError:
        errors.append(
            _("Giá “%(value)s” không hợp lệ: nhập số đồng, ví dụ 125000.")
            % {"value": raw.get("price", "")}
        )
    try:
        values["stock"] = _parse_whole(raw.get("stock", ""))
    except ValueError:
        errors.append(
            _("Tồn kho “%(value)s” phải là số nguyên không âm.") % {"value": raw.get("stock", "")}
        )
    shelf_life = raw.get("shelf_life_months", "").strip()
    values["shelf_life_months"] = None
    if shelf_life:
        try:
            values["shelf_life_months"] = _parse_whole(shelf_life, minimum=1)
        except ValueError:
            errors.append(_("Hạn sử dụng phải là số tháng (số nguyên dương)."))
    gtin = raw.get("gtin", "").strip()
    if gtin and not gtin_is_valid(gtin):
        errors.append(_("GTIN “%(value)s” sai (độ dài hoặc số kiểm tra).") % {"value": gtin})
    values["gtin"] = gtin or None
    for name, limit in (("net_content", 64), ("storage", 255)):
        text = raw.get(name, "").strip()
        if len(text) > limit:
            errors.append(
                _("Trường %(name)s dài quá %(limit)s ký tự.") % {"name": name, "limit": limit}
            )
        values[name] = text
    # The description is HTML on the product page: only the allow-list's markup is kept.
    values["description"] = html_clean(raw.get("description", "").strip())
    values["ingredients"] = raw.get("ingredients", "").strip()


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0


def products_import(*, cooperative, rows, product_class):
    """Save the rows that pass the preview's checks, for ``cooperative``; return the counts.

    ``rows`` are the raw rows from ``spreadsheet_read``: they are checked again here.
    """
    checked = import_preview(cooperative=cooperative, rows=rows)
    result = ImportResult(skipped=sum(1 for r in checked if not r.is_valid))
    with transaction.atomic():
        for row in (r for r in checked if r.is_valid):
            if row.product_id:
                _update_product(row, cooperative=cooperative)
                result.updated += 1
            else:
                _create_product(row, cooperative=cooperative, product_class=product_class)
                result.created += 1
    return result


def _product_fields(values):
    return {
        "title": values["title"],
        "description": values["description"],
        "net_content": values["net_content"],
        "shelf_life_months": values["shelf_life_months"],
        "storage": values["storage"],
        "ingredients": values["ingredients"],
    }


def _create_product(row, *, cooperative, product_class):
    values = row.values
    product = Product(
        upc=values["gtin"],
        product_class=product_class,
        structure=Product.STANDALONE,
        cooperative=cooperative,
        origin_province_code=cooperative.province_code,
        origin_ward_code=cooperative.ward_code,
        **_product_fields(values),
    )
    product.full_clean(exclude=["slug"])
    product.save()
    ProductCategory.objects.create(product=product, category_id=values["category_id"])
    StockRecord.objects.create(
        product=product,
        partner=cooperative.partner,
        partner_sku=f"{cooperative.slug[:40]}-{product.pk}",
        price=Decimal(values["price"]),
        num_in_stock=values["stock"],
    )


def _update_product(row, *, cooperative):
    values = row.values
    product = Product.objects.select_for_update().get(pk=row.product_id, cooperative=cooperative)
    for name, value in _product_fields(values).items():
        setattr(product, name, value)
    product.save()
    page_cache.product_changed(product.pk)  # its lots' pages show the title and origin
    ProductCategory.objects.get_or_create(product=product, category_id=values["category_id"])
    StockRecord.objects.update_or_create(
        product=product,
        partner=cooperative.partner,
        defaults={"price": Decimal(values["price"]), "num_in_stock": values["stock"]},
        create_defaults={
            "partner_sku": f"{cooperative.slug[:40]}-{product.pk}",
            "price": Decimal(values["price"]),
            "num_in_stock": values["stock"],
        },
    )
