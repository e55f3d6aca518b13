"""Isolation sweep: a cooperative user tries every dashboard URL with another's IDs.

The list of URLs comes from the URL configuration, so a URL added later is swept too.
Each URL that takes arguments is requested (GET and an empty POST) with every ID and key
of cooperative B's objects, while logged in as cooperative A. No response may be a
server error or show B's data, and B's data must be unchanged afterwards.
"""

from decimal import Decimal

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory, ShippingAddressFactory

from tests.factories import CooperativeFactory, cooperative_user, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Cooperative = get_model("partner", "Cooperative")
Certificate = get_model("catalogue", "Certificate")
Order = get_model("order", "Order")
Line = get_model("order", "Line")

SECRET_TITLE = "Mật ong bí mật của hợp tác xã B"
SECRET_ADDRESS = "Số 9 ngõ Bí Mật"
SECRET_ACCOUNT = "9999888877"
SECRET_DECISION = "B-777/QĐ-UBND"
SECRETS = [SECRET_TITLE, SECRET_ADDRESS, SECRET_ACCOUNT, SECRET_DECISION]


def _dashboard_patterns(resolver=None, prefix="", namespace=""):
    """Yield (reverse name, kwarg names, route) of every URL under /shop/dashboard/."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _dashboard_patterns(entry, route, full_ns)
        elif isinstance(entry, URLPattern) and entry.name:
            if not route.lstrip("^").startswith("shop/dashboard/"):
                continue
            kwargs = set(entry.pattern.regex.groupindex)
            for part in resolver.pattern.regex.groupindex:
                kwargs.add(part)
            if kwargs:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                yield name, sorted(kwargs), route


@pytest.fixture
def cooperative_b():
    b = CooperativeFactory(bank_account_number=SECRET_ACCOUNT, bank_bin="970436")
    product = ocop_product(cooperative=b, title=SECRET_TITLE, price=300000)
    certificate = ocop_certificate(product=product)
    certificate.decision_number = SECRET_DECISION
    certificate.save()
    stockrecord = product.stockrecords.get()
    order = OrderFactory(shipping_address=ShippingAddressFactory(line1=SECRET_ADDRESS))
    line = OrderLineFactory(
        order=order,
        product=product,
        title=SECRET_TITLE,
        partner=b.partner,
        partner_sku=stockrecord.partner_sku,
        stockrecord=stockrecord,
        line_price_incl_tax=Decimal(300000),
        line_price_excl_tax=Decimal(300000),
    )
    return {
        "cooperative": b,
        "product": product,
        "stockrecord": stockrecord,
        "certificate": certificate,
        "order": order,
        "line": line,
    }


def _candidate_values(objects):
    b = objects["cooperative"]
    ints = {
        objects["product"].pk, objects["stockrecord"].pk, objects["certificate"].pk,
        objects["order"].pk, objects["line"].pk, b.pk, b.partner.pk,
        objects["order"].shipping_address_id, objects["product"].images.first().pk
        if objects["product"].images.exists() else b.pk,
    }  # fmt: skip
    strings = {objects["order"].number, b.slug, objects["product"].slug, "verify", "reject"}
    return [str(v) for v in ints] + sorted(strings)


def _snapshot(objects):
    product = Product.objects.get(pk=objects["product"].pk)
    stockrecord = StockRecord.objects.get(pk=objects["stockrecord"].pk)
    certificate = Certificate.objects.get(pk=objects["certificate"].pk)
    order = Order.objects.get(pk=objects["order"].pk)
    cooperative = Cooperative.objects.get(pk=objects["cooperative"].pk)
    return (
        product.title, product.is_public, product.cooperative_id,
        stockrecord.price, stockrecord.num_in_stock, stockrecord.partner_id,
        certificate.verified_at, certificate.rejection_reason, certificate.stars,
        order.status, order.shipping_address_id,
        list(Line.objects.filter(order=order).values_list("status", "quantity")),
        cooperative.status, cooperative.bank_account_number,
    )  # fmt: skip


def test_the_sweep_finds_the_dashboard_urls_that_take_ids():
    names = {name for name, _, _ in _dashboard_patterns()}

    assert "dashboard:catalogue-product" in names
    assert "dashboard:order-detail" in names
    assert "certificate-review" in names


def test_a_cooperative_cannot_reach_another_cooperatives_data_through_any_dashboard_url(
    client, cooperative, cooperative_b
):
    ocop_product(cooperative=cooperative, title="Chè của A", price=85000)
    client.force_login(cooperative_user(cooperative))
    before = _snapshot(cooperative_b)
    values = _candidate_values(cooperative_b)
    leaks, errors, tried = [], [], 0

    for name, kwarg_names, _route in _dashboard_patterns():
        for value in values:
            try:
                url = reverse(name, kwargs={k: value for k in kwarg_names})
            except NoReverseMatch:
                continue
            for method in (client.get, client.post):
                tried += 1
                response = method(url)
                if response.status_code >= 500:
                    errors.append(f"{method.__name__.upper()} {url} → {response.status_code}")
                body = response.content.decode(errors="replace") if response.content else ""
                for secret in SECRETS:
                    if secret in body:
                        leaks.append(f"{method.__name__.upper()} {url} shows {secret!r}")

    assert tried > 100
    assert errors == []
    assert leaks == []
    assert _snapshot(cooperative_b) == before
