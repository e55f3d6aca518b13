"""Cash on delivery: the cooperative hands the parcel over and takes the cash."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace import access
from marketplace.order.services import shipment_advance
from marketplace.payments.models import CashCollection, Payment
from marketplace.payments.services import payment_mark_paid
from marketplace.settlement import ledger

Shipment = get_model("order", "Shipment")


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
