"""The public API's lots: what a lot's QR page shows, for published and recalled lots only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CooperativeFactory, cooperative_user, ocop_product, trace_batch
from traceability.services import batch_recall, event_add

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
GTIN = "8934567890120"
LOT_KEYS = {
    "lot_code", "short_code", "status", "status_label", "recall_reason", "recalled_at",
    "produced_on", "best_before", "quantity", "farm_name", "farm_location", "farm_area_ha",
    "trace_url", "epcis_url", "product", "cooperative", "chain_verified", "events",
}  # fmt: skip
EVENT_KEYS = {
    "sequence", "kind", "kind_label", "occurred_at", "place", "note", "inputs",
    "document_url", "photos", "hash", "previous_hash", "corrects",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def user(cooperative):
    return cooperative_user(cooperative)


@pytest.fixture
def lot(cooperative, user):
    return trace_batch(cooperative=cooperative, upc=GTIN, user=user,
                       kinds=["care", "harvest", "inspection"])  # fmt: skip


def _lot(client, code, **params):
    response = client.get(f"/api/v1/lots/{code}/", params)
    assert response["Content-Type"] == "application/json"
    return response


def test_a_published_lot_has_what_its_qr_page_shows(client, lot, user):
    care = lot.events.get(sequence=1)
    event_add(batch=lot, kind="care", by=user, corrects=care, note="Liều đúng là 1 tấn/ha",
              occurred_at=timezone.now() - datetime.timedelta(hours=1))  # fmt: skip

    response = _lot(client, lot.short_code.lower())  # any letter case, as /t/ takes it

    assert response.status_code == 200
    body = response.json()
    assert set(body) == LOT_KEYS
    assert (body["lot_code"], body["short_code"]) == ("CM-2026-11", lot.short_code)
    assert (body["status"], body["status_label"]) == ("published", "Đã công bố")
    assert (body["recall_reason"], body["recalled_at"]) == (None, None)
    assert body["produced_on"] == lot.produced_on.isoformat()
    assert body["best_before"] == lot.best_before.isoformat()
    assert (body["farm_name"], body["farm_location"]) == ("Đồi chè Khu 3", "Xã Cẩm Khê, Phú Thọ")
    assert body["farm_area_ha"] == 2.5
    assert body["trace_url"] == f"{SITE}/01/0{GTIN}/10/CM-2026-11"
    assert body["epcis_url"] == f"{SITE}/t/{lot.short_code}/epcis.jsonld"
    product = lot.product
    shop_page = f"{SITE}/shop/catalogue/{product.slug}_{product.pk}/"
    assert body["product"] == {"id": product.pk, "title": "Chè búp Cam My", "gtin": GTIN,
                               "url": shop_page}  # fmt: skip
    assert body["cooperative"]["url"] == f"{SITE}/shop/cooperatives/{product.cooperative.slug}/"
    assert body["chain_verified"] is True

    events = body["events"]
    assert [e["sequence"] for e in events] == [1, 2, 3, 4]
    assert all(set(e) == EVENT_KEYS for e in events)
    first, _harvest, inspection, correction = events
    assert (first["kind"], first["kind_label"]) == ("care", "Chăm sóc")
    assert first["inputs"] == [{"name": "Phân hữu cơ vi sinh", "dose": "2 tấn/ha"}]
    assert (first["place"], first["note"]) == ("Đồi chè Khu 3", "Ghi chép care")
    [photo] = first["photos"]
    assert photo["caption"] == "Ảnh care 0"
    assert photo["url"].startswith(f"{SITE}/media/trace/photos/")
    assert first["previous_hash"] == "0" * 64
    assert events[1]["previous_hash"] == first["hash"] == care.hash
    assert inspection["document_url"].startswith(f"{SITE}/media/trace/documents/")
    assert first["document_url"] is None
    assert (correction["kind"], correction["corrects"]) == ("correction", 1)
    assert first["corrects"] is None
    assert first["occurred_at"] == timezone.localtime(care.occurred_at).isoformat()

    english = _lot(client, lot.short_code, lang="en").json()
    assert english["product"]["url"] == f"{SITE}/en/shop/catalogue/{product.slug}_{product.pk}/"


def test_a_recalled_lot_shows_why(client, lot, user):
    batch_recall(batch=lot, reason="Phát hiện dư lượng vượt ngưỡng", by=user)

    body = _lot(client, lot.short_code).json()

    assert (body["status"], body["recall_reason"]) == ("recalled", "Phát hiện dư lượng vượt ngưỡng")
    assert body["recalled_at"]
    lots = client.get(f"/api/v1/products/{lot.product_id}/lots/").json()
    assert [item["short_code"] for item in lots["results"]] == [lot.short_code]


def test_a_draft_lot_is_a_404_everywhere(client, cooperative, user, lot):
    draft = trace_batch(cooperative=cooperative, user=user, product=lot.product,
                        lot_code="NHAP-1", publish=False)  # fmt: skip

    response = _lot(client, draft.short_code)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không có lô hàng công khai nào mang mã này."}
    lots = client.get(f"/api/v1/products/{lot.product_id}/lots/").json()
    assert [item["lot_code"] for item in lots["results"]] == ["CM-2026-11"]
    assert "NHAP-1" not in client.get(f"/api/v1/products/{lot.product_id}/").content.decode()


@pytest.mark.parametrize("code", ["ABCDEFGH", "abc", "A" * 300, "ăâđ", "..", "%2e%2e"])
def test_an_unknown_or_malformed_code_is_a_404(client, lot, code):
    response = client.get(f"/api/v1/lots/{code}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_the_lots_of_a_suspended_cooperative_stay_readable_on_their_qr_code(client, lot):
    # As the QR page: a recall must reach whoever holds the lot; the shop links go.
    cooperative = lot.product.cooperative
    cooperative.status = "suspended"
    cooperative.save()

    body = _lot(client, lot.short_code).json()
    assert body["product"]["url"] is None
    assert body["cooperative"] == {"slug": cooperative.slug, "name": cooperative.name,
                                   "url": None}  # fmt: skip
    assert client.get(f"/api/v1/products/{lot.product_id}/lots/").status_code == 404


def test_the_lots_query_count_does_not_grow_with_the_lots(client, cooperative, user):
    product = ocop_product(cooperative=cooperative, title="Chè", price=1000)
    url = f"/api/v1/products/{product.pk}/lots/"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        return len(captured), response.json()["count"]

    trace_batch(cooperative=cooperative, user=user, product=product, lot_code="L-1")
    one, count = queries()
    assert count == 1
    for n in range(2, 5):
        trace_batch(cooperative=cooperative, user=user, product=product, lot_code=f"L-{n}")
    assert queries() == (one, 4)


def test_another_cooperatives_draft_cannot_be_reached_through_a_product(client, lot):
    other = CooperativeFactory()
    draft = trace_batch(cooperative=other, lot_code="BI-MAT", publish=False)

    assert client.get(f"/api/v1/products/{draft.product_id}/lots/").json()["count"] == 0
    assert _lot(client, draft.short_code).status_code == 404
