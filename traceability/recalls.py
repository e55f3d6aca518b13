"""What a recall does beyond its banner: it stops the lot's sale and tells every buyer and
every subscriber once, each in their language, from the task queue.

- ``batch_stop_sale``: the lot's units are no longer sold. The product's stock is cut to
  what its other published lots can still supply (nothing when there is none), so the
  shop shows it sold out when the recalled lot was the last.
- ``recall_buyer_groups`` / ``recall_notify_buyer``: the buyers of the lot are the orders
  whose shipped lines were allocated to it (``traceability.allocation``); one e-mail per
  buyer (address), listing their orders.
- ``recall_subscribers`` / ``recall_notify_subscription``: people who scanned the lot and
  confirmed an e-mail address or phone number (``traceability.alerts``).

Exactly once: a ``RecallNotice`` row per (lot, channel, address) is inserted in the
transaction that sends; a retried task, a second worker or a buyer who also subscribed
finds the row and sends nothing.
"""

from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.mail import buyer_language, mail_send
from traceability.allocation import lot_remaining, sellable_lots
from traceability.links import batch_uri
from traceability.models import LineBatch, RecallNotice, RecallSubscription

StockRecord = get_model("partner", "StockRecord")


def batch_stop_sale(*, batch):
    """Cut the product's stock to what its other published lots can supply; return it.

    The stock record is saved (not updated in bulk), so the search index, the catalogue
    stamp and the product's pages follow at once. Call it inside the recall's transaction.
    """
    others = [b for b in sellable_lots([batch.product_id])[batch.product_id] if b.pk != batch.pk]
    supply = sum(lot_remaining([b.pk for b in others]).values()) if others else 0
    changed = []
    for record in StockRecord.objects.select_for_update().filter(product_id=batch.product_id):
        if record.num_in_stock is None:
            continue
        allocated = record.num_allocated or 0
        sellable = max(record.num_in_stock - allocated, 0)
        if sellable > supply:
            record.num_in_stock = allocated + supply
            record.save(update_fields=["num_in_stock"])
            changed.append(record)
    return changed


def _recipient(order):
    email = order.user.email if order.user_id else order.guest_email
    return (email or "").strip().lower()


def recall_buyer_groups(*, batch_pk):
    """Return the lot's buyers not yet told: one list of order ids per buyer's address."""
    links = (
        LineBatch.objects.filter(batch_id=batch_pk, recall_notified_at__isnull=True)
        .select_related("line__order__user")
        .order_by("line__order_id")
    )
    groups = defaultdict(set)
    for link in links:
        order = link.line.order
        groups[_recipient(order) or f"order:{order.pk}"].add(order.pk)
    return [sorted(ids) for _key, ids in sorted(groups.items())]


def _notice_claim(*, batch, channel, contact):
    """Record that ``contact`` is told about ``batch``; False when someone already did."""
    try:
        with transaction.atomic():
            RecallNotice.objects.create(batch=batch, channel=channel, contact=contact)
    except IntegrityError:
        return False
    return True


def recall_notify_buyers(*, batch, order_ids):
    """E-mail the buyers of ``order_ids`` about the recalled ``batch``: one e-mail per
    address, listing its orders, in the buyer's language. Return how many were sent."""
    sent = 0
    links = (
        LineBatch.objects.filter(batch=batch, line__order_id__in=order_ids)
        .select_related("line__order__user")
        .order_by("line__order_id")
    )
    by_buyer = defaultdict(set)
    for link in links:
        by_buyer[_recipient(link.line.order)].add(link.line.order_id)
    for email, ids in sorted(by_buyer.items()):
        sent += recall_notify_buyer(batch=batch, order_ids=sorted(ids), email=email)
    return sent


def recall_notify_buyer(*, batch, order_ids, email):
    """Tell one buyer (``email``, their ``order_ids``) about the recall, unless already done.

    The lines are claimed (locked, marked told) and the e-mail queued in one transaction:
    a task retried or delivered twice sends nothing again.
    """
    with transaction.atomic():
        links = list(
            LineBatch.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(batch=batch, line__order_id__in=order_ids, recall_notified_at__isnull=True)
            .select_related("line__order__user")
        )
        if not links:
            return False
        LineBatch.objects.filter(pk__in=[link.pk for link in links]).update(
            recall_notified_at=timezone.now()
        )
        orders = sorted({link.line.order for link in links}, key=lambda order: order.pk)
        if not email or not _notice_claim(
            batch=batch, channel=RecallNotice.Channel.EMAIL, contact=email
        ):
            return False
        # Queued for the mail worker once this commits.
        mail_send(
            template_prefix="traceability/email/recall",
            context={"batch": batch, "orders": orders, "page_url": batch_uri(batch)},
            recipients=[email],
            language=buyer_language(orders[0]),
        )
    return True


def recall_subscribers(*, batch_pk):
    """Return the ids of the lot's confirmed subscriptions not yet told."""
    return list(
        RecallSubscription.objects.filter(
            batch_id=batch_pk,
            confirmed_at__isnull=False,
            unsubscribed_at__isnull=True,
            notified_at__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def recall_notify_subscription(*, batch, subscription_id):
    """Tell one subscriber about the recall (e-mail or SMS, in their language), once."""
    from traceability import alerts

    with transaction.atomic():
        subscription = (
            RecallSubscription.objects.select_for_update(skip_locked=True)
            .filter(pk=subscription_id, batch=batch, notified_at__isnull=True)
            .first()
        )
        if subscription is None or not subscription.is_active:
            return False
        subscription.notified_at = timezone.now()
        subscription.save(update_fields=["notified_at"])
        if not _notice_claim(batch=batch, channel=subscription.channel,
                             contact=subscription.contact):  # fmt: skip
            return False
        alerts.recall_alert_send(subscription=subscription)
    return True
