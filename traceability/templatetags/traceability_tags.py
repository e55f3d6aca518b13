from django import template

from traceability import selectors

register = template.Library()


@register.simple_tag
def latest_batch_link(product):
    """Return the path of the product's latest published batch, or "" (one query)."""
    return selectors.latest_batch_link(product)


@register.simple_tag
def line_batch_rows(lines):
    """Return, for each order line, its current batch and the batches it could come from."""
    return selectors.line_batch_rows(lines=list(lines))
