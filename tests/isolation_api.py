"""The cooperative API's URLs in the isolation sweep (``tests.isolation.SWEPT``).

The sweep signs cooperative A in with a browser session and sends each URL GETs and form
POSTs aimed at cooperative B's objects. The API reads JSON only: a form POST is refused
(415) once the object is found, so here the sweep checks lookups and lists (a 404 for
B's objects, none of B's secrets in A's lists);
tests/functional/test_api_cooperative_isolation.py sends every method with JSON.
"""


def _pks(objects):
    return [obj.pk for obj in objects]


API_SWEPT = {
    "api:cooperative-profile": lambda b: [({}, {})],
    "api:cooperative-product-list": lambda b: [({}, {}), ({}, {"page_size": "100"})],
    "api:cooperative-product-detail": lambda b: [
        ({"pk": pk}, {"price": "1"}) for pk in (b.product.pk, b.draft.pk)
    ],
    "api:cooperative-stock-record-list": lambda b: [({}, {})],
    "api:cooperative-stock-record-detail": lambda b: [
        ({"pk": pk}, {"num_in_stock": "1"}) for pk in _pks(b.product.stockrecords.all())
    ],
    "api:cooperative-order-list": lambda b: [
        ({}, {}),
        ({}, {"status": "shipped"}),
        ({}, {"status": "x"}),
        ({}, {"page": "x"}),
    ],
    "api:cooperative-order-detail": lambda b: [
        ({"number": order.number}, {}) for order in (b.own_order, b.shared_order)
    ],
    "api:cooperative-shipment-list": lambda b: [({}, {}), ({}, {"status": "delivered"})],
    "api:cooperative-shipment-detail": lambda b: [({"pk": pk}, {}) for pk in _pks(b.shipments)],
    "api:cooperative-shipment-advance": lambda b: [
        ({"pk": pk}, {"status": "delivered"}) for pk in _pks(b.shipments)
    ],
    "api:cooperative-batch-list": lambda b: [({}, {"product": b.product.pk, "lot_code": "X-1"})],
    "api:cooperative-batch-detail": lambda b: [({"pk": b.batch.pk}, {})],
    "api:cooperative-batch-events": lambda b: [({"pk": b.batch.pk}, {"kind": "harvest"})],
    "api:cooperative-batch-publish": lambda b: [({"pk": b.batch.pk}, {})],
}
