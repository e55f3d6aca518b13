"""The cooperative's documents as files: its monthly statement (CSV and PDF) and its
yearly record of tax withheld (PDF).

PDFs are drawn with fpdf2 in DejaVu Sans, shipped with the project (``fonts/``, cut down
to Latin and Vietnamese letters): every tone mark prints, on any server, with no system
font. Text the font cannot draw (an emoji in a product name) prints as "?". CSV cells go
through ``marketplace.spreadsheets`` (no formula injection).
"""

import functools
import unicodedata
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from marketplace import vnd
from marketplace.spreadsheets import SafeCSVWriter

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_REGULAR = FONT_DIR / "DejaVuSans-vi.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold-vi.ttf"
FAMILY = "DejaVu"


@functools.cache
def _drawable():
    """Return the set of code points the shipped fonts can draw."""
    return set(TTFont(FONT_REGULAR)["cmap"].getBestCmap()) & set(
        TTFont(FONT_BOLD)["cmap"].getBestCmap()
    )


def printable(text):
    """Return ``text`` composed (NFC) with anything the font cannot draw replaced by "?"."""
    drawable = _drawable()
    text = unicodedata.normalize("NFC", str(text))
    return "".join(c if ord(c) in drawable or c in "\n\t" else "?" for c in text)


def money(amount):
    return vnd.format_amount(amount)


