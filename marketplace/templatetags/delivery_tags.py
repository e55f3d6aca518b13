"""Shipping fees on the pages before the buyer's address is known."""

from django import template

from marketplace.shipping.methods import lowest_fee

register = template.Library()


@register.simple_tag
def shipping_from(basket):
    """Return the least the basket's standard delivery can cost (to the nearest province)."""
    if basket is None or basket.is_empty:
        return None
    return lowest_fee(basket)
