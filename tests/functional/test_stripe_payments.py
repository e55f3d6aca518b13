"""Card payments with Stripe Checkout in VND: the order exists before the buyer leaves,
a signed webhook and the return redirect settle it exactly once, in any order."""

import logging
from decimal import Decimal

import pytest
import stripe
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.payments import gateway
from marketplace.payments.models import Payment, WebhookEvent
from tests import checkout_steps as steps
from tests import stripe_stub
from tests.factories import ocop_product

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
WEBHOOK = "/shop/payments/stripe/webhook/"


@pytest.fixture
def stripe_server(settings, monkeypatch):
    settings.STRIPE_SECRET_KEY = "sk_test_ocop"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"
    settings.STRIPE_WEBHOOK_SECRET = stripe_stub.WEBHOOK_SECRET
    server = stripe_stub.StripeServer()
    monkeypatch.setattr(stripe, "default_http_client", server)
    monkeypatch.setattr(stripe, "max_network_retries", 0)
    return server


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def card_order(client, product):
    response = steps.place_order(client, steps.checkout(client, [(product, 1)], method="stripe"))
    return response, Order.objects.get()


def post_event(client, payload, signature="auto"):
    headers = {}
    if signature == "auto":
        signature = stripe_stub.signature(payload)
    if signature is not None:
        headers["HTTP_STRIPE_SIGNATURE"] = signature
    return client.post(WEBHOOK, payload, content_type="application/json", **headers)


@pytest.mark.parametrize("price", [Decimal("125000.00"), Decimal("1250000.00")])
def test_vnd_is_sent_to_stripe_as_whole_dong(price):
    assert gateway.vnd_to_stripe_amount(price) == int(price)


def test_fractions_of_a_dong_are_refused():
    with pytest.raises(ValueError, match="not a whole number of đồng"):
        gateway.vnd_to_stripe_amount(Decimal("125000.50"))


@pytest.mark.parametrize(("price", "total"), [(95000, 125000), (1220000, 1250000)])
def test_a_card_checkout_creates_the_order_in_vnd_before_sending_the_buyer_to_stripe(
    client, stripe_server, tea_cooperative, price, total
):
    # Phú Thọ to Hà Nội: 30.000 ₫ shipping, so the totals are 125.000 ₫ and 1.250.000 ₫.
    product = ocop_product(cooperative=tea_cooperative, title="Chè đặc biệt", price=price)

    response, order = card_order(client, product)

    assert order.total_incl_tax == Decimal(total)
    [params] = stripe_server.posted("/v1/checkout/sessions")
    assert params["line_items[0][price_data][currency]"] == ["vnd"]
    assert params["line_items[0][price_data][unit_amount]"] == [str(total)]
    assert params["metadata[order_number]"] == [order.number]
    assert response.status_code == 302
    assert response.url == f"https://checkout.stripe.com/c/pay/cs_test_{order.number}"
    assert order.payment.status == Payment.Status.PENDING
    assert order.payment.stripe_session_id == f"cs_test_{order.number}"
    assert order.status == "awaiting-payment"
    assert Basket.objects.get().status == "Submitted"


def test_a_signed_webhook_marks_the_order_paid_and_a_replay_records_nothing(
    client, stripe_server, tea
):
    _response, order = card_order(client, tea)
    session = stripe_server.pay(f"cs_test_{order.number}")
    payload = stripe_stub.event("checkout.session.completed", session)

    responses = [post_event(client, payload) for _ in range(100)]

    assert {r.status_code for r in responses} == {200}
    assert WebhookEvent.objects.count() == 1
    payment = Payment.objects.get()
    assert payment.status == Payment.Status.PAID
    assert payment.stripe_payment_intent == "pi_test_1"
    order.refresh_from_db()
    assert order.status == "paid"


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "t=1,v1=deadbeef",
        stripe_stub.signature("{}"),  # signed, but for another body
        "wrong-secret",
    ],
)
def test_a_webhook_without_a_valid_signature_gets_400_and_changes_nothing(
    client, stripe_server, tea, signature
):
    _response, order = card_order(client, tea)
    payload = stripe_stub.event(
        "checkout.session.completed", stripe_server.pay(f"cs_test_{order.number}")
    )
    if signature == "wrong-secret":
        signature = stripe_stub.signature(payload, secret="whsec_someone_else")

    response = post_event(client, payload, signature)

    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()
    assert Payment.objects.get().status == Payment.Status.PENDING


