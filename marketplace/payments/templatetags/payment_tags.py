from django import template

from marketplace.payments.selectors import order_payment_context

register = template.Library()


@register.inclusion_tag("payments/partials/order_payment.html")
def order_payment_panel(order):
    """Render the order's payment status and instructions (a VietQR when still unpaid)."""
    return {"order": order, **order_payment_context(order)}
