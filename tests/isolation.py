"""Cooperative B's secrets, and the sweep of every cooperative-reachable URL with them.

``SWEPT`` names each URL a cooperative can reach, with the arguments that point it at
B's objects; ``sweep`` requests them all while another user is logged in and reports
server errors and any of B's secrets in a response. Used by the isolation sweep
(``tests/functional/test_isolation_sweep.py``) and the membership-state tests.
"""

import json
from dataclasses import dataclass

from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import tasks as catalogue_tasks
from marketplace.api.models import AccessToken
from marketplace.api.services import token_create
from marketplace.jobs.models import Job
from marketplace.order.services import shipment_advance
from marketplace.payments import tasks as payment_tasks
from marketplace.settlement.models import Payout, Posting
from tests import checkout_steps as steps
from tests.factories import (
    CooperativeFactory,
    cooperative_user,
    ocop_certificate,
    ocop_product,
    trace_batch,
)
from tests.isolation_api import API_SWEPT
from traceability.models import Batch, LineBatch, TraceEvent

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")
Certificate = get_model("catalogue", "Certificate")
Order = get_model("order", "Order")
Line = get_model("order", "Line")
Shipment = get_model("order", "Shipment")

SECRET_TITLE = "Mật ong bí mật của hợp tác xã B"
SECRET_DRAFT = "Sản phẩm nháp chưa công bố của B"
SECRET_ADDRESS = "Số 9 ngõ Bí Mật"
SECRET_ACCOUNT = "9999888877"
SECRET_DECISION = "B-777/QĐ-UBND"
SECRET_LOT = "LO-BIMAT-B77"
SECRET_TRACKING = "GHNBIMAT777"
SECRET_ORDER_NUMBER = "BIMAT-100777"  # the number of the order that holds only B's lines
SECRET_TOKEN_NAME = "Mã API bí mật của B"
SECRETS = [
    SECRET_TITLE, SECRET_DRAFT, SECRET_ADDRESS, SECRET_ACCOUNT, SECRET_DECISION, SECRET_LOT,
    SECRET_TRACKING, SECRET_ORDER_NUMBER, SECRET_TOKEN_NAME,
]  # fmt: skip


@dataclass
class Secrets:
    """Cooperative B and the objects of its that no one else may reach."""

    cooperative: object
    user: object
    product: object
    draft: object
    certificate: object
    batch: object
    own_order: object  # only B's lines, shipped to SECRET_ADDRESS
    shared_order: object  # one line of A's, one of B's
    shipments: list
    lines: list
    jobs: list  # B's product import jobs (the check, the save), then a staff statement job
    token: object  # B's API token, named SECRET_TOKEN_NAME


def _ids(objects):
    return [obj.pk for obj in objects]


# How to point each cooperative-reachable URL at B's objects: a list of (kwargs, data),
# data going in the query string of a GET and the body of a POST. Every URL taking
# arguments is also tried with every candidate value (``_candidate_values``).
def _this_month():
    today = timezone.localdate()
    return {"year": today.year, "month": today.month}


