"""Isolation of the cooperative API, generated from the URL configuration.

Every endpoint under /api/v1/cooperative/ is in ``LISTS`` (no arguments: what cooperative
A gets must be A's data exactly) or in ``OBJECTS`` (with the arguments that point it at
cooperative B's objects: every method the view answers must be a 404, as for an object
that does not exist, never a 403 that would confirm it). A new endpoint missing from
both fails ``test_every_cooperative_endpoint_is_checked``. The requests carry A's token
(every scope) or A's browser session; B's data (``tests.isolation``, with its secrets)
must be unchanged afterwards and none of its secrets may show.
"""

import datetime
import json

import pytest
from django.urls import resolve, reverse
from django.utils import timezone
from oscar.core.loading import get_model

from tests.api_cooperative import api_client, token_secret
from tests.factories import cooperative_user, ocop_product, trace_batch
from tests.isolation import SECRETS, cooperative_with_secrets, snapshot, url_routes

pytestmark = pytest.mark.django_db

Shipment = get_model("order", "Shipment")
StockRecord = get_model("partner", "StockRecord")

METHODS = ("get", "post", "put", "patch", "delete")
ROUTE_PREFIX = "api/v1/cooperative/"


def _stockrecords(cooperative):
    return StockRecord.objects.filter(partner=cooperative.partner).order_by("pk")


# Endpoints without arguments: the identifiers of what A must get, exactly.
LISTS = {
    "api:cooperative-profile": lambda a: {a.cooperative.pk},
    "api:cooperative-product-list": lambda a: {a.product.pk},
    "api:cooperative-stock-record-list": lambda a: {r.pk for r in _stockrecords(a.cooperative)},
    "api:cooperative-order-list": lambda a: {a.shared_order.number},
    "api:cooperative-shipment-list": lambda a: {a.shipment.pk},
    "api:cooperative-batch-list": lambda a: {a.batch.pk},
}
# What a change sent to a list endpoint holds: B's objects inside it.
LIST_WRITES = {
    "api:cooperative-batch-list": lambda b: {
        "product": b.product.pk,
        "lot_code": "B-NEW",
        "quantity": 5,
        "produced_on": str(timezone.localdate()),
    },
}


def _event(b):
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    return {"kind": "care", "occurred_at": an_hour_ago.isoformat()}


# Endpoints with arguments: B's objects, and the body a change sends (valid, were the
# object A's: only its owner stops it).
OBJECTS = {
    "api:cooperative-product-detail": (lambda b: [{"pk": b.product.pk}, {"pk": b.draft.pk}], None),
    "api:cooperative-stock-record-detail": (
        lambda b: [{"pk": r.pk} for r in _stockrecords(b.cooperative)],
        lambda b: {"num_in_stock": 1, "price": 1},
    ),
    # The order of B's lines only; the shared order is A's too (LISTS checks what shows).
    "api:cooperative-order-detail": (lambda b: [{"number": b.own_order.number}], None),
    "api:cooperative-shipment-detail": (lambda b: [{"pk": s.pk} for s in b.shipments], None),
    "api:cooperative-shipment-advance": (
        lambda b: [{"pk": s.pk} for s in b.shipments],
        lambda b: {"status": "delivered"},
    ),
    "api:cooperative-batch-detail": (
        lambda b: [{"pk": b.batch.pk}, {"pk": b.draft_batch.pk}],
        None,
    ),
    "api:cooperative-batch-events": (
        lambda b: [{"pk": b.batch.pk}, {"pk": b.draft_batch.pk}],
        _event,
    ),
    "api:cooperative-batch-publish": (
        lambda b: [{"pk": b.batch.pk}, {"pk": b.draft_batch.pk}],
        lambda b: {},
    ),
}


def _routes():
    return [route for route in url_routes() if route.route.startswith(ROUTE_PREFIX)]


def _view_methods(url):
    view_class = resolve(url).func.view_class
    return [m for m in METHODS if m in view_class.http_method_names and hasattr(view_class, m)]


class A:
    """Cooperative A's objects: a product, its lot, its parcel of the order shared with B."""

    def __init__(self, cooperative, user, product, b):
        self.cooperative, self.user, self.product = cooperative, user, product
        self.shared_order = b.shared_order
        self.shipment = Shipment.objects.get(order=b.shared_order, cooperative=cooperative)
        self.batch = trace_batch(
            cooperative=cooperative,
            product=product,
            user=user,
            lot_code="A-1",
            kinds=["harvest"],
            photos_per_event=0,
        )


