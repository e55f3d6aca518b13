"""A cooperative prints its batch's labels; anyone fetches a published batch's QR image.

The PDF's QR codes are read back independently: poppler's pdftoppm rasterises the pages
and zxing-cpp decodes every label, so a label that does not scan fails the test.
"""

import datetime
import io
import os
import shutil
import subprocess

import pytest
import zxingcpp
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.factories import CooperativeFactory, cooperative_user, ocop_certificate, ocop_product
from traceability import labels
from traceability.links import batch_uri
from traceability.models import Batch
from traceability.services import batch_create, batch_publish, batch_recall, event_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def grower(cooperative):
    return cooperative_user(cooperative)


@pytest.fixture
def tea(cooperative):
    product = ocop_product(
        cooperative=cooperative, title="Chè Shan tuyết cổ thụ Suối Giàng", price=125000,
        upc="8934567890120",
    )  # fmt: skip
    ocop_certificate(product=product, stars=4)
    return product


@pytest.fixture
def draft(tea, grower):
    return batch_create(
        product=tea, lot_code="SG-2026/11", quantity=500, produced_on=datetime.date(2026, 1, 2),
        best_before=datetime.date(2027, 1, 2), by=grower,
    )  # fmt: skip


@pytest.fixture
def batch(draft, grower):
    event_add(batch=draft, kind="harvest", occurred_at=timezone.now(), by=grower)
    return batch_publish(batch=draft, by=grower)


@pytest.fixture
def seller(client, grower):
    client.force_login(grower)
    return client


def rasterise(pdf, tmp_path):
    """Return the PDF's pages as images at 150 dpi, drawn by poppler (not by Pillow)."""
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm is missing: run .ci/browser-deps (apt-get install poppler-utils)")
        pytest.skip("pdftoppm is missing (apt-get install poppler-utils)")
    (tmp_path / "labels.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(tmp_path / "labels.pdf"), str(tmp_path / "page")],
        check=True,
    )
    return [Image.open(page) for page in sorted(tmp_path.glob("page-*.png"))]


def qr_texts(page):
    results = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)
    return [result.text for result in results]


def label_url(batch, count=None):
    url = reverse("traceability:label-sheet", args=[batch.pk])
    return url if count is None else f"{url}?count={count}"


def test_every_label_on_a_full_sheet_scans_to_the_batch_url(batch, tmp_path):
    pages = rasterise(labels.label_sheet_pdf(batch=batch, count=24), tmp_path)

    assert len(pages) == 1
    assert pages[0].size == (1240, 1754)  # A4 at 150 dpi
    assert qr_texts(pages[0]) == [batch_uri(batch)] * 24


def test_a_cooperative_downloads_a_two_page_sheet(seller, batch, tmp_path):
    response = seller.get(label_url(batch, 30))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="nhan-che-shan-tuyet-co-thu-suoi-giang-lo-sg-2026-11.pdf"'
    )
    pages = rasterise(b"".join(response.streaming_content), tmp_path)
    assert len(pages) == 2
    assert qr_texts(pages[0]) == [batch_uri(batch)] * 24
    assert qr_texts(pages[1]) == [batch_uri(batch)] * 6


def test_a_product_without_gtin_gets_labels_with_the_short_url(cooperative, grower, tmp_path):
    honey = ocop_product(cooperative=cooperative, title="Mật ong hoa bạc hà", price=390000)
    batch = batch_create(
        product=honey, lot_code="MO1", quantity=80, produced_on=datetime.date(2026, 3, 1),
        by=grower,
    )  # fmt: skip

    pages = rasterise(labels.label_sheet_pdf(batch=batch, count=5), tmp_path)

    assert qr_texts(pages[0]) == [batch_uri(batch)] * 5
    assert batch_uri(batch).endswith(f"/t/{batch.short_code}")


def test_the_label_names_product_cooperative_lot_dates_and_ocop_stars(batch, cooperative):
    assert [text for text, _ in labels.label_lines(batch)] == [
        "Chè Shan tuyết cổ thụ Suối Giàng",
        cooperative.partner.name,
        "Lô SG-2026/11",
        "NSX 02/01/2026",
        "HSD 02/01/2027",
        "OCOP ★★★★",
    ]


def test_a_label_leaves_out_what_the_batch_does_not_have(cooperative, grower):
    honey = ocop_product(cooperative=cooperative, title="Mật ong hoa bạc hà", price=390000)
    ocop_certificate(product=honey, stars=3, verified=False)  # pending: not shown
    batch = batch_create(
        product=honey, lot_code="MO1", quantity=80, produced_on=datetime.date(2026, 3, 1),
        by=grower,
    )  # fmt: skip

    assert [text for text, _ in labels.label_lines(batch)] == [
        "Mật ong hoa bạc hà", cooperative.partner.name, "Lô MO1", "NSX 01/03/2026",
    ]  # fmt: skip


