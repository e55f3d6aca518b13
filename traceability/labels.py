"""Printable A4 label sheets for a batch: QR code, product, cooperative, lot, dates, OCOP stars.

Drawn with Pillow only: every page is a 1-bit image at 300 dpi, which Pillow stores in the
PDF with CCITT G4 (lossless, small), so QR modules and small Vietnamese text stay crisp on
any printer. The grid matches the common 3 × 8 sticker sheet of 70 × 37 mm labels.
"""

import io
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache
from oscar.core.loading import get_model
from PIL import Image, ImageDraw, ImageFont

from catalogue.selectors import valid_ocop_stars
from traceability.links import batch_uri
from traceability.qr import CACHE_SECONDS, QUIET_ZONE, cache_key, qr_code

Product = get_model("catalogue", "Product")

DPI = 300
MIN_LABELS, MAX_LABELS = 1, 200
COLUMNS, ROWS = 3, 8
LABELS_PER_PAGE = COLUMNS * ROWS
PAGE_MM = (210, 297)
LABEL_MM = (70, 37)

# DejaVu Sans Condensed, shipped with the project (``fonts/``, cut down to Latin and
# Vietnamese letters, the đồng sign and ★): every tone mark and star prints on any server,
# with no system font. A condensed face leaves a 70 mm label room for about 30 characters
# beside the QR.
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_REGULAR = FONT_DIR / "DejaVuSansCondensed-vi.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSansCondensed-Bold-vi.ttf"


def mm(length):
    """Return ``length`` millimetres in pixels at the sheet's resolution."""
    return round(length * DPI / 25.4)


PAGE_SIZE = (mm(PAGE_MM[0]), mm(PAGE_MM[1]))  # 2480 × 3508
LABEL_SIZE = (mm(LABEL_MM[0]), mm(LABEL_MM[1]))  # 827 × 437
# Sticker sheets centre the grid: 0 mm at the sides, 0.5 mm at top and bottom.
MARGIN_MM = (
    (PAGE_MM[0] - COLUMNS * LABEL_MM[0]) / 2,
    (PAGE_MM[1] - ROWS * LABEL_MM[1]) / 2,
)
# Sticker cuts and printers are off by a millimetre or two: keep ink 4 mm inside each label.
# The QR's own quiet zone is white, so the QR may start 2 mm in.
PADDING = mm(4)
QR_PADDING = mm(2)
TEXT_GAP = mm(1)
MAX_MODULE_PX = 8


@lru_cache(maxsize=16)
def _font(size, bold=False):
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT_REGULAR), size)


def product_ocop_stars(product):
    """Return the stars of ``product``'s valid OCOP certificate today, or None."""
    return (
        Product.objects.filter(pk=product.pk)
        .annotate(stars=valid_ocop_stars())
        .values_list("stars", flat=True)
        .first()
    )


def label_lines(batch):
    """Return the label's text as (text, style) pairs; style is "title", "text" or "strong"."""
    product = batch.product
    cooperative = product.cooperative
    lines = [(product.get_title(), "title")]
    if cooperative is not None:
        lines.append((cooperative.partner.name, "text"))
    lines.append((f"Lô {batch.lot_code}", "strong"))
    lines.append((f"NSX {batch.produced_on:%d/%m/%Y}", "text"))
    if batch.best_before:
        lines.append((f"HSD {batch.best_before:%d/%m/%Y}", "text"))
    stars = product_ocop_stars(product)
    if stars:
        lines.append((f"OCOP {'★' * stars}", "strong"))
    return [(unicodedata.normalize("NFC", text), style) for text, style in lines]


# Font size in pixels and the most lines a piece of text may wrap to, per style.
_STYLES = {"title": (40, True, 2), "text": (31, False, 2), "strong": (31, True, 1)}


