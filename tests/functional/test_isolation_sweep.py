"""Isolation sweep, generated from the URL configuration.

Every URL pattern of the project is in one of three groups:

* public: named in ``PUBLIC`` (pages for anyone: storefront, account, checkout, resolver);
* staff-only: found by probing: a signed-in cooperative user gets 403, or is sent to a
  login page, on GET and on POST;
* cooperative-reachable: named in ``SWEPT``, with the arguments that point at another
  cooperative's objects. Logged in as cooperative A, each is requested (GET and POST, with
  B's IDs and keys and with every candidate value): no response may be a server error or
  show one of B's secrets, and B's data must be unchanged afterwards. URLs without
  arguments (order lists, COD parcels, batches, certificates, overview) are swept too.

A URL in no group fails ``test_every_url_is_public_staff_only_or_swept`` with its name:
a new view reachable by cooperatives is not finished until it is in ``SWEPT``.
"""

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from oscar.core.loading import get_model

from marketplace import access
from marketplace.order.services import shipment_advance
from tests import checkout_steps as steps
from tests.factories import (
    CooperativeFactory,
    cooperative_user,
    ocop_certificate,
    ocop_product,
    trace_batch,
)
from traceability.models import Batch, LineBatch, TraceEvent
from traceability.services import line_batch_assign

pytestmark = pytest.mark.django_db

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
SECRETS = [
    SECRET_TITLE, SECRET_DRAFT, SECRET_ADDRESS, SECRET_ACCOUNT, SECRET_DECISION, SECRET_LOT,
    SECRET_TRACKING, SECRET_ORDER_NUMBER,
]  # fmt: skip

# Pages for anyone (signed in or not) that show only public data or the visitor's own:
# the storefront, the visitor's account, basket and checkout, the trace resolver, CMS pages.
PUBLIC = {
    # Site and CMS
    "set_language", "sitemap", "health", "wagtail_serve", "wagtailcore_authenticate_with_password",
    "wagtailcore_login", "wagtaildocs_serve", "wagtaildocs_authenticate_with_password",
    "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done", "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete", "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog", "admin:login", "admin:logout", "admin:javascript-catalog",
    # Applying to sell, and the public cooperative page
    "cooperative-apply", "cooperative-apply-done", "cooperative-profile",
    # Card payments come back from Stripe; the webhook is signed
    "payments:stripe-webhook", "payments:stripe-return", "payments:stripe-cancel",
    # Storefront
    "home", "catalogue:index", "catalogue:detail", "catalogue:category", "catalogue:range",
    "catalogue:reviews-detail", "catalogue:reviews-add", "catalogue:reviews-vote",
    "catalogue:reviews-list", "search:search", "search:suggest", "offer:list", "offer:detail",
    "wishlists:detail",
    # Basket and checkout
    "basket:summary", "basket:add", "basket:vouchers-add", "basket:vouchers-remove",
    "basket:saved", "checkout:index", "checkout:shipping-address", "checkout:user-address-update",
    "checkout:user-address-delete", "checkout:shipping-method", "checkout:payment-method",
    "checkout:payment-details", "checkout:preview", "checkout:thank-you",
    # The visitor's own account (Oscar scopes every page to request.user)
    "customer:login", "customer:logout", "customer:register", "customer:summary",
    "customer:change-password", "customer:profile-view", "customer:profile-update",
    "customer:profile-delete", "customer:order-list", "customer:anon-order-form",
    "customer:anon-order", "customer:order", "customer:order-line", "customer:address-list",
    "customer:address-create", "customer:address-detail", "customer:address-delete",
    "customer:address-change-status", "customer:email-list", "customer:email-detail",
    "customer:notifications-inbox", "customer:notifications-archive",
    "customer:notifications-update", "customer:notifications-detail", "customer:alerts-list",
    "customer:alert-create", "customer:alerts-confirm", "customer:alerts-cancel-by-key",
    "customer:alerts-cancel-by-pk", "customer:wishlists-list", "customer:wishlists-add-product",
    "customer:wishlists-create", "customer:wishlists-create-with-product",
    "customer:wishlists-detail", "customer:wishlists-update", "customer:wishlists-delete",
    "customer:wishlists-remove-product", "customer:wishlists-move-product-to-another",
    "password-reset", "password-reset-done", "password-reset-confirm", "password-reset-complete",
    "dashboard:login", "dashboard:logout",
    # GS1 Digital Link resolver and QR images of published lots
    "traceability:qr", "traceability:batch", "traceability:product", "traceability:short",
    "traceability:resolver",
}  # fmt: skip
# Patterns without a name, by route: friendly 404s and the media files of the demo.
# Other unnamed patterns are probed like named ones, at their route (or the URL below).
PUBLIC_UNNAMED = {
    r"^shop/dashboard/catalogue/(?:option|attribute-option-group)/[^/]*[^\d/][^/]*/",
    r"^shop/dashboard/pages/(?:update|delete)/[^/]*[^\d/][^/]*/",
    "shop/accounts/notifications/",
    r"^media/(?P<path>.*)$",
    r"^(?:01|t)(?:/[\s\S]*)?$",
    "cms/test404/",
}
UNNAMED_PROBES = {
    "django-admin/(?P<url>.*)$": "/django-admin/no-such-page/",
    "cms/^.*/$": "/cms/no-such-page/",
}


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


