"""Refunds: money given back to the buyer, in full or in part, and its effect on the
cooperatives' ledgers."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace import vnd
from marketplace.mail import buyer_language, mail_send
from marketplace.payments import gateway
from marketplace.payments.models import OrderStatus, Payment, Refund, RefundLine
from marketplace.payments.services import payment_lock
from marketplace.settlement.rules import allocate


def refundable_items(order):
    """Return what is left to refund on each line and each parcel's shipping of ``order``:
    ``{"line:<pk>" or "shipping:<shipment pk>": (label, đồng left)}``, in the order's order."""
    from marketplace.settlement.ledger import whole_dong

    refunded = {}
    for key_line, key_shipment, amount in RefundLine.objects.filter(
        refund__payment__order=order
    ).values_list("line_id", "shipment_id", "amount"):
        key = f"line:{key_line}" if key_line else f"shipping:{key_shipment}"
        refunded[key] = refunded.get(key, 0) + amount
    items = {}
    for line in order.lines.order_by("pk"):
        key = f"line:{line.pk}"
        items[key] = (line, whole_dong(line.line_price_incl_tax) - refunded.get(key, 0))
    for shipment in order.shipments.select_related("cooperative__partner").order_by("pk"):
        key = f"shipping:{shipment.pk}"
        charge = whole_dong(shipment.shipping_charge)
        if charge:
            items[key] = (shipment, charge - refunded.get(key, 0))
    return items


def refund_allocation(*, order, amount, items=None):
    """Return ``{item key: đồng}``: what a refund of ``amount`` takes back from each line and
    parcel shipping. Given ``items`` ({key: đồng}, staff's per-line refund), check them;
    else share ``amount`` over the items in proportion to what is left on each (largest
    remainder: exact to the đồng). What the items cannot take (an order-level surcharge)
    stays with the marketplace. Raise ValidationError for an amount an item has not."""
    left = refundable_items(order)
    if items is not None:
        for key, value in items.items():
            if key not in left:
                raise ValidationError(_("Dòng hoàn tiền không thuộc đơn này."))
            if value > left[key][1]:
                raise ValidationError(
                    _("Dòng “%(item)s” chỉ còn hoàn được tối đa %(left)s.")
                    % {"item": _item_label(left[key][0]), "left": vnd.format_amount(left[key][1])}
                )
        return {key: value for key, value in items.items() if value}
    keys = [key for key, (_obj, remaining) in left.items() if remaining > 0]
    weights = [left[key][1] for key in keys]
    to_share = min(int(amount), sum(weights))
    shares = allocate(to_share, weights) if to_share else []
    return {key: share for key, share in zip(keys, shares, strict=True) if share}


def _item_label(obj):
    if hasattr(obj, "title"):
        return obj.title
    return _("Phí giao kiện của %(seller)s") % {"seller": obj.cooperative or "-"}


def refund_create(*, payment, amount=None, items=None, reason="", by=None, stripe_refund_id=""):
    """Give money of ``payment`` back: ``amount`` đồng spread over the order's lines, or
    ``items`` ({"line:<pk>" / "shipping:<pk>": đồng}) line by line; return the refund.

    Staff only (``by``), unless ``stripe_refund_id`` says Stripe refunded it already (a
    refund made in Stripe's dashboard, reported by ``charge.refunded``). A card payment
    is refunded through Stripe's API; COD and bank transfers are refunded by hand and
    recorded here. The amount must be whole đồng, positive and no more than what is
    left. Each cooperative's ledger takes its part back (``settlement.ledger``).
    """
    from marketplace.settlement.ledger import order_settle
    from marketplace.settlement.models import Posting

    if not stripe_refund_id and not (by is not None and by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới hoàn tiền được."))
    if items is not None:
        items = {key: int(value or 0) for key, value in items.items()}
        if any(value < 0 for value in items.values()):
            raise ValidationError(_("Số tiền hoàn phải là số đồng nguyên dương."))
        amount = sum(items.values())
    amount = Decimal(amount if amount is not None else 0)
    if amount != amount.to_integral_value() or amount <= 0:
        raise ValidationError(_("Số tiền hoàn phải là số đồng nguyên dương."))
    with transaction.atomic():
        payment = payment_lock(payment)
        if payment.status not in (Payment.Status.PAID, Payment.Status.REFUNDED):
            raise ValidationError(_("Chỉ hoàn tiền được cho đơn đã thanh toán."))
        left = payment.amount - payment.amount_refunded
        if amount > left:
            raise ValidationError(
                _("Chỉ còn hoàn được tối đa %(left)s.") % {"left": vnd.format_amount(left)}
            )
        allocation = refund_allocation(order=payment.order, amount=amount, items=items)
        refund = Refund(payment=payment, amount=amount, reason=reason, created_by=by)
        refund.stripe_refund_id = stripe_refund_id
        if payment.method == Payment.Method.STRIPE and not stripe_refund_id:
            refund.stripe_refund_id = gateway.refund_create(
                payment_intent=payment.stripe_payment_intent,
                amount=amount,
                idempotency_key=f"refund-{payment.pk}-{payment.refunds.count() + 1}",
            )
        refund.full_clean()
        refund.save()
        RefundLine.objects.bulk_create(
            RefundLine(refund=refund, amount=value, **_item_target(key))
            for key, value in allocation.items()
        )
        payment.amount_refunded += amount
        if payment.amount_refunded == payment.amount:
            payment.status = Payment.Status.REFUNDED
            payment.order.status = OrderStatus.REFUNDED
            payment.order.save(update_fields=["status"])
        payment.full_clean()
        payment.save()
        order_settle(
            order=payment.order, kind=Posting.Kind.REFUND, source=f"refund{refund.pk}",
            refund=refund,
        )  # fmt: skip
        if payment.order.email:
            _refund_send(refund=refund, payment=payment)
    return refund


def _item_target(key):
    kind, pk = key.split(":")
    return {"line_id": int(pk)} if kind == "line" else {"shipment_id": int(pk)}


def _refund_send(*, refund, payment):
    """Tell the buyer, once the refund commits, what was refunded (in the buyer's language)."""
    order = payment.order
    mail_send(
        template_prefix="payments/email/refund",
        context={"order": order, "payment": payment, "refund": refund},
        recipients=[order.email],
        language=buyer_language(order),
        on_commit=True,
    )
