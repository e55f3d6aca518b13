"""Card money that Stripe reports moving after the sale: refunds and disputes.

* ``charge.refunded``: Stripe says how much of the charge has been refunded in all
  (``amount_refunded``). What this shop has not recorded (a refund made in Stripe's
  dashboard) is recorded now, spread over the order's lines like any refund; the refunds
  staff made here are already counted, so their own events change nothing.
* ``charge.dispute.created``: the cardholder's bank took the amount back while it looks
  into it. The order is marked disputed and the amount is held back from the
  cooperatives' balances, line by line.
* ``charge.dispute.closed``: won, the hold is released; lost, it becomes a refund.

Each event is handled once (``stripe_events`` stores its id); a dispute is also known by
its own id, so a dispute opened twice or closed twice changes nothing the second time.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.payments.gateway import StripeEventMalformed
from marketplace.payments.models import Dispute, DisputeLine, OrderStatus, Payment
from marketplace.payments.refunds import (
    _item_target,
    refund_allocation,
    refund_create,
    refundable_items,
)

logger = logging.getLogger(__name__)

CHARGE_EVENTS = ("charge.refunded", "charge.dispute.created", "charge.dispute.closed")
# A dispute's final states (Stripe): "won" and "warning_closed" leave the money with us.
DISPUTE_WON = ("won", "warning_closed")
DISPUTE_LOST = ("lost",)


@dataclass(frozen=True)
class ChargeEvent:
    """What a charge or dispute event says, type-checked."""

    id: str
    payment_intent: str
    amount: int  # the refunded total of a charge; the disputed amount of a dispute
    status: str
    reason: str
    refund_id: str


def _text(value, *, max_length=255):
    return isinstance(value, str) and 0 < len(value) <= max_length and "\x00" not in value


def charge_event_parse(event_type, obj):
    """Return the ``ChargeEvent`` of a charge or dispute event (None for other types), or
    raise ``StripeEventMalformed`` when its fields are not Stripe's."""
    if event_type not in CHARGE_EVENTS:
        return None
    expected = "charge" if event_type == "charge.refunded" else "dispute"
    if obj.get("object") != expected or not _text(obj.get("id")):
        raise StripeEventMalformed(f"not a {expected}")
    intent = obj.get("payment_intent")
    if isinstance(intent, dict):
        intent = intent.get("id")
    amount = obj.get("amount_refunded" if expected == "charge" else "amount")
    if not _text(intent) or type(amount) is not int or amount < 0:
        raise StripeEventMalformed(f"the {expected} has no payment intent or amount")
    refunds = obj.get("refunds")
    data = refunds.get("data") if isinstance(refunds, dict) else None
    last = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}
    status, reason = obj.get("status"), obj.get("reason")
    return ChargeEvent(
        id=obj["id"],
        payment_intent=intent,
        amount=amount,
        status=status if _text(status, max_length=32) else "",
        reason=reason if _text(reason, max_length=64) else "",
        refund_id=last.get("id") if _text(last.get("id")) else "",
    )


def charge_event_apply(event_type, event):
    """Apply a parsed charge or dispute event (inside the event's transaction)."""
    payment = (
        Payment.objects.select_for_update()
        .select_related("order")
        .filter(method=Payment.Method.STRIPE, stripe_payment_intent=event.payment_intent)
        .first()
    )
    if payment is None:
        logger.warning("Stripe %s %s: no order paid by %s.", event_type, event.id,
                       event.payment_intent)  # fmt: skip
        return None
    if event_type == "charge.refunded":
        return _charge_refunded(payment, event)
    if event_type == "charge.dispute.created":
        return _dispute_open(payment, event)
    return _dispute_close(payment, event)


def _charge_refunded(payment, event):
    # Refunds of lost disputes are ours, not Stripe refunds: they are not in the charge's total.
    recorded = (
        payment.refunds.exclude(stripe_refund_id__startswith="dp_").aggregate(total=Sum("amount"))[
            "total"
        ]
        or 0
    )
    missing = event.amount - int(recorded)
    if missing <= 0:
        return None  # our own refunds, or a replay of them
    missing = min(missing, int(payment.amount - payment.amount_refunded))
    if missing <= 0:
        return None
    return refund_create(
        payment=payment, amount=missing, reason=_("Hoàn tiền trên Stripe"),
        stripe_refund_id=event.refund_id or event.id,
    )  # fmt: skip


def _dispute_open(payment, event):
    from marketplace.settlement.ledger import order_settle
    from marketplace.settlement.models import Posting

    existing = Dispute.objects.filter(stripe_dispute_id=event.id).first()
    if existing is not None:
        return existing
    order = payment.order
    amount = min(event.amount, int(payment.amount - payment.amount_refunded))
    if amount <= 0:
        logger.warning("Stripe dispute %s on order %s: nothing left to hold.", event.id,
                       order.number)  # fmt: skip
        return None
    dispute = Dispute.objects.create(
        payment=payment, stripe_dispute_id=event.id, amount=amount, reason=event.reason,
        order_status_before=order.status,
    )  # fmt: skip
    DisputeLine.objects.bulk_create(
        DisputeLine(dispute=dispute, amount=value, **_item_target(key))
        for key, value in refund_allocation(order=order, amount=amount).items()
    )
    order.status = OrderStatus.DISPUTED
    order.save(update_fields=["status"])
    order_settle(order=order, kind=Posting.Kind.DISPUTE, source=f"dispute{dispute.pk}",
                 dispute=dispute)  # fmt: skip
    return dispute


def _dispute_close(payment, event):
    from marketplace.settlement.ledger import order_settle
    from marketplace.settlement.models import Posting

    if event.status not in (*DISPUTE_WON, *DISPUTE_LOST):
        return None
    dispute = Dispute.objects.select_for_update().filter(stripe_dispute_id=event.id).first()
    if dispute is None:  # its "created" event never came: open it first
        dispute = _dispute_open(payment, event)
        if dispute is None:
            return None
    if dispute.status != Dispute.Status.OPEN:
        return dispute
    won = event.status in DISPUTE_WON
    dispute.status = Dispute.Status.WON if won else Dispute.Status.LOST
    dispute.closed_at = timezone.now()
    dispute.save(update_fields=["status", "closed_at"])
    order = payment.order
    with transaction.atomic():
        if won:
            order_settle(order=order, kind=Posting.Kind.DISPUTE,
                         source=f"dispute{dispute.pk}-won", dispute=dispute)  # fmt: skip
        else:
            # The money went back to the cardholder: a refund of the lines it was held on,
            # as far as staff have not refunded them meanwhile.
            left = refundable_items(order)
            items = {}
            for line in dispute.lines.all():
                key = f"line:{line.line_id}" if line.line_id else f"shipping:{line.shipment_id}"
                items[key] = min(line.amount, max(0, left.get(key, (None, 0))[1]))
            if any(items.values()):
                refund_create(
                    payment=payment, items=items, reason=_("Thua khiếu nại thẻ"),
                    stripe_refund_id=dispute.stripe_dispute_id,
                )  # fmt: skip
        order.refresh_from_db()
        if order.status == OrderStatus.DISPUTED:
            order.status = dispute.order_status_before or OrderStatus.PAID
            order.save(update_fields=["status"])
    return dispute