class _Document(FPDF):
    def __init__(self, *, title, orientation="P"):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.add_font(FAMILY, "", str(FONT_REGULAR))
        self.add_font(FAMILY, "B", str(FONT_BOLD))
        self.set_title(printable(title))
        self.set_creator(settings.OSCAR_SHOP_NAME)
        self.set_author(settings.OSCAR_SHOP_NAME)
        self.set_auto_page_break(auto=True, margin=15)
        self.alias_nb_pages()
        self.footer_text = printable(title)

    def footer(self):
        self.set_y(-12)
        self.set_font(FAMILY, "", 7)
        self.cell(0, 5, f"{self.footer_text} – {self.page_no()}/{{nb}}", align="C")

    def heading(self, text, size=14):
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, size * 0.5, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def line_of_text(self, text, size=9, bold=False):
        self.set_font(FAMILY, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def grid(self, header, rows, widths, *, numeric_from, totals=None):
        """Draw a table; columns from ``numeric_from`` on are right-aligned amounts."""
        align = ["LEFT"] * numeric_from + ["RIGHT"] * (len(header) - numeric_from)
        self.set_font(FAMILY, "", 7.5)
        with self.table(
            col_widths=widths, text_align=align, line_height=4.2, first_row_as_headings=True,
            headings_style=_heading_style(), padding=0.8,
        ) as table:  # fmt: skip
            for values in [header, *rows]:
                row = table.row()
                for value in values:
                    row.cell(printable(value))
            if totals is not None:
                row = table.row()
                for value in totals:
                    row.cell(printable(value), style=_heading_style())


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(family=FAMILY, emphasis="BOLD", fill_color=(232, 240, 232))


def _seller_lines(cooperative):
    lines = [cooperative.legal_name or cooperative.name]
    if cooperative.tax_code:
        lines.append(_("Mã số thuế: %(code)s") % {"code": cooperative.tax_code})
    if cooperative.seller_kind:
        kind = cooperative.get_seller_kind_display()
        lines.append(_("Loại người bán: %(kind)s") % {"kind": kind})
    return lines


STATEMENT_HEADER = (
    lambda: _("Ngày"), lambda: _("Loại"), lambda: _("Đơn hàng"), lambda: _("Nội dung"),
    lambda: _("Doanh thu"), lambda: _("Phí sàn"), lambda: _("Thuế GTGT"),
    lambda: _("Thuế TNCN"), lambda: _("Tiền COD đã giữ"), lambda: _("Chi trả"),
    lambda: _("Hợp tác xã nhận"),
)  # fmt: skip
AMOUNT_COLUMNS = ("revenue", "commission", "vat", "pit", "cod_cash", "payout", "net")


def _statement_values(row):
    posted = timezone.localtime(row.posting.posted_at)
    return [
        f"{posted:%d/%m/%Y}", row.kind_label, row.order_number, row.description,
        *[getattr(row, column) for column in AMOUNT_COLUMNS],
    ]  # fmt: skip


def statement_pdf(statement):
    """Return the monthly statement as PDF bytes (A4 landscape)."""
    cooperative = statement.cooperative
    title = _("Bảng kê tháng %(month)02d/%(year)s – %(name)s") % {
        "month": statement.month, "year": statement.year, "name": cooperative.name,
    }  # fmt: skip
    pdf = _Document(title=title, orientation="L")
    pdf.add_page()
    pdf.heading(settings.OSCAR_SHOP_NAME + " – " + title)
    for line in _seller_lines(cooperative):
        pdf.line_of_text(line)
    pdf.line_of_text(_("Số dư đầu kỳ: %(amount)s") % {"amount": money(statement.opening)},
                     bold=True)  # fmt: skip
    pdf.ln(2)
    rows = [
        [*values[:4], *(money(v) for v in values[4:])]
        for values in map(_statement_values, statement.rows)
    ]
    totals = ["", _("Cộng"), "", "", *(money(statement.totals.get(c, 0)) for c in AMOUNT_COLUMNS)]
    pdf.grid(
        [label() for label in STATEMENT_HEADER], rows,
        widths=(17, 24, 26, 58, 22, 19, 18, 18, 21, 21, 23), numeric_from=4, totals=totals,
    )  # fmt: skip
    pdf.ln(2)
    pdf.line_of_text(_("Số dư cuối kỳ: %(amount)s") % {"amount": money(statement.closing)},
                     bold=True)  # fmt: skip
    pdf.line_of_text(
        _(
            "Phí sàn, thuế GTGT và thuế TNCN tính trên doanh thu còn lại của từng dòng hàng, "
            "làm tròn đến đồng. Số dư âm được trừ vào các lần bán sau."
        ),
        size=7.5,
    )
    return bytes(pdf.output())


def statement_csv(statement, response):
    """Write the monthly statement as CSV rows to ``response`` (a file-like object)."""
    response.write("\ufeff")  # Excel reads the file as UTF-8 only with a BOM
    writer = SafeCSVWriter(open_file=response)
    writer.writerow([label() for label in STATEMENT_HEADER])
    writer.writerow(["", _("Số dư đầu kỳ"), "", "", "", "", "", "", "", "", statement.opening])
    for row in statement.rows:
        writer.writerow(_statement_values(row))
    writer.writerow(["", _("Cộng"), "", "", *(statement.totals.get(c, 0) for c in AMOUNT_COLUMNS)])
    writer.writerow(["", _("Số dư cuối kỳ"), "", "", "", "", "", "", "", "", statement.closing])


def tax_record_pdf(record):
    """Return the yearly record of tax withheld (Decree 117/2025/ND-CP) as PDF bytes."""
    cooperative = record["cooperative"]
    title = _("Chứng từ khấu trừ thuế năm %(year)s – %(name)s") % {
        "year": record["year"], "name": cooperative.name,
    }  # fmt: skip
    pdf = _Document(title=title)
    pdf.add_page()
    pdf.heading(title)
    pdf.line_of_text(
        _(
            "%(shop)s, sàn thương mại điện tử có chức năng thanh toán, đã khấu trừ và nộp thay "
            "thuế giá trị gia tăng và thuế thu nhập cá nhân trên doanh thu bán hàng của người "
            "bán dưới đây, theo Nghị định 117/2025/NĐ-CP."
        )
        % {"shop": settings.OSCAR_SHOP_NAME}
    )
    pdf.ln(1)
    for line in _seller_lines(cooperative):
        pdf.line_of_text(line, bold=True)
    pdf.ln(2)
    rows = [
        [f"{m.month:%m/%Y}", money(m.revenue), money(m.vat), money(m.pit), money(m.total)]
        for m in record["months"]
    ]
    totals = [_("Cả năm"), money(record["revenue"]), money(record["vat"]), money(record["pit"]),
              money(record["vat"] + record["pit"])]  # fmt: skip
    pdf.grid(
        [_("Tháng"), _("Doanh thu"), _("Thuế GTGT đã khấu trừ"),
         _("Thuế TNCN đã khấu trừ"), _("Tổng thuế đã khấu trừ")],
        rows, widths=(24, 40, 42, 42, 42), numeric_from=1, totals=totals,
    )  # fmt: skip
    pdf.ln(3)
    pdf.line_of_text(_("Lập ngày %(date)s.") % {"date": f"{timezone.localdate():%d/%m/%Y}"}, size=8)
    return bytes(pdf.output())