def test_a_long_product_name_is_cut_to_fit_the_label():
    font = labels._font(40, bold=True)
    lines = labels._wrap("Trà hoa vàng Ba Chẽ " * 6, font, 380, max_lines=2)

    assert len(lines) == 2
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= 380 for line in lines)


def test_the_label_sheet_is_cached_per_batch_and_count(batch, monkeypatch):
    calls = []
    sheet_pages = labels.sheet_pages

    def counting_sheet_pages(**kwargs):
        calls.append(kwargs["count"])
        return sheet_pages(**kwargs)

    monkeypatch.setattr(labels, "sheet_pages", counting_sheet_pages)

    first = labels.label_sheet_pdf(batch=batch, count=3)
    assert labels.label_sheet_pdf(batch=batch, count=3) == first
    labels.label_sheet_pdf(batch=batch, count=4)
    assert calls == [3, 4]


def test_another_cooperative_cannot_print_the_batchs_labels(client, batch):
    client.force_login(cooperative_user(CooperativeFactory()))

    assert client.get(label_url(batch)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, batch):
    response = client.get(label_url(batch))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_may_print_any_cooperatives_labels(client, staff_user, batch):
    client.force_login(staff_user)

    assert client.get(label_url(batch, 1)).status_code == 200


@pytest.mark.parametrize("count", ["0", "201", "abc", "", "2.5"])
def test_a_bad_label_count_is_refused_with_a_message(seller, batch, count):
    response = seller.get(label_url(batch, count))

    page = response.content.decode()
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    # Inside the dashboard, the message beside the count field, with a way back.
    field = page.split('<input id="label-count"')[1].split("</form>")[0]
    assert 'aria-invalid="true"' in field.split(">")[0]
    assert "Số tem phải là số nguyên từ 1 đến 200" in field
    assert f'href="/shop/dashboard/batches/{batch.pk}/"' in page
    assert '<main id="main"' in page and "dashboard-bar" in page


def test_the_default_sheet_has_24_labels(seller, draft, tmp_path):
    response = seller.get(label_url(draft))  # a draft may be labelled before it is published

    assert response.status_code == 200
    pages = rasterise(b"".join(response.streaming_content), tmp_path)
    assert len(qr_texts(pages[0])) == 24


def qr_url(batch, fmt):
    return reverse("traceability:qr", args=[batch.short_code, fmt])


def test_a_published_batchs_qr_is_served_publicly_as_png_and_svg(client, batch):
    png = client.get(qr_url(batch, "png"))
    svg = client.get(qr_url(batch, "svg"))

    assert png.status_code == svg.status_code == 200
    assert png["Content-Type"] == "image/png"
    assert svg["Content-Type"] == "image/svg+xml"
    assert png["Cache-Control"] == "public, max-age=86400"
    assert qr_texts(Image.open(io.BytesIO(png.content))) == [batch_uri(batch)]
    assert svg.content.lstrip().startswith(b"<?xml")


def test_a_recalled_batch_keeps_its_qr(client, batch, grower):
    batch_recall(batch=batch, reason="Sai nhãn", by=grower)

    assert client.get(qr_url(batch, "png")).status_code == 200


def test_a_draft_batch_has_no_public_qr(client, draft):
    assert draft.status == Batch.Status.DRAFT
    assert client.get(qr_url(draft, "png")).status_code == 404


def test_unknown_codes_and_formats_are_not_found(client, batch):
    assert client.get(qr_url(batch, "gif")).status_code == 404
    assert client.get(f"/t/{batch.short_code}/qr.png.svg").status_code == 404
    assert client.get("/t/ZZZZZZZZ/qr.png").status_code == 404


def test_every_qr_image_carries_the_configured_site_url(client, seller, batch, settings, tmp_path):
    """What a phone reads off a label, a page's QR image or the PDF is SITE_URL's host,
    whatever host the request that made it named."""
    settings.SITE_URL = "https://cho-ocop.example"
    expected = batch_uri(batch)
    assert expected.startswith("https://cho-ocop.example/01/08934567890120/10/SG-2026")

    sheet = seller.get(label_url(batch, 3), HTTP_HOST="127.0.0.1:8000")
    assert qr_texts(rasterise(b"".join(sheet.streaming_content), tmp_path)[0]) == [expected] * 3
    png = client.get(f"/t/{batch.short_code}/qr.png", HTTP_HOST="127.0.0.1:8000")
    assert png.status_code == 200
    assert qr_texts(Image.open(io.BytesIO(png.content))) == [expected]
    svg = client.get(f"/t/{batch.short_code}/qr.svg", HTTP_HOST="127.0.0.1:8000").content
    assert f"<title>{expected}</title>".encode() in svg
    assert b"127.0.0.1" not in svg