SWEPT = {
    "cooperative-overview": lambda b: [({}, {})],
    "cooperative-money": lambda b: [({}, {})],
    "cooperative-statement": lambda b: [({**_this_month()}, {})],
    "cooperative-statement-csv": lambda b: [({**_this_month()}, {})],
    # A PDF's text is compressed: the sweep checks it answers; its rows are the HTML's.
    "cooperative-statement-pdf": lambda b: [({**_this_month()}, {})],
    "cooperative-tax-record": lambda b: [({"year": _this_month()["year"]}, {})],
    "cooperative-tax-record-pdf": lambda b: [({"year": _this_month()["year"]}, {})],
    "cooperative-profile-edit": lambda b: [
        ({}, {}),
        ({}, {"profile-bank_account_number": "1", "profile-story_vi": "x"}),
    ],
    "cooperative-application": lambda b: [({}, {})],
    "cooperative-api-tokens": lambda b: [
        ({}, {}),
        ({}, {"name": "x", "scopes": ["orders:read", "trace:write"], "days": "30"}),
    ],
    "cooperative-api-token-revoke": lambda b: [({"pk": b.token.pk}, {})],
    "cooperative-product-import": lambda b: [({}, {})],
    "cooperative-product-import-template": lambda b: [({}, {})],
    "cooperative-product-import-job": lambda b: [({"pk": job.pk}, {}) for job in b.jobs],
    "cooperative-product-import-job-status": lambda b: [({"pk": job.pk}, {}) for job in b.jobs],
    "cooperative-product-import-confirm": lambda b: [({"pk": job.pk}, {}) for job in b.jobs],
    # Staff's pages, but the shared job view answers 404 (not 403) for a job one may not see.
    "payments:bank-statement-job": lambda b: [({"pk": job.pk}, {}) for job in b.jobs],
    "payments:bank-statement-job-status": lambda b: [({"pk": job.pk}, {}) for job in b.jobs],
    "cooperative-certificate-list": lambda b: [({}, {})],
    "cooperative-certificate-add": lambda b: [({}, {"product": b.product.pk, "kind": "ocop"})],
    "batch-list": lambda b: [({}, {})],
    "batch-create": lambda b: [({}, {"product": b.product.pk, "lot_code": "X-1"})],
    "batch-detail": lambda b: [({"pk": b.batch.pk}, {"kind": "harvest", "note": "x"})],
    "batch-action": lambda b: [
        ({"pk": b.batch.pk, "action": action}, {"reason": "x"}) for action in ("publish", "recall")
    ],
    "line-batch-assign": lambda b: [
        ({"line_id": pk}, {f"lot-{b.batch.pk}": "1"}) for pk in _ids(b.lines)
    ],
    "traceability:label-sheet": lambda b: [({"pk": b.batch.pk}, {"count": "24"})],
    "batch-export": lambda b: [({"pk": b.batch.pk, "fmt": fmt}, {}) for fmt in ("jsonld", "csv")],
    "payments:cash-parcels": lambda b: [({}, {})],
    "payments:cash-collect": lambda b: [({"shipment_id": pk}, {}) for pk in _ids(b.shipments)],
    "dashboard:index": lambda b: [({}, {})],
    "dashboard:catalogue-product-list": lambda b: [
        ({}, {}),
        ({}, {"title": "Mật"}),
        ({}, {"upc": b.product.upc or ""}),
    ],
    "dashboard:catalogue-product-lookup": lambda b: [
        ({}, {"q": "Mật"}),
        ({}, {"q": "nháp"}),
        ({}, {"q": "Mật", "page": "x", "page_limit": "-1"}),
        ({}, {"initial": f"{b.product.pk},{b.draft.pk}"}),
    ],
    "dashboard:catalogue-product": lambda b: [
        ({"pk": pk}, {"title": "x"}) for pk in (b.product.pk, b.draft.pk)
    ],
    "dashboard:catalogue-product-create": lambda b: [
        ({}, {}),
        ({"product_class_slug": b.product.get_product_class().slug}, {"title": "x"}),
    ],
    "dashboard:catalogue-product-create-child": lambda b: [({"parent_pk": b.product.pk}, {})],
    "dashboard:catalogue-product-delete": lambda b: [
        ({"pk": pk}, {}) for pk in (b.product.pk, b.draft.pk)
    ],
    # Oscar lets partners add attribute options from the product form (shared, not B's).
    "dashboard:catalogue-option-create": lambda b: [({}, {})],
    "dashboard:catalogue-attribute-option-group-create": lambda b: [({}, {})],
    "dashboard:catalogue-product-bulk-action": lambda b: [
        ({}, {"action": "set_price", "selected_product": [b.product.pk, b.draft.pk]}),
    ],
    "dashboard:order-list": lambda b: [
        ({}, {}),
        ({}, {"order_number": b.own_order.number}),
        ({}, {"product_title": "Mật"}),
        ({}, {"response_format": "csv"}),
        (
            {},
            {
                "action": "download_selected_orders",
                "selected_order": [b.own_order.pk, b.shared_order.pk],
            },
        ),
    ],
    "dashboard:order-stats": lambda b: [({}, {})],
    "dashboard:order-detail": lambda b: [
        ({"number": order.number}, {"order_action": "change_order_status", "new_status": "x"})
        for order in (b.own_order, b.shared_order)
    ],
    "dashboard:order-detail-note": lambda b: [
        ({"number": order.number, "note_id": 1}, {}) for order in (b.own_order, b.shared_order)
    ],
    "dashboard:order-line-detail": lambda b: [
        ({"number": line.order.number, "line_id": line.pk}, {}) for line in b.lines
    ],
    "dashboard:order-shipping-address": lambda b: [
        ({"number": order.number}, {"line1": "x"}) for order in (b.own_order, b.shared_order)
    ],
    "dashboard:order-shipment-packing-slip": lambda b: [
        ({"number": shipment.order.number, "shipment_id": shipment.pk}, {})
        for shipment in b.shipments
    ],
    "dashboard:order-shipment-advance": lambda b: [
        ({"number": shipment.order.number, "shipment_id": shipment.pk}, {"to_status": status})
        for shipment in b.shipments
        for status in ("delivered", "cancelled")
    ],
    **API_SWEPT,  # the cooperative API (/api/v1/cooperative/)
}


