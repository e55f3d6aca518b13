"""Writes for payments: placing, confirming, collecting and expiring.

Bank transfers are matched in ``transfers`` (statements in ``statement_import``, the
bank's notifications in ``bank_notifications``), Stripe's events are handled in
``stripe_events``, refunds in ``refunds``.

Every change of a payment locks its row first (``select_for_update``): the buyer's redirect,
Stripe's webhook and a staff member's click may arrive together, and exactly one of them
may move the payment on.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from marketplace import access
from marketplace.order.services import shipment_advance, shipments_notify_cooperatives
from marketplace.payments import gateway
from marketplace.payments.models import CashCollection, Payment
from marketplace.settlement import ledger

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


class OrderStatus(models.TextChoices):
    """The values of Oscar's ``Order.status`` this marketplace writes, with staff's labels.

    Oscar keeps the status as a bare string; templates show the label with the
    ``order_status_label`` filter (``payment_tags``).
    """

    AWAITING_PAYMENT = "awaiting-payment", gettext_lazy("Chờ thanh toán")
    AWAITING_COD = "awaiting-cod", gettext_lazy("Chờ giao, thu tiền khi nhận (COD)")
    PAID = "paid", gettext_lazy("Đã thanh toán")
    CANCELLED = "cancelled", gettext_lazy("Đã huỷ")
    REFUNDED = "refunded", gettext_lazy("Đã hoàn tiền")
    DISPUTED = "disputed", gettext_lazy("Chủ thẻ đang khiếu nại")


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


def _locked(payment):
    return Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)


def payment_mark_paid(*, payment, by=None, stripe_payment_intent="", bank_reference=""):
    """Mark ``payment`` paid and its order with it; return ``(payment, changed)``.

    Paying a paid payment changes nothing (``changed`` is False): a webhook replayed, a
    redirect after the webhook, a second click. An expired or refunded payment cannot be
    paid (ValidationError); Stripe money arriving for one is logged for staff to return.
    """
    with transaction.atomic():
        payment = _locked(payment)
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


def vietqr_confirm(*, order, by):
    """Staff saw the transfer for ``order`` on the bank statement: mark it paid."""
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới xác nhận được tiền chuyển khoản."))
    payment = order.payment
    if payment.method != Payment.Method.VIETQR:
        raise ValidationError(_("Đơn này không thanh toán bằng chuyển khoản."))
    return payment_mark_paid(payment=payment, by=by)


def cod_collect(*, shipment, by):
    """The cooperative handed its parcel over and took the cash; return the shipment.

    A shipped parcel is marked delivered on the way. When every parcel of the order has
    its cash collected, the order is paid.
    """
    order = shipment.order
    payment = getattr(order, "payment", None)
    if payment is None or payment.method != Payment.Method.COD:
        raise ValidationError(_("Đơn này không thanh toán khi nhận hàng."))
    _check_may_collect(shipment=shipment, by=by)
    # One transaction: the parcel is not marked delivered unless its cash is recorded too.
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        if shipment.status == Shipment.Status.SHIPPED:
            shipment = shipment_advance(
                shipment=shipment, to_status=Shipment.Status.DELIVERED, by=by
            )
        elif shipment.status != Shipment.Status.DELIVERED:
            raise ValidationError(_("Chỉ thu tiền được khi kiện hàng đang giao hoặc đã giao."))
        if CashCollection.objects.filter(shipment=shipment).exists():
            return shipment
        collection = CashCollection(shipment=shipment, collected_by=by)
        collection.full_clean()
        collection.save()
        # The cooperative keeps the cash: it owes the marketplace that much against its sales.
        ledger.cod_cash_post(shipment=shipment)
        outstanding = order.shipments.exclude(status=Shipment.Status.CANCELLED).filter(
            cash_collection__isnull=True
        )
        if not outstanding.exists():
            payment_mark_paid(payment=payment, by=by)
    return shipment


def _check_may_collect(*, shipment, by):
    if not access.may_act_for(by, shipment.cooperative):
        raise PermissionDenied(_("Bạn không phụ trách kiện hàng này."))


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
