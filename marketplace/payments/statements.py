"""Reading a bank statement exported as CSV: the incoming transfers, each checked.

A statement is refused as a whole (``ValidationError`` with a message for staff) when it
is not a readable UTF-8 CSV, lacks a column, is too big, or holds a line that cannot be
read, such as a negative amount: importing half a file would leave staff unsure what
was done.
"""

import csv
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from marketplace import vnd
from marketplace.spreadsheets import csv_reader

MAX_BYTES = 2 * 1024 * 1024
MAX_LINES = 20_000

# The columns a statement needs, and the headers banks (and people) give them.
COLUMNS = {
    "date": {"date", "ngay", "ngày", "ngay giao dich", "ngày giao dịch", "transaction date"},
    "amount": {"amount", "so tien", "số tiền", "credit", "ghi co", "ghi có"},
    "description": {
        "description",
        "content",
        "noi dung",
        "nội dung",
        "mo ta",
        "mô tả",
        "details",
    },
    "reference": {
        "reference",
        "ref",
        "ma giao dich",
        "mã giao dịch",
        "so tham chieu",
        "số tham chiếu",
        "transaction id",
    },
}
COLUMN_LABELS = {
    "date": "date",
    "amount": "amount",
    "description": "description",
    "reference": "reference",
}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class StatementLine:
    """One incoming transfer of the statement (``row`` counts the header as row 1)."""

    row: int
    booked_on: datetime.date
    amount: Decimal
    description: str
    reference: str


def statement_check(upload):
    """Refuse at once a file that is too big, not a UTF-8 CSV, empty or lacking a column.

    Cheap (no line is read): the upload page runs it before leaving the lines to the
    background job. Return the file's content.
    """
    raw = _raw(upload)
    try:
        header = next(csv_reader(_text(raw)), None)
    except csv.Error as error:
        raise ValidationError(
            _("Không đọc được tệp CSV: %(reason)s") % {"reason": error}
        ) from error
    if header is None:
        raise ValidationError(_("Tệp trống."))
    _columns(header)
    return raw


def statement_read(upload):
    """Return the ``StatementLine`` list of an uploaded CSV statement, or raise."""
    reader = csv_reader(_text(_raw(upload)))
    try:
        header = next(reader)
        columns = _columns(header)
        lines = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(lines) >= MAX_LINES:
                raise ValidationError(
                    _("Sao kê có hơn %(count)s dòng: hãy tách thành nhiều tệp.")
                    % {"count": MAX_LINES}
                )
            lines.append(_line(reader.line_num, values, columns))
    except csv.Error as error:
        raise ValidationError(
            _("Không đọc được tệp CSV: %(reason)s") % {"reason": error}
        ) from error
    if not lines:
        raise ValidationError(_("Sao kê không có dòng giao dịch nào."))
    return lines


def _raw(upload):
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (tối đa %(size)s MB): hãy tách sao kê thành nhiều tệp.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    raw = upload.read(MAX_BYTES + 1)
    if b"\x00" in raw or raw[:2] == b"PK":
        raise ValidationError(
            _("Tệp này không phải CSV (có thể là Excel hoặc ảnh): hãy xuất sao kê dạng CSV.")
        )
    return raw


def _text(raw):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Tệp không ở mã UTF-8: hãy lưu lại sao kê dạng “CSV UTF-8” rồi nhập lại.")
        ) from error
    if not text.strip():
        raise ValidationError(_("Tệp trống."))
    return text


def _normalise_header(name):
    return " ".join(name.strip().strip('"').lower().replace("_", " ").split())


def _columns(header):
    """Return ``{column: index}`` for the four needed columns, or raise naming the missing."""
    found = {}
    for index, name in enumerate(header):
        name = _normalise_header(name)
        for column, aliases in COLUMNS.items():
            if name in aliases and column not in found:
                found[column] = index
    missing = [COLUMN_LABELS[c] for c in COLUMNS if c not in found]
    if missing:
        raise ValidationError(
            _(
                "Thiếu cột: %(missing)s. Dòng đầu của tệp phải có các cột date, amount, "
                "description, reference (hoặc Ngày, Số tiền, Nội dung, Mã giao dịch)."
            )
            % {"missing": ", ".join(missing)}
        )
    return found


def _line(row, values, columns):
    def value(column):
        index = columns[column]
        return values[index].strip() if index < len(values) else ""

    reference = value("reference")
    if not reference:
        raise ValidationError(_("Dòng %(row)s: thiếu mã giao dịch.") % {"row": row})
    return StatementLine(
        row=row,
        booked_on=_date(value("date"), row),
        amount=_amount(value("amount"), row),
        description=value("description"),
        reference=reference[:64],
    )


def _date(text, row):
    for date_format in DATE_FORMATS:
        try:
            # Only the date is kept: no time, so no time zone.
            return datetime.datetime.strptime(text, date_format).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValidationError(
        _("Dòng %(row)s: ngày “%(value)s” không đọc được (dùng dd/mm/yyyy).")
        % {"row": row, "value": text[:40]}
    )


def _amount(text, row):
    """Return whole đồng from "145000", "145.000", "145,000", "145.000 ₫" or "145000.00"."""
    try:
        amount = vnd.parse_amount(text)
    except ValueError:
        raise ValidationError(
            _("Dòng %(row)s: số tiền “%(value)s” không phải số đồng nguyên.")
            % {"row": row, "value": text[:40]}
        ) from None
    if amount < 0:
        raise ValidationError(
            _(
                "Dòng %(row)s: số tiền âm (%(value)s). Chỉ nhập các khoản tiền vào; hãy bỏ "
                "các khoản chi khỏi tệp."
            )
            % {"row": row, "value": text[:40]}
        )
    if amount == 0:
        raise ValidationError(_("Dòng %(row)s: số tiền phải lớn hơn 0.") % {"row": row})
    return amount


def order_numbers_in(description):
    """Return the words of a transfer message that could be order numbers, upper-cased.

    Banks add their own words and separators around the message ("MBVCB.123.100132.NGUYEN
    THI LAN"): every run of letters and digits is a candidate.
    """
    return {word.upper() for word in re.findall(r"[0-9A-Za-z]+", description) if len(word) >= 6}
