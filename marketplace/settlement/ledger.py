"""Writing the ledger: each money event of a cooperative becomes one balanced posting.

A delivered parcel's lines and shipping are *settled*: for each of them the ledger is
brought to what it should hold given the line's net revenue (paid, less refunded, less
held by an open card dispute), by posting the difference (``rules`` explains the
rounding). Settling twice posts nothing the second time; a refund or a dispute settles
again and posts only its effect. Every write locks the cooperative's row first, so that
two events of one cooperative (a refund and a payout run) never interleave.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.selectors import order_lines_by_cooperative
from marketplace.payments.models import Dispute, DisputeLine, Payment, RefundLine
from marketplace.settlement import rules
from marketplace.settlement.models import Account, CategoryCommission, LedgerEntry, Posting

Cooperative = get_model("partner", "Cooperative")
Shipment = get_model("order", "Shipment")


def whole_dong(amount):
    """Return Oscar's decimal price as whole đồng (an int); refuse fractions."""
    if amount != int(amount):
        raise ValueError(f"{amount} is not a whole number of đồng")
    return int(amount)


def cooperative_lock(cooperative):
    """Lock ``cooperative``'s row for the rest of the transaction; return it fresh."""
    return Cooperative.objects.select_for_update().get(pk=cooperative.pk)


def commission_rate_bps(*, line, cooperative):
    """Return the commission on ``line``: the cooperative's own rate, else the rate of the
    product's category (or its nearest parent with one), else SETTLEMENT_COMMISSION_BPS."""
    if cooperative.commission_rate_bps is not None:
        return cooperative.commission_rate_bps
    product = line.product
    if product is not None and product.parent_id:
        product = product.parent
    if product is not None:
        # A category's path holds its ancestors' paths: "0001", "00010003", …
        lineages = [
            [c.path[:end] for end in range(len(c.path), 0, -c.steplen)]
            for c in product.get_categories().order_by("-depth", "path")
        ]
        rates = dict(
            CategoryCommission.objects.filter(
                category__path__in={path for lineage in lineages for path in lineage}
            ).values_list("category__path", "rate_bps")
        )
        for lineage in lineages:  # the deepest category first, then up its ancestors
            for path in lineage:
                if path in rates:
                    return rates[path]
    return settings.SETTLEMENT_COMMISSION_BPS


def sale_terms(*, line, cooperative):
    """Return the ``SaleTerms`` a new sale of ``line`` is posted under."""
    vat_bps, pit_bps = rules.withholding_rates(cooperative.seller_kind)
    return rules.SaleTerms(
        commission_bps=commission_rate_bps(line=line, cooperative=cooperative),
        vat_bps=vat_bps,
        pit_bps=pit_bps,
    )


def available_on(delivered_at):
    """Return the first day a sale delivered at ``delivered_at`` may be paid out."""
    delivered_on = timezone.localdate(delivered_at)
    return delivered_on + datetime.timedelta(days=settings.SETTLEMENT_RETURN_WINDOW_DAYS)


def _balances(postings):
    rows = (
        LedgerEntry.objects.filter(posting__in=postings)
        .values("account")
        .annotate(total=Sum("amount"))
    )
    return {row["account"]: row["total"] for row in rows if row["total"]}


def _taken_back(model, item_filter):
    """Return what refunds (or open disputes) took back from one line or one parcel."""
    queryset = model.objects.filter(**item_filter)
    if model is DisputeLine:
        queryset = queryset.filter(dispute__status=Dispute.Status.OPEN)
    return queryset.aggregate(total=Sum("amount"))["total"] or 0


def _post(*, cooperative, kind, key, entries, available, **links):
    """Write one posting with ``entries`` ({account: amount}); return it, or None if empty."""
    entries = {account: amount for account, amount in entries.items() if amount}
    if not entries:
        return None
    if sum(entries.values()) != 0:  # PostgreSQL checks again at commit
        raise ValueError(f"posting {key} does not balance: {entries}")
    unique_key, number = key, 1
    while Posting.objects.filter(key=unique_key).exists():
        number += 1
        unique_key = f"{key}:{number}"
    posting = Posting(
        cooperative=cooperative, kind=kind, key=unique_key, available_on=available, **links
    )
    posting.full_clean()
    posting.save()
    LedgerEntry.objects.bulk_create(
        LedgerEntry(posting=posting, account=account, amount=amount)
        for account, amount in sorted(entries.items())
    )
    return posting


