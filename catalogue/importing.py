"""Import a cooperative's products from a spreadsheet (CSV or XLSX), with a preview.

``spreadsheet_read`` turns an upload into raw rows; ``import_preview`` checks every row
and says what is wrong with it, saving nothing; ``products_import`` saves the good rows.
The confirmation step checks the rows again, so what is saved is always what the
preview showed.

Both steps run in the background (``catalogue.tasks``): the upload page only makes the
checks that cost nothing (``spreadsheet_check``) and starts a tracked job
(``product_import_start``), whose page shows the preview; confirming it starts a second
job (``product_import_confirm``) that saves the rows.
"""

import csv
import io
import re
import unicodedata
import zipfile
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.gtin import gtin_is_valid
from marketplace import vnd
from marketplace.jobs.models import Job
from marketplace.jobs.services import job_start
from marketplace.sanitize import html_clean
from marketplace.spreadsheets import csv_reader

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 50
# A sheet may hold blank rows between products, but not without end.
MAX_SHEET_ROWS = 2 * MAX_ROWS
# The rows are saved this many at a time, each batch in its own transaction.
IMPORT_CHUNK_ROWS = 250
# The preview page lists every row with an error (up to this many) and the first valid ones.
PREVIEW_ERRORS_SHOWN = 500
PREVIEW_VALID_SHOWN = 50

# An XLSX is a zip: its limits are checked from the zip's directory before openpyxl
# decompresses a byte (a 300 KB zip bomb would otherwise hold a worker for a minute).
# A 5 000-row product sheet is a few MB of XML; these leave room for styles and strings.
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


def _content(upload):
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (tối đa %(size)s MB).") % {"size": MAX_FILE_BYTES // (1024 * 1024)},
            code="too_large",
        )
    return upload.read()


def _is_xlsx(name, content):
    """True for an Excel file, False for a CSV; raise ValidationError for anything else."""
    name = (name or "").lower()
    if name.endswith(".xlsx") or content[:4] == b"PK\x03\x04":
        return True
    if name.endswith(".csv") or name.endswith(".txt"):
        return False
    raise ValidationError(_("Chỉ nhận tệp CSV hoặc Excel (.xlsx)."), code="unsupported_format")


def spreadsheet_check(*, upload):
    """Return the upload's content once the checks that cost next to nothing pass.

    Its size and format; for an XLSX, its zip directory (``xlsx_check``); for a CSV, its
    encoding and header row. The rows themselves are read later, in the background.
    Raise ValidationError with a message for the cooperative.
    """
    content = _content(upload)
    if _is_xlsx(upload.name, content):
        xlsx_check(content)
        return content
    try:
        header = next(csv_reader(_csv_text(content)), None)
    except csv.Error as error:
        raise _unreadable_csv(error) from error
    if header is None:
        raise ValidationError(_("Tệp không có dữ liệu."), code="empty")
    _columns(header[:MAX_COLUMNS])
    return content


def spreadsheet_read(*, upload):
    """Return the upload's rows as dicts keyed by field name.

    Raise ValidationError with a message for the cooperative when the file is unreadable.
    """
    content = _content(upload)
    table = _xlsx_rows(content) if _is_xlsx(upload.name, content) else _csv_rows(content)
    if not table:
        raise ValidationError(_("Tệp không có dữ liệu."), code="empty")
    table = [row[:MAX_COLUMNS] for row in table]
    header, *body = table
    columns = _columns(header)
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


def _columns(header):
    """Return the field name of each header cell (None for a column not imported)."""
    columns = [HEADERS.get(fold(cell or "")) for cell in header]
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise ValidationError(
            _("Thiếu cột bắt buộc: %(columns)s. Hãy dùng tệp mẫu.")
            % {"columns": ", ".join(missing)},
            code="missing_columns",
        )
    return columns


def _csv_text(content):
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Tệp CSV phải lưu bằng mã UTF-8 (trong Excel: Lưu thành → CSV UTF-8)."),
            code="encoding",
        ) from error


def _unreadable_csv(error):
    return ValidationError(
        _("Không đọc được tệp CSV: %(reason)s") % {"reason": error}, code="unreadable"
    )


def _csv_rows(content):
    reader = csv_reader(_csv_text(content))
    try:
        rows = []
        for row in reader:
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_SHEET_ROWS:
                raise _too_many_rows()
    except csv.Error as error:  # a field over csv's 128 KB limit, a stray quote
        raise _unreadable_csv(error) from error
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
    # "125.000", "125,000", "125000", "125.000 ₫", "125000đ", Excel's "125000.0": 125 000 đồng.
    price = int(vnd.parse_amount(text))
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


def import_preview(*, cooperative, rows, progress=None):
    """Return an ImportRow per row with its clean values or its errors; save nothing.

    ``progress(done, total)``, when given, is called after each row.
    """
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
        if progress is not None:
            progress(len(checked), len(rows))
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

    def as_dict(self):
        return asdict(self)