@pytest.fixture
def b_and_a(cooperative):
    user = cooperative_user(cooperative)
    product = ocop_product(cooperative=cooperative, title="Chè của A", price=85000)
    b = cooperative_with_secrets(other_product=product)
    b.draft_batch = trace_batch(
        cooperative=b.cooperative,
        product=b.product,
        user=b.user,
        lot_code="B-DRAFT",
        kinds=[],
        publish=False,
    )
    return b, A(cooperative, user, product, b)


@pytest.fixture(params=["token", "session"])
def caller(request, b_and_a):
    _b, a = b_and_a
    if request.param == "token":
        return api_client(token_secret(a.user))
    client = api_client()
    client.force_login(a.user)
    return client


def _text(response):
    return json.dumps(response.json(), ensure_ascii=False)


def test_every_cooperative_endpoint_is_checked():
    names = {route.name for route in _routes()}

    assert names, "no cooperative endpoints found"
    assert names - set(LISTS) - set(OBJECTS) == set(), "add these to LISTS or OBJECTS"
    assert (set(LISTS) | set(OBJECTS)) - names == set(), "stale entries"
    assert set(LIST_WRITES) <= set(LISTS)
    for route in _routes():
        assert bool(route.kwarg_names) == (route.name in OBJECTS), route.name


def test_lists_hold_only_the_cooperatives_own_data(caller, b_and_a):
    b, a = b_and_a
    before = snapshot(b)

    for name, expected in LISTS.items():
        url = reverse(name)
        for method in _view_methods(url):
            body = LIST_WRITES[name](b) if method != "get" else None
            response = getattr(caller, method)(url, body, format="json")
            label = f"{method.upper()} {url}"
            assert response.status_code < 500, label
            assert not [s for s in SECRETS if s in _text(response)], label
            if method != "get":
                assert response.status_code == 400, (label, response.content)
                continue
            assert response.status_code == 200, label
            data = response.json()
            items = data["results"] if "results" in data else [data]
            key = "number" if name.endswith("order-list") else "id"
            assert {item[key] for item in items} == expected(a), label

    assert snapshot(b) == before


def test_the_shared_order_shows_only_the_cooperatives_own_lines(caller, b_and_a):
    b, a = b_and_a

    [order] = caller.get(reverse("api:cooperative-order-list")).json()["results"]
    detail = caller.get(reverse("api:cooperative-order-detail", kwargs={"number": order["number"]}))

    for body in (order, detail.json()):
        assert [line["title"] for line in body["lines"]] == ["Chè của A"]
        assert body["shipment"]["id"] == a.shipment.pk
        assert body["lines_total"] == 85000
        assert str(int(b.shared_order.total_incl_tax)) not in json.dumps(body)


def test_another_cooperatives_objects_are_not_found_by_any_method(caller, b_and_a):
    b, _a = b_and_a
    before = snapshot(b)
    tried = 0

    for name, (aims, body) in OBJECTS.items():
        for kwargs in aims(b):
            url = reverse(name, kwargs=kwargs)
            for method in _view_methods(url):
                data = body(b) if body and method != "get" else None
                response = getattr(caller, method)(url, data, format="json")
                tried += 1
                label = f"{method.upper()} {url}"
                assert response.status_code == 404, (label, response.status_code)
                assert response.json() == {"detail": "Không tìm thấy."}, label

    assert tried >= 17
    assert snapshot(b) == before


def test_malformed_bodies_to_another_cooperatives_objects_are_not_found_either(caller, b_and_a):
    b, _a = b_and_a
    before = snapshot(b)

    for name, (aims, body) in OBJECTS.items():
        if body is None:
            continue
        for kwargs in aims(b):
            url = reverse(name, kwargs=kwargs)
            for method in set(_view_methods(url)) - {"get"}:
                response = caller.generic(
                    method.upper(), url, b'{"status": ', content_type="application/json"
                )
                assert response.status_code == 404, (method, url, response.status_code)

    assert snapshot(b) == before


def test_the_cooperative_b_itself_reaches_every_object_aimed_at(b_and_a):
    # The aims are B's real objects: the 404s above are isolation, not wrong addresses.
    b, _a = b_and_a
    api = api_client(token_secret(b.user))

    for name, (aims, _body) in OBJECTS.items():
        for kwargs in aims(b):
            url = reverse(name, kwargs=kwargs)
            if "get" in _view_methods(url):
                response = api.get(url)
                assert response.status_code == 200, (url, response.status_code)
    listed = api.get(reverse("api:cooperative-product-list"))
    assert "Sản phẩm nháp chưa công bố của B" in _text(listed)