def test_an_old_signature_is_refused(client, stripe_server, tea):
    _response, order = card_order(client, tea)
    payload = stripe_stub.event(
        "checkout.session.completed", stripe_server.pay(f"cs_test_{order.number}")
    )

    response = post_event(client, payload, stripe_stub.signature(payload, timestamp=1_000_000))

    assert response.status_code == 400


def test_an_event_for_an_unknown_order_is_logged_and_answered_400(client, stripe_server, caplog):
    payload = stripe_stub.event(
        "checkout.session.completed",
        {"id": "cs_test_nobody", "object": "checkout.session", "payment_status": "paid",
         "metadata": {"order_number": "999999"}},
    )  # fmt: skip

    with caplog.at_level(logging.WARNING):
        response = post_event(client, payload)

    assert response.status_code == 400
    assert "999999" in caplog.text
    assert not Payment.objects.exists()
    assert not WebhookEvent.objects.exists()


def test_the_redirect_then_the_webhook_leave_one_paid_order(client, stripe_server, tea):
    _response, order = card_order(client, tea)
    session = stripe_server.pay(f"cs_test_{order.number}")

    back = client.get(reverse("payments:stripe-return"), {"session_id": session["id"]})
    paid_at = Payment.objects.get().paid_at
    webhook = post_event(client, stripe_stub.event("checkout.session.completed", session))

    assert back.status_code == 302 and back.url == reverse("checkout:thank-you")
    assert webhook.status_code == 200
    payment = Payment.objects.get()
    assert payment.status == Payment.Status.PAID and payment.paid_at == paid_at
    assert Order.objects.count() == 1
    assert "Đã nhận thanh toán thẻ" in _text(client.get(back.url))


def test_the_webhook_then_the_redirect_leave_one_paid_order(client, stripe_server, tea):
    _response, order = card_order(client, tea)
    session = stripe_server.pay(f"cs_test_{order.number}")

    post_event(client, stripe_stub.event("checkout.session.completed", session))
    paid_at = Payment.objects.get().paid_at
    client.get(reverse("payments:stripe-return"), {"session_id": session["id"]})
    client.get(reverse("payments:stripe-return"), {"session_id": session["id"]})

    payment = Payment.objects.get()
    assert payment.status == Payment.Status.PAID and payment.paid_at == paid_at
    assert Order.objects.count() == 1


def test_a_redirect_before_stripe_has_the_money_does_not_mark_it_paid(client, stripe_server, tea):
    _response, order = card_order(client, tea)

    client.get(reverse("payments:stripe-return"), {"session_id": f"cs_test_{order.number}"})

    assert Payment.objects.get().status == Payment.Status.PENDING


def test_stripe_unreachable_cancels_the_order_returns_its_stock_and_reopens_the_basket(
    client, stripe_server, tea, tea_user, customer, django_capture_on_commit_callbacks
):
    client.force_login(customer)
    form = steps.checkout(client, [(tea, 1)], method="stripe", guest=False)
    stripe_server.reachable = False

    with django_capture_on_commit_callbacks(execute=True):
        response = steps.place_order(client, form)

    assert response.status_code == 200
    assert "Không kết nối được cổng thanh toán thẻ" in _text(response)
    # The order was committed before Stripe was called, then cancelled in a second
    # transaction: its stock is back, its payment failed, and the buyer keeps the basket.
    order = Order.objects.get()
    assert order.status == "cancelled"
    assert Payment.objects.get().status == Payment.Status.FAILED
    assert tea.stockrecords.get().num_allocated == 0
    assert set(order.shipments.values_list("status", flat=True)) == {"cancelled"}
    assert Basket.objects.get().status == "Open"
    # For the buyer the order never existed: not in the account, not on its own page.
    assert order.number not in _text(client.get(reverse("customer:order-list")))
    detail = client.get(reverse("customer:order", args=[order.number]))
    assert detail.status_code == 404
    # The cooperative was not asked to pack it, the buyer got no confirmation.
    assert [(m.to, m.subject) for m in mail.outbox] == []


def test_a_guests_failed_card_checkout_is_not_found_by_the_status_link(client, stripe_server, tea):
    form = steps.checkout(client, [(tea, 1)], method="stripe")
    stripe_server.reachable = False
    steps.place_order(client, form)
    order = Order.objects.get()
    session = client.session
    session["anon_order_email"] = order.email
    session.save()

    response = client.get(
        reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    )

    assert response.status_code == 302 and "order-status-form" in response.url


