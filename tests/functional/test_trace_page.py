"""The public traceability page a QR code opens: what it shows, what it counts, what it costs."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import cooperative_user, ocop_certificate, trace_batch
from traceability.models import ScanLog, TraceEvent
from traceability.services import batch_recall

pytestmark = pytest.mark.django_db

GTIN = "8934567890120"
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
# A phone's browser names HTML in its Accept header: it gets the page, not a redirect.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ZALO = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Zalo iOS/471"
MAX_QUERIES = 8
MAX_PAGE_BYTES = 60 * 1024


@pytest.fixture
def batch(cooperative):
    batch = trace_batch(cooperative=cooperative, upc=GTIN)  # six events with a photo each
    ocop_certificate(product=batch.product, stars=4)
    return batch


def lot_path(lot="CM-2026-11"):
    return f"/01/0{GTIN}/10/{lot}"


def scan(client, path=None, user_agent=PHONE):
    response = client.get(path or lot_path(), HTTP_USER_AGENT=user_agent,
                          HTTP_ACCEPT=BROWSER_ACCEPT)  # fmt: skip
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_tells_the_batchs_story(client, batch):
    page = scan(client)

    assert "Chè búp Cam My" in page
    assert "CM-2026-11" in page
    assert "0" + GTIN in page
    assert batch.best_before.strftime("%d/%m/%Y") in page
    assert batch.product.cooperative.name in page
    assert "OCOP 4 sao" in page and "còn hiệu lực đến" in page
    assert "Phú Thọ" in page  # origin
    for kind in ("Gieo trồng", "Chăm sóc", "Thu hoạch", "Chế biến", "Đóng gói", "Kiểm nghiệm"):
        assert kind in page
    assert "Phân hữu cơ vi sinh: 2 tấn/ha" in page
    assert "Kết quả kiểm nghiệm" in page and "Phiếu kết quả" in page
    assert f'href="{batch.product.get_absolute_url()}"' in page  # buy this product
    assert "Mua sản phẩm này" in page


def test_event_photos_are_lazy_thumbnails_with_their_size(client, batch):
    page = scan(client)

    photos = re.findall(r'<img src="[^"]*"[^>]*loading="lazy"[^>]*>', page)
    assert len([p for p in photos if 'width="160" height="120"' in p]) == 6
    assert all("/cache/" in p for p in photos if 'width="160"' in p)  # sorl thumbnails


def test_the_page_shows_its_own_qr_code_and_scan_count(client, batch):
    scan(client)
    page = scan(client)

    assert f'src="/t/{batch.short_code}/qr.svg"' in page
    assert "Đã quét 2 lần" in page


def test_one_scan_logs_one_row_with_the_browser_family_and_keyed_hashes_only(client, batch):
    scan(client, user_agent=ZALO)

    (log,) = ScanLog.objects.all()
    assert (log.batch, log.client) == (batch, "Zalo")
    assert {f.name for f in ScanLog._meta.get_fields()} == {
        "id", "batch", "scanned_at", "client", "client_key", "place_key"
    }  # fmt: skip
    assert re.fullmatch(r"[0-9a-f]{16}", log.client_key)
    assert re.fullmatch(r"[0-9a-f]{16}", log.place_key)
    assert "127.0.0" not in log.client_key + log.place_key  # the test client's address


def test_a_recalled_batch_shows_a_red_banner_with_the_reason(client, batch):
    grower = cooperative_user(batch.product.cooperative, email="thuhoi@ocop.example")
    batch_recall(batch=batch, reason="Dư lượng thuốc bảo vệ thực vật vượt ngưỡng", by=grower)

    page = scan(client)

    assert 'id="thu-hoi" class="recall"' in page
    assert "Lô hàng này đã bị thu hồi" in page
    assert "Dư lượng thuốc bảo vệ thực vật vượt ngưỡng" in page
    assert "Mua sản phẩm này" not in page


def test_the_page_says_whether_the_event_chain_verifies(client, batch):
    assert "Nhật ký toàn vẹn." in scan(client)

    TraceEvent.objects.filter(batch=batch, sequence=3).update(note="Hái máy")

    page = scan(client)
    assert "Nhật ký không còn nguyên vẹn." in page
    assert "Nhật ký toàn vẹn." not in page


def test_a_product_without_gtin_says_so(client, cooperative):
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"])

    page = scan(client, f"/t/{batch.short_code}")

    assert "Sản phẩm chưa có mã GTIN" in page


def test_the_page_is_standalone_and_light(client, batch):
    page = scan(client)
    css = open(finders.find("css/trace.css"), "rb").read()

    assert len(page.encode()) + len(css) <= MAX_PAGE_BYTES
    assert "<script" not in page
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()
    assert page.count('rel="stylesheet"') == 1


def _scan_queries(client, path):
    scan(client, path)  # warm the thumbnail store and template caches, as on a live site
    with CaptureQueriesContext(connection) as queries:
        scan(client, path)
    return len(queries)


def test_a_scan_costs_at_most_8_queries_however_many_events(client, cooperative, batch):
    short = trace_batch(cooperative=cooperative, upc="8934567890137", lot_code="NGAN",
                        kinds=["harvest"], photos_per_event=0)  # fmt: skip

    many = _scan_queries(client, lot_path())
    few = _scan_queries(client, "/01/08934567890137/10/NGAN")

    assert many == few
    assert many <= MAX_QUERIES
    assert short.events.count() == 1 and batch.events.count() == 6


def test_the_product_page_links_to_its_latest_batch(client, batch):
    response = client.get(batch.product.get_absolute_url())

    page = response.content.decode()
    assert "Nguồn gốc và truy xuất" in page
    assert f'href="{lot_path()}"' in page


def test_the_first_scan_after_publishing_is_as_cheap_as_any_other(
    client, cooperative, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        trace_batch(cooperative=cooperative, upc="8934567890151", lot_code="MOI")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/01/08934567890151/10/MOI", HTTP_USER_AGENT=PHONE,
                              HTTP_ACCEPT=BROWSER_ACCEPT)  # fmt: skip

    assert response.status_code == 200
    assert len(queries) <= MAX_QUERIES
