from django.dispatch import receiver
from oscar.apps.order.signals import order_placed

from marketplace.order import services


@receiver(order_placed, dispatch_uid="marketplace.order.create_shipments")
def create_shipments(sender, order, **kwargs):
    """Split the new order into one shipment per cooperative and tell the cooperatives."""
    services.shipments_create_for_order(order=order)