def _ids(objects):
    return [obj.pk for obj in objects]


# How to point each cooperative-reachable URL at B's objects: a list of (kwargs, data),
# data going in the query string of a GET and the body of a POST. Every URL taking
# arguments is also tried with every candidate value (``_candidate_values``).
SWEPT = {
    "cooperative-overview": lambda b: [({}, {})],
    "cooperative-profile-edit": lambda b: [
        ({}, {}),
        ({}, {"profile-bank_account_number": "1", "profile-story": "x"}),
    ],
    "cooperative-application": lambda b: [({}, {})],
    "cooperative-product-import": lambda b: [({}, {})],
    "cooperative-product-import-template": lambda b: [({}, {})],
    "cooperative-product-import-preview": lambda b: [({"token": "x"}, {})],
    "cooperative-certificate-list": lambda b: [({}, {})],
    "cooperative-certificate-add": lambda b: [({}, {"product": b.product.pk, "kind": "ocop"})],
    "batch-list": lambda b: [({}, {})],
    "batch-create": lambda b: [({}, {"product": b.product.pk, "lot_code": "X-1"})],
    "batch-detail": lambda b: [({"pk": b.batch.pk}, {"kind": "harvest", "note": "x"})],
    "batch-action": lambda b: [
        ({"pk": b.batch.pk, "action": action}, {"reason": "x"}) for action in ("publish", "recall")
    ],
    "line-batch-assign": lambda b: [
        ({"line_id": pk}, {"batch": b.batch.pk}) for pk in _ids(b.lines)
    ],
    "traceability:label-sheet": lambda b: [({"pk": b.batch.pk}, {"count": "24"})],
    "payments:cash-parcels": lambda b: [({}, {})],
    "payments:cash-collect": lambda b: [({"shipment_id": pk}, {}) for pk in _ids(b.shipments)],
    "dashboard:index": lambda b: [({}, {})],
    "dashboard:catalogue-product-list": lambda b: [
        ({}, {}),
        ({}, {"title": "Mật"}),
        ({}, {"upc": b.product.upc or ""}),
    ],
    "dashboard:catalogue-product-lookup": lambda b: [({}, {"q": "Mật"}), ({}, {"q": "nháp"})],
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
    "dashboard:order-shipment-advance": lambda b: [
        ({"number": shipment.order.number, "shipment_id": shipment.pk}, {"to_status": status})
        for shipment in b.shipments
        for status in ("delivered", "cancelled")
    ],
}

LOGIN_PATHS = ("/shop/accounts/login/", "/django-admin/login/", "/cms/login/")


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


# Values to fill a pattern's arguments with when probing whether it is staff-only.
PROBE_VALUES = ["1", "a", "verify", "publish", "png", "default_for_billing", "auth"]


def _probe_url(route):
    """Return one URL that resolves to ``route``, or None."""
    if route.name is None:
        if route.route in UNNAMED_PROBES:
            return UNNAMED_PROBES[route.route]
        if "^" in route.route or "(" in route.route:
            return None
        return "/" + re.sub(r"<[^>]+>", "1", route.route)
    if route.positional:
        for values in itertools.product(PROBE_VALUES, repeat=route.positional):
            try:
                return reverse(route.name, args=values)
            except NoReverseMatch:
                continue
        return None
    for values in itertools.product(PROBE_VALUES, repeat=len(route.kwarg_names)):
        try:
            return reverse(route.name, kwargs=dict(zip(route.kwarg_names, values, strict=True)))
        except NoReverseMatch:
            continue
    return None


def _refused(response):
    if response.status_code in (403, 405):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and location.split("?")[0].endswith(LOGIN_PATHS)


def _is_staff_only(client, url):
    """True when a signed-in cooperative user is refused on GET and on POST."""
    responses = [client.get(url), client.post(url)]
    return all(_refused(r) for r in responses) and any(r.status_code != 405 for r in responses)


def _place_order(products, **address):
    buyer = Client()
    steps.place_order(buyer, steps.checkout(buyer, products, method="cod", address=address))
    return Order.objects.latest("pk")


def _ship(shipment, user, tracking_code):
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
        _ship(shipment, user, SECRET_TRACKING)
    lines = list(Line.objects.filter(partner=b.partner).order_by("pk"))
    line_batch_assign(line=lines[-1], batch=batch, by=user)
    return Secrets(
        cooperative=b, user=user, product=product, draft=draft, certificate=certificate,
        batch=batch, own_order=own_order, shared_order=shared_order, shipments=shipments,
        lines=lines,
    )  # fmt: skip