def _difference(target, current):
    accounts = set(target) | set(current)
    return {a: target.get(a, 0) - current.get(a, 0) for a in accounts}


def _later_available(first_posting):
    today = timezone.localdate()
    return max(today, first_posting.available_on) if first_posting else today


def _line_settle(*, line, shipment, cooperative, kind, source, links):
    postings = Posting.objects.filter(line=line)
    sale = postings.filter(commission_bps__isnull=False).order_by("pk").first()
    terms = (
        rules.SaleTerms(sale.commission_bps, sale.vat_bps, sale.pit_bps)
        if sale
        else sale_terms(line=line, cooperative=cooperative)
    )
    revenue = (
        whole_dong(line.line_price_incl_tax)
        - _taken_back(RefundLine, {"line": line})
        - _taken_back(DisputeLine, {"line": line})
    )
    amounts = rules.sale_amounts(max(revenue, 0), terms)
    target = {
        Account.BUYER_FUNDS: -amounts.revenue,
        Account.COOPERATIVE: amounts.cooperative,
        Account.COMMISSION: amounts.commission,
        Account.VAT_WITHHELD: amounts.vat,
        Account.PIT_WITHHELD: amounts.pit,
    }
    first = sale is None and not postings.exists()
    extra = {}
    if first:
        kind = Posting.Kind.SALE
        extra = {
            "seller_kind": cooperative.seller_kind,
            "commission_bps": terms.commission_bps,
            "vat_bps": terms.vat_bps,
            "pit_bps": terms.pit_bps,
        }
    return _post(
        cooperative=cooperative, kind=kind, key=f"{kind}:line:{line.pk}:{source}",
        entries=_difference(target, _balances(postings)),
        available=available_on(shipment.delivered_at) if first else _later_available(sale),
        line=line, shipment=shipment, **links, **extra,
    )  # fmt: skip


def _shipping_settle(*, shipment, cooperative, kind, source, links):
    postings = Posting.objects.filter(
        shipment=shipment, line__isnull=True, kind__in=[
            Posting.Kind.SHIPPING, Posting.Kind.REFUND, Posting.Kind.DISPUTE,
        ],
    )  # fmt: skip
    charge = (
        whole_dong(shipment.shipping_charge)
        - _taken_back(RefundLine, {"shipment": shipment})
        - _taken_back(DisputeLine, {"shipment": shipment})
    )
    target = {Account.BUYER_FUNDS: -max(charge, 0), Account.COOPERATIVE: max(charge, 0)}
    first = postings.first()
    if first is None:
        kind = Posting.Kind.SHIPPING
    return _post(
        cooperative=cooperative, kind=kind, key=f"{kind}:shipping:{shipment.pk}:{source}",
        entries=_difference(target, _balances(postings)),
        available=available_on(shipment.delivered_at) if first is None
        else _later_available(first),
        shipment=shipment, **links,
    )  # fmt: skip


def money_received(order):
    """True when the buyer's money for ``order`` is in: paid (or refunded since) by card or
    transfer, or cash on delivery (the cooperative takes the cash with the parcel)."""
    payment = Payment.objects.filter(order_id=order.pk).first()
    if payment is None:  # orders placed before payments were recorded
        return True
    if payment.method == Payment.Method.COD:
        return True
    return payment.status in (Payment.Status.PAID, Payment.Status.REFUNDED)