def test_the_basket_reopened_after_stripe_failed_can_be_paid_under_a_new_number(
    client, stripe_server, tea
):
    form = steps.checkout(client, [(tea, 1)], method="stripe")
    stripe_server.reachable = False
    steps.place_order(client, form)
    stripe_server.reachable = True

    response = steps.place_order(client)

    failed, placed = Order.objects.order_by("pk")
    assert placed.number == f"{failed.number}L2"
    assert response.status_code == 302
    assert response.url == f"https://checkout.stripe.com/c/pay/cs_test_{placed.number}"
    assert placed.payment.status == Payment.Status.PENDING
    assert tea.stockrecords.get().num_allocated == 1
    assert Basket.objects.get().status == "Submitted"


def test_cooperatives_hear_of_a_card_order_once_it_is_paid(
    client, stripe_server, tea, tea_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _response, order = card_order(client, tea)
    assert not [m for m in mail.outbox if m.to == [tea_user.email]]

    with django_capture_on_commit_callbacks(execute=True):
        session = stripe_server.pay(f"cs_test_{order.number}")
        post_event(client, stripe_stub.event("checkout.session.completed", session))
        post_event(client, stripe_stub.event("checkout.session.completed", session))

    notices = [m for m in mail.outbox if m.to == [tea_user.email]]
    assert len(notices) == 1 and order.number in notices[0].subject


def test_an_abandoned_card_order_expires_and_returns_its_stock(client, stripe_server, tea):
    _response, order = card_order(client, tea)
    record = tea.stockrecords.get()
    assert record.num_allocated == 1
    Payment.objects.update(created_at=timezone.now() - timezone.timedelta(hours=2))

    call_command("expire_card_orders")

    record.refresh_from_db()
    order.refresh_from_db()
    assert record.num_allocated == 0
    assert order.status == "cancelled"
    assert Payment.objects.get().status == Payment.Status.EXPIRED
    assert set(order.shipments.values_list("status", flat=True)) == {"cancelled"}


def test_a_recent_card_order_does_not_expire(client, stripe_server, tea):
    card_order(client, tea)

    call_command("expire_card_orders")

    assert Payment.objects.get().status == Payment.Status.PENDING


def test_stripe_expiring_the_session_cancels_the_order(client, stripe_server, tea):
    _response, order = card_order(client, tea)
    session = {**stripe_server.sessions[f"cs_test_{order.number}"], "status": "expired"}

    post_event(client, stripe_stub.event("checkout.session.expired", session, "evt_test_2"))

    assert Payment.objects.get().status == Payment.Status.EXPIRED
    assert tea.stockrecords.get().num_allocated == 0


def test_staff_refund_a_card_payment_in_part_then_in_full(
    client, stripe_server, tea, staff_user, django_capture_on_commit_callbacks
):
    _response, order = card_order(client, tea)
    session = stripe_server.pay(f"cs_test_{order.number}", payment_intent="pi_test_9")
    post_event(client, stripe_stub.event("checkout.session.completed", session))
    client.force_login(staff_user)
    url = reverse("payments:refund", args=[order.number])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"amount": "50000", "reason": "Hộp bị móp"})
        too_much = client.post(
            url, {"amount": str(int(order.total_incl_tax)), "reason": ""}, follow=True
        )
        client.post(url, {"amount": str(int(order.total_incl_tax) - 50000)})

    assert "Chỉ còn hoàn được tối đa" in _text(too_much)
    assert [r["amount"] for r in stripe_server.refunds] == [
        50000,
        int(order.total_incl_tax) - 50000,
    ]
    assert {r["payment_intent"] for r in stripe_server.refunds} == {"pi_test_9"}
    payment = Payment.objects.get()
    assert payment.status == Payment.Status.REFUNDED
    assert payment.amount_refunded == order.total_incl_tax
    order.refresh_from_db()
    assert order.status == "refunded"
    notices = [m for m in mail.outbox if m.to == [order.email] and "hoàn" in m.subject]
    assert len(notices) == 2 and "50.000 ₫" in notices[0].body.replace("\xa0", " ")
    assert "Hộp bị móp" in notices[0].body


def test_a_negative_refund_is_refused(client, stripe_server, tea, staff_user):
    _response, order = card_order(client, tea)
    post_event(
        client,
        stripe_stub.event(
            "checkout.session.completed", stripe_server.pay(f"cs_test_{order.number}")
        ),
    )
    client.force_login(staff_user)

    response = client.post(
        reverse("payments:refund", args=[order.number]), {"amount": "-1000"}, follow=True
    )

    assert "Số tiền hoàn phải lớn hơn 0." in _text(response)
    assert stripe_server.refunds == []
    assert Payment.objects.get().amount_refunded == 0
