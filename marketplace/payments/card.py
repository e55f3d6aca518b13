"""Card payments through Stripe Checkout: opening the session after the order is placed,
abandoning the order when Stripe cannot be reached, and expiring orders whose money
never came.

The checkout opens the session, or abandons the order, with
``marketplace.checkout.services.card_checkout_begin``. Stripe's own reports (paid,
expired, refunded, disputed) are handled in ``stripe_events`` and ``stripe_charges``.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.payments import gateway
from marketplace.payments.models import OrderStatus, Payment

Shipment = get_model("order", "Shipment")


def stripe_checkout_start(*, payment, success_url, cancel_url):
    """Open a Stripe Checkout Session for ``payment`` and remember its id; return its URL.

    Call it *after* the order's transaction has committed: no stock row stays locked while
    Stripe answers. When Stripe cannot be reached (``gateway.StripeUnavailable``), undo the
    order with ``card_checkout_abandon``.
    """
    session = gateway.checkout_session_create(
        order_number=payment.order.number,
        amount=payment.amount,
        email=payment.order.email,
        success_url=success_url,
        cancel_url=cancel_url,
        expires_at=timezone.now()
        + datetime.timedelta(minutes=settings.PAYMENT_CARD_EXPIRY_MINUTES),
    )
    payment.stripe_session_id = session["id"]
    payment.full_clean()
    payment.save(update_fields=["stripe_session_id"])
    return session["url"]


def order_expire(*, order):
    """Cancel an order whose card payment never came, returning its stock; return it.

    Only a pending card payment expires; anything else is left as it is.
    """
    return _card_order_cancel(order=order, status=Payment.Status.EXPIRED)


def _card_order_cancel(*, order, status):
    """Give a pending card payment ``status`` and cancel its order; return the order."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(order=order).first()
        if payment is None or payment.method != Payment.Method.STRIPE:
            return order
        if payment.status != Payment.Status.PENDING:
            return order
        payment.status = status
        payment.save(update_fields=["status"])
        _order_cancel(order=order)
    return order


def _order_cancel(*, order):
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord_id and line.num_allocated:
            line.stockrecord.cancel_allocation(line.num_allocated)
            line.allocation_cancelled = True
            line.save(update_fields=["allocation_cancelled"])
    order.shipments.exclude(status=Shipment.Status.DELIVERED).update(
        status=Shipment.Status.CANCELLED
    )
    order.status = OrderStatus.CANCELLED
    order.save(update_fields=["status"])


def card_checkout_abandon(*, order):
    """Cancel a card order whose Stripe session could not be opened; return it.

    The second transaction of a failed card checkout: the payment is marked failed, the
    stock goes back and the parcels are cancelled, together. The buyer never reached
    Stripe, so no money can arrive for it; the order stays for staff to see, but not in
    the buyer's account (``selectors.buyer_orders``). Anything but a pending card payment
    is left as it is.
    """
    return _card_order_cancel(order=order, status=Payment.Status.FAILED)


def orders_expire_abandoned(*, now=None):
    """Expire every card order left unpaid longer than ``PAYMENT_CARD_EXPIRY_MINUTES``."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.PAYMENT_CARD_EXPIRY_MINUTES)
    expired = []
    for payment in Payment.objects.filter(
        method=Payment.Method.STRIPE, status=Payment.Status.PENDING, created_at__lt=cutoff
    ).select_related("order"):
        order_expire(order=payment.order)
        expired.append(payment.order)
    return expired