def shipment_settle(*, shipment, kind=Posting.Kind.SALE, source="delivered", **links):
    """Bring the ledger of a delivered parcel's lines and shipping up to date; return the
    postings written (none when it already was, when the parcel is not delivered, or
    when the buyer's transfer or card payment has not come in yet).

    ``kind``, ``source`` and ``links`` (``refund=`` or ``dispute=``) say what changed.
    """
    if shipment.status != Shipment.Status.DELIVERED or shipment.cooperative_id is None:
        return []
    if not money_received(shipment.order):
        return []
    with transaction.atomic():
        cooperative = cooperative_lock(shipment.cooperative)
        lines = order_lines_by_cooperative(order=shipment.order).get(cooperative, [])
        written = [
            _line_settle(line=line, shipment=shipment, cooperative=cooperative, kind=kind,
                         source=source, links=links)
            for line in lines
        ]  # fmt: skip
        written.append(
            _shipping_settle(
                shipment=shipment, cooperative=cooperative, kind=kind, source=source, links=links
            )
        )
        if _paid_cash_on_delivery(shipment.order):
            # A COD parcel delivered is a parcel paid in cash to the cooperative (or its
            # courier): it owes that cash back now, whether or not it ticks it off later.
            written.append(cod_cash_post(shipment=shipment))
    return [posting for posting in written if posting is not None]


def _paid_cash_on_delivery(order):
    return Payment.objects.filter(order_id=order.pk, method=Payment.Method.COD).exists()


def order_settle(*, order, kind, source, **links):
    """Settle every delivered parcel of ``order`` again (after a refund or a dispute)."""
    written = []
    for shipment in order.shipments.filter(status=Shipment.Status.DELIVERED):
        written += shipment_settle(shipment=shipment, kind=kind, source=source, **links)
    return written


def cod_cash_post(*, shipment):
    """Record that the cooperative kept the cash it collected for a COD parcel: its lines
    and its shipping, which it now owes the marketplace against its sales; return the
    posting (None when recorded before). Posted on delivery, and again (as nothing) when
    the cooperative ticks the cash off."""
    key = f"{Posting.Kind.COD_CASH}:shipment:{shipment.pk}"
    with transaction.atomic():
        cooperative = cooperative_lock(shipment.cooperative)
        if Posting.objects.filter(key=key).exists():
            return None
        lines = order_lines_by_cooperative(order=shipment.order).get(cooperative, [])
        cash = sum(whole_dong(line.line_price_incl_tax) for line in lines)
        cash += whole_dong(shipment.shipping_charge)
        return _post(
            cooperative=cooperative, kind=Posting.Kind.COD_CASH, key=key,
            entries={Account.COOPERATIVE: -cash, Account.COD_CASH: cash},
            available=available_on(shipment.delivered_at), shipment=shipment,
        )  # fmt: skip


def payout_post(*, payout, cancel=False):
    """Take ``payout``'s amount off the cooperative's balance (or give it back when the
    payout is cancelled), on the day its batch counted the balance to; return the posting."""
    kind = Posting.Kind.PAYOUT_CANCEL if cancel else Posting.Kind.PAYOUT
    sign = 1 if cancel else -1
    return _post(
        cooperative=payout.cooperative, kind=kind, key=f"{kind}:{payout.pk}",
        entries={Account.COOPERATIVE: sign * payout.amount, Account.PAYOUTS: -sign * payout.amount},
        available=payout.batch.payable_on, payout=payout,
    )  # fmt: skip


def cooperative_balance(cooperative, *, payable_on=None):
    """Return the cooperative's balance in đồng: all of it, or what is payable on a day."""
    entries = LedgerEntry.objects.filter(
        posting__cooperative=cooperative, account=Account.COOPERATIVE
    )
    if payable_on is not None:
        entries = entries.filter(posting__available_on__lte=payable_on)
    return entries.aggregate(total=Sum("amount"))["total"] or 0


def payable_balances(*, payable_on):
    """Return ``{cooperative_id: payable balance}`` of every cooperative with a ledger."""
    rows = (
        LedgerEntry.objects.filter(account=Account.COOPERATIVE)
        .values("posting__cooperative")
        .annotate(
            payable=Sum("amount", filter=Q(posting__available_on__lte=payable_on)),
            total=Sum("amount"),
        )
    )
    return {row["posting__cooperative"]: row["payable"] or 0 for row in rows}
