"""Refunds: money given back to the buyer, in full or in part, and its effect on the
cooperatives' ledgers."""

from decimal import Decimal
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.mail import buyer_language, message_render
from marketplace.payments import gateway
from marketplace.payments.models import Payment, Refund
from marketplace.payments.services import OrderStatus, _locked


def refund_create(*, payment, amount, reason="", by):
    """Give ``amount`` đồng of ``payment`` back; a card is refunded through Stripe.

    Staff only; the amount must be positive and no more than what is left to refund.
    COD and bank transfers are refunded by hand: this records that it was done.
    """
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới hoàn tiền được."))
    amount = Decimal(amount)
    if amount != amount.to_integral_value() or amount <= 0:
        raise ValidationError(_("Số tiền hoàn phải là số đồng nguyên dương."))
    with transaction.atomic():
        payment = _locked(payment)
        if payment.status not in (Payment.Status.PAID, Payment.Status.REFUNDED):
            raise ValidationError(_("Chỉ hoàn tiền được cho đơn đã thanh toán."))
        left = payment.amount - payment.amount_refunded
        if amount > left:
            raise ValidationError(
                _("Chỉ còn hoàn được tối đa %(left)s ₫.")
                % {"left": f"{int(left):,}".replace(",", ".")}
            )
        refund = Refund(payment=payment, amount=amount, reason=reason, created_by=by)
        if payment.method == Payment.Method.STRIPE:
            refund.stripe_refund_id = gateway.refund_create(
                payment_intent=payment.stripe_payment_intent,
                amount=amount,
                idempotency_key=f"refund-{payment.pk}-{payment.refunds.count() + 1}",
            )
        refund.full_clean()
        refund.save()
        payment.amount_refunded += amount
        if payment.amount_refunded == payment.amount:
            payment.status = Payment.Status.REFUNDED
            payment.order.status = OrderStatus.REFUNDED
            payment.order.save(update_fields=["status"])
        payment.full_clean()
        payment.save()
        if payment.order.email:
            message = _refund_message(refund=refund, payment=payment)
            transaction.on_commit(partial(send_mail, **message), robust=True)
    return refund


def _refund_message(*, refund, payment):
    """Return the e-mail telling the buyer what was refunded (in the buyer's language)."""
    order = payment.order
    return message_render(
        template_prefix="payments/email/refund",
        context={"order": order, "payment": payment, "refund": refund},
        recipients=[order.email],
        language=buyer_language(order),
    )
