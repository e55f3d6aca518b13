"""Stock is never oversold: 50 buyers race for the last 10 units on real PostgreSQL."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests import checkout_steps as steps

# Restored from the serialized migrations' data afterwards (see test_connection_health).
pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Order = get_model("order", "Order")
BUYERS, UNITS = 50, 10


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def test_fifty_concurrent_checkouts_for_ten_units_make_exactly_ten_orders(tea_cooperative):
    from tests.factories import ocop_product

    tea = ocop_product(
        cooperative=tea_cooperative, title="Chè Shan tuyết", price=125000, num_in_stock=UNITS
    )
    # Every buyer reaches the preview page before anyone places an order.
    buyers = []
    for n in range(BUYERS):
        client = Client()
        steps.add_to_basket(client, tea, 1)
        steps.start_as_guest(client, email=f"khach{n}@example.com")
        steps.fill_address(client)
        steps.choose_shipping(client)
        steps.choose_payment(client, "cod")
        buyers.append((client, steps.preview_form(client)))

    start = threading.Barrier(BUYERS)
    results = [None] * BUYERS

    def buy(index, client, form):
        try:
            start.wait()
            response = client.post(reverse("checkout:preview"), form)
            if response.status_code == 302 and response.url != reverse("checkout:thank-you"):
                # Oscar's own stock check sent the buyer back to the basket with a message.
                response = client.get(response.url)
            results[index] = response
        finally:
            connection.close()

    threads = [threading.Thread(target=buy, args=(i, *buyer)) for i, buyer in enumerate(buyers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    thank_you = reverse("checkout:thank-you")
    placed = [r for r in results if r.status_code == 302 and r.url == thank_you]
    refused = [r for r in results if r not in placed]
    assert len(placed) == UNITS
    assert Order.objects.count() == UNITS
    record = tea.stockrecords.get()
    assert (record.num_in_stock, record.num_allocated) == (UNITS, UNITS)
    assert len(refused) == BUYERS - UNITS
    for response in refused:
        assert response.status_code == 200
        assert "hết hàng" in _text(response), _text(response)[:3000]


def test_stripe_is_asked_for_a_session_only_after_the_order_and_its_stock_are_committed(
    client, tea, settings, monkeypatch
):
    """No stock row is locked while Stripe answers: another connection can lock it then."""
    import stripe
    from django.db import DatabaseError, transaction

    from marketplace.payments import gateway
    from tests import stripe_stub

    settings.STRIPE_SECRET_KEY = "sk_test_ocop"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"
    settings.STRIPE_WEBHOOK_SECRET = stripe_stub.WEBHOOK_SECRET
    monkeypatch.setattr(stripe, "default_http_client", stripe_stub.StripeServer())
    StockRecord = get_model("partner", "StockRecord")
    record = tea.stockrecords.get()
    seen = {}

    def probe():
        try:
            with transaction.atomic():
                locked = StockRecord.objects.select_for_update(nowait=True).get(pk=record.pk)
                seen["allocated"] = locked.num_allocated
                seen["orders"] = list(Order.objects.values_list("status", flat=True))
        except DatabaseError as error:
            seen["error"] = str(error)
        finally:
            connection.close()

    create = gateway.checkout_session_create

    def session_create(**kwargs):
        thread = threading.Thread(target=probe)
        thread.start()
        thread.join(timeout=30)
        return create(**kwargs)

    monkeypatch.setattr(gateway, "checkout_session_create", session_create)

    response = steps.place_order(client, steps.checkout(client, [(tea, 1)], method="stripe"))

    assert response.status_code == 302 and "checkout.stripe.com" in response.url
    assert seen == {"allocated": 1, "orders": ["awaiting-payment"]}
