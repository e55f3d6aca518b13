from django import template

from marketplace.order import selectors

register = template.Library()


@register.simple_tag
def order_shipment_groups(order):
    """Return the order's parcels, one per cooperative, each with its lines."""
    return selectors.order_shipment_groups(order=order)
