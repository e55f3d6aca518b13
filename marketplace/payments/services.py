"""Writes for payments that every method shares: recording how an order is paid, and
marking it paid.

Each method has its own module: ``card`` (Stripe Checkout, its expiry and abandonment;
Stripe's events in ``stripe_events`` and ``stripe_charges``), ``transfers`` (VietQR bank
transfers, matched from statements in ``statement_import`` and from the bank's
notifications in ``bank_notifications``, or confirmed by staff) and ``cod`` (cash on
delivery); refunds are in ``refunds``.

Every change of a payment locks its row first (``payment_lock``): the buyer's redirect,
Stripe's webhook and a staff member's click may arrive together, and exactly one of them
may move the payment on.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.order.services import shipments_notify_cooperatives
from marketplace.payments.models import OrderStatus, Payment
from marketplace.settlement import ledger


def initial_order_status(method):
    """Return the status of a new order paid by ``method``."""
    if method == Payment.Method.COD:
        return OrderStatus.AWAITING_COD
    return OrderStatus.AWAITING_PAYMENT


def payment_create(*, order, method):
    """Record how ``order`` will be paid; call it in the order's own transaction."""
    payment = Payment(order=order, method=method, amount=order.total_incl_tax)
    payment.full_clean()
    payment.save()
    return payment


def payment_lock(payment):
    """Return ``payment`` read again with its row locked (and its order); call it inside
    a transaction."""
    return Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)


def payment_mark_paid(*, payment, by=None, stripe_payment_intent="", bank_reference=""):
    """Mark ``payment`` paid and its order with it; return ``(payment, changed)``.

    Paying a paid payment changes nothing (``changed`` is False): a webhook replayed, a
    redirect after the webhook, a second click. An expired or refunded payment cannot be
    paid (ValidationError); Stripe money arriving for one is logged for staff to return.
    """
    with transaction.atomic():
        payment = payment_lock(payment)
        if payment.status == Payment.Status.PAID:
            return payment, False
        if payment.status != Payment.Status.PENDING:
            raise ValidationError(
                _("Đơn %(number)s không còn chờ thanh toán (%(status)s).")
                % {"number": payment.order.number, "status": payment.get_status_display()}
            )
        payment.status = Payment.Status.PAID
        payment.paid_at = timezone.now()
        payment.confirmed_by = by
        if stripe_payment_intent:
            payment.stripe_payment_intent = stripe_payment_intent
        if bank_reference:
            payment.bank_reference = bank_reference
        payment.full_clean()
        payment.save()
        order = payment.order
        order.status = OrderStatus.PAID
        order.save(update_fields=["status"])
        # A parcel delivered before the transfer came in enters its cooperative's ledger now.
        ledger.order_settle(order=order, kind=ledger.Posting.Kind.SALE, source="delivered")
        if payment.method == Payment.Method.STRIPE:
            # Cooperatives hear of a card order only now (see shipments_create_for_order).
            transaction.on_commit(partial(shipments_notify_cooperatives, order=order), robust=True)
    return payment, True
