"""The money rules of a sale, in whole đồng: commission, tax withheld, rounding, sharing.

Rounding. Every amount is computed per order line (or per parcel's shipping) and per
component, as the line's *net* revenue (what the buyer paid for it, less what was refunded
or is held by a card dispute) times the rate, rounded half up to the đồng:
``commission = round_half_up(net × rate_bps / 10 000)``, the same for VAT and PIT. A refund
posts the difference between the components before and after it, so whatever the
refunds, a line's components are always exactly those of its remaining revenue, and a
line refunded in full leaves nothing behind. Amounts shared out (a refund of an order
over its lines) use the largest remainder, so the shares add up to the whole exactly.

Withholding (Decree 117/2025/ND-CP, from 1 July 2025). A marketplace that takes the
buyer's payment withholds, for household businesses and individuals selling goods, 1 %
VAT and 0,5 % personal income tax of the revenue of each sale; cooperatives and
companies declare their own taxes and are not withheld. A seller who has not told the
marketplace what it is is withheld as a household business: the law puts the duty on
the marketplace, and it cannot show that an unknown seller is an organisation.
Shipping charges are passed on to the cooperative that sends the parcel and pays the
courier: no commission and no withholding on them.
"""

from dataclasses import dataclass

BASIS_POINTS = 10_000

# Decree 117/2025/ND-CP, goods: VAT 1 % and PIT 0,5 % of revenue, in basis points.
GOODS_VAT_BPS = 100
GOODS_PIT_BPS = 50
WITHHELD_KINDS = ("household", "individual", "")


def round_half_up(numerator, denominator):
    """Return ``numerator / denominator`` rounded half up (away from zero) to an integer."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return sign * quotient


def share(amount, bps):
    """Return ``bps`` basis points of ``amount`` đồng, rounded half up."""
    return round_half_up(amount * bps, BASIS_POINTS)


def withholding_rates(seller_kind):
    """Return ``(vat_bps, pit_bps)`` withheld from a sale of goods by ``seller_kind``."""
    if seller_kind in WITHHELD_KINDS:
        return GOODS_VAT_BPS, GOODS_PIT_BPS
    return 0, 0


@dataclass(frozen=True)
class SaleTerms:
    commission_bps: int
    vat_bps: int
    pit_bps: int


@dataclass(frozen=True)
class SaleAmounts:
    """A line's money at a given net revenue: what each party gets, in đồng."""

    revenue: int
    commission: int
    vat: int
    pit: int

    @property
    def cooperative(self):
        return self.revenue - self.commission - self.vat - self.pit


def sale_amounts(revenue, terms):
    """Return the ``SaleAmounts`` of ``revenue`` đồng sold under ``terms``."""
    return SaleAmounts(
        revenue=revenue,
        commission=share(revenue, terms.commission_bps),
        vat=share(revenue, terms.vat_bps),
        pit=share(revenue, terms.pit_bps),
    )


def allocate(amount, weights):
    """Share ``amount`` out in proportion to ``weights`` (largest remainder); return a list.

    The shares add up to ``amount`` exactly; a share never exceeds its weight when
    ``amount`` does not exceed their total (a refund never takes more from a line than
    is left on it).
    """
    total = sum(weights)
    if amount < 0 or any(w < 0 for w in weights):
        raise ValueError("amount and weights must not be negative")
    if amount == 0:
        return [0] * len(weights)
    if total <= 0:
        raise ValueError("nothing to share the amount over")
    shares = [amount * w // total for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for index in remainders[: amount - sum(shares)]:
        shares[index] += 1
    return shares
