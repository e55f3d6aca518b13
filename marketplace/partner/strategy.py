"""Pricing and availability: Oscar's default strategy, selling only from approved cooperatives.

Prices in Vietnam are shown with VAT included, so the strategy charges no extra tax.
"""

from oscar.apps.partner import availability
from oscar.apps.partner.strategy import Default
from oscar.apps.partner.strategy import Selector as CoreSelector


class CooperativeStrategy(Default):
    """Oscar's default strategy; a product whose cooperative is not approved is unavailable."""

    def availability_policy(self, product, stockrecord):
        cooperative = product.cooperative if product.cooperative_id else None
        if cooperative is None or not cooperative.is_approved:
            return availability.Unavailable()
        return super().availability_policy(product, stockrecord)


class Selector(CoreSelector):
    def strategy(self, request=None, user=None, **kwargs):
        return CooperativeStrategy(request)
