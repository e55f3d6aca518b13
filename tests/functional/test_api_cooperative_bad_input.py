"""Bad input to the cooperative API: a 400 that names the field, and nothing changed."""

import datetime

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from tests.api_cooperative import api_client, token_secret, url
from tests.factories import ocop_order, ocop_product

pytestmark = pytest.mark.django_db

Batch = get_model("traceability", "Batch")
StockRecord = get_model("partner", "StockRecord")
TraceEvent = get_model("traceability", "TraceEvent")

PAST = "2020-01-01T08:00"  # when an event may have happened


@pytest.fixture
def api(tea_user):
    return api_client(token_secret(tea_user))


@pytest.fixture
def record(tea):
    record = tea.stockrecords.get()
    StockRecord.objects.filter(pk=record.pk).update(num_allocated=5)
    return record


def _stock(record):
    return StockRecord.objects.filter(pk=record.pk).values_list("num_in_stock", "price").get()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"num_in_stock": -1}, "num_in_stock"),
        ({"num_in_stock": 10_000_000}, "num_in_stock"),
        ({"num_in_stock": 10**30}, "num_in_stock"),
        ({"num_in_stock": "nhiều"}, "num_in_stock"),
        ({"num_in_stock": 2.5}, "num_in_stock"),
        ({"num_in_stock": None}, "num_in_stock"),
        ({"num_in_stock": 4}, "num_in_stock"),  # 5 are held for orders
        ({"price": 0}, "price"),
        ({"price": -125000}, "price"),
        ({"price": "một trăm"}, "price"),
        ({"price": 125000.5}, "price"),
        ({"price": 10**10}, "price"),
        ({"num_in_stock": 30, "price": 0}, "price"),  # the good half is not saved either
        ({}, "non_field_errors"),
        ({"quantity": 3}, "non_field_errors"),
    ],
)
def test_bad_stock_or_price_is_a_400_naming_the_field(api, record, data, field):
    before = _stock(record)

    response = api.patch(url("stock-record-detail", pk=record.pk), data, format="json")

    assert response.status_code == 400, response.content
    assert response.json()[field]
    assert _stock(record) == before


def test_stock_down_to_what_is_held_for_orders_is_fine(api, record):
    response = api.patch(
        url("stock-record-detail", pk=record.pk), {"num_in_stock": 5}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["available"] == 0


def test_the_message_says_how_many_units_are_held(api, record):
    response = api.patch(
        url("stock-record-detail", pk=record.pk), {"num_in_stock": 4}, format="json"
    )

    assert "5" in response.json()["num_in_stock"][0]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ('{"num_in_stock": ', "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ("num_in_stock=3", "application/x-www-form-urlencoded", 415),
        ("\xff\xfe", "application/json", 400),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(api, record, body, content_type, status):
    before = _stock(record)

    response = api.generic(
        "PATCH",
        url("stock-record-detail", pk=record.pk),
        body.encode("latin-1"),
        content_type=content_type,
    )

    assert response.status_code == status, response.content
    assert response.json()
    assert _stock(record) == before


@pytest.fixture
def shipment(tea, tea_cooperative, customer):
    order = ocop_order(items=[(tea, 1)], user=customer)
    return order.shipments.get(cooperative=tea_cooperative)


def _advance(api, shipment, **data):
    return api.post(url("shipment-advance", pk=shipment.pk), data, format="json")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "shipped", "carrier": "chim-bồ-câu", "tracking_code": "X1"}, "carrier"),
        ({"status": "shipped", "carrier": "ghn"}, "tracking_code"),
        ({"status": "shipped", "carrier": "ghn", "tracking_code": "   "}, "tracking_code"),
        ({"status": "shipped", "tracking_code": "GHN1"}, "carrier"),
        ({"status": "shipped", "carrier": "ghn", "tracking_code": "X" * 65}, "tracking_code"),
        ({"status": "delivered"}, "detail"),  # not packed, nor shipped yet
        ({"status": "cancelled"}, "status"),  # staff only
        ({"status": "lost"}, "status"),
        ({}, "status"),
    ],
)
def test_a_bad_parcel_move_is_a_400_and_leaves_the_parcel_as_it_was(api, shipment, data, field):
    if data.get("status") == "shipped":
        assert _advance(api, shipment, status="packed").status_code == 200

    response = _advance(api, shipment, **data)

    assert response.status_code == 400, response.content
    assert response.json()[field]
    before = shipment.status
    shipment.refresh_from_db()
    assert shipment.status == ("packed" if data.get("status") == "shipped" else before)
    assert shipment.tracking_code == ""


def test_shipping_a_product_whose_lots_are_short_is_a_400(
    api, shipment, tea, tea_cooperative, tea_user
):
    from tests.factories import trace_batch

    lot = trace_batch(
        cooperative=tea_cooperative,
        product=tea,
        user=tea_user,
        kinds=["harvest"],
        photos_per_event=0,
    )
    Batch.objects.filter(pk=lot.pk).update(quantity=1)
    shipment.order.lines.update(quantity=3)
    _advance(api, shipment, status="packed")

    response = _advance(api, shipment, status="shipped", carrier="ghn", tracking_code="GHN9")

    assert response.status_code == 400, response.content
    shipment.refresh_from_db()
    assert shipment.status == "packed"


def _batch(product, /, **fields):
    return {
        "product": product.pk,
        "lot_code": "CM-1",
        "quantity": 100,
        "produced_on": str(timezone.localdate()),
        **fields,
    }


