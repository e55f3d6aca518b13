from django import template

from traceability import selectors

register = template.Library()


@register.simple_tag
def latest_batch_link(product):
    """Return the path of the product's latest published batch, or "" (one query)."""
    return selectors.latest_batch_link(product)