@dataclass
class Route:
    name: str | None
    route: str
    kwarg_names: list
    positional: int

    @property
    def label(self):
        return self.name or self.route


def url_routes(resolver=None, prefix="", namespace="", inherited=()):
    """Yield a ``Route`` for every URL pattern of the project, included ones too."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        regex = entry.pattern.regex
        kwargs = (*inherited, *regex.groupindex)
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from url_routes(entry, route, full_ns, kwargs)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Route(name, route, sorted(set(kwargs)), regex.groups - len(regex.groupindex))


def _place_order(products, **address):
    buyer = Client()
    steps.place_order(buyer, steps.checkout(buyer, products, method="cod", address=address))
    return Order.objects.latest("pk")


def ship(shipment, user, tracking_code):
    shipment_advance(shipment=shipment, to_status="packed", by=user)
    return shipment_advance(
        shipment=shipment, to_status="shipped", carrier="ghn", tracking_code=tracking_code, by=user
    )


def cooperative_with_secrets(*, other_product):
    """Return ``Secrets`` of a new cooperative: products, certificate, lot, orders, parcels.

    One order holds only its lines (shipped to SECRET_ADDRESS), another also a line of
    ``other_product``'s cooperative; both are cash on delivery and on their way.
    """
    b = CooperativeFactory(bank_account_number=SECRET_ACCOUNT, bank_bin="970436")
    user = cooperative_user(b)
    product = ocop_product(cooperative=b, title=SECRET_TITLE, price=300000)
    draft = ocop_product(cooperative=b, title=SECRET_DRAFT, price=1000)
    draft.is_public = False
    draft.save()
    certificate = ocop_certificate(product=product, verified=False)
    certificate.decision_number = SECRET_DECISION
    certificate.save()
    batch = trace_batch(
        cooperative=b, product=product, lot_code=SECRET_LOT, kinds=["harvest"],
        photos_per_event=0, user=user,
    )  # fmt: skip
    own_order = _place_order([(product, 1)], line1=SECRET_ADDRESS)
    Order.objects.filter(pk=own_order.pk).update(number=SECRET_ORDER_NUMBER)
    own_order.refresh_from_db()
    shared_order = _place_order([(other_product, 1), (product, 2)])
    shipments = list(Shipment.objects.filter(cooperative=b).order_by("pk"))
    for shipment in shipments:
        ship(shipment, user, SECRET_TRACKING)
    # Shipping took every line's units from B's lot (traceability.allocation).
    # Delivered: B's sale of SECRET_TITLE in SECRET_ORDER_NUMBER is in B's ledger.
    shipment_advance(shipment=shipments[0], to_status="delivered", by=user)
    lines = list(Line.objects.filter(partner=b.partner).order_by("pk"))
    token, _secret = token_create(user=user, name=SECRET_TOKEN_NAME, scopes=["orders:write"])
    return Secrets(
        cooperative=b, user=user, product=product, draft=draft, certificate=certificate,
        batch=batch, own_order=own_order, shared_order=shared_order, shipments=shipments,
        lines=lines, jobs=_jobs(b, user), token=token,
    )  # fmt: skip


def _jobs(b, user):
    """Return B's product import (its preview and its save, under way) and a staff job."""
    row = {"title": SECRET_DRAFT, "category": "Chè", "price": "1000", "stock": "1"}
    check = Job.objects.create(
        task=catalogue_tasks.product_import_check.name, tracked=True, owner=user,
        cooperative=b, status=Job.Status.DONE, done=1, total=1,
        result={"valid": 1, "errors": 0, "rows": [
            {"number": 2, "raw": row, "title": SECRET_DRAFT, "price": 1000, "stock": 1,
             "errors": [], "action": "create"},
        ]},
    )  # fmt: skip
    saving = Job.objects.create(
        task=catalogue_tasks.product_import_apply.name, tracked=True, owner=user,
        cooperative=b, status=Job.Status.RUNNING, kwargs={"check_job": str(check.pk)},
        done=0, total=1,
    )  # fmt: skip
    statement = Job.objects.create(
        task=payment_tasks.bank_statement_import.name, tracked=True, status=Job.Status.DONE,
        result={"lines": 1, "counts": {"unmatched": 1}, "attention": [
            {"row": 2, "booked_on": "2026-11-22", "amount": "300000",
             "description": f"CK {SECRET_ORDER_NUMBER} {SECRET_ADDRESS}", "reference": "FT9",
             "outcome": "unmatched", "order_number": "", "expected_amount": None},
        ]},
    )  # fmt: skip
    return [check, saving, statement]


