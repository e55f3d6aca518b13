"""Writes of the checkout: stock is checked and locked inside the order's transaction, and
a card order goes on to Stripe once that transaction has committed."""

import hashlib
from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_model

from marketplace.links import absolute_url
from marketplace.payments import card, gateway

StockRecord = get_model("partner", "StockRecord")


class SoldOut(UnableToPlaceOrder):
    """A product of the basket has fewer units left than the basket holds."""


def basket_stock_lock(*, basket):
    """Lock the basket's stock records and check each has the units the basket needs.

    Call it inside the transaction that places the order: the row locks (``SELECT … FOR
    UPDATE`` on PostgreSQL, taken in stock-record order so that two checkouts cannot
    deadlock) are held until the allocation is committed, so two buyers of the last unit
    cannot both pass the check. Raise ``SoldOut`` with a message for the buyer.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("basket_stock_lock() must run inside transaction.atomic().")
    needed, titles = defaultdict(int), {}
    for line in basket.all_lines():
        if line.quantity <= 0:
            raise UnableToPlaceOrder(_("Số lượng trong giỏ hàng phải lớn hơn 0."))
        if line.stockrecord_id is None:
            raise SoldOut(_("“%(title)s” hiện không bán.") % {"title": line.product.get_title()})
        if line.product.get_product_class().track_stock:
            needed[line.stockrecord_id] += line.quantity
            titles[line.stockrecord_id] = line.product.get_title()
    records = StockRecord.objects.select_for_update().filter(pk__in=needed).order_by("pk")
    for record in records:
        available = record.net_stock_level
        if record.num_in_stock is not None and available < needed[record.pk]:
            title = titles[record.pk]
            if available <= 0:
                message = _("Rất tiếc, “%(title)s” đã hết hàng.") % {"title": title}
            else:
                message = _(
                    "Rất tiếc, “%(title)s” chỉ còn %(count)s sản phẩm; hãy giảm số lượng "
                    "trong giỏ hàng."
                ) % {"title": title, "count": available}
            raise SoldOut(message)


def basket_fingerprint(*, basket, shipping_method_code, order_total, payment_method):
    """Return a digest of what the buyer saw on the preview page.

    The place-order form sends it back: a basket, price, shipping or payment changed in
    between (another tab, a tampered form) no longer matches, and nothing is placed.
    """
    parts = [
        f"{line.pk}:{line.product_id}:{line.stockrecord_id}:{line.quantity}:"
        f"{line.unit_price_incl_tax}"
        for line in basket.all_lines()
    ]
    parts += [str(shipping_method_code), str(order_total), str(payment_method)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def card_checkout_begin(*, payment):
    """Open the Stripe Checkout Session of a card order just placed; return its URL.

    Call it after the order's transaction has committed (the order, its stock and its
    payment): no stock row stays locked while Stripe answers. When no session can be
    opened, a second transaction cancels the order and returns its stock
    (``card.card_checkout_abandon``); Stripe out of reach then raises UnableToPlaceOrder
    with the message for the buyer (Oscar reopens the basket and shows it on the preview
    page), any other error is raised as it is.
    """
    try:
        return card.stripe_checkout_start(
            payment=payment,
            success_url=absolute_url(reverse("payments:stripe-return"))
            + "?session_id={CHECKOUT_SESSION_ID}",
            cancel_url=absolute_url(reverse("payments:stripe-cancel")),
        )
    except Exception as error:
        card.card_checkout_abandon(order=payment.order)
        if isinstance(error, gateway.StripeUnavailable):
            raise UnableToPlaceOrder(str(error)) from error
        raise
