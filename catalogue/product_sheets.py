"""Reading a cooperative's product spreadsheet (CSV or XLSX) into raw rows.

``spreadsheet_check`` makes the checks that cost nothing, on the upload page;
``spreadsheet_read`` reads every row, in the background job (``catalogue.tasks``). A file
is refused as a whole (``ValidationError`` with a message for the cooperative) when it is
too big, unreadable, lacks a required column or holds too many rows; an XLSX is checked
from its zip directory before a byte of it is decompressed.
"""

import csv
import io
import re
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from marketplace.spreadsheets import csv_reader

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 50
# A sheet may hold blank rows between products, but not without end.
MAX_SHEET_ROWS = 2 * MAX_ROWS

# An XLSX is a zip: its limits are checked from the zip's directory before openpyxl
# decompresses a byte (a 300 KB zip bomb would otherwise hold a worker for a minute).
# A 5 000-row product sheet is a few MB of XML; these leave room for styles and strings.
MAX_XLSX_MEMBERS = 100
MAX_XLSX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_XLSX_TOTAL_BYTES = 40 * 1024 * 1024
# Spreadsheet XML compresses 5-30 times; a bomb of repeated cells, a thousand times.
MAX_XLSX_RATIO = 200
XLSX_REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")

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