def _wrap(text, font, width, max_lines):
    """Return ``text`` broken into lines no wider than ``width``, with "…" if cut short."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    cut = len(lines) > max_lines
    lines = lines[:max_lines]
    # A single word wider than the label (a long lot code) is cut too.
    for n, line in enumerate(lines):
        last = n == len(lines) - 1
        if font.getlength(line) > width or (last and cut):
            # Drop whole words first ("Suối Giàng…", not "Suối Giàng đ…"), then letters.
            while " " in line and font.getlength(line + "…") > width:
                line = line.rsplit(" ", 1)[0]
            while line and font.getlength(line + "…") > width:
                line = line[:-1]
            lines[n] = line.rstrip() + "…"
    return lines


def _layout(lines, width, height):
    """Return [(text, font, line height)], shrinking the fonts until everything fits."""
    for shrink in (1.0, 0.92, 0.85, 0.78, 0.7, 0.62):
        rows = []
        for text, style in lines:
            size, bold, max_lines = _STYLES[style]
            font = _font(round(size * shrink), bold)
            line_height = round(font.size * 1.22)
            rows += [(part, font, line_height) for part in _wrap(text, font, width, max_lines)]
        if sum(line_height for _, _, line_height in rows) <= height:
            return rows
    return rows  # the smallest size; the last lines may be clipped by the label's edge


def label_image(*, lines, qr):
    """Return one label as a 1-bit image: the QR on the left, the text on the right."""
    label_width, label_height = LABEL_SIZE
    label = Image.new("1", LABEL_SIZE, 1)
    modules = qr.symbol_size(border=QUIET_ZONE)[0]
    # As big as the label's height allows, but no more than 8 px (0.68 mm) a module: a short
    # URL's smaller symbol would otherwise grow and squeeze the text.
    module_px = max(1, min(MAX_MODULE_PX, (label_height - 2 * QR_PADDING) // modules))
    out = io.BytesIO()
    qr.save(out, kind="png", scale=module_px, border=QUIET_ZONE)
    code = Image.open(out).convert("1")
    qr_top = (label_height - code.height) // 2
    label.paste(code, (QR_PADDING, qr_top))

    # The QR's quiet zone already separates it from the text.
    text_left = QR_PADDING + code.width + TEXT_GAP
    text_width = label_width - PADDING - text_left
    rows = _layout(lines, text_width, label_height - 2 * PADDING)
    draw = ImageDraw.Draw(label)
    y = PADDING + max(0, (label_height - 2 * PADDING - sum(h for _, _, h in rows)) // 2)
    for text, font, line_height in rows:
        draw.text((text_left, y), text, font=font, fill=0)
        y += line_height
    return label


def _label_origin(index):
    """Return the top-left pixel of the label at ``index`` (row by row) on its page."""
    row, column = divmod(index % LABELS_PER_PAGE, COLUMNS)
    return (
        mm(MARGIN_MM[0] + column * LABEL_MM[0]),
        mm(MARGIN_MM[1] + row * LABEL_MM[1]),
    )


def sheet_pages(*, label, count):
    """Return the A4 pages (1-bit images) holding ``count`` copies of ``label``."""
    pages = []
    for page_number in range(math.ceil(count / LABELS_PER_PAGE)):
        page = Image.new("1", PAGE_SIZE, 1)
        first = page_number * LABELS_PER_PAGE
        for index in range(first, min(count, first + LABELS_PER_PAGE)):
            page.paste(label, _label_origin(index))
        pages.append(page)
    return pages


def label_sheet_pdf(*, batch, count):
    """Return the bytes of an A4 PDF with ``count`` labels of ``batch`` (24 to a page)."""
    if not MIN_LABELS <= count <= MAX_LABELS:
        raise ValueError(f"count must be between {MIN_LABELS} and {MAX_LABELS}")
    payload = batch_uri(batch)
    lines = label_lines(batch)
    # The text is part of the key: a renamed product or a new certificate changes the label.
    extra = f"{count}|" + "|".join(text for text, _ in lines)
    key = cache_key(kind="labels-pdf", batch=batch, payload=payload, extra=extra)
    content = cache.get(key)
    if content is None:
        label = label_image(lines=lines, qr=qr_code(payload))
        first, *rest = sheet_pages(label=label, count=count)
        out = io.BytesIO()
        first.save(
            out, "PDF", save_all=True, append_images=rest, resolution=DPI,
            title=f"Nhãn lô {batch.lot_code} – {batch.product.get_title()}",
            producer="Chợ OCOP",
        )  # fmt: skip
        content = out.getvalue()
        cache.set(key, content, CACHE_SECONDS)
    return content