def products_import(*, cooperative, rows, product_class, progress=None, resume=None):
    """Save the rows that pass the preview's checks, for ``cooperative``; return the counts.

    ``rows`` are the raw rows from ``spreadsheet_read``: they are checked again here.
    Without ``progress``, all rows are saved in one transaction. With it, they are saved
    IMPORT_CHUNK_ROWS at a time, each batch in its own transaction, and
    ``progress(done, total, result)`` is called at the end of each batch, inside its
    transaction: what the caller records there is committed with the batch, or not at
    all. Given back as ``resume=(done, result)``, it carries on after those rows, so a
    run cut short and started again saves no row twice.
    """
    checked = import_preview(cooperative=cooperative, rows=rows)
    done, result = resume if resume is not None else (0, ImportResult())
    result = ImportResult(**asdict(result))
    with transaction.atomic() if progress is None else nullcontext():
        for start in range(done, len(checked), IMPORT_CHUNK_ROWS):
            batch = checked[start : start + IMPORT_CHUNK_ROWS]
            with transaction.atomic():
                for row in batch:
                    if not row.is_valid:
                        result.skipped += 1
                    elif row.product_id:
                        _update_product(row, cooperative=cooperative)
                        result.updated += 1
                    else:
                        _create_product(row, cooperative=cooperative, product_class=product_class)
                        result.created += 1
                if progress is not None:
                    progress(start + len(batch), len(checked), result)
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


def preview_result(checked):
    """Return the preview as the check job keeps it (JSON): the counts, and per row what
    the preview page shows and what saving it needs (its raw values)."""
    return {
        "valid": sum(1 for row in checked if row.is_valid),
        "errors": sum(1 for row in checked if not row.is_valid),
        "rows": [
            {
                "number": row.number,
                "raw": row.raw,
                "title": row.values.get("title") or row.raw.get("title", ""),
                "price": row.values.get("price"),
                "stock": row.values.get("stock"),
                "errors": row.errors,
                "action": row.action,
            }
            for row in checked
        ],
    }


def preview_shown(result):
    """Return what the preview page lists of a check job's ``result``: every row with an
    error (up to PREVIEW_ERRORS_SHOWN) and the first PREVIEW_VALID_SHOWN valid rows, in
    the spreadsheet's order, with the counts of all and of those left out."""
    errors = [row for row in result["rows"] if row["errors"]][:PREVIEW_ERRORS_SHOWN]
    valid = [row for row in result["rows"] if not row["errors"]][:PREVIEW_VALID_SHOWN]
    return {
        "rows": sorted(errors + valid, key=lambda row: row["number"]),
        "valid_count": result["valid"],
        "error_count": result["errors"],
        "valid_hidden": result["valid"] - len(valid),
        "errors_hidden": result["errors"] - len(errors),
    }


def product_import_start(*, upload, cooperative, owner):
    """Check the upload (cheaply) and start reading and checking its rows in the
    background; return the tracked job, whose page shows the preview.

    Raise ValidationError for a file refused at once (too big, not a spreadsheet, no
    header row).
    """
    from catalogue import tasks

    content = spreadsheet_check(upload=upload)
    return job_start(
        task=tasks.product_import_check, owner=owner, cooperative=cooperative,
        upload=content, upload_name=upload.name or "", language=get_language(),
    )  # fmt: skip


def product_import_confirm(*, check_job, cooperative, owner):
    """Start saving the rows that ``check_job``'s preview showed; return the job saving them.

    A preview is saved once: confirming it again (a second click, a second tab) returns
    the job already started. Raise ValidationError when the preview cannot be saved.
    """
    from catalogue import tasks

    with transaction.atomic():
        check = Job.objects.select_for_update().filter(pk=check_job.pk).first()
        result = (check.result if check is not None else None) or {}
        if (
            check is None or check.cooperative_id != cooperative.pk
            or check.task != tasks.product_import_check.name
            or check.status != Job.Status.DONE or "rows" not in result
        ):  # fmt: skip
            raise ValidationError(_("Bản xem trước này không dùng được nữa; hãy tải tệp lên lại."))
        started = result.get("apply_job") and Job.objects.filter(pk=result["apply_job"]).first()
        if started:
            return started
        if not result["valid"]:
            raise ValidationError(_("Tệp không có dòng hợp lệ nào để lưu."))
        if not ProductClass.objects.exists():
            raise ValidationError(_("Sàn chưa có loại sản phẩm; hãy báo nhân viên sàn."))
        job = job_start(
            task=tasks.product_import_apply, owner=owner, cooperative=cooperative,
            check_job=str(check.pk), language=get_language(),
        )  # fmt: skip
        check.result = {**result, "apply_job": str(job.pk)}
        check.save(update_fields=["result"])
    return job
