"""Order placement: stock checked under row locks, the payment recorded with the order."""

from django.db import transaction
from oscar.apps.checkout import mixins

from marketplace.checkout.services import basket_stock_lock


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    def place_order(self, **kwargs):
        # Oscar's OrderCreator allocates stock without checking it; the lock and the check
        # share the transaction with the allocation, so concurrent buyers queue up here.
        with transaction.atomic():
            basket_stock_lock(basket=kwargs["basket"])
            return super().place_order(**kwargs)
