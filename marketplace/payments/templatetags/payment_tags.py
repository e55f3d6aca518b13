from django import template

from marketplace.payments.selectors import order_payment_context, order_status_label

register = template.Library()


@register.inclusion_tag("payments/partials/order_payment.html")
def order_payment_panel(order):
    """Render the order's payment status and instructions (a VietQR when still unpaid)."""
    return {"order": order, **order_payment_context(order)}


@register.filter(name="order_status_label")
def order_status_label_filter(status):
    """Return the label of an order status code ("awaiting-cod" → "Chờ giao, …")."""
    return order_status_label(status)