@pytest.fixture
def cooperative_a(cooperative):
    return cooperative


@pytest.fixture
def user_a(cooperative_a):
    return cooperative_user(cooperative_a)


@pytest.fixture
def product_a(cooperative_a):
    return ocop_product(cooperative=cooperative_a, title="Chè của A", price=85000)


@pytest.fixture
def cooperative_b(product_a, user_a):
    secrets = cooperative_with_secrets(other_product=product_a)
    # A's parcel of the shared order is on its way too: A's COD list is not empty.
    _ship(Shipment.objects.get(order=secrets.shared_order, cooperative=product_a.cooperative),
          user_a, "GHN-A-1")  # fmt: skip
    return secrets


def _candidate_values(b):
    ints = {
        b.product.pk, b.draft.pk, b.product.stockrecords.get().pk, b.certificate.pk, b.batch.pk,
        b.own_order.pk, b.shared_order.pk, b.cooperative.pk, b.cooperative.partner.pk,
        b.own_order.shipping_address_id, *_ids(b.lines), *_ids(b.shipments),
        *_ids(b.batch.events.all()),
    }  # fmt: skip
    strings = {
        b.own_order.number, b.shared_order.number, b.cooperative.slug, b.product.slug,
        b.batch.short_code, "verify", "reject", "publish", "recall",
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
        list(LineBatch.objects.filter(batch__product__cooperative=cooperative)
             .values_list("line_id", "batch_id")),
        cooperative.status, cooperative.bank_account_number, cooperative.story,
        list(cooperative.partner.users.values_list("pk", flat=True)),
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
                # A page may repeat what was asked (the order number in the URL).
                leaks += [f"{label} shows {s!r}" for s in SECRETS if s in text and s not in label]
    return tried, errors, leaks


def test_every_url_is_public_staff_only_or_swept(client, user_a):
    client.force_login(user_a)
    unclassified, unprobeable, stale = [], [], []
    routes = list(url_routes())
    names = {route.name for route in routes}

    for route in routes:
        if route.name in PUBLIC or route.name in SWEPT or route.route in PUBLIC_UNNAMED:
            continue
        url = _probe_url(route)
        if url is None:
            unprobeable.append(route.label)
        elif not _is_staff_only(client, url):
            unclassified.append(f"{route.label} ({url})")

    # A swept URL that turned staff-only, or a listed name that is gone, is a stale entry.
    for name in SWEPT:
        route = next((r for r in routes if r.name == name), None)
        if route is None:
            stale.append(name)
        elif not route.kwarg_names and _is_staff_only(client, reverse(name)):
            stale.append(f"{name} (staff-only now)")
    stale += sorted(name for name in PUBLIC if name not in names)

    # Each name here: add it to SWEPT (or PUBLIC, if it shows only public data).
    assert unclassified == [], "not swept: " + "\n".join(unclassified)
    assert unprobeable == [], "cannot build a URL to probe: " + "\n".join(unprobeable)
    assert stale == [], "stale entries: " + "\n".join(stale)
    assert len(routes) > 800


def test_the_sweep_covers_the_cooperative_pages_that_list_data():
    for name in (
        "dashboard:order-list", "dashboard:order-detail", "payments:cash-parcels",
        "payments:cash-collect", "batch-list", "cooperative-certificate-list",
        "cooperative-overview", "dashboard:catalogue-product-lookup",
    ):  # fmt: skip
        assert name in SWEPT


def test_the_secrets_are_where_cooperative_b_itself_sees_them(client, cooperative_b):
    b = cooperative_b
    client.force_login(b.user)

    def page(name, **kwargs):
        return client.get(reverse(name, kwargs=kwargs)).content.decode()

    assert SECRET_ORDER_NUMBER in page("payments:cash-parcels")
    assert SECRET_TRACKING in page("dashboard:order-detail", number=b.own_order.number)
    assert SECRET_LOT in page("batch-list")
    assert SECRET_DECISION in page("cooperative-certificate-list")
    assert SECRET_ACCOUNT in page("cooperative-profile-edit")
    assert SECRET_ADDRESS in page("dashboard:order-detail", number=b.own_order.number)
    assert SECRET_TITLE in page("dashboard:order-detail", number=b.shared_order.number)
    assert SECRET_DRAFT in page("dashboard:catalogue-product-list")


def test_a_cooperative_cannot_reach_another_cooperatives_data_through_any_url(
    client, user_a, cooperative_b
):
    client.force_login(user_a)
    before = snapshot(cooperative_b)

    tried, errors, leaks = sweep(client, cooperative_b)

    assert tried > 500
    assert errors == []
    assert leaks == []
    assert snapshot(cooperative_b) == before
    assert access.acting_cooperative(user_a) != cooperative_b.cooperative
