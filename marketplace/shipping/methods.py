"""Shipping methods: one parcel per cooperative, priced by destination region and weight."""

from decimal import ROUND_UP, Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from marketplace.checkout.addresses import address_province_code, region_of
from marketplace.places import province_choices

# What a courier charges a parcel for its first kilogram, by how far it travels.
FIRST_KG_FEE = {
    "same_province": Decimal(20000),
    "same_region": Decimal(30000),
    "other_region": Decimal(40000),
}
# Each further half kilogram (or part of it).
EXTRA_HALF_KG_FEE = Decimal(5000)
# A product nobody has weighed (``Product.shipping_weight_kg`` empty) counts as half a kg.
DEFAULT_WEIGHT_KG = Decimal("0.5")


def parcel_fee(*, origin_province, destination_province, weight_kg):
    """Return the fee in đồng of one parcel of ``weight_kg`` between two provinces."""
    if origin_province is not None and origin_province == destination_province:
        distance = "same_province"
    elif origin_province is not None and region_of(origin_province) == region_of(
        destination_province
    ):
        distance = "same_region"
    else:
        distance = "other_region"
    extra_kg = max(Decimal(weight_kg) - 1, Decimal(0))
    extra_halves = (extra_kg * 2).to_integral_value(rounding=ROUND_UP)
    return FIRST_KG_FEE[distance] + extra_halves * EXTRA_HALF_KG_FEE


def product_weight_kg(product):
    """Return the shipping weight of one unit of ``product`` in kg."""
    weight = product.shipping_weight
    return Decimal(weight) if weight is not None else DEFAULT_WEIGHT_KG


def basket_parcels(basket):
    """Return ``{origin_province_code_or_None: weight_kg}``, one entry per cooperative.

    Each cooperative packs and sends its own parcel (see marketplace.order.Shipment).
    """
    parcels = {}
    for line in basket.all_lines():
        cooperative = line.product.cooperative if line.product.cooperative_id else None
        key = cooperative.pk if cooperative else None
        province = cooperative.province_code if cooperative else None
        weight = product_weight_kg(line.product) * line.quantity
        origin, total = parcels.get(key, (province, Decimal(0)))
        parcels[key] = (origin, total + weight)
    return list(parcels.values())


class CourierDelivery(Base):
    """Delivery by courier to a Vietnamese address; ``speed`` scales the standard fee."""

    is_tax_known = True
    speed = Decimal(1)

    def __init__(self, shipping_address=None):
        self.destination = address_province_code(shipping_address)

    @classmethod
    def to_province(cls, province_code):
        """Return the method for a destination known only by its province (no address yet)."""
        method = cls()
        method.destination = province_code
        return method

    def calculate(self, basket):
        total = Decimal(0)
        if self.destination is not None:
            for origin, weight in basket_parcels(basket):
                fee = parcel_fee(
                    origin_province=origin,
                    destination_province=self.destination,
                    weight_kg=weight,
                )
                # Whole thousands of đồng, as couriers quote them.
                total += (fee * self.speed / 1000).to_integral_value(rounding=ROUND_UP) * 1000
        return prices.Price(
            currency=basket.currency, excl_tax=total, incl_tax=total, tax=Decimal(0)
        )


class StandardDelivery(CourierDelivery):
    code = "standard"
    name = _("Giao tiêu chuẩn (3–5 ngày)")
    description = _("Mỗi hợp tác xã gửi một kiện; phí theo nơi nhận và cân nặng.")


class ExpressDelivery(CourierDelivery):
    code = "express"
    name = _("Giao nhanh (1–2 ngày)")
    description = _("Gấp rưỡi phí giao tiêu chuẩn.")
    speed = Decimal("1.5")


def lowest_fee(basket, method_class=StandardDelivery):
    """Return what the basket's parcels cost at the least, to the nearest province: the
    "from X ₫" shown before the buyer's province is known. No query beyond the basket's."""
    return min(
        method_class.to_province(code).calculate(basket).incl_tax
        for code, _name in province_choices()
    )
