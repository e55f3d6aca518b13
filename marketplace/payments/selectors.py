"""Reads about payments: what the buyer must do, what staff must chase."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.payments import vietqr
from marketplace.payments.models import OrderStatus, Payment
from marketplace.payments.transfers import StatementOutcome, statement_result_from_json

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


def order_status_label(status):
    """Return the human label of an ``Order.status`` code; an unknown code as it is."""
    if not status:
        return "-"
    try:
        return OrderStatus(status).label
    except ValueError:
        return status


def order_payment(order):
    """Return the order's payment, or None for orders placed before payments existed."""
    try:
        return order.payment
    except Payment.DoesNotExist:
        return None


def order_vietqr_payload(order):
    """Return the VietQR string for the order's exact amount, the order number as message."""
    return vietqr.payload(
        bank_bin=settings.VIETQR_BANK_BIN,
        account_number=settings.VIETQR_ACCOUNT_NUMBER,
        amount=order.payment.amount,
        message=str(order.number),
    )


def order_payment_context(order):
    """Return the template context of the order's payment instructions."""
    payment = order_payment(order)
    ctx = {"payment": payment, "buyer_status": order_buyer_status(order)}
    if payment is not None and payment.method == Payment.Method.VIETQR and not payment.is_paid:
        payload = order_vietqr_payload(order)
        ctx.update(
            vietqr_payload=payload,
            vietqr_image=vietqr.png_data_uri(payload),
            bank_account={
                "bin": settings.VIETQR_BANK_BIN,
                "name": settings.VIETQR_BANK_NAME,
                "number": settings.VIETQR_ACCOUNT_NUMBER,
                "holder": settings.VIETQR_ACCOUNT_NAME,
            },
        )
    return ctx


def order_qr_attachments(order):
    """Return the e-mail attachments of a new order: its VietQR as a PNG, when it has one."""
    payment = order_payment(order)
    if payment is None or payment.method != Payment.Method.VIETQR:
        return []
    return [(f"vietqr-{order.number}.png", vietqr.png(order_vietqr_payload(order)), "image/png")]


BUYER_STATUS_LABELS = {
    "awaiting_payment": _("Chờ thanh toán"),
    "awaiting_cod": _("Chờ giao hàng, trả tiền khi nhận"),
    "paid": _("Đã thanh toán"),
    "packing": _("Đang đóng gói"),
    "shipped": _("Đang giao"),
    "delivered": _("Đã giao"),
    "cancelled": _("Đã huỷ"),
    "refunded": _("Đã hoàn tiền"),
}


def order_buyer_status(order):
    """Return ``(code, label)``: where the order stands, in the buyer's words.

    Money first (refunded, cancelled, awaiting payment), then the parcels: delivered when
    every parcel is, shipped when one is on its way, packing once one is packed.
    """
    payment = order_payment(order)
    if payment is not None and payment.status == Payment.Status.REFUNDED:
        code = "refunded"
    elif payment is not None and payment.status in (
        Payment.Status.EXPIRED,
        Payment.Status.FAILED,
    ):
        code = "cancelled"
    elif order.status == "cancelled":
        code = "cancelled"
    elif (
        payment is not None
        and payment.status in (Payment.Status.PENDING, Payment.Status.MISMATCH)
        and (payment.method != Payment.Method.COD)
    ):
        code = "awaiting_payment"
    else:
        statuses = [s.status for s in order.shipments.all() if s.status != "cancelled"]
        if statuses and all(s == Shipment.Status.DELIVERED for s in statuses):
            code = "delivered"
        elif any(s in (Shipment.Status.SHIPPED, Shipment.Status.DELIVERED) for s in statuses):
            code = "shipped"
        elif any(s == Shipment.Status.PACKED for s in statuses):
            code = "packing"
        elif payment is not None and payment.method == Payment.Method.COD and not payment.is_paid:
            code = "awaiting_cod"
        else:
            code = "paid"
    return code, BUYER_STATUS_LABELS[code]


def buyer_orders(queryset):
    """Return ``queryset`` without the card checkouts that never reached Stripe.

    Such an order was cancelled the moment it was placed (``card_checkout_abandon``); for
    the buyer it never existed: they were sent back to their basket.
    """
    return queryset.exclude(payment__status=Payment.Status.FAILED)


def unpaid_orders(*, method):
    """Return the orders still waiting for their ``method`` payment, oldest first."""
    return (
        Order.objects.filter(payment__method=method, payment__status=Payment.Status.PENDING)
        .select_related("payment", "shipping_address")
        .prefetch_related(
            Prefetch(
                "shipments",
                queryset=Shipment.objects.select_related(
                    "cooperative__partner", "cash_collection"
                ).order_by("pk"),
            )
        )
        .order_by("date_placed")
    )


def card_mismatches():
    """Return the card orders Stripe reported another amount, currency or order for."""
    return (
        Order.objects.filter(
            payment__method=Payment.Method.STRIPE, payment__status=Payment.Status.MISMATCH
        )
        .select_related("payment")
        .order_by("date_placed")
    )


# The report lists this many of the lines needing a look (a statement may hold thousands
# of transfers that are no orders').
STATEMENT_ATTENTION_SHOWN = 1000


def statement_report(report):
    """Return the context of an import's report (``statement_import.bank_statement_import``, as a
    job keeps it): the lines read, the count per outcome, and the first
    STATEMENT_ATTENTION_SHOWN lines needing a look, with the count of all of them."""
    if report is None:
        return {"report": None}
    counts = sorted(
        (str(StatementOutcome(outcome).label), count) for outcome, count in report["counts"].items()
    )
    return {
        "report": report,
        "line_count": report["lines"],
        "paid_count": report["counts"].get(StatementOutcome.PAID, 0),
        "outcome_counts": counts,
        "attention": [
            statement_result_from_json(values)
            for values in report["attention"][:STATEMENT_ATTENTION_SHOWN]
        ],
        "attention_count": len(report["attention"]),
    }
