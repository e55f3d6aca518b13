"""Each parcel's part of an order's shipping charge.

The buyer pays one shipping charge for the order; each cooperative sends its own parcel
and pays its courier. The charge is shared out over the parcels in proportion to what
each would cost on its own (``methods.parcel_fee``: distance and weight), in whole đồng
that add up to the order's charge exactly (a free or discounted delivery included).
"""

from marketplace.checkout.addresses import address_province_code
from marketplace.settlement.rules import allocate
from marketplace.shipping.methods import parcel_fee, product_weight_kg


def parcel_charges(*, order, lines_by_cooperative):
    """Return ``{cooperative: đồng}`` for the parcels of ``order``."""
    cooperatives = list(lines_by_cooperative)
    total = int(order.shipping_incl_tax or 0)
    if not cooperatives or total <= 0:
        return dict.fromkeys(cooperatives, 0)
    destination = address_province_code(order.shipping_address)
    fees = [
        int(
            parcel_fee(
                origin_province=cooperative.province_code,
                destination_province=destination,
                weight_kg=sum(
                    product_weight_kg(line.product) * line.quantity
                    for line in lines_by_cooperative[cooperative]
                    if line.product_id
                ),
            )
        )
        for cooperative in cooperatives
    ]
    return dict(zip(cooperatives, allocate(total, fees), strict=True))
