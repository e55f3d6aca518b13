"""The order fork's number generator (Oscar finds it with ``get_class("order.utils", …)``)."""

from oscar.apps.order.utils import OrderNumberGenerator as CoreOrderNumberGenerator
from oscar.core.loading import get_model


class OrderNumberGenerator(CoreOrderNumberGenerator):
    """Oscar's number (100000 + the basket's id), with ``L2``, ``L3``… for later attempts.

    A card checkout whose Stripe session could not be opened leaves a cancelled order
    behind and reopens its basket; placing that basket again needs a new number (and a
    new Stripe idempotency key). Letters keep the numbers apart: ``100042L2`` cannot be
    another basket's number, and a bank transfer's message keeps letters and digits.
    """

    def order_number(self, basket):
        number = super().order_number(basket)
        attempts = get_model("order", "Order")._default_manager.filter(basket=basket).count()
        return f"{number}L{attempts + 1}" if attempts else number