def _candidate_values(b):
    ints = {
        b.product.pk, b.draft.pk, b.product.stockrecords.get().pk, b.certificate.pk, b.batch.pk,
        b.own_order.pk, b.shared_order.pk, b.cooperative.pk, b.cooperative.partner.pk,
        b.own_order.shipping_address_id, *_ids(b.lines), *_ids(b.shipments),
        *_ids(b.batch.events.all()), b.token.pk,
    }  # fmt: skip
    strings = {
        b.own_order.number, b.shared_order.number, b.cooperative.slug, b.product.slug,
        b.batch.short_code, "verify", "reject", "publish", "recall", *(str(j.pk) for j in b.jobs),
    }  # fmt: skip
    return [str(v) for v in sorted(ints)] + sorted(strings)


def snapshot(b):
    """Return B's data as a comparable value: what a sweep must leave unchanged."""
    cooperative = Cooperative.objects.get(pk=b.cooperative.pk)
    return (
        list(Product.objects.filter(cooperative=cooperative).order_by("pk")
             .values_list("title", "is_public", "cooperative_id", "upc")),
        list(StockRecord.objects.filter(partner=cooperative.partner).order_by("pk")
             .values_list("product_id", "price", "num_in_stock", "partner_id")),
        list(Certificate.objects.filter(product__cooperative=cooperative).order_by("pk")
             .values_list("verified_at", "rejection_reason", "stars", "decision_number")),
        list(Batch.objects.filter(product__cooperative=cooperative).order_by("pk")
             .values_list("status", "lot_code", "recall_reason", "quantity")),
        TraceEvent.objects.filter(batch__product__cooperative=cooperative).count(),
        list(Order.objects.filter(pk__in=[b.own_order.pk, b.shared_order.pk]).order_by("pk")
             .values_list("status", "shipping_address__line1", "payment__status")),
        list(Line.objects.filter(partner=cooperative.partner).order_by("pk")
             .values_list("status", "quantity", "partner_id")),
        list(Shipment.objects.filter(cooperative=cooperative).order_by("pk")
             .values_list("status", "tracking_code", "cash_collection")),
        list(LineBatch.objects.filter(batch__product__cooperative=cooperative).order_by("pk")
             .values_list("line_id", "batch_id", "quantity")),
        list(Posting.objects.filter(cooperative=cooperative).values_list("key", flat=True)),
        list(Payout.objects.filter(cooperative=cooperative).values_list("amount", "status")),
        cooperative.status, cooperative.bank_account_number, cooperative.story,
        list(cooperative.partner.users.values_list("pk", flat=True)),
        list(AccessToken.objects.filter(cooperative=cooperative).order_by("pk")
             .values_list("name", "scopes", "expires_at", "revoked_at", "key_hash")),
        list(Job.objects.order_by("created_at", "pk").values_list("task", "status", "result")),
    )  # fmt: skip


def sweep(client, b, *, names=None, candidates=True):
    """Request every swept URL with B's objects; return (tried, errors, leaks)."""
    values = _candidate_values(b) if candidates else []
    routes = {route.name: route for route in url_routes() if route.name in SWEPT}
    tried, errors, leaks = 0, [], []
    for name in names or SWEPT:
        requests = list(SWEPT[name](b))
        kwarg_names = routes[name].kwarg_names
        if kwarg_names:
            requests += [({k: value for k in kwarg_names}, {}) for value in values]
        for kwargs, data in requests:
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            for method in (client.get, client.post):
                tried += 1
                response = method(url, data)
                label = f"{method.__name__.upper()} {url} {data or ''}".strip()
                if response.status_code >= 500:
                    errors.append(f"{label} → {response.status_code}")
                body = b"".join(response) if response.streaming else response.content
                text = body.decode(errors="replace")
                if response.get("Content-Type", "").startswith("application/json"):
                    # JSON escapes Vietnamese letters (\u1eadt): compare the decoded text.
                    text = json.dumps(json.loads(text), ensure_ascii=False)
                # A page may repeat what was asked (the order number in the URL).
                leaks += [f"{label} shows {s!r}" for s in SECRETS if s in text and s not in label]
    return tried, errors, leaks