def _future():
    return (timezone.now() + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"lot_code": "Lô số 1"}, "lot_code"),
        ({"lot_code": ""}, "lot_code"),
        ({"lot_code": "X" * 21}, "lot_code"),
        ({"quantity": 0}, "quantity"),
        ({"quantity": 10**12}, "quantity"),
        ({"quantity": "nhiều"}, "quantity"),
        ({"produced_on": "31/12/2026"}, "produced_on"),
        ({"best_before": "2000-01-01"}, "best_before"),
        ({"farm_area_ha": "1e9"}, "farm_area_ha"),
        ({"farm_gln_extension": "0AB"}, "farm_gln_extension"),
        ({"event": {"kind": "harvest", "occurred_at": _future()}}, "event"),
        ({"event": {"kind": "correction", "occurred_at": PAST}}, "event"),
        (
            {
                "event": {
                    "kind": "care",
                    "occurred_at": PAST,
                    "inputs": [{"name": "Phân"}] * 21,
                }
            },
            "event",
        ),
        ({"event": "harvest"}, "event"),
        ({"product": None}, "product"),
        ({"product": "chè"}, "product"),
        ({"product": 10**9}, "product"),
    ],
)
def test_a_bad_new_lot_is_a_400_naming_the_field(api, tea, fields, field):
    response = api.post(url("batch-list"), _batch(tea, **fields), format="json")

    assert response.status_code == 400, response.content
    assert response.json()[field]
    assert not Batch.objects.exists()


def test_a_lot_of_another_cooperatives_product_is_refused_as_not_found(api, tea, honey):
    response = api.post(url("batch-list"), _batch(honey), format="json")

    assert response.status_code == 400
    unknown = api.post(url("batch-list"), _batch(tea, product=10**9), format="json")
    assert response.json()["product"] == [
        m.replace(str(10**9), str(honey.pk)) for m in unknown.json()["product"]
    ]
    assert not Batch.objects.exists()


def test_a_lot_code_taken_for_the_product_is_a_400(api, tea):
    assert api.post(url("batch-list"), _batch(tea), format="json").status_code == 201

    response = api.post(url("batch-list"), _batch(tea, lot_code=" CM-1 "), format="json")

    assert response.status_code == 400 and "CM-1" in response.json()["lot_code"][0]
    assert Batch.objects.count() == 1


@pytest.fixture
def draft(api, tea):
    response = api.post(url("batch-list"), _batch(tea), format="json")
    return Batch.objects.get(pk=response.json()["id"])


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "harvest", "occurred_at": _future()}, "occurred_at"),
        ({"kind": "harvest"}, "occurred_at"),
        ({"kind": "bón phân", "occurred_at": PAST}, "kind"),
        ({"kind": "harvest", "occurred_at": "hôm qua"}, "occurred_at"),
        ({"kind": "care", "occurred_at": PAST, "inputs": "Phân"}, "inputs"),
        ({"kind": "care", "occurred_at": PAST, "inputs": [{"dose": "2"}]}, "inputs"),
        ({"kind": "care", "occurred_at": PAST, "note": "x" * 2001}, "note"),
    ],
)
def test_a_bad_event_is_a_400_and_the_chain_stays_as_it_was(api, draft, data, field):
    response = api.post(url("batch-events", pk=draft.pk), data, format="json")

    assert response.status_code == 400, response.content
    assert response.json()[field]
    assert not TraceEvent.objects.exists()


def test_an_empty_draft_is_not_published(api, draft):
    response = api.post(url("batch-publish", pk=draft.pk))

    assert response.status_code == 400 and response.json()["detail"]
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_recalled_lot_takes_no_more_events(api, tea, tea_cooperative, tea_user):
    from tests.factories import trace_batch
    from traceability.services import batch_recall

    lot = trace_batch(
        cooperative=tea_cooperative,
        product=ocop_product(cooperative=tea_cooperative, title="Chè xanh", price=1000),
        user=tea_user,
        kinds=["harvest"],
        photos_per_event=0,
    )
    batch_recall(batch=lot, reason="Dư lượng thuốc", by=tea_user)

    response = api.post(
        url("batch-events", pk=lot.pk),
        {"kind": "care", "occurred_at": PAST},
        format="json",
    )

    assert response.status_code == 400 and response.json()["detail"]
    assert lot.events.count() == 1


def test_malformed_json_to_any_change_is_a_400_that_changes_nothing(api, shipment, draft, record):
    event = {"kind": "harvest", "occurred_at": PAST}
    assert api.post(url("batch-events", pk=draft.pk), event, format="json").status_code == 201
    before = (_stock(record), shipment.status, Batch.objects.count(), TraceEvent.objects.count())
    changes = [
        ("PATCH", url("stock-record-detail", pk=record.pk)),
        ("POST", url("shipment-advance", pk=shipment.pk)),
        ("POST", url("batch-list")),
        ("POST", url("batch-events", pk=draft.pk)),
        ("POST", url("batch-publish", pk=draft.pk)),
    ]

    for method, address in changes:
        response = api.generic(
            method, address, b'{"status": "packed",', content_type="application/json"
        )
        assert response.status_code == 400, (method, address)
        assert "JSON" in response.json()["detail"]

    shipment.refresh_from_db()
    after = (_stock(record), shipment.status, Batch.objects.count(), TraceEvent.objects.count())
    assert after == before
    draft.refresh_from_db()
    assert draft.status == "draft"
