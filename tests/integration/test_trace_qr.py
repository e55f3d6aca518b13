"""A batch's QR code, read back by an independent decoder (zxing-cpp), in PNG and SVG."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from tests.factories import cooperative_user, ocop_product
from traceability import qr
from traceability.links import batch_uri
from traceability.services import batch_create, batch_publish, event_add

pytestmark = pytest.mark.django_db

GTIN = "8934567890120"


@pytest.fixture
def grower(cooperative):
    return cooperative_user(cooperative)


def published_batch(*, product, by, lot_code="CM-2026-11"):
    batch = batch_create(
        product=product, lot_code=lot_code, quantity=500,
        produced_on=datetime.date(2026, 1, 2), by=by,
    )  # fmt: skip
    event_add(batch=batch, kind="harvest", occurred_at=timezone.now(), by=by, place="Đồi Khu 3")
    return batch_publish(batch=batch, by=by)


@pytest.fixture
def gtin_batch(cooperative, grower):
    tea = ocop_product(cooperative=cooperative, title="Chè Shan tuyết", price=125000, upc=GTIN)
    return published_batch(product=tea, by=grower)


@pytest.fixture
def plain_batch(cooperative, grower):
    honey = ocop_product(cooperative=cooperative, title="Mật ong bạc hà", price=390000)
    return published_batch(product=honey, by=grower, lot_code="MO/2026.1")


def decode(png):
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    return results[0]


def test_png_of_a_gtin_product_carries_its_gs1_digital_link(gtin_batch):
    result = decode(qr.batch_qr_png(batch=gtin_batch))

    assert result.text == batch_uri(gtin_batch)
    assert result.text.endswith("/01/08934567890120/10/CM-2026-11")


def test_png_of_a_product_without_gtin_carries_the_short_path(plain_batch):
    result = decode(qr.batch_qr_png(batch=plain_batch))

    assert result.text == batch_uri(plain_batch)
    assert result.text.endswith(f"/t/{plain_batch.short_code}")


def test_png_has_print_grade_error_correction_and_a_four_module_quiet_zone(gtin_batch):
    png = qr.batch_qr_png(batch=gtin_batch, scale=10)
    result = decode(png)
    image = Image.open(io.BytesIO(png)).convert("L")
    modules = qr.qr_code(batch_uri(gtin_batch)).symbol_size(border=0)[0]

    assert result.ec_level in ("Q", "H")
    assert image.size == ((modules + 8) * 10,) * 2
    # Nothing dark in the outer 4 modules (40 px) on any side; the finder starts right after.
    inner = image.crop((40, 40, image.width - 40, image.height - 40))
    assert image.getextrema() == (0, 255)
    assert sum(image.histogram()[:128]) == sum(inner.histogram()[:128])
    assert image.getpixel((40, 40)) == 0


def test_png_follows_the_site_address(gtin_batch, settings):
    settings.SITE_URL = "https://ocop.example.vn"
    first = decode(qr.batch_qr_png(batch=gtin_batch)).text
    settings.SITE_URL = "https://cho-ocop.example.vn"
    second = decode(qr.batch_qr_png(batch=gtin_batch)).text

    assert first == "https://ocop.example.vn/01/08934567890120/10/CM-2026-11"
    assert second == "https://cho-ocop.example.vn/01/08934567890120/10/CM-2026-11"


def svg_dark_modules(svg):
    """Return the set of (column, row) modules the SVG's path draws, by reading its path."""
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    path = next(p for p in root.iterfind(".//svg:path", ns) if p.get("stroke"))
    dark, x, y = set(), 0.0, 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path.get("d")):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:  # a horizontal run of dark modules on row y - 0.5
            length = values[0] if command == "h" else values[0] - x
            dark |= {(int(x) + i, int(y - 0.5)) for i in range(int(length))}
            x += length
    return dark


def test_svg_draws_the_same_symbol_as_the_decoded_png(plain_batch):
    svg = qr.batch_qr_svg(batch=plain_batch)
    png = qr.batch_qr_png(batch=plain_batch, scale=1)
    assert decode(qr.batch_qr_png(batch=plain_batch)).text == batch_uri(plain_batch)

    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find("{http://www.w3.org/2000/svg}title").text == batch_uri(plain_batch)
    image = Image.open(io.BytesIO(png)).convert("L")
    png_dark = {
        (x, y)
        for x in range(image.width)
        for y in range(image.height)
        if image.getpixel((x, y)) < 128
    }
    assert svg_dark_modules(svg) == png_dark


def test_qr_images_are_cached_per_batch_and_format(gtin_batch, plain_batch, monkeypatch):
    calls = []
    make = qr.segno.make

    def counting_make(*args, **kwargs):
        calls.append(args[0])
        return make(*args, **kwargs)

    monkeypatch.setattr(qr.segno, "make", counting_make)

    first = qr.batch_qr_png(batch=gtin_batch)
    assert qr.batch_qr_png(batch=gtin_batch) == first
    assert len(calls) == 1
    qr.batch_qr_svg(batch=gtin_batch)
    qr.batch_qr_svg(batch=gtin_batch)
    qr.batch_qr_png(batch=plain_batch)
    assert calls == [batch_uri(gtin_batch)] * 2 + [batch_uri(plain_batch)]
