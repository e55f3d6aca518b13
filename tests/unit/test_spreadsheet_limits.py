"""A product spreadsheet is checked before it is unpacked: a zip bomb, a zip that is no
workbook, or a sheet that claims a million rows is refused with a message, fast."""

import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from catalogue import product_sheets
from catalogue.product_sheets import spreadsheet_read

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
WORKBOOK = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'


@pytest.fixture
def openpyxl_never_opens(monkeypatch):
    """Fail the test if the workbook reaches openpyxl: the pre-check must refuse it.

    The calls are checked after the test, since the importer turns any error openpyxl
    raises into "unreadable".
    """
    calls = []

    def load_workbook(*args, **kwargs):
        calls.append(args)
        raise AssertionError("openpyxl was asked to open the workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", load_workbook)
    yield
    assert calls == [], "openpyxl was asked to open the workbook"


def _zip(members, *, level=9):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in members.items():
            if callable(content):
                with archive.open(name, "w", force_zip64=True) as member:
                    content(member)
            else:
                archive.writestr(name, content)
    return out.getvalue()


def _repeated_cells(megabytes):
    """Return a writer of a sheet whose XML is ``megabytes`` MB of the same cell."""
    cells = '<c t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c>' * 20_000
    chunk = f"<row>{cells}</row>".encode()

    def write(member):
        member.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/')
        member.write(b'main"><sheetData>')
        for _ in range(megabytes * 1024 * 1024 // len(chunk)):
            member.write(chunk)
        member.write(b"</sheetData></worksheet>")

    return write


def _read(content, name="hang.xlsx"):
    with pytest.raises(ValidationError) as error:
        spreadsheet_read(upload=SimpleUploadedFile(name, content))
    return error.value


def test_a_zip_bomb_workbook_is_refused_from_its_zip_directory(openpyxl_never_opens):
    bomb = _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "xl/workbook.xml": WORKBOOK,
            "xl/worksheets/sheet1.xml": _repeated_cells(300),
        }
    )
    assert len(bomb) < product_sheets.MAX_FILE_BYTES  # small enough to get past the size limit
    [sheet] = [m for m in zipfile.ZipFile(io.BytesIO(bomb)).infolist() if "sheet" in m.filename]
    assert sheet.file_size > 300_000_000

    error = _read(bomb)

    assert error.code == "xlsx_too_large"
    assert "giải nén ra quá lớn" in error.messages[0]


def test_a_member_that_unpacks_a_thousand_fold_is_refused_even_under_the_size_limits(
    openpyxl_never_opens,
):
    zeros = _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "xl/workbook.xml": WORKBOOK,
            "xl/sharedStrings.xml": b"0" * (5 * 1024 * 1024),
        }
    )

    assert _read(zeros).code == "xlsx_too_large"


def test_a_workbook_unpacking_to_more_than_the_total_limit_is_refused(
    openpyxl_never_opens, monkeypatch
):
    monkeypatch.setattr(product_sheets, "MAX_XLSX_RATIO", 10**9)
    members = {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": WORKBOOK}
    members |= {f"xl/worksheets/sheet{n}.xml": _repeated_cells(15) for n in range(3)}

    assert _read(_zip(members)).code == "xlsx_too_large"


def test_a_zip_of_too_many_members_is_refused(openpyxl_never_opens):
    members = {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": WORKBOOK}
    members |= {f"xl/media/{n}.xml": "" for n in range(product_sheets.MAX_XLSX_MEMBERS)}

    assert _read(_zip(members)).code == "xlsx_too_large"


@pytest.mark.parametrize(
    "members",
    [
        {"word/document.xml": "<w/>", "[Content_Types].xml": CONTENT_TYPES},
        {"[Content_Types].xml": CONTENT_TYPES},
        {"xl/workbook.xml": WORKBOOK},
        {"payload.exe": "MZ"},
    ],
)
def test_a_zip_that_is_not_a_workbook_is_refused_as_unreadable(openpyxl_never_opens, members):
    assert _read(_zip(members)).code == "unreadable"


@pytest.fixture
def rows_read(monkeypatch):
    """Count the rows openpyxl hands out, and the widest of them."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    seen = {"rows": 0, "widest": 0}
    cells_by_row = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in cells_by_row(self, *args, **kwargs):
            seen["rows"] += 1
            seen["widest"] = max(seen["widest"], len(row))
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    return seen


def test_a_sheet_reaching_row_a_million_is_refused_without_reading_a_million_rows(rows_read):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Tên sản phẩm", "Danh mục", "Giá (đồng)", "Tồn kho"])
    sheet.cell(row=1_000_000, column=1, value="cuối")
    out = io.BytesIO()
    workbook.save(out)

    assert _read(out.getvalue()).code == "too_many_rows"
    assert rows_read["rows"] == product_sheets.MAX_SHEET_ROWS + 1


def test_only_the_first_columns_of_a_very_wide_sheet_are_read(rows_read):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Tên sản phẩm", "Danh mục", "Giá (đồng)", "Tồn kho"])
    sheet.append(["Chè", "Chè", "125000", "5"])
    sheet.cell(row=2, column=16_000, value="xa")
    out = io.BytesIO()
    workbook.save(out)

    rows = spreadsheet_read(upload=SimpleUploadedFile("hang.xlsx", out.getvalue()))

    assert rows == [{"title": "Chè", "category": "Chè", "price": "125000", "stock": "5"}]
    assert rows_read["widest"] == product_sheets.MAX_COLUMNS


def test_a_csv_field_over_the_csv_modules_limit_gets_a_message_not_an_error():
    content = ("Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho\n" + "A" * 200_000 + ",Chè,1,1\n").encode()

    assert _read(content, name="hang.csv").code == "unreadable"


def test_a_csv_of_endless_blank_lines_is_refused():
    blank_lines = ",,,\n" * product_sheets.MAX_SHEET_ROWS
    content = ("Tên sản phẩm,Danh mục,Giá (đồng),Tồn kho\n" + blank_lines).encode()

    assert _read(content, name="hang.csv").code == "too_many_rows"


def test_the_upload_check_refuses_a_zip_bomb_without_unpacking_it(openpyxl_never_opens):
    bomb = _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "xl/workbook.xml": WORKBOOK,
            "xl/worksheets/sheet1.xml": _repeated_cells(300),
        }
    )

    with pytest.raises(ValidationError) as error:
        product_sheets.spreadsheet_check(upload=SimpleUploadedFile("hang.xlsx", bomb))

    assert error.value.code == "xlsx_too_large"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("hang.csv", "Tên,Giá\nChè,1\n".encode(), "missing_columns"),
        ("hang.csv", "Tên sản phẩm;Danh mục;Giá;Tồn kho\n".encode("utf-16"), "encoding"),
        ("hang.csv", b"", "empty"),
        ("hang.doc", b"\xd0\xcf\x11\xe0", "unsupported_format"),
        ("hang.csv", b"x" * (product_sheets.MAX_FILE_BYTES + 1), "too_large"),
    ],
)
def test_the_upload_check_refuses_what_it_can_see_from_the_header(name, content, code):
    with pytest.raises(ValidationError) as error:
        product_sheets.spreadsheet_check(upload=SimpleUploadedFile(name, content))

    assert error.value.code == code


def test_the_upload_check_passes_a_good_header_and_returns_the_file():
    content = "Tên sản phẩm;Danh mục;Giá (đồng);Tồn kho\nChè;Chè;không giá;1\n".encode()
    upload = SimpleUploadedFile("hang.csv", content)

    assert product_sheets.spreadsheet_check(upload=upload) == content
