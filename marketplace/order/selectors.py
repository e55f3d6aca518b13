"""Reads about how an order is split between cooperatives, and whether it may be packed."""

from dataclasses import dataclass, field
from decimal import Decimal

from oscar.core.loading import get_model

Line = get_model("order", "Line")
Payment = get_model("payments", "Payment")
Shipment = get_model("order", "Shipment")


@dataclass
class ShipmentGroup:
    """One parcel of an order: its shipment (None for lines no cooperative sells) and lines."""

    shipment: Shipment | None
    lines: list = field(default_factory=list)

    @property
    def cooperative(self):
        return self.shipment.cooperative if self.shipment else None


def line_cooperative(line):
    """Return the cooperative that sells an order line, or None.

    The line's own partner is the seller recorded when the order was placed; the stock
    record and then the product are asked when that partner is gone.
    """
    stockrecord_partner = line.stockrecord.partner if line.stockrecord_id else None
    for partner in (line.partner, stockrecord_partner):
        cooperative = getattr(partner, "cooperative", None) if partner is not None else None
        if cooperative is not None:
            return cooperative
    if line.product_id and line.product.cooperative_id:
        return line.product.cooperative
    return None


def order_lines_with_sellers(*, order):
    """Return the order's lines with everything ``line_cooperative`` reads, in one query."""
    return order.lines.select_related(
        "partner__cooperative__partner",
        "stockrecord__partner__cooperative__partner",
        "product__cooperative__partner",
    ).order_by("pk")


def order_lines_by_cooperative(*, order):
    """Return ``{cooperative: [lines]}`` for the order's lines that a cooperative sells."""
    grouped = {}
    for line in order_lines_with_sellers(order=order):
        cooperative = line_cooperative(line)
        if cooperative is not None:
            grouped.setdefault(cooperative, []).append(line)
    return grouped


def order_shipment_groups(*, order):
    """Return the order's parcels, one per shipment, each with its lines (and their lots).

    Lines no shipment covers (a product without a cooperative) come last, in a group
    without a shipment, so that the customer still sees everything they bought.
    """
    shipments = list(order.shipments.select_related("cooperative__partner").order_by("pk"))
    groups = {shipment.cooperative_id: ShipmentGroup(shipment) for shipment in shipments}
    leftover = ShipmentGroup(None)
    # The lots each line was shipped from (traceability.allocation), shown to the buyer.
    lines = order_lines_with_sellers(order=order).prefetch_related("lot_allocations__batch")
    for line in lines:
        cooperative = line_cooperative(line)
        group = groups.get(cooperative.pk) if cooperative is not None else None
        (group or leftover).lines.append(line)
    return list(groups.values()) + ([leftover] if leftover.lines else [])


def shipment_lines(*, shipment):
    """Return the lines of the shipment's order that its cooperative sells."""
    if shipment.cooperative_id is None:
        return []
    return [
        line
        for line in order_lines_with_sellers(order=shipment.order)
        if (cooperative := line_cooperative(line)) is not None
        and cooperative.pk == shipment.cooperative_id
    ]


def lines_subtotal(lines):
    """Return the sum of the lines' prices as the dashboard shows them (VAT included)."""
    return sum((line.line_price_before_discounts_incl_tax for line in lines), Decimal(0))


def order_is_unpaid_card_order(order):
    """True for a card order whose money has not come (pending, failed or expired)."""
    return (
        Payment.objects.filter(order_id=order.pk, method=Payment.Method.STRIPE)
        .exclude(status__in=[Payment.Status.PAID, Payment.Status.REFUNDED])
        .exists()
    )
