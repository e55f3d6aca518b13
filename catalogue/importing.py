"""Import a cooperative's products from a spreadsheet (CSV or XLSX), with a preview.

``product_sheets.spreadsheet_read`` turns an upload into raw rows; ``import_preview``
checks every row and says what is wrong with it, saving nothing; ``products_import``
saves the good rows. The confirmation step checks the rows again, so what is saved is
always what the preview showed.

Both steps run in the background (``catalogue.tasks``): the upload page only makes the
checks that cost nothing (``product_sheets.spreadsheet_check``) and starts a tracked job
(``tasks.product_import_start``), whose page shows the preview; confirming it starts a
second job (``tasks.product_import_confirm``) that saves the rows.
"""

import re
import unicodedata
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.gtin import gtin_is_valid
from catalogue.product_sheets import fold
from marketplace import vnd
from marketplace.sanitize import html_clean

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

# The rows are saved this many at a time, each batch in its own transaction.
IMPORT_CHUNK_ROWS = 250
# The preview page lists every row with an error (up to this many) and the first valid ones.
PREVIEW_ERRORS_SHOWN = 500
PREVIEW_VALID_SHOWN = 50
MAX_PRICE = vnd.MAX_PRICE


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
