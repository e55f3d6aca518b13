from django import template

from traceability import allocation, selectors

register = template.Library()


@register.simple_tag
def latest_batch_link(product):
    """Return the path of the product's latest published batch, or "" (one query)."""
    return selectors.latest_batch_link(product)


@register.simple_tag
def line_lot_rows(lines):
    """Return, for each order line, its lots (allocations) and the lots it could come from."""
    return allocation.line_lot_rows(lines=list(lines))
